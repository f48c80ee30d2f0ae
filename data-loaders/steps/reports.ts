/**
 * Every progress report side by side (sources layout: data-loaders/extract/reports/layout.ts). The first
 * report's datasets are already staged (indicator_values, findings, finding_states); each later report's are
 * read from sources/reports/<id>/, validated against their .meta.json (columns, types, checksum) and staged
 * with the same staging SQL. The result is one table per dataset keyed by report:
 *   reports                    report_id, ordinal (meeting order), is_latest, folder
 *   report_cycles              report_id + cycles' columns
 *   report_indicator_values    report_id + indicator_values' columns (the report that printed the value)
 *   report_findings            report_id + findings' columns
 *   report_finding_states      report_id + finding_states' columns
 *   report_count_relations, report_list_relations, report_scope_sizes, report_report_facts, report_report_figures
 *                              report_id + the columns of each reviewed hand dataset (the checks of each report
 *                              read its own: steps/report-checks.ts)
 * The revision views (sql/analyses/140_revisions.sql) read these. When there is more than one report, the
 * indicator tables the trend views read become the current ones (sql/reports/current.sql): indicator_values
 * holds the latest report's printing of each cycle, cycles the latest report's cycles (a period only an
 * earlier report states is kept), scope_sizes every report's group sizes (the latest report's where two
 * state one), findings and finding_states the latest report's statements and the States they name, with the
 * hand datasets naming them; the checks and per-State tables are computed per report
 * (steps/report-checks.ts). With only the first report (or a build --as-of it) nothing is
 * replaced, so its trends and briefing do not change. Each later report's dataset gets its row in the
 * provenance table datasets, named <report>/<dataset> (e.g. 14MSP/indicator_values).
 */
import { existsSync, readFileSync } from "node:fs";
import { join, relative } from "node:path";
import { appendTextRows, ident, ROOT, sqlText } from "../lib/db.ts";
import { InputError } from "../lib/errors.ts";
import { readCuratedCsv } from "../lib/csv.ts";
import { readMeta, sha256 } from "../lib/meta.ts";
import { listReports, PER_REPORT_DATASETS, type ReportSource } from "../extract/reports/layout.ts";
import type { PipelineStep, StepContext } from "./types.ts";

const rel = (p: string) => relative(ROOT, p) || p;

/**
 * With more than one report, the tables that hold the latest report's rows as they are (its findings, the States
 * they name and the hand datasets naming its finding ids), copied from report_<name>; sql/reports/current.sql
 * makes the current indicator values and cycles and says what each replaced table holds.
 */
export const LATEST_REPORT_TABLES = ["findings", "finding_states", "count_relations", "list_relations", "report_facts", "report_figures"] as const;

/** A later report's dataset, validated like a curated dataset; its columns must be the first report's. */
function readLaterDataset(ctx: StepContext, report: ReportSource, name: string, columns: string[]) {
  const csvPath = join(report.datasetsDir, `${name}.csv`);
  const metaPath = join(report.datasetsDir, `${name}.meta.json`);
  if (!existsSync(csvPath) || !existsSync(metaPath)) {
    throw new InputError({ file: rel(existsSync(csvPath) ? metaPath : csvPath), expected: `the ${report.id} report's dataset ${name} (.csv and .meta.json)`, found: "no such file", fix: `run \`npm run extract -- ${rel(join(report.datasetsDir, "report.txt"))}\`` });
  }
  const meta = readMeta(rel(metaPath));
  const described = meta.columns.map((c) => c.name);
  if (described.join(",") !== columns.join(",")) {
    throw new InputError({ file: rel(metaPath), column: "columns", expected: columns.join(","), found: described.join(","), fix: `extract the ${report.id} report again so that its datasets have the current columns` });
  }
  const bytes = readFileSync(csvPath);
  if ((ctx.options.checkChecksums ?? true) && sha256(bytes) !== meta.sha256) {
    throw new InputError({ file: rel(csvPath), line: 1, expected: `the SHA-256 recorded in ${name}.meta.json`, found: "a file changed since its metadata was written", fix: "review the change, then record it with `npm run ccm -- checksums --write`" });
  }
  return { meta, file: rel(csvPath), rows: readCuratedCsv(rel(csvPath), meta, bytes).rows };
}

