/**
 * Reads a curated CSV from sources/ with csv-parse and validates it against its metadata:
 * encoding, line ends, header, column count, types, allowed values and the primary key.
 * Every problem becomes an InputProblem with file, line and column.
 */
import { readFileSync } from "node:fs";
import { parse } from "csv-parse/sync";
import { InputError, show, type InputProblem } from "./errors.ts";
import type { ColumnMeta, DatasetMeta } from "./meta.ts";

export type Cell = string | null;
export type CsvRow = Record<string, Cell>;

export interface CuratedTable {
  meta: DatasetMeta;
  file: string;
  rows: CsvRow[];
  /** The 1-based line in the file where each row starts (same index as rows). */
  lines: number[];
}

/** 1-based line and column of a byte offset in a buffer (column counts characters, roughly). */
function position(bytes: Buffer, offset: number): { line: number; column: number } {
  let line = 1;
  let lineStart = 0;
  for (let i = 0; i < offset; i++) {
    if (bytes[i] === 0x0a) {
      line++;
      lineStart = i + 1;
    }
  }
  return { line, column: bytes.subarray(lineStart, offset).toString("utf8").length + 1 };
}

/** The first byte offset that is not valid UTF-8, or -1. */
export function firstInvalidUtf8(bytes: Buffer): number {
  const decoder = new TextDecoder("utf-8", { fatal: true });
  try {
    decoder.decode(bytes);
    return -1;
  } catch {
    // Binary search for the first prefix that fails to decode.
    let lo = 0;
    let hi = bytes.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      try {
        // A prefix cut inside a multi-byte sequence fails too; allow 3 trailing bytes of slack.
        new TextDecoder("utf-8", { fatal: true }).decode(bytes.subarray(0, mid), { stream: true });
        lo = mid + 1;
      } catch {
        hi = mid;
      }
    }
    // The decoder fails at the first byte that cannot continue a sequence; the culprit is
    // the lead byte before it when that byte was ASCII (e.g. Latin-1 "C\xF4te" fails at "t").
    let i = Math.max(0, lo - 1);
    while (i > 0 && bytes[i]! < 0x80 && bytes[i - 1]! >= 0x80) i--;
    return i;
  }
}

/** Checks the bytes of a text file: not empty, UTF-8 without BOM, LF line ends. Returns the text. */
export function readUtf8Text(file: string, bytes: Buffer = readFileSync(file)): string {
  if (bytes.length === 0 || bytes.toString("utf8").trim() === "") {
    throw new InputError({
      file,
      line: 1,
      column: 1,
      expected: "a header line and at least one data row",
      found: "an empty file",
      fix: "restore the file from git (`git checkout -- " + file + "`) or regenerate it",
    });
  }
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) {
    throw new InputError({
      file,
      line: 1,
      column: 1,
      expected: "UTF-8 text without a byte-order mark",
      found: "a UTF-8 BOM (EF BB BF)",
      fix: "save the file as UTF-8 without BOM, e.g. `sed -i '1s/^\\xEF\\xBB\\xBF//' " + file + "`",
    });
  }
  const bad = firstInvalidUtf8(bytes);
  if (bad >= 0) {
    const { line, column } = position(bytes, bad);
    throw new InputError({
      file,
      line,
      column,
      expected: "UTF-8 text",
      found: `byte 0x${bytes[bad]!.toString(16).toUpperCase().padStart(2, "0")} ("${String.fromCharCode(bytes[bad]!)}" in Latin-1), which is not valid UTF-8 (the file looks Latin-1 or Windows-1252 encoded)`,
      fix: "convert it, e.g. `iconv -f latin1 -t utf-8 " + file + " > fixed.csv && mv fixed.csv " + file + "`",
    });
  }
  const cr = bytes.indexOf(0x0d);
  if (cr >= 0) {
    const { line, column } = position(bytes, cr);
    throw new InputError({
      file,
      line,
      column,
      expected: "LF line ends",
      found: "a CR (Windows CRLF line end)",
      fix: "convert line ends, e.g. `sed -i 's/\\r$//' " + file + "`",
    });
  }
  return bytes.toString("utf8");
}

