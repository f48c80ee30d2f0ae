/**
 * `npm run perf`: the site's budgets, measured and printed.
 *   - clean build time: `site:build` with Framework's cache (npm bundles and loader output) removed first
 *     (skip with --no-build to measure the existing dist/);
 *   - bytes transferred per page as served gzip-compressed from 127.0.0.1 (budget: < 1 MB; pages other than
 *     the SQL explorer must not load DuckDB-Wasm);
 *   - time to first chart: the charts are drawn at build time and inlined in the page's HTML, so the first chart
 *     shows with the page's first contentful paint (from navigation start); the HTML as served is checked to
 *     hold it, and the time its marks are in the DOM is given too.
 * Exits non-zero when a budget is broken. Needs data/ccm.duckdb, briefings/ and an installed Chromium, Chrome or Edge (data-loaders/lib/chromium.ts).
 */
import { rmSync } from "node:fs";
import { join } from "node:path";
import { chromium } from "playwright-core";
import { ROOT } from "../data-loaders/lib/db.ts";
import { buildSite } from "./site/build.ts";
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

async function main(): Promise<void> {
  const lines: string[] = [];
  let failed = false;
  if (!process.argv.includes("--no-build")) {
    rmSync(join(ROOT, "src", ".observablehq", "cache"), { recursive: true, force: true });
    const started = performance.now();
    await buildSite();
    lines.push(
      `clean build (npm cache + all loaders + ${"Framework"} build): ${((performance.now() - started) / 1000).toFixed(1)} s`,
    );
  }
  const { server, url } = await serveDist(join(ROOT, "dist"), 0);
  const browser = await chromium.launch({
    executablePath: requireChromium(),
    args: CHROMIUM_ARGS,
  });
  try {
    lines.push(
      "",
      "| page | requests | transferred (gzip) | DuckDB-Wasm | chart in HTML | first chart (first paint) | HTML parsed |",
      "|---|---:|---:|---|---|---:|---:|",
    );
    for (const { path, chart } of PAGES) {
      // A fresh context per page: nothing cached, as for a first visit.
      const context = await browser.newContext();
      const page = await context.newPage();
      const requests: import("playwright-core").Request[] = [];
      page.on("requestfinished", (r) => requests.push(r));
      const inHtml = INLINE_CHART.test(await (await fetch(`${url}${path}`)).text());
      await page.goto(`${url}${path}`, { waitUntil: "load" });
      let firstChart = "–";
      let marks = "–";
      if (chart) {
        if (!inHtml) failed = true;
        await page.locator(CHART).first().waitFor({ state: "attached", timeout: 30_000 });
        marks = `${Math.round(await page.evaluate(() => performance.getEntriesByType("navigation")[0]?.toJSON().domContentLoadedEventEnd ?? performance.now()))} ms`;
        const paint = await page.evaluate(
          () => performance.getEntriesByName("first-contentful-paint")[0]?.startTime ?? null,
        );
        firstChart = paint === null ? "–" : `${Math.round(paint)} ms`;
      }
      await page.waitForLoadState("networkidle");
      let bytes = 0;
      for (const r of requests) {
        const sizes = await r.sizes();
        bytes += sizes.responseBodySize + sizes.responseHeadersSize;
      }
      const duckdb = requests.some((r) => /duckdb/i.test(r.url()));
      const overBudget = path !== "/sql" && bytes > BUDGET_BYTES;
      if (overBudget || (duckdb && path !== "/sql")) failed = true;
      lines.push(
        `| ${path} | ${requests.length} | ${(bytes / 1024).toFixed(0)} KiB${overBudget ? " (over budget)" : ""} | ${duckdb ? "yes" : "no"} | ${chart ? (inHtml ? "yes" : "NO") : "–"} | ${firstChart} | ${marks} |`,
      );
      await context.close();
    }
  } finally {
    await browser.close();
    server.close();
  }
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
