/**
 * Every progress report side by side, keyed by report (sources layout: data-loaders/extract/reports/layout.ts).
 * Called by the pipeline while it loads the curated datasets: each dataset a report has of its own
 * (PER_REPORT_DATASETS: cycles, indicator_values, findings, finding_states and the reviewed hand datasets) is
 * loaded into one raw table raw.<name> holding every report's rows with their report_id: the first report's from
 * the top of sources/, each later report's from sources/reports/<id>/, validated against its .meta.json (columns,
 * types, checksum). The dataset's staging SQL (sql/staging/<name>.sql) then stages all of them at once into
 * report_<name>. The edition facts of each report (extract/reports/editions.ts) go into raw.report_editions, staged
 * by sql/staging/report_editions.sql and pivoted into table reports by sql/models/002_reports.sql.
 * Nothing is copied or replaced afterwards: "the latest report" and "as of a report" are views over reports
 * (sql/models/002_reports.sql, session_report()).
 */
import { existsSync, readFileSync } from "node:fs";
import { join, relative } from "node:path";
import { appendTextRows, ident, ROOT } from "./lib/db.ts";
import { InputError } from "./lib/errors.ts";
import { readCuratedCsv, type CsvRow } from "./lib/csv.ts";
import { readMeta, sha256, type DatasetMeta } from "./lib/meta.ts";
import { listReports, PER_REPORT_DATASETS, type ReportSource } from "./extract/reports/layout.ts";
import { readEditions } from "./extract/reports/editions.ts";
import type { StepContext } from "./steps/types.ts";

const rel = (p: string) => relative(ROOT, p) || p;

/** A dataset file of one report, for the provenance table (dataset_provenance). */
export interface ReportDatasetFile {
  report_id: string;
  meta: DatasetMeta;
  file: string;
  rows: number;
}

/** A later report's dataset, validated like a curated dataset; its columns must be the first report's. */
function readLaterDataset(
  ctx: StepContext,
  report: ReportSource,
  name: string,
  columns: string[],
): { meta: DatasetMeta; file: string; rows: CsvRow[] } {
  const csvPath = join(report.datasetsDir, `${name}.csv`);
  const metaPath = join(report.datasetsDir, `${name}.meta.json`);
  if (!existsSync(csvPath) || !existsSync(metaPath)) {
    throw new InputError({
      file: rel(existsSync(csvPath) ? metaPath : csvPath),
      expected: `the ${report.id} report's dataset ${name} (.csv and .meta.json)`,
      found: "no such file",
      fix: `run \`npm run extract -- ${rel(join(report.datasetsDir, "report.txt"))}\``,
    });
  }
  const meta = readMeta(rel(metaPath));
  const described = meta.columns.map((c) => c.name);
  if (described.join(",") !== columns.join(",")) {
    throw new InputError({
      file: rel(metaPath),
      column: "columns",
      expected: columns.join(","),
      found: described.join(","),
      fix: `extract the ${report.id} report again so that its datasets have the current columns`,
    });
  }
  const bytes = readFileSync(csvPath);
  if ((ctx.options.checkChecksums ?? true) && sha256(bytes) !== meta.sha256) {
    throw new InputError({
      file: rel(csvPath),
      line: 1,
      expected: `the SHA-256 recorded in ${name}.meta.json`,
      found: "a file changed since its metadata was written",
      fix: "review the change, then record it with `npm run ccm -- checksums --write`",
    });
  }
  return { meta, file: rel(csvPath), rows: readCuratedCsv(rel(csvPath), meta, bytes).rows };
}

/**
 * Loads raw.report_editions and, for each per-report dataset among the curated ones, raw.<name> with every
 * report's rows (report_id first). Returns the names it loaded and the later reports' dataset files; a build
 * without the report's datasets (the UNGA-only build) loads nothing.
 */
export async function loadReportDatasets(
  ctx: StepContext,
): Promise<{ loaded: Set<string>; files: ReportDatasetFile[] }> {
  const names = PER_REPORT_DATASETS.filter((n) => ctx.sources.tables.has(n));
  const files: ReportDatasetFile[] = [];
  if (!names.length) return { loaded: new Set(), files };
  const { conn } = ctx.db;
  const reports = listReports(ctx.sourcesDir, ctx.options.asOf);

  await conn.run(
    "CREATE TABLE raw.report_editions (report_id VARCHAR, ordinal VARCHAR, folder VARCHAR, field VARCHAR, value VARCHAR, source VARCHAR)",
  );
  const editions = readEditions(ctx.sourcesDir, reports);
  for (const w of editions.warnings) ctx.log.warn(w);
  const place = new Map(
    reports.map((r) => [r.id, { ordinal: String(r.ordinal), folder: rel(r.datasetsDir) || "sources" }]),
  );
  // One row per report even when no fact was found, so that every report is in table reports.
  const rows = reports.map(
    (r) =>
      ({ report_id: r.id, ...place.get(r.id)!, field: null, value: null, source: null }) as Record<
        string,
        string | null
      >,
  );
  rows.push(...editions.facts.map((f) => ({ ...place.get(f.report_id)!, ...f })));
  await appendTextRows(
    conn,
    "raw.report_editions",
    ["report_id", "ordinal", "folder", "field", "value", "source"],
    rows,
  );

  for (const name of names) {
    const base = ctx.sources.tables.get(name)!;
    const columns = base.meta.columns.map((c) => c.name);
    await conn.run(
      `CREATE TABLE raw.${ident(name)} (report_id VARCHAR, ${columns.map((c) => `${ident(c)} VARCHAR`).join(", ")})`,
    );
    for (const r of reports) {
      let rows = base.rows;
      if (!r.base) {
        const dataset = readLaterDataset(ctx, r, name, columns);
        files.push({ report_id: r.id, meta: dataset.meta, file: dataset.file, rows: dataset.rows.length });
        rows = dataset.rows;
      }
      await appendTextRows(
        conn,
        `raw.${name}`,
        ["report_id", ...columns],
        rows.map((row) => ({ report_id: r.id, ...row })),
      );
    }
  }
  return { loaded: new Set(names), files };
}

/** The first report's id (its datasets are the top-level curated datasets), or null in a build without reports. */
export function baseReport(ctx: StepContext): string | null {
  return PER_REPORT_DATASETS.some((n) => ctx.sources.tables.has(n))
    ? listReports(ctx.sourcesDir, ctx.options.asOf).find((r) => r.base)!.id
    : null;
}
