/**
 * The consistency checks and per-State tables of every report, each computed from that report's own datasets.
 * Runs after the analyses (it reads state_status, the UN votes and the indicators of the whole database).
 *
 * The SQL is the one report's SQL the pipeline runs anyway (PER_REPORT_SQL below), run once per report in a
 * scratch schema whose tables findings, finding_states, count_relations, list_relations, scope_sizes,
 * report_facts, report_figures, indicator_values and cycles hold that report's rows only (report_<name>, where
 * indicator_values is the report's own printing, not the current value). DuckDB resolves a view's tables in its
 * own schema first, then in main, so the views read the report's datasets and the shared tables (states,
 * state_status, unga_state_votes, …) alike. Every table or view these files create gets a table keyed by report
 * in main, <name>_by_report (report_id + its columns), e.g. consistency_issues_by_report.
 *
 * With more than one report, the names the site and the briefing read (consistency_issues, report_vs_record,
 * report_record_issues, article7_report_status, …) are replaced by the latest report's rows, with the same
 * columns, and the data tests of one report (PER_REPORT_CHECKS) run for each report here instead of once in
 * main. With one report nothing in main is replaced (the database is the one report's, as before) and its
 * rows are keyed as they are, computed once by the pipeline's own run of the same SQL.
 */
import { queryRows, runSqlFile, sqlText } from "../lib/db.ts";
import { PER_REPORT_DATASETS } from "../extract/reports/layout.ts";
import type { PipelineStep } from "./types.ts";

/** The SQL files that check one report or build its per-State tables, in the order the pipeline runs them. */
export const PER_REPORT_SQL = [
  "models/030_article7_report_status.sql",
  "models/031_isu_contributors.sql",
  "models/032_affected_states.sql",
  "analyses/050_count_relation_terms.sql",
  "analyses/051_consistency_count_vs_names.sql",
  "analyses/052_consistency_table_values.sql",
  "analyses/053_consistency_parts_vs_whole.sql",
  "analyses/054_consistency_lists.sql",
  "analyses/055_consistency_membership.sql",
  "analyses/056_consistency_report_dates.sql",
  "analyses/057_consistency_list_relations.sql",
  "analyses/058_consistency_same_fact.sql",
  "analyses/058_share_scope_mismatches.sql",
  "analyses/059_consistency_issues.sql",
  "analyses/080_report_vs_record.sql",
] as const;

/** The data tests of one report's datasets and checks. */
export const PER_REPORT_CHECKS = ["checks/count_relation_terms.sql", "checks/findings_named_count.sql", "checks/scope_size_terms.sql"] as const;

const SCHEMA = "per_report";

/** The tables and views a file creates, in order, with their kind. */
function createdBy(file: string): { name: string; kind: "TABLE" | "VIEW" }[] {
  return [...sqlText(file).matchAll(/^CREATE OR REPLACE (TABLE|VIEW) (\w+)/gm)].map((m) => ({ kind: m[1] as "TABLE" | "VIEW", name: m[2]! }));
}

export const PER_REPORT_OBJECTS = PER_REPORT_SQL.flatMap(createdBy);

export const step: PipelineStep = {
  name: "checks per report",
  stage: "after-analyses",
  async run(ctx) {
    const { conn } = ctx.db;
    const present = new Set((await queryRows<{ name: string }>(conn, "SELECT table_name AS name FROM information_schema.tables WHERE table_schema = 'main'")).map((r) => r.name));
    // A partial build (no reports, or not the checks) has nothing to compute.
    if (!present.has("reports") || !PER_REPORT_OBJECTS.every((o) => present.has(o.name))) return;
    const reports = await queryRows<{ report_id: string; is_latest: boolean }>(conn, "SELECT report_id, is_latest FROM reports ORDER BY ordinal");
    const several = reports.length > 1;
    if (!several) {
      // One report: what main holds is that report's, computed by the same SQL; keyed as it is.
      for (const { name } of PER_REPORT_OBJECTS) {
        await conn.run(`CREATE TABLE main.${name}_by_report AS SELECT CAST($1 AS VARCHAR) AS report_id, * FROM main.${name}`, [reports[0]!.report_id]);
      }
      return;
    }
    const problems: string[] = [];
    for (const [i, { report_id }] of reports.entries()) {
      await conn.run(`CREATE SCHEMA ${SCHEMA}`);
      for (const name of PER_REPORT_DATASETS) {
        await conn.run(`CREATE TABLE ${SCHEMA}.${name} AS SELECT * EXCLUDE (report_id) FROM main.report_${name} WHERE report_id = $1`, [report_id]);
      }
      await conn.run(`SET schema = '${SCHEMA}'`);
      try {
        for (const file of PER_REPORT_SQL) await runSqlFile(conn, file);
        for (const file of PER_REPORT_CHECKS) {
          for (const r of await queryRows<{ problem: string }>(conn, sqlText(file))) problems.push(`${file} (the ${report_id} report): ${r.problem}`);
        }
      } finally {
        await conn.run("RESET schema");
      }
      for (const { name } of PER_REPORT_OBJECTS) {
        const select = `SELECT CAST($1 AS VARCHAR) AS report_id, * FROM ${SCHEMA}.${name}`;
        await conn.run(i === 0 ? `CREATE TABLE main.${name}_by_report AS ${select}` : `INSERT INTO main.${name}_by_report ${select}`, [report_id]);
      }
      await conn.run(`DROP SCHEMA ${SCHEMA} CASCADE`);
    }
    if (problems.length) {
      throw new Error(`Data tests failed (the database was not replaced):\n  ${problems.slice(0, 20).join("\n  ")}${problems.length > 20 ? `\n  … and ${problems.length - 20} more` : ""}`);
    }
    // The names the site and the briefing read: the latest report's rows, same columns, same kind of object.
    for (const { name, kind } of PER_REPORT_OBJECTS) {
      await conn.run(`CREATE OR REPLACE ${kind} main.${name} AS SELECT * EXCLUDE (report_id) FROM main.${name}_by_report WHERE report_id = (SELECT report_id FROM main.reports WHERE is_latest)`);
    }
    ctx.checkedPerReport = [...PER_REPORT_CHECKS];
  },
};
