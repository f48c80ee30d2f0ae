/**
 * Build briefings/<cycle>/ (briefing.md, briefing.html, briefing.pdf, briefing.json, charts/*.svg) from the database.
 * Everything is written into a temporary folder next to the target and swapped in at the end, so a failed
 * run leaves the previous briefing untouched.
 */
import { existsSync, mkdirSync, renameSync, rmSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { closeDatabase, openDatabase } from "../lib/db.ts";
import type { Logger } from "../lib/log.ts";
import { composeBriefing } from "./compose.ts";
import { BriefingDataError, loadBriefingData } from "./data.ts";
import { renderHtml } from "./html.ts";
import { renderMarkdown } from "./markdown.ts";
import { printPdf } from "./pdf.ts";

export interface BriefingOptions {
  cycle: string;
  dbPath: string;
  outDir: string;
  /** Date line printed on the briefing; without it the output carries no date (reproducible). */
  date?: string;
  /** Skip the PDF (e.g. where no Chromium is installed); md, html and charts are still written. */
  pdf?: boolean;
  /** Chromium executable for the PDF (default: CCM_CHROMIUM or /usr/bin/chromium). */
  chromiumPath?: string;
  log: Logger;
}

export interface BriefingResult {
  dir: string;
  files: string[];
  warnings: string[];
}

export async function buildBriefing(options: BriefingOptions): Promise<BriefingResult> {
  const { cycle, dbPath, outDir, log } = options;
  if (!/^[0-9]+(MSP|RC)$/.test(cycle)) throw new BriefingDataError(`"${cycle}" is not a cycle name; expected e.g. 13MSP or 3RC.`);
  if (!existsSync(dbPath)) throw new BriefingDataError(`No database at ${dbPath}: run \`npm run pipeline\` first (or pass --db <file>).`);

  const db = await openDatabase(dbPath, { readOnly: true });
  let data;
  try {
    data = await log.step("read the database", () => loadBriefingData(db.conn, cycle));
  } finally {
    closeDatabase(db);
  }
  for (const m of data.missing) log.warn(`the database has no ${m}; the briefing says so where it would use it`);

  const { doc, charts } = await log.step("compose the briefing and render charts", () => composeBriefing(data, options.date ? { date: options.date } : {}));
  const target = join(outDir, cycle);
  mkdirSync(dirname(target), { recursive: true });
  const tmp = join(outDir, `.${cycle}.building-${process.pid}`);
  rmSync(tmp, { recursive: true, force: true });
  mkdirSync(join(tmp, "charts"), { recursive: true });
  try {
    const html = renderHtml(doc);
    writeFileSync(join(tmp, "briefing.md"), renderMarkdown(doc));
    writeFileSync(join(tmp, "briefing.html"), html);
    // The document itself, for the site's Briefings page: it renders the same model, not a re-read of the text.
    writeFileSync(join(tmp, "briefing.json"), `${JSON.stringify(doc)}\n`);
    for (const c of charts) writeFileSync(join(tmp, c.file), c.svg);
    if (options.pdf !== false) {
      await log.step("print the PDF with headless Chromium", () =>
        printPdf(html, join(tmp, "briefing.pdf"), {
          header: `CCM annual trend briefing · ${cycle}`,
          footer: `ccm-trends${options.date ? ` · ${options.date}` : ""}`,
          ...(options.chromiumPath ? { executablePath: options.chromiumPath } : {}),
          timestamp: pdfTimestamp(options.date),
        }),
      );
    }
    swapIn(tmp, target);
  } catch (e) {
    rmSync(tmp, { recursive: true, force: true });
    throw e;
  }
  const files = ["briefing.md", "briefing.html", "briefing.json", ...(options.pdf !== false ? ["briefing.pdf"] : []), ...charts.map((c) => c.file)];
  return { dir: target, files, warnings: log.warnings };
}

function swapIn(tmp: string, target: string): void {
  const old = `${target}.old-${process.pid}`;
  if (existsSync(target)) renameSync(target, old);
  try {
    renameSync(tmp, target);
  } catch (e) {
    if (existsSync(old)) renameSync(old, target);
    throw e;
  }
  rmSync(old, { recursive: true, force: true });
}

/** The PDF's internal date: the pinned briefing date at midnight UTC, or a fixed epoch when none is pinned. */
export function pdfTimestamp(date: string | undefined): string {
  const parsed = date ? Date.parse(`${date} 00:00:00 UTC`) : NaN;
  if (Number.isNaN(parsed)) return "20000101000000";
  return new Date(parsed).toISOString().replace(/[-:T]/g, "").slice(0, 14);
}
