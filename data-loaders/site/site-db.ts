/**
 * What Framework loaders in src/data/ share: open data/ccm.duckdb read-only, run a SQL file from
 * data-loaders/sql/site/, and refuse empty or malformed results so that the site build fails loudly
 * instead of publishing an empty chart.
 */
import { existsSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, relative } from "node:path";
import { AsyncLocalStorage } from "node:async_hooks";
import type { DuckDBValue } from "@duckdb/node-api";
import {
  DEFAULT_DB,
  ROOT,
  closeDatabase,
  ident,
  openDatabase,
  queryRows,
  relationsOf,
  rowCount,
  sqlString,
  sqlText,
  type Database,
} from "../lib/db.ts";
import { snapshotViews } from "../lib/snapshot.ts";
import { tarArchive, type TarEntry } from "./tar.ts";

export { ROOT };

/** The site's database: `path`, else CCM_DB (the site build hands it to its loaders), else data/ccm.duckdb. */
export async function openSiteDatabase(path = process.env.CCM_DB ?? DEFAULT_DB): Promise<Database> {
  if (!existsSync(path)) {
    throw new Error(`${relative(ROOT, path)} does not exist: run \`npm run pipeline\` before building the site`);
  }
  return openDatabase(path, { readOnly: true });
}

/** Run data-loaders/sql/site/<name>.sql and return its rows as JSON-ready values. */
export async function siteQuery<T = Record<string, unknown>>(
  db: Database,
  name: string,
  params?: Record<string, DuckDBValue>,
  options: { allowEmpty?: boolean } = {},
): Promise<T[]> {
  return sqlFileRows<T>(db, `site/${name}.sql`, params, options);
}

/**
 * Run any query file under data-loaders/sql/ (e.g. "briefing/unga_totals.sql", so that the site and the briefing
 * read one shape through one query) and refuse an empty result unless it is allowed.
 */
export async function sqlFileRows<T = Record<string, unknown>>(
  db: Database,
  file: string,
  params?: Record<string, DuckDBValue>,
  options: { allowEmpty?: boolean } = {},
): Promise<T[]> {
  const rows = await queryRows<T>(db.conn, sqlText(file), params);
  if (!rows.length && !options.allowEmpty) throw new Error(`data-loaders/sql/${file} returned no rows`);
  return rows;
}

/**
 * A catalogue query's rows, read once per connection: the site only reads the database, and the downloads archive
 * asked information_schema again for each of its 371 files (about half of its 6 s).
 */
const catalogue = new WeakMap<Database, Map<string, Promise<unknown[]>>>();
function oncePerConnection<T>(db: Database, key: string, read: () => Promise<T[]>): Promise<T[]> {
  let kept = catalogue.get(db);
  if (!kept) catalogue.set(db, (kept = new Map()));
  if (!kept.has(key)) kept.set(key, read());
  return kept.get(key) as Promise<T[]>;
}

/** The tables and views of the main schema: every one is published (downloads, SQL explorer); raw.* staging copies are not. */
const publishedNames = (db: Database) =>
  oncePerConnection(db, "published_tables", async () => {
    const relations = await relationsOf(db.conn);
    if (!relations.length) throw new Error("the database has no tables or views to publish");
    return relations;
  });

/** Every published table and view, with its number of rows. */
export async function publishedTables(db: Database): Promise<{ name: string; kind: string; rows: number }[]> {
  const tables = await publishedNames(db);
  const out: { name: string; kind: string; rows: number }[] = [];
  for (const t of tables) {
    out.push({ ...t, rows: await rowCount(db.conn, t.name) });
  }
  return out;
}

/** A loader's JSON result, as its output (runLoader writes it and logs its size). */
export function emitJson(_name: string, value: unknown): string {
  return JSON.stringify(value);
}

/**
 * One database for every loader of a prerender (scripts/site/prerender.ts renders all pages in one process):
 * set, withSiteDatabase uses it instead of opening the file again.
 */
let sharedDatabase: Database | null = null;
export function shareSiteDatabase(db: Database | null): void {
  sharedDatabase = db;
}

