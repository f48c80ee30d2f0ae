/**
 * Reads a raw input CSV (reference, membership, overrides) into row objects keyed by header name,
 * checking that the columns the builder needs are there. Raw files are kept byte-for-byte as
 * published, so this reader is lenient about everything except missing columns.
 */
import { readFileSync } from "node:fs";
import { parse } from "csv-parse/sync";
import { InputError } from "../../lib/errors.ts";
import { firstInvalidUtf8 } from "../../lib/csv.ts";

export interface RawRow {
  /** 1-based line of the row in its file (the header is line 1). */
  line: number;
  values: Record<string, string>;
}

export interface RawTable {
  file: string;
  rows: RawRow[];
}

export function readRawTable(file: string, requiredColumns: string[]): RawTable {
  const bytes = readFileSync(file);
  // Raw files keep their published bytes (the UNDL file has CRLF line ends), so only the encoding is checked.
  const bad = firstInvalidUtf8(bytes);
  if (bad >= 0)
    throw new InputError({
      file,
      expected: "UTF-8 text",
      found: `a byte that is not UTF-8 at offset ${bad}`,
      fix: "restore the original file (see its PROVENANCE.md)",
    });
  const text = bytes.toString("utf8").replace(/^\uFEFF/, "");
  const records = parse(text, { relax_column_count: false, info: true, skip_empty_lines: true }) as unknown as {
    record: string[];
    info: { lines: number };
  }[];
  const header = records[0]?.record ?? [];
  const missing = requiredColumns.filter((c) => !header.includes(c));
  if (missing.length) {
    throw new InputError({
      file,
      line: 1,
      column: 1,
      expected: `the columns ${requiredColumns.join(", ")}`,
      found: `a header without ${missing.join(", ")}`,
      fix: "restore the original file (see sources/raw/PROVENANCE.md) or update the builder to the new layout",
    });
  }
  const rows = records.slice(1).map(({ record, info }) => ({
    line: info.lines,
    values: Object.fromEntries(header.map((h, i) => [h, (record[i] ?? "").trim()])),
  }));
  return { file, rows };
}

/** The value of a column, or an InputError naming the file, line and column when it is empty. */
export function required(table: RawTable, row: RawRow, column: string, expected: string): string {
  const v = row.values[column] ?? "";
  if (v === "")
    throw new InputError({
      file: table.file,
      line: row.line,
      column,
      expected,
      found: "an empty cell",
      fix: "fill in the value",
    });
  return v;
}
