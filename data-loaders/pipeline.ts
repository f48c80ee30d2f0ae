/**
 * The build: sources/ → validated tables → data/ccm.duckdb. One function, buildDatabase, for the full pipeline,
 * the UNGA-only build of the ingest tests and the benchmark (unga-build.ts), so all measure and check one path.
 *
 *   1. read and validate the curated datasets (csv-parse), resolve State names
 *   2. load each into raw.<name> (VARCHAR) and stage it with sql/staging/<name>.sql (rename and cast); a dataset
 *      each report has of its own holds every report's rows, keyed by report_id (report-sources.ts)
 *   3. run the ingest steps of steps/index.ts (e.g. UNDL bulk vote files with DuckDB's CSV reader)
 *   4. build sql/models/*.sql in file-name order (the trends, the UNGA analyses and the checks of each report)
 *   5. run the steps that come after the models (the checks of each report, steps/report-checks.ts)
 * Nothing is replaced once built: the relations that hold "the latest report's" rows are views over the keyed ones
 * (sql/models/002_reports.sql, session_report()).
 *   6. compute each view once into a temporary table, build sql/marts/*.sql (the relations the briefing and the site
 *      read) against those copies, compute theirs, then run the steps of the stage
 *      "after-marts" (the column checks of every described relation, steps/column-checks.ts)
 *   7. run the data tests in sql/checks/*.sql: each returns the rows that break it
 *
 * It builds into a temporary file and swaps it in only when every step succeeded.
 */
import { existsSync, readdirSync } from "node:fs";
import { join } from "node:path";
import {
  appendTextRows,
  buildAtomically,
  DEFAULT_DB,
  ident,
  queryRows,
  relationsOf,
  rowCount,
  runSqlFile,
  SQL_DIR,
  sqlText,
} from "./lib/db.ts";
import { createLogger } from "./lib/log.ts";
import {
  computeNewViews,
  keepSavedViews,
  removeSnapshotFiles,
  saveEarlierSnapshots,
  saveViewSnapshot,
  snapshotViews,
} from "./lib/snapshot.ts";
import { readCuratedSources, SOURCES_DIR } from "./sources.ts";
import { STEPS } from "./steps/index.ts";
import { baseReport, loadReportDatasets, type ReportDatasetFile } from "./report-sources.ts";
import { PER_REPORT_DATASETS } from "./extract/reports/layout.ts";
import type { DatasetMeta } from "./lib/meta.ts";
import type { PipelineOptions, PipelineStep, StepContext } from "./steps/types.ts";

export type { PipelineOptions, PipelineStep, StepContext } from "./steps/types.ts";

/** What a build covers: every dataset, step and SQL file by default; a part of the database otherwise. */
export interface BuildScope {
  /** Curated datasets to load (default: every *.meta.json in the sources folder). */
  datasets?: readonly string[];
  /** Ingest steps to run (default: steps/index.ts). */
  steps?: readonly PipelineStep[];
  /** Which model, analysis and check files to run, by path under sql/ (default: all). */
  sql?: (file: string) => boolean;
}

export interface PipelineSummary {
  dbPath: string;
  tables: { name: string; kind: "table" | "view"; rows: number }[];
  warnings: string[];
  seconds: number;
}

function sqlFiles(dir: string): string[] {
  const full = join(SQL_DIR, dir);
  if (!existsSync(full)) return [];
  return readdirSync(full)
    .filter((f) => f.endsWith(".sql"))
    .sort()
    .map((f) => `${dir}/${f}`);
}

async function loadCurated(ctx: StepContext): Promise<ReportDatasetFile[]> {
  const { conn } = ctx.db;
  await conn.run("CREATE SCHEMA IF NOT EXISTS raw");
  // The datasets each report has of its own: one raw table with every report's rows, keyed by report_id.
  const reports = await loadReportDatasets(ctx);
  if (reports.loaded.size) await runSqlFile(conn, "staging/report_editions.sql");
  for (const [name, table] of ctx.sources.tables) {
    const cols = table.meta.columns.map((c) => c.name);
    if (!reports.loaded.has(name)) {
      await conn.run(`CREATE TABLE raw.${ident(name)} (${cols.map((c) => `${ident(c)} VARCHAR`).join(", ")})`);
      await appendTextRows(conn, `raw.${name}`, cols, table.rows);
    }
    const staging = `staging/${name}.sql`;
    if (!existsSync(join(SQL_DIR, staging))) {
      throw new Error(
        `No staging SQL for dataset "${name}": create data-loaders/sql/${staging} (rename and cast raw.${name} into table ${name}).`,
      );
    }
    await runSqlFile(conn, staging);
  }
  return reports.files;
}

/** The provenance of every dataset file: the curated ones, then each later report's (named <report>/<dataset>). */
async function recordDatasets(ctx: StepContext, later: ReportDatasetFile[]): Promise<void> {
  await runSqlFile(ctx.db.conn, "models/000_datasets.sql");
  const base = baseReport(ctx);
  const perReport = new Set<string>(PER_REPORT_DATASETS);
  const provenance = (meta: DatasetMeta, reportId: string | null, name: string, file: string, rows: number) => ({
    report_id: reportId,
    name,
    title: meta.title,
    producer: meta.producer,
    source: meta.source,
    date: meta.date,
    licence: meta.licence,
    reference: meta.reference,
    method: meta.method,
    sha256: meta.sha256,
    file,
    rows: String(rows),
    derived_from: (meta.derived_from ?? []).join("; ") || null,
  });
  const rows = [
    ...[...ctx.sources.tables.values()].map(({ meta, rows }) =>
      provenance(meta, perReport.has(meta.name) ? base : null, meta.name, `sources/${meta.name}.csv`, rows.length),
    ),
    ...later.map((d) => provenance(d.meta, d.report_id, `${d.report_id}/${d.meta.name}`, d.file, d.rows)),
  ];
  await appendTextRows(ctx.db.conn, "dataset_provenance", Object.keys(rows[0] ?? {}), rows);
  await ctx.db.conn.run("ALTER TABLE dataset_provenance ALTER rows TYPE INTEGER");
}