/**
 * Run `fn` with the site's database: the prerender's shared one, else the file opened read-only for the call.
 * `snapshot: false` for a few quick queries that reach no deep view (the site's routes: about 0.1 s as defined,
 * against the snapshot's second before them).
 */
export async function withSiteDatabase<T>(
  fn: (db: Database) => Promise<T>,
  path?: string,
  options: { snapshot?: boolean } = {},
): Promise<T> {
  if (sharedDatabase && path === undefined) return fn(sharedDatabase);
  const db = await openSiteDatabase(path);
  try {
    // A loader run on its own (by Framework: the preview, a test's site of a few pages): the views computed once, as
    // the prerender does for all loaders; about a second, against up to half a minute for one deep view expanded.
    if (options.snapshot !== false) await snapshotViews(db.conn, db.path);
    return await fn(db);
  } finally {
    closeDatabase(db);
  }
}

/** The parameters of a parameterized loader (e.g. { iso3: "NOR" }), when a prerender calls it in process. */
const loaderParams = new AsyncLocalStorage<Readonly<Record<string, string>>>();

/**
 * Value of a loader parameter: in a prerender, the one it was called with; run by Framework, its `--name=value`
 * argument.
 */
export function loaderParam(name: string): string {
  const given = loaderParams.getStore();
  if (given) {
    const value = given[name];
    if (value === undefined) throw new Error(`missing loader parameter ${name}`);
    return value;
  }
  const prefix = `--${name}=`;
  const arg = process.argv.find((a) => a.startsWith(prefix));
  if (!arg) throw new Error(`missing loader parameter --${name}`);
  return arg.slice(prefix.length);
}

/**
 * The output of an archive loader (src/data/tables.tar.ts): its files. Run by Framework, the loader writes them as
 * one tar, from which Framework extracts each file a page references; the prerender also writes each file where
 * Framework keeps the extracted one, so that it is found fresh: Framework's extraction reads the tar from its
 * start for every file (371 files of a 7.9 MB archive).
 */
export interface LoaderArchive {
  readonly files: readonly TarEntry[];
}
export type LoaderOutput = string | Uint8Array | LoaderArchive;

export function isLoaderArchive(out: LoaderOutput): out is LoaderArchive {
  return typeof out === "object" && "files" in out;
}

/** The bytes a loader writes for Framework: an archive as one tar, anything else as it is. */
export function loaderBytes(out: LoaderOutput): string | Uint8Array {
  return isLoaderArchive(out) ? tarArchive(out.files) : out;
}

export type LoaderRender = () => Promise<LoaderOutput>;

/** What a loader reads besides the database, for a prerender that runs it before those are written. */
export interface LoaderOptions {
  /** It reads briefings/ (CCM_BRIEFINGS_DIR): `npm run build` writes them while the other loaders run. */
  readsBriefings?: boolean;
}

/** A loader a prerender collected: its render function and what it reads. */
export interface CollectedLoader {
  render: LoaderRender;
  readsBriefings: boolean;
}

/** Where a prerender collects the loaders it imports, instead of running them (see runLoader). */
const REGISTRY = Symbol.for("ccm-trends.site-loaders");
type Registry = Map<string, CollectedLoader>;
const registry = () => (globalThis as { [REGISTRY]?: Registry })[REGISTRY];

/** Collect the loaders of the modules imported after this call, instead of running them (the prerender). */
export function collectLoaders(): Registry {
  const found: Registry = new Map();
  (globalThis as { [REGISTRY]?: Registry })[REGISTRY] = found;
  return found;
}

/** Call a collected loader with its parameters (e.g. { iso3: "NOR" }). */
export function renderLoader(render: LoaderRender, params: Readonly<Record<string, string>>): Promise<LoaderOutput> {
  return loaderParams.run(params, render);
}

/**
 * A Framework data loader (src/**\/*.md.ts, *.json.ts, *.tar.ts): `render` returns the file's content. Run by
 * Framework (`tsx src/states/[iso3].md.ts --iso3=NOR`), it writes it to stdout, or prints the reason on stderr and
 * exits non-zero so that Framework reports a loader error. Imported by the prerender, it only registers `render`
 * under its name (the path under src/ with its [parameters]), to be called there for every page.
 */
