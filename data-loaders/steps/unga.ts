/**
 * Ingest step: every UN Digital Library bulk voting file in sources/unga/*.csv → table
 * undl_votes, with DuckDB's own CSV reader (sql/ingest/undl_read.sql). Rows the reader
 * rejects are kept in undl_rejects with file and line, summarised, and fail the run unless
 * --allow-rejects. A file whose content hash matches the previous build's is copied from the
 * previous database instead of being read again. The CCM subset (unga_votes, unga_resolutions) is
 * built from undl_votes by sql/models/02x_unga_*.sql.
 */
import { existsSync, readdirSync, statSync } from "node:fs";
import { basename, dirname, join, relative } from "node:path";
import { DEFAULT_DB, queryRows, runSqlFile, sqlText } from "../lib/db.ts";
import { InputError, show, type InputProblem } from "../lib/errors.ts";
import type { PipelineStep, StepContext } from "./types.ts";
import { detectLayout, readCsvColumns, undlValueExpected, type UndlLayout } from "../unga/layout.ts";
import { attachPrevious, contentHashOfFile, detachPrevious, type PreviousFile } from "../unga/previous.ts";

/**
 * Bump when undl_votes changes shape or meaning, or the content hash its files are compared by, so that an older
 * database is never reused. 2: the content hash is XXH3-64 (undl_files.content_hash), was SHA-256.
 */
export const INGEST_VERSION = 2;

export interface UndlFile {
  path: string;
  /** Name recorded in the database and in messages, e.g. sources/unga/undl-ccm-votes-2015-2021.csv. */
  name: string;
  layout: UndlLayout;
  bytes: number;
  mtimeMs: number;
}

export function listUndlFiles(sourcesDir: string): UndlFile[] {
  const dir = join(sourcesDir, "unga");
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .filter((f) => f.toLowerCase().endsWith(".csv"))
    .sort()
    .map((f) => {
      const path = join(dir, f);
      const name = relative(dirname(sourcesDir), path);
      const st = statSync(path);
      return { path, name, layout: detectLayout(path, name), bytes: st.size, mtimeMs: st.mtimeMs };
    });
}

interface RejectRow {
  source_file: string;
  line: number;
  column_name: string | null;
  error_type: string;
  csv_line: string | null;
  error_message: string;
}

const REJECT_FIX: Record<string, string> = {
  CAST: "correct the value",
  "TOO MANY COLUMNS": 'quote the field that contains a comma ("…, …"), or remove the extra field',
  "MISSING COLUMNS": "add the missing fields (an empty field is written as nothing between two commas)",
  "UNQUOTED VALUE": "close the quote right before the next comma, and double quotes inside a quoted field",
  "INVALID ENCODING": "save the file as UTF-8",
  "UNKNOWN STATE": "correct ms_code to the ISO3 code of the Member State that cast the vote (see sources/states.csv)",
};

/** A wrong number of fields (one row per line: sql/ingest/undl_reject_list.sql). */
const FIELD_COUNT = new Set(["MISSING COLUMNS", "TOO MANY COLUMNS"]);

export function rejectProblems(rows: RejectRow[]): InputProblem[] {
  return rows.map((r) => {
    const row = r.csv_line
      ? JSON.stringify(r.csv_line.length > 160 ? r.csv_line.slice(0, 157) + "…" : r.csv_line)
      : undefined;
    const fix = `${REJECT_FIX[r.error_type] ?? "repair the row"}; or rerun with --allow-rejects to build without the rejected rows (they stay listed in table undl_rejects)`;
    if (FIELD_COUNT.has(r.error_type)) {
      const expected = /Expected Number of Columns: (\d+)/.exec(r.error_message)?.[1];
      const found = Number(/Found: (\d+)/.exec(r.error_message)?.[1] ?? NaN);
      return {
        file: r.source_file,
        line: r.line,
        expected: expected ? `${expected} fields, as the header has` : `a well-formed UNDL row (${r.error_message})`,
        found: Number.isNaN(found) ? row : `${found} field${found === 1 ? "" : "s"}${row ? `: ${row}` : ""}`,
        fix,
      };
    }
    const value =
      r.error_type === "CAST" ? /Could not convert string "(.*)" to '/.exec(r.error_message)?.[1] : undefined;
    const typed = r.column_name ? undlValueExpected(r.column_name) : undefined;
    return {
      file: r.source_file,
      line: r.line,
      column: r.column_name ?? undefined,
      expected:
        r.error_type === "CAST"
          ? (typed ?? `a value of the column's type (${r.error_message})`)
          : r.error_type === "UNKNOWN STATE"
            ? `the ISO3 code of a State: ${r.error_message}`
            : `a well-formed UNDL row (${r.error_type}: ${r.error_message})`,
      found: value !== undefined && typed ? show(value) : row,
      fix,
    };
  });
}

/** A file DuckDB's reader cannot parse at all (not a rejectable row): say which file, where, and what to do. */
function readError(file: UndlFile, e: Error): InputError {
  const message = (e.cause instanceof Error ? e.cause.message : e.message).split("\n").filter((l) => l.trim() !== "");
  const line = /CSV Error on Line: (\d+)/.exec(message.join("\n"))?.[1];
  return new InputError({
    file: file.name,
    line: line ? Number(line) : undefined,
    expected: `a CSV file in the UNDL ${file.layout} layout that DuckDB's reader can parse (UTF-8, comma-separated, double quotes, LF or CRLF line ends)`,
    found: message.slice(0, 2).join(" "),
    fix: "download the file again from https://digitallibrary.un.org/record/4060887, or repair its line ends and quoting (e.g. a stray carriage return), then rerun",
  });
}

