/**
 * Build briefings/<cycle>/ (briefing.md, briefing.html, briefing.pdf, briefing.json, charts/*.svg) from the database.
 * Everything is written into a temporary folder next to the target and swapped in at the end, so a failed
 * run leaves the previous briefing untouched.
 */
import { snapshotViews } from "../lib/snapshot.ts";
import { existsSync, mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from "node:fs";
import { dirname, join, relative } from "node:path";
import { closeDatabase, openDatabase, ROOT } from "../lib/db.ts";
import type { Logger } from "../lib/log.ts";
import type { DuckDBConnection } from "@duckdb/node-api";
import { InputError } from "../lib/errors.ts";
import { composeParts, type ChartFile, type ComposedParts } from "./compose.ts";
import { BriefingDataError, loadBriefingData } from "./data.ts";
import { renderHtml } from "./html.ts";
import { renderMarkdown } from "./markdown.ts";
import { renumberNotes, type Briefing } from "./model.ts";
import { newPrinter, type PdfPrinter } from "./pdf.ts";
import { draftSource } from "./source/init.ts";
import { parseSource, SOURCE_DIR } from "./source/parse.ts";
import { renderSource, type RenderedSource } from "./source/render.ts";
import { newResolverCache, type ResolverCache } from "./source/resolve.ts";
import { readAsOfReport } from "./as-of.ts";

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
  /** A Chromium already started for the PDF (`briefing --all` shares one); by default the build starts its own. */
  printer?: PdfPrinter;
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

/**
 * The generated draft as a source (source/init.ts) rendered by the one resolver (source/resolve.ts), as an analyst's
 * source is: the composer decides what the draft says and writes every number as a reference; only the resolver gives
 * numbers their text. A reference of the draft that does not resolve is a bug of the composer.
 */
export async function renderDraft(
  conn: DuckDBConnection,
  parts: ComposedParts,
  cache: ResolverCache = newResolverCache(),
): Promise<RenderedSource> {
  const { doc, ctx, notes } = parts;
  const file = `(generated draft of ${doc.cycle})`;
  try {
    return await renderSource(
      conn,
      parseSource(file, draftSource(doc.cycle, doc.title, doc.sections), ""),
      { cycle: doc.cycle, sections: doc.sections, notes: ctx.catalog, cache },
      notes,
    );
  } catch (e) {
    if (e instanceof InputError)
      throw new Error(
        `The generated draft has references the resolver cannot resolve (a bug of the composer):\n${e.message}`,
        { cause: e },
      );
    throw e;
  }
}

/** The generated briefing of a cycle as a document, notes numbered (what `--generated` writes), from an open database. */
export async function generatedDocument(
  conn: DuckDBConnection,
  cycle: string,
  options: { date?: string } = {},
): Promise<Briefing> {
  const parts = await composeParts(await loadBriefingData(conn, cycle), options);
  const draft = await renderDraft(conn, parts);
  return renumberNotes({ ...parts.doc, sections: draft.sections, notes: parts.notes.texts });
}

/** The briefing of a cycle, as of the cycle's own report when a later report is in the database (as-of.ts). */
export async function buildBriefing(options: BriefingOptions): Promise<BriefingResult> {
  const { cycle, dbPath } = options;
  if (!/^[0-9]+(MSP|RC)$/.test(cycle))
    throw new BriefingDataError(`"${cycle}" is not a cycle name; expected e.g. 13MSP or 3RC.`);
  if (!existsSync(dbPath))
    throw new BriefingDataError(`No database at ${dbPath}: run \`npm run pipeline\` first (or pass --db <file>).`);

  const sourcePath = options.source === false ? null : (options.source ?? defaultSourcePath(cycle, options.sourceDir));
  if (options.source && !existsSync(options.source))
    throw new BriefingDataError(
      `No briefing source at ${options.source}: write one with \`npm run briefing -- init ${cycle}\`.`,
    );
  const useSource = sourcePath !== null && existsSync(sourcePath) ? sourcePath : null;
  // A missing browser for the PDF is said before any work; it starts when the PDF is printed.
  const own = options.pdf !== false && !options.printer ? newPrinter(options.chromiumPath) : null;
  try {
    return await writeBriefing(options, useSource, options.pdf === false ? null : (options.printer ?? own));
  } finally {
    await own?.close();
  }
}

async function writeBriefing(
  options: BriefingOptions,
  useSource: string | null,
  printer: PdfPrinter | null,
): Promise<BriefingResult> {
  const { cycle, dbPath, outDir, log } = options;
  const db = await openDatabase(dbPath, { readOnly: true });
  let doc: Briefing;
  let charts: ChartFile[];
  try {
    await readAsOfReport(db.conn, cycle, dbPath, log);
    await log.step("compute the views once for this briefing", () => snapshotViews(db.conn, dbPath));
    const data = await log.step("read the database", () => loadBriefingData(db.conn, cycle));
    for (const m of data.missing) log.warn(`the database has no ${m}; the briefing says so where it would use it`);
    const parts = await log.step("compose the briefing and render charts", () =>
      composeParts(data, options.date ? { date: options.date } : {}),
    );
    const cache = newResolverCache();
    const draft = await log.step("resolve the generated draft", () => renderDraft(db.conn, parts, cache));
    charts = parts.charts;
    if (useSource) {
      const file = shown(useSource);
      const src = parseSource(file, readFileSync(useSource, "utf8"), shown(queryFileOf(useSource)));
      // The analyst's source is rendered by the same resolver as the draft; it includes the draft's sections, tables
      // and charts by name, and places the notes of the database's things by key.
      const rendered = await log.step(`render the source ${file}`, () =>
        renderSource(db.conn, src, { cycle, sections: draft.sections, notes: parts.ctx.catalog, cache }, parts.notes),
      );
      for (const w of rendered.warnings) log.warn(w);
      doc = {
        ...parts.doc,
        ...(rendered.title ? { title: rendered.title } : {}),
        sections: rendered.sections,
        notes: parts.notes.texts,
        source: file,
        ...(rendered.warnings.length ? { readAgain: rendered.warnings } : {}),
      };
    } else doc = { ...parts.doc, sections: draft.sections, notes: parts.notes.texts };
    const used = new Set(doc.sections.flatMap((x) => x.blocks.flatMap((b) => (b.kind === "chart" ? [b.file] : []))));
    charts = charts.filter((c) => used.has(c.file));
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
    if (printer) {
      await log.step("print the PDF with headless Chromium", () =>
        printer.print(html, join(tmp, "briefing.pdf"), {
          header: `CCM annual trend briefing · ${cycle}`,
          footer: `ccm-trends${options.date ? ` · ${options.date}` : ""}`,
          timestamp: pdfTimestamp(options.date),
        }),
      );
    }
    swapIn(tmp, target);
  } catch (e) {
    rmSync(tmp, { recursive: true, force: true });
    throw e;
  }
  const files = [
    "briefing.md",
    "briefing.html",
    "briefing.json",
    ...(printer ? ["briefing.pdf"] : []),
    ...charts.map((c) => c.file),
  ];
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
  const { cycle, dbPath, log } = options;
  if (!/^[0-9]+(MSP|RC)$/.test(cycle))
    throw new BriefingDataError(`"${cycle}" is not a cycle name; expected e.g. 13MSP or 3RC.`);
  const path = options.source ?? defaultSourcePath(cycle);
  if (existsSync(path) && !options.force)
    throw new BriefingDataError(
      `${shown(path)} already exists and may hold an analyst's edits: it was left as it is. Pass --force to replace it with the generated draft.`,
    );
  if (!existsSync(dbPath))
    throw new BriefingDataError(`No database at ${dbPath}: run \`npm run pipeline\` first (or pass --db <file>).`);
  const db = await openDatabase(dbPath, { readOnly: true });
  let text: string;
  try {
    await readAsOfReport(db.conn, cycle, dbPath, log);
    await log.step("compute the views once for this briefing", () => snapshotViews(db.conn, dbPath));
    const data = await log.step("read the database", () => loadBriefingData(db.conn, cycle));
    const parts = await composeParts(data);
    // The draft is written only if it resolves: init never hands an analyst a source that does not render.
    await renderDraft(db.conn, parts);
    text = draftSource(cycle, parts.doc.title, parts.doc.sections);
  } finally {
    closeDatabase(db);
  }
  mkdirSync(dirname(path), { recursive: true });
  const tmp = `${path}.writing-${process.pid}`;
  writeFileSync(tmp, text);
  renameSync(tmp, path);
  return shown(path);
}