interface CsvParseError extends Error {
  code?: string;
  lines?: number;
  column?: number;
}

/** Line and field number where the last quote left open starts (for "quote not closed" errors). */
function unclosedQuoteStart(text: string): { line: number; column: number } | null {
  let inQuote = false;
  let line = 1;
  let field = 1;
  let start: { line: number; column: number } | null = null;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (inQuote) {
      if (ch === '"') {
        if (text[i + 1] === '"') i++;
        else inQuote = false;
      } else if (ch === "\n") line++;
    } else if (ch === '"') {
      inQuote = true;
      start = { line, column: field };
    } else if (ch === ",") field++;
    else if (ch === "\n") {
      line++;
      field = 1;
    }
  }
  return inQuote ? start : null;
}

function parseRecords(file: string, text: string): { record: string[]; line: number }[] {
  try {
    const out = parse(text, { relax_column_count: true, info: true, skip_empty_lines: true }) as unknown as {
      record: string[];
      info: { lines: number };
    }[];
    return out.map((r) => ({ record: r.record, line: r.info.lines }));
  } catch (e) {
    const err = e as CsvParseError;
    const open = err.code === "CSV_QUOTE_NOT_CLOSED" ? unclosedQuoteStart(text) : null;
    if (open) {
      throw new InputError({
        file,
        line: open.line,
        column: open.column,
        expected: "a quoted field closed by a double quote before the end of the file",
        found: "a quote that is opened here and never closed (the rest of the file was read as one field)",
        fix: 'close the quote, or remove it; double any quote inside a quoted field ("" for ")',
      });
    }
    const line = err.lines ?? undefined;
    const quote =
      err.code === "CSV_QUOTE_NOT_CLOSED" ||
      err.code === "CSV_INVALID_CLOSING_QUOTE" ||
      err.code === "INVALID_OPENING_QUOTE";
    throw new InputError({
      file,
      line,
      column: typeof err.column === "number" ? err.column + 1 : undefined,
      expected: quote
        ? "a quoted field that is closed by a double quote right before the next comma or line end"
        : "well-formed CSV (RFC 4180)",
      found: `${err.code ?? "a parse error"}: ${err.message}`,
      fix: quote
        ? 'close the quote, and double any quote inside a quoted field ("" for ")'
        : "repair the CSV syntax at that line",
    });
  }
}

const DATE = /^\d{4}-\d{2}-\d{2}$/;

function checkCell(file: string, line: number, col: ColumnMeta, value: string): InputProblem | null {
  const v = value.trim();
  switch (col.type) {
    case "integer":
      if (!/^-?\d+$/.test(v))
        return {
          file,
          line,
          column: col.name,
          expected: "a whole number (digits only, no thousands separator)",
          found: show(value),
          fix: "write the number as digits, or leave the cell empty if the value is missing and the column allows it",
        };
      break;
    case "number":
      if (!/^-?\d+(\.\d+)?$/.test(v))
        return {
          file,
          line,
          column: col.name,
          expected: "a number such as 12 or 0.5",
          found: show(value),
          fix: "write the number with a dot as decimal separator and no thousands separator",
        };
      break;
    case "date":
      if (
        !DATE.test(v) ||
        Number.isNaN(Date.parse(v + "T00:00:00Z")) ||
        new Date(v + "T00:00:00Z").toISOString().slice(0, 10) !== v
      )
        return {
          file,
          line,
          column: col.name,
          expected: "a date as YYYY-MM-DD",
          found: show(value),
          fix: "write the date in ISO form, e.g. 2025-03-06",
        };
      break;
    case "boolean":
      if (v !== "true" && v !== "false")
        return {
          file,
          line,
          column: col.name,
          expected: "true or false",
          found: show(value),
          fix: "write true or false in lower case",
        };
      break;
    case "text":
      break;
  }
  if (col.enum && !col.enum.includes(v)) {
    return {
      file,
      line,
      column: col.name,
      expected: `one of ${col.enum.join(", ")}`,
      found: show(value),
      fix: `use one of the allowed values of "${col.name}" (see the dataset's .meta.json)`,
    };
  }
  if (col.pattern && !new RegExp(`^(?:${col.pattern})$`).test(v)) {
    return {
      file,
      line,
      column: col.name,
      expected: `a value matching /${col.pattern}/`,
      found: show(value),
      fix: `correct the value of "${col.name}"`,
    };
  }
  return null;
}

