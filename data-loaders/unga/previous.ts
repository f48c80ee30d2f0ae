/**
 * The incremental part of the UNDL ingest: the previous build's database (data/ccm.duckdb) is
 * attached read-only, and a file whose content hash equals the one recorded there is copied from it
 * instead of being parsed again.
 */
import { createReadStream, existsSync } from "node:fs";
import { createHash } from "node:crypto";
import type { DuckDBConnection } from "@duckdb/node-api";
import { queryRows, sqlString, sqlText } from "../lib/db.ts";
import type { Logger } from "../lib/log.ts";

export interface PreviousFile {
  source_file: string;
  layout: string;
  bytes: number;
  mtime_ms: number;
  sha256: string;
  ingest_version: number;
}

/** SHA-256 of a file, streamed (bounded memory for a file of any size). */
export function sha256OfFile(path: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const hash = createHash("sha256");
    createReadStream(path, { highWaterMark: 1 << 22 })
      .on("data", (chunk) => hash.update(chunk))
      .on("error", reject)
      .on("end", () => resolve(hash.digest("hex")));
  });
}

/**
 * Attach the previous database as `undl_previous` and return its file records, or null when there is
 * none, it cannot be opened (e.g. locked by a writer) or it predates the undl_files table.
 */
export async function attachPrevious(
  conn: DuckDBConnection,
  dbPath: string,
  log: Logger,
): Promise<Map<string, PreviousFile> | null> {
  if (!existsSync(dbPath)) return null;
  try {
    await conn.run(`ATTACH ${sqlString(dbPath)} AS undl_previous (READ_ONLY)`);
  } catch (e) {
    log.info(
      `    (previous database ${dbPath} not usable for incremental ingest: ${(e as Error).message.split("\n")[0]})`,
    );
    return null;
  }
  try {
    const rows = await queryRows<PreviousFile>(conn, sqlText("ingest/undl_previous_files.sql"));
    return new Map(rows.map((r) => [r.source_file, r]));
  } catch {
    await detachPrevious(conn);
    return null;
  }
}

export async function detachPrevious(conn: DuckDBConnection): Promise<void> {
  await conn.run("DETACH DATABASE IF EXISTS undl_previous");
}
