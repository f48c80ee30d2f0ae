/**
 * Each briefing as of its own report. The database keys every report's rows by report_id, and the relations the
 * briefing reads (indicator_values, indicator_trends, findings, consistency_issues, datasets, …) are views that give
 * the rows of the session's report (sql/models/002_reports.sql, session_report()): the latest report, unless the
 * connection names another with `SET VARIABLE as_of_report`. Last year's briefing names its report on its
 * connection and reads by key from the same database: what that report printed, its checks, its datasets, the text
 * its year gave. No other database is built.
 */
import { existsSync } from "node:fs";
import { relative } from "node:path";
import type { DuckDBConnection } from "@duckdb/node-api";
import { closeDatabase, openDatabase, queryRows, relationsOf, setSessionReport, sqlText } from "../lib/db.ts";
import type { Logger } from "../lib/log.ts";

interface ReportRow {
  report_id: string;
  is_latest: boolean;
}

/** The reports in the database, in meeting order (none in a database without reports, e.g. the UNGA-only build). */
async function reportsOf(conn: DuckDBConnection): Promise<ReportRow[]> {
  if (!(await relationsOf(conn)).some((r) => r.name === "reports")) return [];
  return queryRows<ReportRow>(conn, sqlText("session/reports.sql"));
}

/** The cycles whose briefing can be written from the database: one per report in it, in meeting order. */
export async function reportCycles(dbPath: string): Promise<string[]> {
  if (!existsSync(dbPath)) return [];
  const db = await openDatabase(dbPath, { readOnly: true });
  try {
    return (await reportsOf(db.conn)).map((r) => r.report_id);
  } finally {
    closeDatabase(db);
  }
}

/**
 * Makes the connection read the database as of the cycle's report when that report is in it but is not the latest
 * (and says so); otherwise leaves it reading the latest report, as any connection does.
 */
export async function readAsOfReport(
  conn: DuckDBConnection,
  cycle: string,
  dbPath: string,
  log: Logger,
): Promise<void> {
  const reports = await reportsOf(conn);
  const report = reports.find((r) => r.report_id === cycle);
  const latest = reports.find((r) => r.is_latest);
  if (!report || !latest || report.is_latest) return;
  await setSessionReport(conn, cycle);
  log.info(
    `The ${cycle} report is not the latest in ${relative(process.cwd(), dbPath) || dbPath} (${latest.report_id} is): the ${cycle} briefing reads the database as of the ${cycle} report (its rows by key, the later reports left out).`,
  );
}