/**
 * How a file's header differs from the expected one, for an error message: "missing a, b; unexpected c", or "the
 * columns in another order". `optional` columns are not reported missing.
 */
export function headerDifference(
  expected: readonly string[],
  header: readonly string[],
  optional: readonly string[] = [],
): string {
  const missing = expected.filter((c) => !optional.includes(c) && !header.includes(c));
  const extra = header.filter((c) => !expected.includes(c));
  return [
    missing.length ? `missing ${missing.join(", ")}` : "",
    extra.length ? `unexpected ${extra.join(", ")}` : "",
    !missing.length && !extra.length ? "the columns in another order" : "",
  ]
    .filter(Boolean)
    .join("; ");
}

/** Read and validate one curated CSV. Throws InputError listing every problem found. */
export function readCuratedCsv(file: string, meta: DatasetMeta, bytes?: Buffer): CuratedTable {
  const text = readUtf8Text(file, bytes);
  const records = parseRecords(file, text);
  const header = records[0]?.record ?? [];
  const expected = meta.columns.map((c) => c.name);
  if (header.join(",") !== expected.join(",")) {
    const detail = headerDifference(expected, header);
    throw new InputError({
      file,
      line: 1,
      column: 1,
      expected: `the header ${expected.join(",")}`,
      found: `${header.join(",")} (${detail})`,
      fix: `make the header match the columns listed in ${meta.name}.meta.json, or update the metadata if the dataset changed`,
    });
  }
  if (records.length < 2) {
    throw new InputError({
      file,
      line: 2,
      column: 1,
      expected: "at least one data row after the header",
      found: "only the header",
      fix: "restore the rows (git checkout) or regenerate the file",
    });
  }
  const problems: InputProblem[] = [];
  const rows: CsvRow[] = [];
  const lines: number[] = [];
  const keySeen = new Map<string, number>();
  for (const { record, line } of records.slice(1)) {
    if (record.length !== expected.length) {
      problems.push({
        file,
        line,
        column: Math.min(record.length, expected.length) + 1,
        expected: `${expected.length} fields (${expected.join(",")})`,
        found: `${record.length} fields`,
        fix:
          record.length > expected.length
            ? "remove the extra field, or quote a value that contains a comma"
            : "add the missing field (an empty field is written as nothing between two commas)",
      });
      continue;
    }
    const row: CsvRow = {};
    meta.columns.forEach((col, i) => {
      const value = record[i]!;
      if (value.trim() === "") {
        row[col.name] = null;
        if (!col.nullable)
          problems.push({
            file,
            line,
            column: col.name,
            expected: "a value (this column may not be empty)",
            found: "an empty cell",
            fix: "fill in the value; a missing figure belongs in a nullable column with its reason",
          });
        return;
      }
      row[col.name] = value;
      const p = checkCell(file, line, col, value);
      if (p) problems.push(p);
    });
    const key = meta.primary_key.map((k) => row[k] ?? "").join("\u0000");
    const first = keySeen.get(key);
    if (first !== undefined) {
      problems.push({
        file,
        line,
        column: meta.primary_key[0],
        expected: `a unique key (${meta.primary_key.join(", ")})`,
        found: `${show(meta.primary_key.map((k) => row[k]).join(", "))}, already used on line ${first}`,
        fix: "remove the duplicate row or correct its key",
      });
    } else keySeen.set(key, line);
    rows.push(row);
    lines.push(line);
  }
  if (problems.length) throw new InputError(problems);
  return { meta, file, rows, lines };
}
