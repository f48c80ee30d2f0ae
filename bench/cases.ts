/**
 * One benchmark case, run in its own process so that its peak memory (max RSS, which includes DuckDB's
 * native memory) is its own: `tsx bench/cases.ts <pipeline|duckdb|csv-parse> <file.csv> <workdir>`.
 * Prints one JSON line: { case, rows, seconds, maxRssMB }.
 */
import { copyFileSync, linkSync, mkdirSync, rmSync } from "node:fs";
import { createReadStream } from "node:fs";
import { basename, join } from "node:path";
import { parse } from "csv-parse";
import { dateValue } from "@duckdb/node-api";
import { closeDatabase, openDatabase, queryRows, ROOT, runSqlFile } from "../data-loaders/lib/db.ts";
import { buildUnga, UNGA_DATASETS } from "../data-loaders/unga-build.ts";
import { UNDL_COLUMNS, detectLayout, readCsvColumns } from "../data-loaders/unga/layout.ts";

const [kind, csvPath, workdir] = process.argv.slice(2) as [string, string, string];
const dbPath = join(workdir, "ccm.duckdb");

function freshDir(): void {
  rmSync(workdir, { recursive: true, force: true });
  mkdirSync(join(workdir, "sources", "unga"), { recursive: true });
}

/** (a) This pipeline: the UNGA ingest step and the UNGA models, into a new database file. */
async function pipeline(): Promise<number> {
  const sources = join(workdir, "sources");
  for (const name of UNGA_DATASETS) {
    for (const ext of [".csv", ".meta.json"])
      copyFileSync(join(ROOT, "sources", name + ext), join(sources, name + ext));
  }
  const target = join(sources, "unga", basename(csvPath));
  try {
    linkSync(csvPath, target);
  } catch {
    copyFileSync(csvPath, target);
  }
  await buildUnga({ sourcesDir: sources, dbPath });
  const db = await openDatabase(dbPath, { readOnly: true });
  const [r] = await queryRows<{ n: number }>(db.conn, "SELECT count(*) AS n FROM undl_votes");
  closeDatabase(db);
  return r!.n;
}

/** (b) The floor: DuckDB's own read_csv into a table, same explicit column types, then a checkpoint. */
async function duckdbFloor(): Promise<number> {
  const db = await openDatabase(dbPath);
  await runSqlFile(db.conn, "bench/floor.sql", {
    path: csvPath,
    columns: readCsvColumns(detectLayout(csvPath), { ms_vote: "VARCHAR" }),
  });
  await db.conn.run("CHECKPOINT");
  const [r] = await queryRows<{ n: number }>(db.conn, "SELECT count(*) AS n FROM votes");
  closeDatabase(db);
  return r!.n;
}

const INTEGER_COLUMNS = new Set(["total_yes", "total_no", "total_abstentions", "total_non_voting", "total_ms"]);

/** (c) The naive baseline: csv-parse streaming, one appender call per cell. */
async function csvParseAppender(): Promise<number> {
  const db = await openDatabase(dbPath);
  const columns = UNDL_COLUMNS[detectLayout(csvPath)];
  await runSqlFile(db.conn, "bench/naive_table.sql", {
    path: csvPath,
    columns: readCsvColumns(detectLayout(csvPath), { ms_vote: "VARCHAR" }),
  });
  const appender = await db.conn.createAppender("votes");
  let rows = 0;
  const parser = createReadStream(csvPath).pipe(parse({ from_line: 2 }));
  for await (const record of parser as AsyncIterable<string[]>) {
    record.forEach((cell, i) => {
      const column = columns[i]!;
      if (cell === "") appender.appendNull();
      else if (column === "undl_id") appender.appendBigInt(BigInt(cell));
      else if (INTEGER_COLUMNS.has(column)) appender.appendInteger(Number(cell));
      else if (column === "date")
        appender.appendDate(dateValue(Math.round(Date.parse(cell + "T00:00:00Z") / 86_400_000)));
      else appender.appendVarchar(cell);
    });
    appender.endRow();
    rows++;
  }
  appender.closeSync();
  await db.conn.run("CHECKPOINT");
  closeDatabase(db);
  return rows;
}

freshDir();
const start = performance.now();
const rows =
  kind === "pipeline" ? await pipeline() : kind === "duckdb" ? await duckdbFloor() : await csvParseAppender();
const seconds = (performance.now() - start) / 1000;
const maxRssMB = process.resourceUsage().maxRSS / 1024;
rmSync(workdir, { recursive: true, force: true });
process.stdout.write(JSON.stringify({ case: kind, rows, seconds, maxRssMB }) + "\n");