/** A later report's dataset in the provenance table, named <report>/<dataset>. */
async function recordProvenance(ctx: StepContext, report: ReportSource, dataset: ReturnType<typeof readLaterDataset>): Promise<void> {
  const { meta } = dataset;
  await ctx.db.conn.run("INSERT INTO datasets VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12)", [
    `${report.id}/${meta.name}`, meta.title, meta.producer, meta.source, meta.date, meta.licence, meta.reference, meta.method, meta.sha256, dataset.file, dataset.rows.length, (meta.derived_from ?? []).join("; ") || null,
  ]);
}

/** The dataset's staging SQL, aimed at another raw table and result table (same renames and casts). */
function stagingFor(name: string, rawTable: string, target: string): string {
  const sql = sqlText(`staging/${name}.sql`);
  const aimed = sql.replace(`CREATE TABLE ${name} AS`, `CREATE TABLE ${target} AS`).replace(new RegExp(`FROM\\s+raw\\.${name}\\b`), `FROM ${rawTable}`); // the formatter may break the line after FROM
  if (aimed === sql || !aimed.includes(target) || !aimed.includes(rawTable)) throw new Error(`data-loaders/sql/staging/${name}.sql: expected "CREATE TABLE ${name} AS … FROM raw.${name}"`);
  return aimed;
}

export const step: PipelineStep = {
  name: "reports side by side",
  async run(ctx) {
    if (!PER_REPORT_DATASETS.every((n) => ctx.sources.tables.has(n))) return; // a partial build without the report's datasets
    const { conn } = ctx.db;
    const reports = listReports(ctx.sourcesDir, ctx.options.asOf);
    const latest = reports.at(-1)!.id;
    await conn.run("CREATE TABLE reports (report_id VARCHAR PRIMARY KEY, ordinal INTEGER NOT NULL, is_latest BOOLEAN NOT NULL, folder VARCHAR NOT NULL)");
    for (const r of reports) {
      await conn.run("INSERT INTO reports VALUES ($1, $2, $3, $4)", [r.id, r.ordinal, r.id === latest, rel(r.datasetsDir) || "sources"]);
    }
    for (const name of PER_REPORT_DATASETS) {
      const columns = ctx.sources.tables.get(name)!.meta.columns.map((c) => c.name);
      const target = `report_${name}`;
      for (const [i, r] of reports.entries()) {
        await conn.run(`CREATE TABLE raw.report_part (${columns.map((c) => `${ident(c)} VARCHAR`).join(", ")})`);
        if (r.base) await conn.run(`INSERT INTO raw.report_part SELECT * FROM raw.${ident(name)}`);
        else {
          const dataset = readLaterDataset(ctx, r, name, columns);
          await appendTextRows(conn, "raw.report_part", columns, dataset.rows);
          await recordProvenance(ctx, r, dataset);
        }
        await conn.run(stagingFor(name, "raw.report_part", "report_part"));
        const select = `SELECT CAST($1 AS VARCHAR) AS report_id, * FROM report_part`;
        await conn.run(i === 0 ? `CREATE TABLE ${target} AS ${select}` : `INSERT INTO ${target} ${select}`, [r.id]);
        await conn.run("DROP TABLE report_part; DROP TABLE raw.report_part");
      }
    }
    if (reports.length > 1) {
      for (const name of LATEST_REPORT_TABLES) {
        await conn.run(`CREATE OR REPLACE TABLE ${name} AS SELECT * EXCLUDE (report_id) FROM report_${name} WHERE report_id = $1`, [latest]);
      }
      await conn.run(sqlText("reports/current.sql"));
    }
  },
};
