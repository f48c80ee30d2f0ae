/**
 * The data tests of each report. The checks of a report against itself and against the UN's records are views
 * written once over report_id (PER_REPORT_SQL: <name>_by_report, e.g. consistency_issues_by_report, each report read
 * on its own datasets and its own printing), and <name> gives the session's report's rows. The data tests of one
 * report's datasets and checks (PER_REPORT_CHECKS) read the session's report's relations; this step runs them for
 * each report in turn, naming it as the session's report (`SET VARIABLE as_of_report`, the key an earlier report's
 * briefing reads by too), and a failure names the report. Nothing is copied or replaced.
 */
import { queryRows, relationsOf, setSessionReport, sqlText } from "../lib/db.ts";
import type { PipelineStep } from "./types.ts";

/** The SQL files whose views check each report (keyed by report_id), in the order the pipeline runs them. */
export const PER_REPORT_SQL = [
  "models/050_count_relation_terms.sql",
  "models/051_consistency_count_vs_names.sql",
  "models/052_consistency_table_values.sql",
  "models/053_consistency_parts_vs_whole.sql",
  "models/054_consistency_lists.sql",
  "models/055_consistency_membership.sql",
  "models/056_consistency_report_dates.sql",
  "models/057_consistency_list_relations.sql",
  "models/058_consistency_same_fact.sql",
  "models/058_share_scope_mismatches.sql",
  "models/059_consistency_issues.sql",
  "models/080_report_vs_record.sql",
] as const;

/** The data tests of one report's datasets and checks, run for each report. */
export const PER_REPORT_CHECKS = [
  "checks/count_relation_terms.sql",
  "checks/findings_named_count.sql",
  "checks/scope_size_terms.sql",
] as const;

export const step: PipelineStep = {
  name: "data tests of each report",
  stage: "after-models",
  async run(ctx) {
    const { conn } = ctx.db;
    const present = new Set((await relationsOf(conn)).map((r) => r.name));
    // A partial build (no reports, or not the checks) has nothing to test here.
    if (!present.has("reports") || !present.has("count_relation_terms")) return;
    const reports = await queryRows<{ report_id: string }>(conn, sqlText("session/reports.sql"));
    const problems: string[] = [];
    try {
      for (const { report_id } of reports) {
        await setSessionReport(conn, report_id);
        for (const file of PER_REPORT_CHECKS) {
          const suffix = reports.length > 1 ? ` (the ${report_id} report)` : "";
          for (const r of await queryRows<{ problem: string }>(conn, sqlText(file)))
            problems.push(`${file}${suffix}: ${r.problem}`);
        }
      }
    } finally {
      await setSessionReport(conn, null);
    }
    if (problems.length) {
      throw new Error(
        `Data tests failed (the database was not replaced):\n  ${problems.slice(0, 20).join("\n  ")}${problems.length > 20 ? `\n  … and ${problems.length - 20} more` : ""}`,
      );
    }
    ctx.checkedPerReport = [...PER_REPORT_CHECKS];
  },
};