export function runLoader(name: string, render: LoaderRender, options: LoaderOptions = {}): void {
  const found = registry();
  if (found) {
    found.set(name, { render, readsBriefings: options.readsBriefings === true });
    return;
  }
  render()
    .then(
      (out) =>
        new Promise<void>((resolve, reject) => {
          const bytes = loaderBytes(out);
          const files = isLoaderArchive(out) ? `${out.files.length} files, ` : "";
          process.stderr.write(`${name}: ${files}${bytes.length} bytes\n`);
          process.stdout.write(bytes, (e) => (e ? reject(e) : resolve()));
        }),
    )
    .catch((e: unknown) => {
      process.stderr.write(`${name}: ${e instanceof Error ? e.message : String(e)}\n`);
      process.exit(1);
    });
}

/** Check that `name` is a published table (so it is safe to quote into SQL) and return its columns. */
export async function tableColumns(db: Database, name: string): Promise<{ name: string; type: string }[]> {
  const tables = await publishedNames(db);
  if (!tables.some((t) => t.name === name)) {
    throw new Error(
      `no table or view named "${name}" in the database (known: ${tables.map((t) => t.name).join(", ")})`,
    );
  }
  const columns = await oncePerConnection(db, "published_columns", () =>
    siteQuery<{ table: string; name: string; type: string }>(db, "published_columns"),
  );
  return columns.filter((c) => c.table === name).map(({ name, type }) => ({ name, type }));
}

/** All rows of a published table, as plain JSON values. */
export async function tableRows(db: Database, name: string): Promise<Record<string, unknown>[]> {
  await tableColumns(db, name);
  return queryRows(db.conn, `SELECT * FROM main.${ident(name)}`);
}

/** Fail when a row set lacks a column the pages rely on (a contract change must break the build, not a chart). */
export function requireColumns(what: string, rows: Record<string, unknown>[], columns: string[]): void {
  const first = rows[0];
  if (!first) return;
  const missing = columns.filter((c) => !(c in first));
  if (missing.length) throw new Error(`${what}: missing column(s) ${missing.join(", ")} (see docs/CONTRACTS.md)`);
}

/**
 * Export a published table with DuckDB's COPY (CSV with header, or Parquet) and return the bytes.
 * COPY cannot take its target as a bind parameter; the path is our own temp file, quoted as a literal.
 */
export async function copyTable(db: Database, name: string, format: "csv" | "parquet"): Promise<Buffer> {
  await tableColumns(db, name);
  // Ordered by every column, first to last: a view without an order of its own gave its rows in a different order
  // from one build to the next (consistency_issues, unga_sp_majority), so the same data made different downloads.
  return copySelect(db, `SELECT * FROM main.${ident(name)} ORDER BY ALL`, name, format);
}

/** The joined downloads for people (queries of data-loaders/sql/site/), with what each row is. */
export const TIDY_FILES = [
  {
    query: "tidy_indicators",
    title: "Indicator values with the indicator's text",
    row: "an indicator in a cycle: its text, unit and pillar, value, change and judgement, the report's table cell",
  },
  {
    query: "tidy_findings",
    title: "Findings with the States they name",
    row: "a finding and one State it names (code and English name), paragraph and sentence of the report",
  },
] as const;

/**
 * The rows of a query file of data-loaders/sql/site/ (a "tidy" join for people, e.g. indicator values with the
 * indicator's text) as a CSV or Parquet file.
 */
export async function copyQuery(db: Database, query: string, format: "csv" | "parquet"): Promise<Buffer> {
  return copySelect(db, sqlText(`site/${query}.sql`).trim().replace(/;\s*$/, ""), query, format);
}

async function copySelect(db: Database, select: string, name: string, format: "csv" | "parquet"): Promise<Buffer> {
  const dir = mkdtempSync(join(tmpdir(), "ccm-site-"));
  const file = join(dir, `${name}.${format}`);
  try {
    const options = format === "csv" ? "FORMAT csv, HEADER true" : "FORMAT parquet, COMPRESSION zstd";
    await db.conn.run(`COPY (${select}) TO ${sqlString(file)} (${options})`);
    const bytes = readFileSync(file);
    if (!bytes.length) throw new Error(`COPY of ${name} to ${format} wrote nothing`);
    return bytes;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
