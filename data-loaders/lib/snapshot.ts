/**
 * A reading session's snapshot of the views: every view of the main schema is computed once, in the order of
 * what it reads, into a temporary table of the same name, which DuckDB then finds before the view (the temp schema
 * comes first in its search path). The views stay the one definition of each number; a session that only reads
 * (the site's loaders, a briefing) stops computing the same nested views again for every query that reaches them:
 * contested_figures took 26 s on its own, as deep views re-expand everything below them.
 *
 * Take it after the session is set (SET VARIABLE as_of_report for an earlier report's briefing): the copies hold
 * the session's report. Only for connections that do not write: a temp copy does not follow later changes.
 *
 * The pipeline computes them for its checks and saves them beside the database (saveViewSnapshot, keepSavedViews),
 * then computes and saves them as of each earlier report too (saveEarlierSnapshots); a session of that same file
 * reads the ones of its report instead of computing them again: the saved file attached read-only, with a temporary
 * view of each view's name over its table, found first as a copy would be.
 */
import { existsSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from "node:fs";
import { basename, dirname, join } from "node:path";
import type { DuckDBConnection } from "@duckdb/node-api";
import { ident, queryRows, relationsOf, setSessionReport, sqlString, sqlText } from "./db.ts";

/** The views each view's definition names (by their names: a word of its SQL that is another view's name). */
function viewReads(views: { name: string; sql: string }[]): Map<string, Set<string>> {
  const names = new Set(views.map((v) => v.name));
  return new Map(
    views.map((v) => [
      v.name,
      new Set(
        [...v.sql.toLowerCase().matchAll(/[a-z_][a-z0-9_]*/g)]
          .map((m) => m[0])
          .filter((w) => w !== v.name && names.has(w)),
      ),
    ]),
  );
}

/** The views in an order where each comes after the views its definition names (ties: creation order). */
export function viewOrder(views: { name: string; sql: string }[]): string[] {
  const reads = viewReads(views);
  const done = new Set<string>();
  const order: string[] = [];
  const visit = (name: string, path: Set<string>) => {
    if (done.has(name) || path.has(name)) return;
    path.add(name);
    for (const dep of reads.get(name) ?? []) visit(dep, path);
    path.delete(name);
    done.add(name);
    order.push(name);
  };
  for (const v of views) visit(v.name, new Set());
  return order;
}

/**
 * The snapshot the pipeline saves beside the database it built (`<database>.views`, a DuckDB file of one table per
 * view; `<database>.views.as-of-<report>` for each earlier report; and `<database>.views.json`, the database file's
 * size and modification time when they were saved, and the earlier reports saved). A reading session of that
 * database reads the saved rows of its report instead of computing the views again (about 0.08 s against a second;
 * a file is about 6.5 MB). The database changed since (a test's UPDATE, another build) has another size or time: the
 * saved snapshots are then not read, and the views are computed as before.
 */
const savedFile = (dbPath: string) => `${dbPath}.views`;
const savedKeyFile = (dbPath: string) => `${dbPath}.views.json`;
/** The saved snapshot of an earlier report: `file` is the latest report's (as saved, or as being built). */
const AS_OF = ".as-of-";
const asOfFile = (file: string, report: string) => `${file}${AS_OF}${encodeURIComponent(report)}`;
/** The earlier reports' snapshots found beside `file` (the latest report's), by path. */
const asOfFilesBeside = (file: string) =>
  readdirSync(dirname(file))
    .filter((name) => name.startsWith(`${basename(file)}${AS_OF}`))
    .map((name) => join(dirname(file), name));
const attachAs = (file: string, options: string) => `ATTACH ${sqlString(file)} AS ccm_saved_views (${options})`;
const fileKey = (path: string) => {
  const st = statSync(path);
  return { size: st.size, mtimeMs: st.mtimeMs };
};

/**
 * Write the connection's temporary copies of the views (snapshotViews, just taken) into `file`, a new DuckDB file;
 * the pipeline then puts it beside the database it built (keepSavedViews).
 */
export async function saveViewSnapshot(conn: DuckDBConnection, file: string): Promise<void> {
  rmSync(file, { force: true });
  const names = (await queryRows<{ name: string }>(conn, sqlText("session/snapshot_tables.sql"))).map((r) => r.name);
  await conn.run(attachAs(file, "BLOCK_SIZE 16384"));
  try {
    await conn.run(
      names
        .map((name) => `CREATE TABLE ccm_saved_views.main.${ident(name)} AS FROM temp.main.${ident(name)};`)
        .join("\n"),
    );
    // Written uncompressed: it is a cache beside the database, read whole by each session, and DuckDB's choice of
    // compression for every column was most of its write (DETACH 265 ms against 95 ms, 6.5 MB against 4.9 MB).
    await conn.run("SET force_compression = 'uncompressed'");
  } finally {
    try {
      await conn.run("DETACH ccm_saved_views");
    } finally {
      await conn.run("RESET force_compression");
    }
  }
}

/**
 * The views as of each earlier report of the database (every report but the latest), each computed afresh with the
 * session naming it (SET VARIABLE as_of_report, as an earlier report's briefing does) and saved into
 * asOfFile(`file`, report); the session's copies are dropped first, so that none of the latest report's is read.
 * Returns the reports saved. Run last: the session's copies are then the last report's, and its report is reset.
 */
export async function saveEarlierSnapshots(conn: DuckDBConnection, file: string): Promise<string[]> {
  if (!(await relationsOf(conn)).some((r) => r.name === "reports")) return [];
  const earlier = (await queryRows<{ report_id: string; is_latest: boolean }>(conn, sqlText("session/reports.sql")))
    .filter((r) => !r.is_latest)
    .map((r) => r.report_id);
  try {
    for (const report of earlier) {
      await dropCopies(conn);
      await setSessionReport(conn, report);
      await computeViews(conn, performance.now());
      await saveViewSnapshot(conn, asOfFile(file, report));
    }
  } finally {
    await setSessionReport(conn, null);
  }
  return earlier;
}

/** Drop the session's temporary copies of the views: the views as defined are read again. */
async function dropCopies(conn: DuckDBConnection): Promise<void> {
  const names = (await queryRows<{ name: string }>(conn, sqlText("session/snapshot_tables.sql"))).map((r) => r.name);
  if (names.length) await conn.run(names.map((name) => `DROP TABLE temp.main.${ident(name)};`).join("\n"));
}

/**
 * Put the saved snapshot `file` (and asOfFile(`file`, r) for each of the `earlier` reports) beside the database
 * `dbPath` (already in place), keyed by that file as it is now; an earlier report's snapshot from a build before,
 * whose report this one does not have, is removed.
 */
export function keepSavedViews(file: string, dbPath: string, earlier: string[] = []): void {
  const kept = new Set(earlier.map((r) => asOfFile(savedFile(dbPath), r)));
  for (const old of asOfFilesBeside(savedFile(dbPath))) if (!kept.has(old)) rmSync(old, { force: true });
  renameSync(file, savedFile(dbPath));
  for (const report of earlier) renameSync(asOfFile(file, report), asOfFile(savedFile(dbPath), report));
  writeFileSync(savedKeyFile(dbPath), `${JSON.stringify({ ...fileKey(dbPath), earlier })}\n`);
}

/** Remove what saveViewSnapshot and saveEarlierSnapshots wrote into `file` and beside it (a build that failed). */
export function removeSnapshotFiles(file: string): void {
  for (const written of [file, ...asOfFilesBeside(file)]) rmSync(written, { force: true });
}

/**
 * The saved snapshot of `dbPath` for the session's report (null: the latest), when it was saved from that database
 * as it is now, else null.
 */
function savedViewsOf(dbPath: string, report: string | null): string | null {
  try {
    const saved = JSON.parse(readFileSync(savedKeyFile(dbPath), "utf8")) as {
      size: number;
      mtimeMs: number;
      earlier?: string[];
    };
    const now = fileKey(dbPath);
    if (saved.size !== now.size || saved.mtimeMs !== now.mtimeMs) return null;
    if (report !== null && !(saved.earlier ?? []).includes(report)) return null;
    const file = report === null ? savedFile(dbPath) : asOfFile(savedFile(dbPath), report);
    return existsSync(file) ? file : null;
  } catch {
    return null;
  }
}

/**
 * Copy every view of the main schema into a temporary table (see above); returns how many were copied and the time
 * taken. Given the database's path, a session reads the snapshot the pipeline saved beside it for the session's
 * report (the latest when no `as_of_report` is set) instead, when that was saved from the database as it is now.
 */
export async function snapshotViews(
  conn: DuckDBConnection,
  dbPath?: string,
): Promise<{ views: number; ms: number; saved?: boolean; computed?: ComputedViews }> {
  const started = performance.now();
  if (dbPath) {
    const [session] = await queryRows<{ report: string | null }>(conn, sqlText("session/as_of_report.sql"));
    const saved = savedViewsOf(dbPath, session?.report ?? null);
    const copied = saved ? await attachSavedViews(conn, saved) : null;
    if (copied !== null) return { views: copied, ms: performance.now() - started, saved: true };
  }
  return computeViews(conn, started);
}

/**
 * The saved snapshot attached read-only, with a temporary view over each of its tables in the name of the view it
 * holds, so that the session finds it first, as it would a temporary copy; null (and detached) when the tables are
 * not those of the database's views. Reading the file where it is, not copying it: 80 ms against 180 ms a session.
 * The file stays attached for the session; a build that saves a new one renames it over this one, which the
 * session keeps reading until it closes.
 */
async function attachSavedViews(conn: DuckDBConnection, file: string): Promise<number | null> {
  const views = new Set((await queryRows<{ name: string }>(conn, sqlText("session/views.sql"))).map((v) => v.name));
  await conn.run(attachAs(file, "READ_ONLY"));
  const tables = (await queryRows<{ name: string }>(conn, sqlText("session/saved_snapshot_tables.sql"))).map(
    (r) => r.name,
  );
  if (tables.length !== views.size || !tables.every((t) => views.has(t))) {
    await conn.run("DETACH ccm_saved_views");
    return null;
  }
  await conn.run(
    tables
      .map((name) => `CREATE OR REPLACE TEMP VIEW ${ident(name)} AS FROM ccm_saved_views.main.${ident(name)};`)
      .join("\n"),
  );
  return tables.length;
}

/** The views a session computed, each with the catalog id it had: a view created again since has another. */
export type ComputedViews = ReadonlyMap<string, string>;

/**
 * Compute into temporary tables the views created since `computed` was taken (snapshotViews): the pipeline copies the
 * models' views before it creates the marts (each CREATE VIEW binds everything it reads; bound against the copies,
 * the 13 marts take 30 ms instead of 0.75 s), then the marts' views here. A view created again since is computed
 * again, and so is every view that reads it. Only when no table has been written since the first copies.
 */
export async function computeNewViews(
  conn: DuckDBConnection,
  computed: ComputedViews,
): Promise<{ views: number; ms: number }> {
  return computeViews(conn, performance.now(), computed);
}

async function computeViews(
  conn: DuckDBConnection,
  started: number,
  skip: ComputedViews = new Map(),
): Promise<{ views: number; ms: number; computed: ComputedViews }> {
  const views = await queryRows<{ name: string; database: string; sql: string; oid: string }>(
    conn,
    sqlText("session/views.sql"),
  );
  const databaseOf = new Map(views.map((v) => [v.name, v.database]));
  const oids = new Map(views.map((v) => [v.name, v.oid]));
  const reads = viewReads(views);
  const redo = new Set<string>();
  let copied = 0;
  const computed = new Map(skip);
  for (const name of viewOrder(views)) {
    const current = skip.get(name) === oids.get(name) && ![...(reads.get(name) ?? [])].some((dep) => redo.has(dep));
    if (current) continue;
    redo.add(name);
    // The view by its database's name: "main.<name>" would find a temporary copy of that name first.
    const view = `${ident(databaseOf.get(name)!)}.main.${ident(name)}`;
    try {
      await conn.run(`CREATE OR REPLACE TEMP TABLE ${ident(name)} AS SELECT * FROM ${view}`);
      computed.set(name, oids.get(name)!);
      copied += 1;
    } catch {
      // A view that cannot be computed (a partial database lacks what it reads) stays a view: whoever reads it
      // gets its own error, as without the snapshot.
    }
  }
  return { views: copied, ms: performance.now() - started, computed };
}
