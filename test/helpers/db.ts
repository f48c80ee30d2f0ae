/** Access to the database that test/global-setup.ts built from the real sources/. */
import { inject } from "vitest";
import {
  closeDatabase,
  ident,
  openDatabase,
  queryRows,
  setSessionReport,
  sqlText,
  type Database,
} from "../../data-loaders/lib/db.ts";
import { snapshotViews } from "../../data-loaders/lib/snapshot.ts";

/** Path of the built database; throws the pipeline's own error if the build failed. */
export function builtDbPath(): string {
  const path = inject("builtDbPath");
  if (!path) throw new Error(`The pipeline failed to build the test database:\n${inject("builtDbError")}`);
  return path;
}

/**
 * Open the built database read-only (close it with closeDatabase), with its views computed once into temporary
 * tables as the briefing and the site read them (data-loaders/lib/snapshot.ts): a query over a deep view no longer
 * re-expands everything under it (the briefing's data took 50 s to load without). The latest report's rows: a test
 * that reads as of an earlier report opens the database itself and sets the session first.
 */
export async function openBuiltDb(): Promise<Database> {
  const db = await openDatabase(builtDbPath(), { readOnly: true });
  await snapshotViews(db.conn, db.path);
  return db;
}

/**
 * Every view's rows as a session of `path` reads them (its temporary copies), in a stable order: from the snapshot
 * saved with the database when `withSaved` (and one was saved for the session's report), else computed. `report`
 * names the session's report (SET VARIABLE as_of_report, as an earlier report's briefing does).
 */
export async function viewRows(
  path: string,
  withSaved: boolean,
  report?: string,
): Promise<{ saved: boolean; rows: Map<string, string> }> {
  const db = await openDatabase(path, { readOnly: true });
  try {
    if (report !== undefined) await setSessionReport(db.conn, report);
    const snap = await snapshotViews(db.conn, withSaved ? path : undefined);
    const rows = new Map<string, string>();
    for (const { name } of await queryRows<{ name: string }>(db.conn, sqlText("session/views.sql")))
      rows.set(
        name,
        JSON.stringify(await queryRows(db.conn, `SELECT * FROM ${ident(name)} ORDER BY ALL`), (_, v: unknown) =>
          typeof v === "bigint" ? String(v) : v,
        ),
      );
    return { saved: snap.saved === true, rows };
  } finally {
    closeDatabase(db);
  }
}
