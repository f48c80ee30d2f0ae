/**
 * Each briefing as of its own report. A database holding a later report gives the trends the latest report's
 * printing of every cycle (and the latest report's checks); last year's briefing must read what its own report
 * printed. When the cycle's report is in the database but is not the latest, the briefing is rendered from a
 * database built as of that report (the pipeline with --as-of, the reports after it left out) in a temporary
 * file, from the sources the database was built from: the same database `npm run ccm -- pipeline --as-of
 * <cycle>` writes, so every number keeps its source and the briefing is the one its report's year gave.
 */
import { existsSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, relative, resolve } from "node:path";
import { closeDatabase, openDatabase, queryRows, ROOT } from "../lib/db.ts";
import { createLogger, type Logger } from "../lib/log.ts";
import { buildDatabase } from "../pipeline.ts";

interface ReportRow {
  report_id: string;
  ordinal: number;
  is_latest: boolean;
  folder: string;
}

/** The reports in the database, in meeting order (none in a database built before reports were kept). */
async function reportsIn(dbPath: string): Promise<ReportRow[]> {
  const db = await openDatabase(dbPath, { readOnly: true });
  try {
    const [has] = await queryRows<{ n: number }>(db.conn, "SELECT count(*)::INTEGER AS n FROM information_schema.tables WHERE table_schema = 'main' AND table_name = 'reports'");
    if (!has?.n) return [];
    return await queryRows<ReportRow>(db.conn, "SELECT report_id, ordinal, is_latest, folder FROM reports ORDER BY ordinal");
  } finally {
    closeDatabase(db);
  }
}

/** The cycles whose briefing can be written from the database: one per report in it, in meeting order. */
export async function reportCycles(dbPath: string): Promise<string[]> {
  return existsSync(dbPath) ? (await reportsIn(dbPath)).map((r) => r.report_id) : [];
}

/** Runs `read` on the database to read for the cycle's briefing: the given one, or one built as of its report. */
export async function withDatabaseOfReport<T>(cycle: string, dbPath: string, log: Logger, read: (dbPath: string) => Promise<T>): Promise<T> {
  if (!existsSync(dbPath)) return read(dbPath);
  const reports = await reportsIn(dbPath);
  const report = reports.find((r) => r.report_id === cycle);
  const latest = reports.find((r) => r.is_latest);
  if (!report || !latest || report.is_latest) return read(dbPath);
  // The first report's datasets are the top of the sources folder the database was built from.
  const sourcesDir = resolve(ROOT, reports[0]!.folder);
  const dir = mkdtempSync(join(tmpdir(), `ccm-as-of-${cycle}-`));
  try {
    const asOfPath = join(dir, "ccm.duckdb");
    log.info(`The ${cycle} report is not the latest in ${relative(process.cwd(), dbPath) || dbPath} (${latest.report_id} is): the ${cycle} briefing is rendered from a database built as of ${cycle} (the later reports left out, as \`npm run ccm -- pipeline --as-of ${cycle}\` builds it) in a temporary file.`);
    await log.step(`build the database as of ${cycle}`, () => buildDatabase({ sourcesDir, dbPath: asOfPath, asOf: cycle, logger: createLogger({ quiet: true }) }));
    return await read(asOfPath);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
