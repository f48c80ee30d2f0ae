/**
 * `npm run perf`: the site's budgets, measured and printed.
 *   - clean build time: `npm run build` with every stage forced (CCM_FORCE=1) and Framework's cache (npm bundles
 *     and loader output) removed first, twice, alternating with its floor, the fastest of each kept (skip with
 *     --no-build to measure the existing dist/); then the build run again with nothing changed, and after one
 *     source file of the site changed (src/style.css, restored after);
 *   - bytes transferred per page as served gzip-compressed from 127.0.0.1 (budget: < 1 MB; pages other than
 *     the SQL explorer must not load DuckDB-Wasm);
 *   - time to first chart: the charts are drawn at build time and inlined in the page's HTML (checked in the HTML as
 *     served); the time the first one is painted, from navigation start, is what the browser reports for its first
 *     label (Element Timing: MARK_FIRST_CHART below marks it). The page's first contentful paint is
 *     given beside it: it is often earlier, the sidebar painted before the parser reaches the chart.
 *   - the layout shift of each page as it loads and its scripts enhance it (the sum of the Layout Instability
 *     API's entries, and what moved), which should be 0;
 *   - each beside its floor, measured in the same run:
 *       the clean `npm run build` (pipeline, every briefing with its PDF, the site) against Framework building as
 *       many trivial pages (one heading and a sentence each) with the same version;
 *       the first chart of each chart page (painted, median over the pages and loads) against the same SVG alone in
 *       a plain HTML page served beside it, timed the same way.
 * Exits non-zero when a budget is broken. Needs data/ccm.duckdb, briefings/ and an installed Chromium, Chrome or Edge (data-loaders/lib/chromium.ts).
 */
import { execFileSync } from "node:child_process";
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { loadavg, tmpdir } from "node:os";
import { join, relative } from "node:path";
import { chromium } from "playwright-core";
import { ROOT } from "../data-loaders/lib/db.ts";
import { runFramework } from "./site/build.ts";
import { fillNpmCache, NPM_CACHE } from "./site/npm-cache.ts";
import { serveDist } from "./site/serve.ts";
import { CHROMIUM_ARGS, requireChromium } from "../data-loaders/lib/chromium.ts";

const BUDGET_BYTES = 1_000_000;
// Marks, not axes: the paths of an inlined chart (Vega bars, lines, points, map shapes).
const CHART = "figure.chart svg[role=img] .role-mark path, figure.chart svg[role=img] .role-mark";
/** A chart drawn at build time: an <svg role="img"> with its marks, in the HTML as served. */
const INLINE_CHART = /<svg role="img"[^>]*>[\s\S]*?class="mark-/;
const PAGES: { path: string; chart: boolean }[] = [
  { path: "/", chart: true },
  { path: "/pillars/A", chart: true },
  { path: "/universalization", chart: true },
  { path: "/states/", chart: false },
  { path: "/states/NOR", chart: false },
  { path: "/data-quality", chart: false },
  { path: "/briefings", chart: true },
  { path: "/downloads", chart: false },
  { path: "/sql", chart: false },
];

/** Clean builds (and floors, alternately) of which the fastest is kept. */
const CLEAN_BUILD_ROUNDS = 2;
/** Loads of each chart page (and of its floor) for the first-chart median. */
const FIRST_PAINT_ROUNDS = 3;
const seconds = (since: number) => (performance.now() - since) / 1000;
const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2]! : (s[s.length / 2 - 1]! + s[s.length / 2]!) / 2;
};
/** The chart pages: the overview, each pillar, universalization, briefings (every page that inlines a chart). */
const chartPages = () => [
  "/",
  ...readdirSync(join(ROOT, "dist", "pillars"))
    .filter((f) => f.endsWith(".html"))
    .map((f) => `/pillars/${f.replace(/\.html$/, "")}`),
  "/universalization",
  "/briefings",
];

/** The HTML pages of the built site. */
function pageCount(dir = join(ROOT, "dist")): number {
  let n = 0;
  for (const e of readdirSync(dir, { withFileTypes: true }))
    if (e.isDirectory() && !e.name.startsWith("_")) n += pageCount(join(dir, e.name));
    else if (e.name.endsWith(".html")) n += 1;
  return n;
}