async function ingestFile(ctx: StepContext, file: UndlFile, previous: Map<string, PreviousFile> | null): Promise<void> {
  const { conn } = ctx.db;
  const start = performance.now();
  const [count] = await queryRows<{ n: number }>(conn, sqlText("ingest/undl_row_count.sql"));
  const first_rowid = count!.n; // rowids are contiguous: undl_votes is only ever appended to
  const before = previous?.get(file.name);
  const sameVersion = before?.ingest_version === INGEST_VERSION && before.layout === file.layout;
  // Size and modification time unchanged: trust the recorded hash instead of reading the file again.
  const unchangedStat = sameVersion && before!.bytes === file.bytes && before!.mtime_ms === file.mtimeMs;
  // Touched but maybe not changed (a copy, a checkout): compare the content hash (and the size).
  const hashed =
    sameVersion && !unchangedStat && before!.bytes === file.bytes ? contentHashOfFile(file.path) : undefined;
  let contentHash: string;
  let reused = false;
  if (sameVersion && (unchangedStat || hashed === before!.content_hash)) {
    contentHash = before!.content_hash;
    await runSqlFile(conn, "ingest/undl_copy_previous.sql", { source_file: file.name });
    reused = true;
  } else {
    await runSqlFile(conn, "ingest/undl_reset_rejects.sql");
    await runSqlFile(conn, "ingest/undl_read.sql", {
      path: file.path,
      source_file: file.name,
      columns: readCsvColumns(file.layout),
    }).catch((e: Error) => {
      throw readError(file, e);
    });
    // The hash after the read, not beside it: DuckDB's reader keeps every core busy, and with the hash beside it the
    // run took 0.5 s more CPU (its threads waiting for a core) where the hash alone takes 0.05-0.08 s at 1.2M rows.
    contentHash = hashed ?? contentHashOfFile(file.path);
    await runSqlFile(conn, "ingest/undl_record_rejects.sql", { source_file: file.name });
  }
  const seconds = (performance.now() - start) / 1000;
  await runSqlFile(conn, "ingest/undl_record_file.sql", {
    source_file: file.name,
    layout: file.layout,
    bytes: file.bytes,
    mtime_ms: file.mtimeMs,
    content_hash: contentHash,
    ingest_version: INGEST_VERSION,
    first_rowid,
    reused,
    seconds,
  });
  const [row] = await queryRows<{ rows_loaded: number; rejected_lines: number }>(
    conn,
    sqlText("ingest/undl_file_summary.sql"),
    { source_file: file.name },
  );
  const what = reused
    ? `skipped ingest (unchanged, content hash ${contentHash}): copied ${row!.rows_loaded} rows from the previous database`
    : `read ${row!.rows_loaded} rows (${file.layout} layout)`;
  ctx.log.info(
    `    ${basename(file.path)}: ${what}${row!.rejected_lines ? `, ${row!.rejected_lines} rejected lines` : ""} in ${seconds.toFixed(1)} s`,
  );
}

async function reportRejects(ctx: StepContext): Promise<void> {
  const summary = await queryRows<{ source_file: string; error_type: string; lines: number; first_line: number }>(
    ctx.db.conn,
    sqlText("ingest/undl_reject_summary.sql"),
  );
  if (!summary.length) return;
  const [{ lines: total } = { lines: 0 }] = await queryRows<{ lines: number }>(
    ctx.db.conn,
    sqlText("ingest/undl_reject_total.sql"),
  );
  const lines = summary.map(
    (s) => `${s.source_file}: ${s.lines} line(s) ${s.error_type}, first at line ${s.first_line}`,
  );
  if (ctx.options.allowRejects) {
    ctx.log.warn(
      `UNDL vote files: ${total} rejected line(s) left out (--allow-rejects); see table undl_rejects:\n    ${lines.join("\n    ")}`,
    );
    return;
  }
  const list = await queryRows<RejectRow>(ctx.db.conn, sqlText("ingest/undl_reject_list.sql"));
  ctx.log.info(`  rejected rows in UNDL vote files:\n    ${lines.join("\n    ")}`);
  throw new InputError(rejectProblems(list));
}

export async function ingestUndlFiles(ctx: StepContext): Promise<UndlFile[]> {
  const files = listUndlFiles(ctx.sourcesDir);
  await runSqlFile(ctx.db.conn, "ingest/undl_setup.sql");
  const previous = await attachPrevious(ctx.db.conn, ctx.options.dbPath ?? DEFAULT_DB, ctx.log);
  try {
    for (const file of files) await ingestFile(ctx, file, previous);
    await runSqlFile(ctx.db.conn, "ingest/undl_unknown_states.sql");
  } finally {
    if (previous) await detachPrevious(ctx.db.conn);
    // The reader's rejects tables were copied into undl_rejects; they are not part of the database.
    await runSqlFile(ctx.db.conn, "ingest/undl_reset_rejects.sql");
  }
  await reportRejects(ctx);
  return files;
}

export const step: PipelineStep = {
  name: "ingest UNDL bulk vote files (sources/unga/)",
  async run(ctx) {
    await ingestUndlFiles(ctx);
  },
};
