/**
 * `npm run perf`: the site's budgets, measured and printed.
 *   - clean build time: `site:build` with Framework's cache (npm bundles and loader output) removed first
 *     (skip with --no-build to measure the existing dist/);
 *   - bytes transferred per page as served gzip-compressed from 127.0.0.1 (budget: < 1 MB; pages other than
 *     the SQL explorer must not load DuckDB-Wasm);
 *   - time to first chart: from navigation start until the first chart's SVG has marks.
 * Exits non-zero when a budget is broken. Needs data/ccm.duckdb, briefings/ and /usr/bin/chromium.
 */
import { rmSync } from "node:fs";
import { join } from "node:path";
import { chromium } from "playwright-core";
import { ROOT } from "../data-loaders/lib/db.ts";
import { buildSite } from "./site/build.ts";
import { serveDist } from "./site/serve.ts";
import { CHROMIUM_ARGS, requireChromium } from "../data-loaders/lib/chromium.ts";

const BUDGET_BYTES = 1_000_000;
// Marks, not axes: Vega-Lite bars/lines, Plot lines, dots and map shapes.
const CHART = ".vega-chart svg .mark-rect path, .vega-chart svg .mark-line path, svg g[aria-label='line'] path, svg g[aria-label='dot'] circle, svg g[aria-label='geo'] path";
const PAGES: { path: string; chart: boolean }[] = [
  { path: "/", chart: true },
  { path: "/pillars/A", chart: true },
  { path: "/universalization", chart: true },
  { path: "/states/", chart: false },
  { path: "/states/NOR", chart: false },
  { path: "/data-quality", chart: false },
  { path: "/briefings", chart: false },
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
    lines.push(`clean build (npm cache + all loaders + ${"Framework"} build): ${((performance.now() - started) / 1000).toFixed(1)} s`);
  }
  const { server, url } = await serveDist(join(ROOT, "dist"), 0);
  const browser = await chromium.launch({
    executablePath: requireChromium(),
    args: CHROMIUM_ARGS,
  });
  try {
    lines.push("", "| page | requests | transferred (gzip) | DuckDB-Wasm | first chart |", "|---|---:|---:|---|---:|");
    for (const { path, chart } of PAGES) {
      // A fresh context per page: nothing cached, as for a first visit.
      const context = await browser.newContext();
      const page = await context.newPage();
      const requests: import("playwright-core").Request[] = [];
      page.on("requestfinished", (r) => requests.push(r));
      await page.goto(`${url}${path}`, { waitUntil: "load" });
      let firstChart = "–";
      if (chart) {
        await page.locator(CHART).first().waitFor({ state: "attached", timeout: 30_000 });
        firstChart = `${Math.round(await page.evaluate(() => performance.now()))} ms`;
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
      lines.push(`| ${path} | ${requests.length} | ${(bytes / 1024).toFixed(0)} KiB${overBudget ? " (over budget)" : ""} | ${duckdb ? "yes" : "no"} | ${firstChart} |`);
      await context.close();
    }
  } finally {
    await browser.close();
    server.close();
  }
  process.stdout.write(`${lines.join("\n")}\n`);
  if (failed) {
    process.stderr.write(`budget broken: a page other than /sql is over ${BUDGET_BYTES} bytes or loads DuckDB-Wasm\n`);
    process.exit(1);
  }
}

main().catch((e: unknown) => {
  process.stderr.write(`${e instanceof Error ? e.stack : String(e)}\n`);
  process.exit(1);
});
