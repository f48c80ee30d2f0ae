/**
 * The consistency checks and the reading against the UN's records of every report, each on that report's own
 * datasets. Runs after the analyses (it reads state_status, the UN votes and the indicators of the whole database).
 *
 * The checks are views written once (PER_REPORT_SQL below) over the relations that hold the session's report's rows
 * (findings, indicator_values, report_facts, …: views over the keyed tables, sql/models/003_report_datasets.sql).
 * For each report, this step names it as the session's report (`SET VARIABLE as_of_report`, the same key an earlier
 * report's briefing reads by) and keeps the views' rows under its report_id in <name>_by_report (report_id + its
 * columns, e.g. consistency_issues_by_report), which the site's report selector reads; it runs the data tests of
 * one report (PER_REPORT_CHECKS) for each report too, naming the report in a failure. Nothing is replaced: the
 * views keep giving the latest report's rows (or the session's report's) under their own names.
 */
import { queryRows, sqlText } from "../lib/db.ts";
import type { PipelineStep } from "./types.ts";

/** The SQL files whose views check one report, in the order the pipeline runs them. */
export const PER_REPORT_SQL = [
  "analyses/050_count_relation_terms.sql",
  "analyses/051_consistency_count_vs_names.sql",
  "analyses/052_consistency_table_values.sql",
  "analyses/053_consistency_parts_vs_whole.sql",
  "analyses/054_consistency_lists.sql",
  "analyses/055_consistency_membership.sql",
  "analyses/056_consistency_report_dates.sql",
  "analyses/057_consistency_list_relations.sql",
  "analyses/059_consistency_issues.sql",
  "analyses/080_report_vs_record.sql",
] as const;

/** The data tests of one report's datasets and checks. */
export const PER_REPORT_CHECKS = ["checks/count_relation_terms.sql", "checks/findings_named_count.sql", "checks/scope_size_terms.sql"] as const;

/** The views a file creates, in order. */
function viewsOf(file: string): string[] {
  return [...sqlText(file).matchAll(/^CREATE OR REPLACE VIEW (\w+)/gm)].map((m) => m[1]!);
}

export const PER_REPORT_VIEWS = PER_REPORT_SQL.flatMap(viewsOf);

/** A report id as a SQL string literal (ids are meeting names such as 13MSP; quotes are doubled all the same). */
export function reportLiteral(reportId: string): string {
  return `'${reportId.replaceAll("'", "''")}'`;
}

export const step: PipelineStep = {
  name: "checks per report",
  stage: "after-analyses",
  async run(ctx) {
    const { conn } = ctx.db;
    const present = new Set((await queryRows<{ name: string }>(conn, "SELECT table_name AS name FROM information_schema.tables WHERE table_schema = 'main'")).map((r) => r.name));
    // A partial build (no reports, or not the checks) has nothing to compute.
    if (!present.has("reports") || !PER_REPORT_VIEWS.every((v) => present.has(v))) return;
    const reports = await queryRows<{ report_id: string }>(conn, "SELECT report_id FROM reports ORDER BY ordinal");
    const problems: string[] = [];
    try {
      for (const [i, { report_id }] of reports.entries()) {
        await conn.run(`SET VARIABLE as_of_report = ${reportLiteral(report_id)}`);
        for (const name of PER_REPORT_VIEWS) {
          const select = `SELECT CAST($1 AS VARCHAR) AS report_id, * FROM ${name}`;
          await conn.run(i === 0 ? `CREATE TABLE ${name}_by_report AS ${select}` : `INSERT INTO ${name}_by_report ${select}`, [report_id]);
        }
        for (const file of PER_REPORT_CHECKS) {
          const suffix = reports.length > 1 ? ` (the ${report_id} report)` : "";
          for (const r of await queryRows<{ problem: string }>(conn, sqlText(file))) problems.push(`${file}${suffix}: ${r.problem}`);
        }
      }
    } finally {
      await conn.run("RESET VARIABLE as_of_report");
    }
    if (problems.length) {
      throw new Error(`Data tests failed (the database was not replaced):\n  ${problems.slice(0, 20).join("\n  ")}${problems.length > 20 ? `\n  … and ${problems.length - 20} more` : ""}`);
    }
    ctx.checkedPerReport = [...PER_REPORT_CHECKS];
  },
};
