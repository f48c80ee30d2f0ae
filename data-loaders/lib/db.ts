/**
 * DuckDB access: open a database, run SQL files from data-loaders/sql, bulk-append rows,
 * and build a new database file next to the old one, swapping it in only on success.
 */
import { DuckDBInstance, DuckDBConnection, type DuckDBValue } from "@duckdb/node-api";
import { existsSync, readFileSync, renameSync, rmSync, mkdirSync } from "node:fs";
import { dirname, join, relative } from "node:path";
import { fileURLToPath } from "node:url";

export const ROOT = join(dirname(fileURLToPath(import.meta.url)), "..", "..");
export const SQL_DIR = join(ROOT, "data-loaders", "sql");
export const DEFAULT_DB = join(ROOT, "data", "ccm.duckdb");

export interface Database {
  instance: DuckDBInstance;
  conn: DuckDBConnection;
  path: string;
}

/**
 * DuckDB's threads for each database this process opens: CCM_DUCKDB_THREADS (a whole number of at least 1), or
 * DuckDB's own default (one per core) when it is unset. The test suite sets it to 1 (vitest.config.ts says why).
 */
export function duckdbThreads(value = process.env.CCM_DUCKDB_THREADS): string | undefined {
  if (value === undefined || value === "") return undefined;
  if (!/^[1-9]\d*$/.test(value))
    throw new Error(
      `CCM_DUCKDB_THREADS is "${value}": expected a whole number of threads, at least 1 (or unset it for DuckDB's default, one per core)`,
    );
  return value;
}

export async function openDatabase(path = ":memory:", options: { readOnly?: boolean } = {}): Promise<Database> {
  const threads = duckdbThreads();
  const instance = await DuckDBInstance.create(path, {
    ...(options.readOnly ? { access_mode: "READ_ONLY" } : {}),
    ...(threads ? { threads } : {}),
  });
  const conn = await instance.connect();
  return { instance, conn, path };
}

export function closeDatabase(db: Database): void {
  db.conn.closeSync();
  db.instance.closeSync();
}

/** Read a SQL file by its path relative to data-loaders/sql (e.g. "models/state_status.sql"). */
export function sqlText(name: string): string {
  return readFileSync(join(SQL_DIR, name), "utf8");
}

/**
 * Run a SQL file. Without params the file may hold many statements. With params, each
 * statement is prepared and given only the named parameters it uses ($name).
 */
export async function runSqlFile(
  conn: DuckDBConnection,
  name: string,
  params?: Record<string, DuckDBValue>,
): Promise<void> {
  const text = sqlText(name);
  try {
    if (!params) {
      await conn.run(text);
      return;
    }
    const extracted = await conn.extractStatements(text);
    for (let i = 0; i < extracted.count; i++) {
      const stmt = await extracted.prepare(i);
      const names = new Set<string>();
      for (let p = 1; p <= stmt.parameterCount; p++) names.add(stmt.parameterName(p));
      const bound: Record<string, DuckDBValue> = {};
      for (const n of names) {
        if (!(n in params)) throw new Error(`parameter $${n} is not bound`);
        bound[n] = params[n]!;
      }
      if (names.size) stmt.bind(bound);
      await stmt.run();
    }
  } catch (e) {
    throw new Error(`SQL error in data-loaders/sql/${name}: ${(e as Error).message}`, { cause: e });
  }
}

/**
 * Query and return rows as JSON-ready values, the one shape every consumer (pipeline, briefing, site loaders)
 * gets: integers as numbers, DATE as "YYYY-MM-DD", lists and structs as arrays and objects of such values.
 */
export async function queryRows<T = Record<string, unknown>>(
  conn: DuckDBConnection,
  sql: string,
  params?: Record<string, DuckDBValue> | DuckDBValue[],
): Promise<T[]> {
  const reader = await conn.runAndReadAll(sql, params);
  return reader.getRowObjectsJS().map((r) => jsonValue(r)) as T[];
}

/** The tables and views of the main schema, by name (sql/session/relations.sql). */
export function relationsOf(conn: DuckDBConnection): Promise<{ name: string; kind: "table" | "view" }[]> {
  return queryRows(conn, sqlText("session/relations.sql"));
}

