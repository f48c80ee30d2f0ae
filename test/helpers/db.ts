/** Access to the database that test/global-setup.ts built from the real sources/. */
import { inject } from "vitest";
import { openDatabase, type Database } from "../../data-loaders/lib/db.ts";

/** Path of the built database; throws the pipeline's own error if the build failed. */
export function builtDbPath(): string {
  const path = inject("builtDbPath");
  if (!path) throw new Error(`The pipeline failed to build the test database:\n${inject("builtDbError")}`);
  return path;
}

/** Open the built database read-only (close it with closeDatabase). */
export async function openBuiltDb(): Promise<Database> {
  return openDatabase(builtDbPath(), { readOnly: true });
}