async function runDataTests(ctx: StepContext, files: string[]): Promise<void> {
  const failures: string[] = [];
  for (const file of files) {
    const rows = await queryRows<{ problem: string }>(ctx.db.conn, sqlText(file));
    for (const r of rows.slice(0, 10)) failures.push(`${file}: ${r.problem}`);
    if (rows.length > 10) failures.push(`${file}: … and ${rows.length - 10} more`);
  }
  if (failures.length)
    throw new Error(`Data tests failed (the database was not replaced):\n  ${failures.join("\n  ")}`);
}

export async function buildDatabase(options: PipelineOptions & BuildScope = {}): Promise<PipelineSummary> {
  const start = performance.now();
  const log = options.logger ?? createLogger();
  const sourcesDir = options.sourcesDir ?? SOURCES_DIR;
  const dbPath = options.dbPath ?? DEFAULT_DB;
  const wanted = options.sql ?? (() => true);
  log.info(`ccm-trends pipeline: ${sourcesDir} → ${dbPath}`);
  const sources = await log.step("read and validate sources", async () =>
    readCuratedSources(sourcesDir, { checkChecksums: options.checkChecksums ?? true, datasets: options.datasets }),
  );
  const savedViews = `${dbPath}.views.building-${process.pid}`;
  let earlier: string[] = [];
  const tables = await buildAtomically(dbPath, async (db) => {
    const ctx: StepContext = { db, sources, sourcesDir, log, options };
    const later = await log.step(`load ${sources.tables.size} curated datasets`, () => loadCurated(ctx));
    await log.step("record dataset provenance", () => recordDatasets(ctx, later));
    const steps = options.steps ?? STEPS;
    const after = (s: PipelineStep) => s.stage === "after-models";
    const last = (s: PipelineStep) => s.stage === "after-marts";
    for (const step of steps.filter((s) => !after(s) && !last(s))) await log.step(step.name, () => step.run(ctx));
    const models = sqlFiles("models").filter((f) => f !== "models/000_datasets.sql" && wanted(f));
    await log.step(`build ${models.length} models`, async () => {
      for (const f of models) await runSqlFile(db.conn, f);
    });
    for (const step of steps.filter(after)) await log.step(step.name, () => step.run(ctx));
    // Nothing writes from here on: the marts, the checks and the row counts below read every view, and deep views
    // re-expand everything under them for each query (the column checks took 11 s and the counts 14 s). Each view is
    // computed once into a temporary table of its name, which the connection reads first and which is gone when it
    // closes. The models' views first: creating a view binds everything it reads, and the marts, bound against these
    // copies, take 30 ms instead of 0.75 s (what they store is their SQL text, read again by each session).
    const { computed } = await log.step("compute the models' views once", () => snapshotViews(db.conn));
    // The marts read the checks of each report too, so they come last: the relations the briefing and the site read.
    const marts = sqlFiles("marts").filter(wanted);
    await log.step(`build ${marts.length} marts`, async () => {
      for (const f of marts) await runSqlFile(db.conn, f);
    });
    await log.step("compute the marts' views once", () => computeNewViews(db.conn, computed ?? new Map()));
    for (const step of steps.filter(last)) await log.step(step.name, () => step.run(ctx));
    const checked = new Set(ctx.checkedPerReport ?? []);
    await log.step("data tests", () =>
      runDataTests(
        ctx,
        sqlFiles("checks").filter((f) => wanted(f) && !checked.has(f)),
      ),
    );
    // Tables first, then views, each by name.
    const relations = (await relationsOf(db.conn)).sort((a, b) => a.kind.localeCompare(b.kind));
    const list: PipelineSummary["tables"] = [];
    for (const r of relations) list.push({ name: r.name, kind: r.kind, rows: await rowCount(db.conn, r.name) });
    // The views as computed for the checks, saved for the sessions that read this database (lib/snapshot.ts), then
    // as of each earlier report, for its briefing.
    await saveViewSnapshot(db.conn, savedViews);
    earlier = await log.step("save the views as of each earlier report", () =>
      saveEarlierSnapshots(db.conn, savedViews),
    );
    return list;
  }).catch((e: unknown) => {
    removeSnapshotFiles(savedViews);
    throw e;
  });
  keepSavedViews(savedViews, dbPath, earlier);
  return { dbPath, tables, warnings: log.warnings, seconds: (performance.now() - start) / 1000 };
}

/** The whole database from the whole of sources/ (`npm run pipeline`). */
export async function runPipeline(options: PipelineOptions = {}): Promise<PipelineSummary> {
  return buildDatabase(options);
}

export function formatSummary(s: PipelineSummary): string {
  const width = Math.max(...s.tables.map((t) => t.name.length), 10);
  const lines = s.tables.map(
    (t) => `  ${t.name.padEnd(width)}  ${t.kind.padEnd(5)}  ${String(t.rows).padStart(8)} rows`,
  );
  const warn = s.warnings.length
    ? `\n${s.warnings.length} warning(s):\n${s.warnings.map((w) => `  - ${w}`).join("\n")}`
    : "\nNo warnings.";
  return `Built ${s.dbPath} in ${s.seconds.toFixed(1)} s:\n${lines.join("\n")}${warn}`;
}
