/**
 * The two column layouts of the UN Digital Library bulk voting file (record 4060887) and their
 * detection from the header line. The Feb 2026 version added `vote_note` after `subjects`.
 */
import { closeSync, openSync, readSync } from "node:fs";
import { structValue, type DuckDBStructValue } from "@duckdb/node-api";
import { headerDifference } from "../lib/csv.ts";
import { InputError } from "../lib/errors.ts";

export type UndlLayout = "2025" | "2026";

/** Every column of the Feb 2026 layout with the DuckDB type it is read as; the 2025 layout lacks vote_note. */
const COLUMN_TYPES: [string, string][] = [
  ["undl_id", "BIGINT"],
  ["ms_code", "VARCHAR"],
  ["ms_name", "VARCHAR"],
  ["ms_vote", "undl_vote_code"], // Y, N, A, X: an ENUM, so the reader rejects any other code with its line
  ["date", "DATE"],
  ["session", "VARCHAR"],
  ["resolution", "VARCHAR"],
  ["draft", "VARCHAR"],
  ["committee_report", "VARCHAR"],
  ["meeting", "VARCHAR"],
  ["title", "VARCHAR"],
  ["agenda_title", "VARCHAR"],
  ["subjects", "VARCHAR"],
  ["vote_note", "VARCHAR"],
  ["total_yes", "INTEGER"],
  ["total_no", "INTEGER"],
  ["total_abstentions", "INTEGER"],
  ["total_non_voting", "INTEGER"],
  ["total_ms", "INTEGER"],
  ["undl_link", "VARCHAR"],
];

/** What a value of each typed column must look like, said when the reader could not convert one. */
const TYPE_EXPECTED: Record<string, string> = {
  BIGINT: "a whole number (digits only)",
  INTEGER: "a whole number (digits only)",
  DATE: "a date as YYYY-MM-DD",
  undl_vote_code: "a vote code: Y (yes), N (no), A (abstention) or X (non-voting)",
};

/** What a value of `column` must look like, or undefined for a column read as text. */
export function undlValueExpected(column: string): string | undefined {
  const type = COLUMN_TYPES.find(([name]) => name === column)?.[1];
  return type === undefined ? undefined : TYPE_EXPECTED[type];
}

function layoutColumns(layout: UndlLayout): [string, string][] {
  return layout === "2026" ? COLUMN_TYPES : COLUMN_TYPES.filter(([name]) => name !== "vote_note");
}

export const UNDL_COLUMNS: Record<UndlLayout, string[]> = {
  "2025": layoutColumns("2025").map(([name]) => name),
  "2026": layoutColumns("2026").map(([name]) => name),
};

/**
 * The `columns` argument of read_csv for a layout, bound as a parameter so one SQL file reads both
 * layouts. `overrides` changes a type (the benchmark floor reads ms_vote as VARCHAR, as it always has).
 */
export function readCsvColumns(layout: UndlLayout, overrides: Record<string, string> = {}): DuckDBStructValue {
  return structValue(Object.fromEntries(layoutColumns(layout).map(([name, type]) => [name, overrides[name] ?? type])));
}

/** The first line of a file (up to 64 KB), without a UTF-8 BOM or a trailing CR. */
export function readHeaderLine(path: string): string {
  const fd = openSync(path, "r");
  try {
    const buf = Buffer.alloc(65536);
    const n = readSync(fd, buf, 0, buf.length, 0);
    let text = buf.subarray(0, n).toString("utf8");
    if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
    const end = text.indexOf("\n");
    return (end >= 0 ? text.slice(0, end) : text).replace(/\r$/, "");
  } finally {
    closeSync(fd);
  }
}

/** Which layout a file has, from its header; an InputError naming the difference otherwise. */
export function detectLayout(path: string, displayName = path): UndlLayout {
  const header = readHeaderLine(path)
    .split(",")
    .map((c) => c.trim().replace(/^"(.*)"$/, "$1"));
  for (const layout of ["2026", "2025"] as const) {
    if (header.join(",") === UNDL_COLUMNS[layout].join(",")) return layout;
  }
  // vote_note is the 2026 layout's only addition: a 2025 file without it is not missing anything.
  const detail = headerDifference(UNDL_COLUMNS["2026"], header, ["vote_note"]);
  throw new InputError({
    file: displayName,
    line: 1,
    column: 1,
    expected: `the header of a UN Digital Library voting file, 2025 layout (${UNDL_COLUMNS["2025"].join(",")}) or Feb 2026 layout (with vote_note after subjects)`,
    found: `${header.join(",").slice(0, 200)} (${detail})`,
    fix: "drop the file in sources/unga/ as downloaded from https://digitallibrary.un.org/record/4060887, or move files that are not UNDL voting data out of that folder",
  });
}
