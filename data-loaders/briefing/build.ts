/**
 * Build briefings/<cycle>/ (briefing.md, briefing.html, briefing.pdf, briefing.json, charts/*.svg) from the database.
 * Everything is written into a temporary folder next to the target and swapped in at the end, so a failed
 * run leaves the previous briefing untouched.
 */
import { existsSync, mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from "node:fs";
import { dirname, join, relative } from "node:path";
import { closeDatabase, openDatabase, ROOT } from "../lib/db.ts";
import type { Logger } from "../lib/log.ts";
import { composeParts, type ChartFile } from "./compose.ts";
import { BriefingDataError, loadBriefingData } from "./data.ts";
import { renderHtml } from "./html.ts";
import { renderMarkdown } from "./markdown.ts";
import { renumberNotes, type Briefing } from "./model.ts";
import { printPdf } from "./pdf.ts";
import { draftSource, parseSource, renderSource, resolveDraft, SOURCE_DIR } from "./source.ts";
import { withDatabaseOfReport } from "./as-of.ts";

export interface BriefingOptions {
  cycle: string;
  dbPath: string;
  outDir: string;
  /** Date line printed on the briefing; without it the output carries no date (reproducible). */
  date?: string;
  /** Skip the PDF (e.g. where no Chromium is installed); md, html and charts are still written. */
  pdf?: boolean;
  /** Chromium executable for the PDF (default: CCM_CHROMIUM, else the first Chromium, Chrome or Edge installed). */
  chromiumPath?: string;
  /**
   * The analyst's source to render: a path, or false for the generated draft. Default: sources/briefings/<cycle>.md
   * when it exists, the generated draft otherwise.
   */
  source?: string | false;
  /** Where the default source is looked for (default sources/briefings). */
  sourceDir?: string;
  log: Logger;
}

export interface BriefingResult {
  dir: string;
  files: string[];
  warnings: string[];
  /** The source rendered (relative to the project root), or null for the generated draft. */
  source: string | null;
}

/** The default source of a cycle's briefing. */
export function defaultSourcePath(cycle: string, dir = join(ROOT, SOURCE_DIR)): string {
  return join(dir, `${cycle}.md`);
}

/** The named SQL queries kept beside a source: sources/briefings/13MSP.md → sources/briefings/13MSP.sql. */
export function queryFileOf(source: string): string {
  return source.replace(/\.md$/, "") + ".sql";
}

/** A path as the analyst knows it: relative to the project root when inside it. */
function shown(path: string): string {
  const rel = relative(ROOT, path);
  return rel.startsWith("..") ? path : rel;
}

/** The briefing of a cycle, as of the cycle's own report when a later report is in the database (as-of.ts). */
export async function buildBriefing(options: BriefingOptions): Promise<BriefingResult> {
  return withDatabaseOfReport(options.cycle, options.dbPath, options.log, (dbPath) => buildFrom({ ...options, dbPath }));
}

async function buildFrom(options: BriefingOptions): Promise<BriefingResult> {
  const { cycle, dbPath, outDir, log } = options;
  if (!/^[0-9]+(MSP|RC)$/.test(cycle)) throw new BriefingDataError(`"${cycle}" is not a cycle name; expected e.g. 13MSP or 3RC.`);
  if (!existsSync(dbPath)) throw new BriefingDataError(`No database at ${dbPath}: run \`npm run pipeline\` first (or pass --db <file>).`);

  const sourcePath = options.source === false ? null : (options.source ?? defaultSourcePath(cycle, options.sourceDir));
  if (options.source && !existsSync(options.source)) throw new BriefingDataError(`No briefing source at ${options.source}: write one with \`npm run briefing -- init ${cycle}\`.`);
  const useSource = sourcePath !== null && existsSync(sourcePath) ? sourcePath : null;

  const db = await openDatabase(dbPath, { readOnly: true });
  let doc: Briefing;
  let charts: ChartFile[];
  try {
    const data = await log.step("read the database", () => loadBriefingData(db.conn, cycle));
    for (const m of data.missing) log.warn(`the database has no ${m}; the briefing says so where it would use it`);
    const parts = await log.step("compose the briefing and render charts", () => composeParts(data, options.date ? { date: options.date } : {}));
    // Every number of the draft shows what the source resolver gives its reference: draft and init'd source agree.
    for (const m of await resolveDraft(db.conn, cycle, parts.doc.sections, parts.ctx)) log.warn(`the draft expected "${m.expected}" for {${m.ref}}, the reference gives "${m.resolved}"`);
    charts = parts.charts;
    if (useSource) {
      const file = shown(useSource);
      const src = parseSource(file, readFileSync(useSource, "utf8"), shown(queryFileOf(useSource)));
      const rendered = await log.step(`render the source ${file}`, () => renderSource(db.conn, src, { cycle, sections: parts.doc.sections, notes: parts.notes.keyed, ctx: parts.ctx }, parts.notes));
      for (const w of rendered.warnings) log.warn(w);
      doc = { ...parts.doc, ...(rendered.title ? { title: rendered.title } : {}), sections: rendered.sections, notes: parts.notes.texts, source: file };
      const used = new Set(doc.sections.flatMap((x) => x.blocks.flatMap((b) => (b.kind === "chart" ? [b.file] : []))));
      charts = charts.filter((c) => used.has(c.file));
    } else doc = parts.doc;
    doc = renumberNotes(doc);
  } finally {
    closeDatabase(db);
  }

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
  return { dir: target, files, warnings: log.warnings, source: useSource ? shown(useSource) : null };
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

export interface InitOptions {
  cycle: string;
  dbPath: string;
  /** Where to write the source (default sources/briefings/<cycle>.md). */
  source?: string;
  /** Replace an existing source. */
  force?: boolean;
  log: Logger;
}

/** `briefing init <cycle>`: write the generated draft as an editable source; never over an analyst's work unless forced. */
export async function initSource(options: InitOptions): Promise<string> {
  return withDatabaseOfReport(options.cycle, options.dbPath, options.log, (dbPath) => initFrom({ ...options, dbPath }));
}

async function initFrom(options: InitOptions): Promise<string> {
  const { cycle, dbPath, log } = options;
  if (!/^[0-9]+(MSP|RC)$/.test(cycle)) throw new BriefingDataError(`"${cycle}" is not a cycle name; expected e.g. 13MSP or 3RC.`);
  const path = options.source ?? defaultSourcePath(cycle);
  if (existsSync(path) && !options.force) throw new BriefingDataError(`${shown(path)} already exists and may hold an analyst's edits: it was left as it is. Pass --force to replace it with the generated draft.`);
  if (!existsSync(dbPath)) throw new BriefingDataError(`No database at ${dbPath}: run \`npm run pipeline\` first (or pass --db <file>).`);
  const db = await openDatabase(dbPath, { readOnly: true });
  let text: string;
  try {
    const data = await log.step("read the database", () => loadBriefingData(db.conn, cycle));
    const { doc, ctx } = await composeParts(data);
    await resolveDraft(db.conn, cycle, doc.sections, ctx);
    text = draftSource(cycle, doc.title, doc.sections);
  } finally {
    closeDatabase(db);
  }
  mkdirSync(dirname(path), { recursive: true });
  const tmp = `${path}.writing-${process.pid}`;
  writeFileSync(tmp, text);
  renameSync(tmp, path);
  return shown(path);
}
