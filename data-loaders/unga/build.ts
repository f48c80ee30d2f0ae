/**
 * Builds only the UNGA part of the database: the curated datasets it needs (states, unga_vote_totals,
 * unga_topics), the UNDL ingest step, the UNGA models and, when asked, the UNGA analyses. Used by
 * the benchmark and the tests, so that they measure and check exactly what the pipeline runs.
 */
import { existsSync, readdirSync } from "node:fs";
import { join } from "node:path";
import { appendTextRows, buildAtomically, ident, queryRows, runSqlFile, SQL_DIR, sqlText, type Database } from "../lib/db.ts";
import { readCuratedCsv } from "../lib/csv.ts";
import { readMeta } from "../lib/meta.ts";
import { createLogger, type Logger } from "../lib/log.ts";
import type { StepContext } from "../pipeline.ts";
import { step } from "../steps/unga.ts";

export interface UngaBuildOptions {
  sourcesDir: string;
  dbPath: string;
  allowRejects?: boolean;
  logger?: Logger;
  /** Also run sql/analyses/*unga*.sql (needs the state_status view and macro to exist: pass `prepare`). */
  analyses?: boolean;
  /** Runs before the models, e.g. to load states and state_status for the analyses. */
  prepare?: (db: Database) => Promise<void>;
}

// states: a UNDL row must name a known State (ingest/undl_unknown_states.sql).
export const UNGA_DATASETS = ["states", "unga_vote_totals", "unga_topics"];

function ungaSqlFiles(dir: string, pattern = /_unga_.*\.sql$/): string[] {
  const full = join(SQL_DIR, dir);
  if (!existsSync(full)) return [];
  return readdirSync(full)
    .filter((f) => pattern.test(f))
    .sort()
    .map((f) => `${dir}/${f}`);
}

async function loadCurated(db: Database, sourcesDir: string): Promise<void> {
  await db.conn.run("CREATE SCHEMA IF NOT EXISTS raw");
  for (const name of UNGA_DATASETS) {
    const meta = readMeta(join(sourcesDir, `${name}.meta.json`));
    const table = readCuratedCsv(join(sourcesDir, `${name}.csv`), meta);
    const cols = meta.columns.map((c) => c.name);
    await db.conn.run(`CREATE TABLE raw.${ident(name)} (${cols.map((c) => `${ident(c)} VARCHAR`).join(", ")})`);
    await appendTextRows(db.conn, `raw.${name}`, cols, table.rows);
    await runSqlFile(db.conn, `staging/${name}.sql`);
  }
}

export async function buildUnga(options: UngaBuildOptions): Promise<void> {
  const log = options.logger ?? createLogger({ quiet: true });
  await buildAtomically(options.dbPath, async (db) => {
    await loadCurated(db, options.sourcesDir);
    const ctx = { db, sourcesDir: options.sourcesDir, log, options: { dbPath: options.dbPath, allowRejects: options.allowRejects } } as unknown as StepContext;
    await step.run(ctx);
    if (options.prepare) await options.prepare(db);
    for (const f of ungaSqlFiles("models")) await runSqlFile(db.conn, f);
    if (options.analyses) for (const f of ungaSqlFiles("analyses")) await runSqlFile(db.conn, f);
    // The pipeline's data tests on UNGA tables, as in a full build.
    const problems: string[] = [];
    for (const f of ungaSqlFiles("checks", /^(unga|undl)_.*\.sql$/)) {
      for (const r of await queryRows<{ problem: string }>(db.conn, sqlText(f))) problems.push(`${f}: ${r.problem}`);
    }
    if (problems.length) throw new Error(`Data tests failed:\n  ${problems.slice(0, 20).join("\n  ")}`);
  });
}