/** The number of rows of a table or view of the main schema (sql/session/row_count.sql). */
export async function rowCount(conn: DuckDBConnection, name: string): Promise<number> {
  const [row] = await queryRows<{ n: number }>(conn, sqlText("session/row_count.sql"), { name });
  return row?.n ?? 0;
}

/**
 * DuckDB's JS values made plain: a BIGINT within 2^53 becomes a number (outside it, its decimal text, never a
 * rounded number); a DATE (a Date at midnight UTC) becomes its ISO day, a TIMESTAMP its full ISO text.
 */
export function jsonValue(value: unknown): unknown {
  if (value === null || value === undefined) return null;
  if (typeof value === "bigint") {
    return value <= BigInt(Number.MAX_SAFE_INTEGER) && value >= BigInt(Number.MIN_SAFE_INTEGER)
      ? Number(value)
      : value.toString();
  }
  if (value instanceof Date) {
    const iso = value.toISOString();
    return iso.endsWith("T00:00:00.000Z") ? iso.slice(0, 10) : iso;
  }
  if (Array.isArray(value)) return value.map(jsonValue);
  if (typeof value === "object") {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value as Record<string, unknown>)) out[k] = jsonValue(v);
    return out;
  }
  return value;
}

/** Append string-or-null rows to an existing all-VARCHAR table with DuckDB's appender. */
export async function appendTextRows(
  conn: DuckDBConnection,
  table: string,
  columns: string[],
  rows: Record<string, string | null>[],
): Promise<void> {
  // The appender takes the schema separately: "raw.indicators" → table "indicators" in schema "raw".
  const [schema, name] = table.includes(".") ? table.split(".", 2) : [undefined, table];
  const appender = await conn.createAppender(name!, schema);
  try {
    for (const row of rows) {
      for (const c of columns) {
        const v = row[c];
        if (v === null || v === undefined) appender.appendNull();
        else appender.appendVarchar(v);
      }
      appender.endRow();
    }
    appender.flushSync();
  } finally {
    appender.closeSync();
  }
}

/**
 * A value as a SQL string literal (single quotes, doubled inside), for the statements that take no bind parameters:
 * ATTACH, COPY … TO, SET VARIABLE.
 */
export function sqlString(value: string): string {
  return `'${value.replaceAll("'", "''")}'`;
}

/**
 * Name the report a session reads as its own (SET VARIABLE as_of_report: the views give that report's rows, the
 * later reports left out; sql/session/as_of_report.sql reads it back), or null for the latest again.
 */
export async function setSessionReport(conn: DuckDBConnection, report: string | null): Promise<void> {
  await conn.run(report === null ? "RESET VARIABLE as_of_report" : `SET VARIABLE as_of_report = ${sqlString(report)}`);
}

/** Quote an identifier for SQL (double quotes, doubled inside). */
export function ident(name: string): string {
  return `"${name.replaceAll('"', '""')}"`;
}

/**
 * Build into `<target>.building-<pid>` and rename over `target` only when `build` resolves.
 * On any error the temporary file is removed and the existing database is left untouched.
 */
export async function buildAtomically<T>(target: string, build: (db: Database) => Promise<T>): Promise<T> {
  mkdirSync(dirname(target), { recursive: true });
  const tmp = `${target}.building-${process.pid}`;
  for (const f of [tmp, `${tmp}.wal`]) rmSync(f, { force: true });
  const db = await openDatabase(tmp);
  let result: T;
  try {
    result = await build(db);
    await db.conn.run("CHECKPOINT");
  } catch (e) {
    closeDatabase(db);
    for (const f of [tmp, `${tmp}.wal`]) rmSync(f, { force: true });
    throw e;
  }
  closeDatabase(db);
  if (existsSync(`${tmp}.wal`))
    throw new Error(`DuckDB left a WAL next to ${relative(ROOT, tmp)}; refusing to swap in an unfinished database`);
  renameSync(tmp, target);
  rmSync(`${target}.wal`, { force: true });
  return result;
}