/** Framework building `pages` trivial pages (a heading and a sentence each): the floor of a site build. */
async function frameworkFloor(pages: number): Promise<number> {
  const root = mkdtempSync(join(ROOT, ".perf-floor-"));
  try {
    mkdirSync(join(root, "src", "p"), { recursive: true });
    // Framework's client needs its npm cache, which the site build fills from node_modules (offline): the same.
    mkdirSync(join(root, "src", ".observablehq", "cache"), { recursive: true });
    await fillNpmCache(() => {});
    symlinkSync(NPM_CACHE, join(root, "src", ".observablehq", "cache", "_npm"));
    writeFileSync(join(root, "src", "index.md"), "# Floor\n\nA trivial page.\n");
    for (let i = 1; i < pages; i++)
      writeFileSync(join(root, "src", "p", `${i}.md`), `# Page ${i}\n\nA trivial page.\n`);
    const config = join(root, "observablehq.config.js");
    writeFileSync(
      config,
      `export default { root: ${JSON.stringify(relative(ROOT, join(root, "src")))}, output: process.env.CCM_SITE_OUTPUT, globalStylesheets: [] };\n`,
    );
    const started = performance.now();
    const { code, log } = await runFramework(join(root, "dist"), { config, quiet: true, asShipped: true });
    if (code !== 0) throw new Error(`Framework's build of ${pages} trivial pages failed:\n${log}`);
    return seconds(started);
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
}

/**
 * Run in every page perf loads, before the page's own scripts: the first chart's first label is given
 * elementtiming="chart" as soon as the parser has inserted it, so that the browser reports when the chart is painted
 * (the Element Timing API). The attribute is checked when the label is painted, and a parser-inserted node is never
 * painted before the mutation observers of its task have run. The same script runs on our page and on the same SVG in
 * a plain page. It is not in the served HTML: the W3C checker does not know the attribute (site-html.test.ts).
 */
const MARK_FIRST_CHART = `new MutationObserver((records, observer) => {
  const label = document.querySelector('svg[role="img"] text');
  if (label) { label.setAttribute("elementtiming", "chart"); observer.disconnect(); }
}).observe(document, { childList: true, subtree: true });`;

/**
 * When a page's first chart is painted (ms from navigation start) and its first contentful paint, read in the page:
 * the Element Timing entry of the chart's first label (elementtiming="chart": MARK_FIRST_CHART) and the
 * paint entry. Either can arrive after the load event: wait for both (buffered), up to 10 s.
 */
async function paintTimes(
  page: import("playwright-core").Page,
  address: string,
): Promise<{ chart: number; fcp: number }> {
  const times = await page.evaluate(
    () =>
      new Promise<{ chart: number; fcp: number } | null>((resolve) => {
        // No named functions in here: tsx would wrap them in a helper the page does not have.
        const times = { chart: -1, fcp: -1 };
        new PerformanceObserver((list) => {
          const entry = list.getEntriesByName("first-contentful-paint")[0];
          if (entry) times.fcp = entry.startTime;
          if (times.chart >= 0 && times.fcp >= 0) resolve(times);
        }).observe({ type: "paint", buffered: true });
        new PerformanceObserver((list) => {
          const entry = (list.getEntries() as (PerformanceEntry & { identifier: string; renderTime: number })[]).find(
            (e) => e.identifier === "chart",
          );
          if (entry && times.chart < 0) times.chart = entry.renderTime;
          if (times.chart >= 0 && times.fcp >= 0) resolve(times);
        }).observe({ type: "element", buffered: true });
        setTimeout(() => resolve(null), 10_000);
      }),
  );
  if (times === null) throw new Error(`${address}: no paint of its first chart (elementtiming="chart") within 10 s`);
  return times;
}

/**
 * The page's layout shifts until now, none after an input (the Layout Instability API, the sum Chromium calls
 * cumulative layout shift for a page this short), and the elements that moved, e.g. "0.0104 (div.table-wrap)". A
 * long table can also move on its own as it loads: the browser widens its columns as more rows are parsed.
 */
async function layoutShift(page: import("playwright-core").Page): Promise<string> {
  const shifts = await page.evaluate(
    () =>
      new Promise<{ value: number; moved: string[] }[]>((resolve) => {
        const found: { value: number; moved: string[] }[] = [];
        new PerformanceObserver((list) => {
          for (const entry of list.getEntries() as (PerformanceEntry & {
            value: number;
            hadRecentInput: boolean;
            sources: { node: Node | null }[];
          })[]) {
            // Framework's table-of-contents marker slides to the heading in view by design (hundredths of a pixel
            // as it starts): not counted, as in test/site.test.ts.
            const marker = entry.sources.every(
              ({ node }) => node instanceof Element && node.matches(".observablehq-secondary-link-highlight"),
            );
            if (entry.hadRecentInput || entry.value === 0 || marker) continue;
            const moved = entry.sources.map(({ node }) =>
              node instanceof Element
                ? `${node.localName}${node.id ? `#${node.id}` : node.classList[0] ? `.${node.classList[0]}` : ""}`
                : (node?.nodeName ?? "?"),
            );
            found.push({ value: entry.value, moved });
          }
        }).observe({ type: "layout-shift", buffered: true });
        setTimeout(() => resolve(found), 100);
      }),
  );
  const total = shifts.reduce((sum, s) => sum + s.value, 0);
  const moved = [...new Set(shifts.flatMap((s) => s.moved))];
  return total === 0 ? "0" : `${total.toFixed(4)} (${moved.join(", ")})`;
}

/** When a page's first chart is painted, in a fresh context (nothing cached). */
async function firstChart(browser: import("playwright-core").Browser, address: string): Promise<number> {
  const context = await browser.newContext();
  try {
    await context.addInitScript(MARK_FIRST_CHART);
    const page = await context.newPage();
    await page.goto(address, { waitUntil: "load" });
    return (await paintTimes(page, address)).chart;
  } finally {
    await context.close();
  }
}

async function main(): Promise<void> {
  const lines: string[] = [];
  const ratios: string[] = [];
  let failed = false;
  if (!process.argv.includes("--no-build")) {
    // The clean build and its floor alternately, CLEAN_BUILD_ROUNDS times, the fastest of each kept (as `npm run
    // bench` keeps the fastest of its runs): the machine's own load moves one build by ±15%.
    const builds: number[] = [];
    const floors: number[] = [];
    let pages = 0;
    for (let round = 0; round < CLEAN_BUILD_ROUNDS; round++) {
      rmSync(join(ROOT, "src", ".observablehq", "cache"), { recursive: true, force: true });
      const started = performance.now();
      // Clean: every stage built, whatever the stamps of the last build say (data-loaders/lib/stamps.ts).
      execFileSync("npm", ["run", "build", "--silent"], {
        cwd: ROOT,
        stdio: ["ignore", "ignore", "inherit"],
        env: { ...process.env, CCM_FORCE: "1" },
      });
      builds.push(seconds(started));
      pages = pageCount();
      floors.push(await frameworkFloor(pages));
    }
    const [build, floor] = [Math.min(...builds), Math.min(...floors)];
    const runs = (xs: number[]) => `fastest of ${xs.map((x) => x.toFixed(1)).join(", ")} s`;
    lines.push(
      `clean npm run build (pipeline, briefings with PDF, ${pages} pages): ${build.toFixed(1)} s (${runs(builds)})`,
    );
    ratios.push(
      `| clean \`npm run build\` (${pages} pages) | ${build.toFixed(1)} s (${runs(builds)}) | Framework building ${pages} trivial pages: ${floor.toFixed(1)} s (${runs(floors)}) | ${(build / floor).toFixed(2)}× | ≤ 1.5× |`,
    );
    const again = (what: string) => {
      const t0 = performance.now();
      execFileSync("npm", ["run", "build", "--silent"], { cwd: ROOT, stdio: ["ignore", "ignore", "ignore"] });
      const took = seconds(t0);
      lines.push(`npm run build again, ${what}: ${took.toFixed(1)} s`);
      ratios.push(
        `| \`npm run build\` again, ${what} | ${took.toFixed(1)} s | the clean build above | ${(took / build).toFixed(2)}× of the clean build | only what depends on it |`,
      );
    };
    again("nothing changed");
    // One source file of the site changed (a comment added to the style sheet, then taken out): the site is
    // rebuilt from the loaders' kept outputs; the database and the briefings are not.
    const style = join(ROOT, "src", "style.css");
    const css = readFileSync(style, "utf8");
    try {
      writeFileSync(style, `${css}\n/* perf: one changed source file */\n`);
      again("after src/style.css changed");
    } finally {
      writeFileSync(style, css);
    }
  }
  const { server, url } = await serveDist(join(ROOT, "dist"), 0);
  const browser = await chromium.launch({
    // A browser, not the headless shell the tests prefer: the first chart and the layout shift as a visitor's
    // Chromium, Chrome or Edge shows them (data-loaders/lib/chromium.ts).
    executablePath: requireChromium(undefined, { shell: false }),
    args: CHROMIUM_ARGS,
  });
  const plain = mkdtempSync(join(tmpdir(), "ccm-perf-plain-"));
  writeFileSync(join(plain, "index.html"), "<!DOCTYPE html><title>floor</title>");
  const floorServer = await serveDist(plain, 0);
  try {
    // The same SVG alone in a plain page, served beside the site by the same server code: the floor of a first chart.
    const ours: number[] = [];
    const floors: number[] = [];
    const pairs: { path: string; name: string }[] = [];
    for (const path of chartPages()) {
      const html = await (await fetch(`${url}${path}`)).text();
      const svg = /<svg role="img"[\s\S]*?<\/svg>/.exec(html)?.[0];
      if (!svg) throw new Error(`${path}: no inline chart in the served HTML`);
      const name = `${path.replace(/\W+/g, "-").replace(/^-|-$/g, "") || "index"}.html`;
      writeFileSync(
        join(plain, name),
        `<!DOCTYPE html><html lang="en"><meta charset="utf-8"><title>${path}</title><body>${svg}</body></html>`,
      );
      pairs.push({ path, name });
    }
    // Each page and its floor alternately, so that a busy moment of the machine falls on both, and every page
    // FIRST_PAINT_ROUNDS times: one paint of a page moves by ±100 ms from load to load on a shared machine.
    for (let round = 0; round < FIRST_PAINT_ROUNDS; round++)
      for (const { path, name } of pairs) {
        ours.push(await firstChart(browser, `${url}${path}`));
        floors.push(await firstChart(browser, `${floorServer.url}/${name}`));
      }
    const [o, f] = [median(ours), median(floors)];
    ratios.push(
      `| first chart (painted, median of ${pairs.length} chart pages × ${FIRST_PAINT_ROUNDS} loads) | ${Math.round(o)} ms | the same SVG in a plain page: ${Math.round(f)} ms | ${(o / f).toFixed(2)}× | ≤ 1.5× |`,
    );
    lines.push(
      "",
      "| page | requests | transferred (gzip) | DuckDB-Wasm | chart in HTML | first chart painted | first contentful paint | HTML parsed | layout shift as it loads (what moved) |",
      "|---|---:|---:|---|---|---:|---:|---:|---|",
    );
    for (const { path, chart } of PAGES) {
      // A fresh context per page: nothing cached, as for a first visit.
      const context = await browser.newContext();
      await context.addInitScript(MARK_FIRST_CHART);
      const page = await context.newPage();
      const requests: import("playwright-core").Request[] = [];
      page.on("requestfinished", (r) => requests.push(r));
      const inHtml = INLINE_CHART.test(await (await fetch(`${url}${path}`)).text());
      await page.goto(`${url}${path}`, { waitUntil: "load" });
      let chartPainted = "–";
      let firstPaint = "–";
      let marks = "–";
      if (chart) {
        if (!inHtml) failed = true;
        await page.locator(CHART).first().waitFor({ state: "attached", timeout: 30_000 });
        marks = `${Math.round(await page.evaluate(() => performance.getEntriesByType("navigation")[0]?.toJSON().domContentLoadedEventEnd ?? performance.now()))} ms`;
        const times = await paintTimes(page, `${url}${path}`);
        chartPainted = `${Math.round(times.chart)} ms`;
        firstPaint = `${Math.round(times.fcp)} ms`;
      }
      await page.waitForLoadState("networkidle");
      const shift = await layoutShift(page);
      let bytes = 0;
      for (const r of requests) {
        const sizes = await r.sizes();
        bytes += sizes.responseBodySize + sizes.responseHeadersSize;
      }
      const duckdb = requests.some((r) => /duckdb/i.test(r.url()));
      const overBudget = path !== "/sql" && bytes > BUDGET_BYTES;
      if (overBudget || (duckdb && path !== "/sql")) failed = true;
      lines.push(
        `| ${path} | ${requests.length} | ${(bytes / 1024).toFixed(0)} KiB${overBudget ? " (over budget)" : ""} | ${duckdb ? "yes" : "no"} | ${chart ? (inHtml ? "yes" : "NO") : "–"} | ${chartPainted} | ${firstPaint} | ${marks} | ${shift} |`,
      );
      await context.close();
    }
  } finally {
    await browser.close();
    server.close();
    floorServer.server.close();
    rmSync(plain, { recursive: true, force: true });
  }
  const [l1, l5, l15] = loadavg().map((x) => x.toFixed(2));
  lines.push(
    "",
    `Each against its floor, measured in this run (${new Date().toISOString().slice(0, 16)} UTC, load average ${l1} ${l5} ${l15}):`,
    "",
    "| what | ours | floor (same run) | ratio | target |",
    "|---|---:|---:|---:|---:|",
    ...ratios,
  );
  process.stdout.write(`${lines.join("\n")}\n`);
  if (failed) {
    process.stderr.write(
      `budget broken: a page other than /sql is over ${BUDGET_BYTES} bytes or loads DuckDB-Wasm, or a chart page's HTML lacks its chart\n`,
    );
    process.exit(1);
  }
}

main().catch((e: unknown) => {
  process.stderr.write(`${e instanceof Error ? e.stack : String(e)}\n`);
  process.exit(1);
});
