/**
 * Dataset metadata: every curated CSV in sources/ has a sibling `<name>.meta.json` that carries its
 * provenance (OWID-style origin) and its column schema. The schema drives validation, the staging
 * load and the data dictionary.
 */
import { readFileSync } from "node:fs";
import { createHash } from "node:crypto";
import { InputError, type InputProblem } from "./errors.ts";

export type ColumnType = "text" | "integer" | "number" | "date" | "boolean";

export interface ColumnMeta {
  name: string;
  type: ColumnType;
  description: string;
  /** Empty cells are errors unless `nullable` is true. */
  nullable?: boolean;
  /** Allowed values (after trimming). */
  enum?: string[];
  /** A regular expression the value must match in full. */
  pattern?: string;
  /** Foreign key into another curated dataset, checked after all datasets are read. */
  references?: { dataset: string; column: string };
  /** The value is a State name or code that must resolve through state_aliases. */
  state?: boolean;
}

export interface DatasetMeta {
  /** Table name in DuckDB, also the file stem in sources/. */
  name: string;
  title: string;
  producer: string;
  /** Document symbol, record id or URL of the original. */
  source: string;
  /** Publication date of the original (YYYY-MM-DD or YYYY). */
  date: string;
  licence: string;
  /** Paragraph, table or page reference inside the original. */
  reference: string;
  /** How the extract was made (script, by hand, reconciled from ...). */
  method: string;
  /** SHA-256 of the CSV file's bytes; `npm run ccm -- checksums --write` refreshes it. */
  sha256: string;
  primary_key: string[];
  columns: ColumnMeta[];
  /** Other files this dataset was derived from, relative to the repository root. */
  derived_from?: string[];
  notes?: string;
}

const REQUIRED_FIELDS = [
  "name",
  "title",
  "producer",
  "source",
  "date",
  "licence",
  "reference",
  "method",
  "sha256",
] as const;
const TYPES: ColumnType[] = ["text", "integer", "number", "date", "boolean"];

export function sha256(bytes: Buffer | string): string {
  return createHash("sha256").update(bytes).digest("hex");
}

export function readMeta(metaPath: string): DatasetMeta {
  let raw: unknown;
  try {
    raw = JSON.parse(readFileSync(metaPath, "utf8"));
  } catch (e) {
    throw new InputError({
      file: metaPath,
      expected: "a JSON object describing the dataset",
      found: (e as Error).message,
      fix: "repair the JSON syntax (see docs/sources.md for the metadata format)",
    });
  }
  const problems: InputProblem[] = [];
  const m = raw as Record<string, unknown>;
  for (const f of REQUIRED_FIELDS) {
    if (typeof m[f] !== "string" || (m[f] as string).trim() === "") {
      problems.push({
        file: metaPath,
        column: f,
        expected: `a non-empty string field "${f}"`,
        found: String(m[f] ?? "nothing"),
        fix: `add "${f}" to the metadata`,
      });
    }
  }
  if (!Array.isArray(m.primary_key)) {
    problems.push({
      file: metaPath,
      column: "primary_key",
      expected: "an array of column names",
      fix: 'add "primary_key": ["..."]',
    });
  }
  if (!Array.isArray(m.columns) || m.columns.length === 0) {
    problems.push({
      file: metaPath,
      column: "columns",
      expected: "a non-empty array of column descriptions",
      fix: 'describe every CSV column in "columns"',
    });
  } else {
    (m.columns as ColumnMeta[]).forEach((c, i) => {
      if (!c || typeof c.name !== "string")
        problems.push({
          file: metaPath,
          column: `columns[${i}].name`,
          expected: "a column name",
          fix: "name the column",
        });
      else {
        if (!TYPES.includes(c.type))
          problems.push({
            file: metaPath,
            column: `columns[${i}].type`,
            expected: `one of ${TYPES.join(", ")}`,
            found: String(c.type),
            fix: "set a supported type",
          });
        if (typeof c.description !== "string" || c.description.trim() === "")
          problems.push({
            file: metaPath,
            column: `columns[${i}].description`,
            expected: `a description of column "${c.name}"`,
            fix: "every column is documented: add a description",
          });
      }
    });
    const names = new Set((m.columns as ColumnMeta[]).map((c) => c?.name));
    for (const k of (m.primary_key as string[] | undefined) ?? []) {
      if (!names.has(k))
        problems.push({
          file: metaPath,
          column: "primary_key",
          expected: 'key columns that exist in "columns"',
          found: k,
          fix: "correct the primary key",
        });
    }
  }
  if (problems.length) throw new InputError(problems);
  return m as unknown as DatasetMeta;
}
