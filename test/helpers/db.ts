/** Access to the database that test/global-setup.ts built from the real sources/. */
import { inject } from "vitest";
import { openDatabase, type Database } from "../../data-loaders/lib/db.ts";
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
