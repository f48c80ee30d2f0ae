/**
 * Writes extracted datasets as curated CSVs (csv-stringify) and records each file's SHA-256 in
 * its `.meta.json` when the output folder has one. Everything is rendered and checked in memory
 * first, so a problem leaves every existing file untouched.
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { stringify } from "csv-stringify/sync";
import { InputError } from "../lib/errors.ts";
import { sha256 } from "../lib/meta.ts";

export interface ExtractedDataset {
  name: string;
  columns: string[];
  rows: object[];
}

/** What one extractor hands to the `extract` command: its datasets and its summary lines. */
export interface Extract {
  datasets: ExtractedDataset[];
  summary: string[];
}

export interface WrittenDataset {
  name: string;
  file: string;
  rows: number;
  sha256: string;
  /** Whether a `.meta.json` beside the CSV got the new checksum. */
  metaUpdated: boolean;
}

/** A cell as the curated CSVs write it: empty for missing, true/false for booleans, digits for numbers. */
function cell(value: unknown): string {
  if (value === null || value === undefined) return "";
  if (typeof value === "boolean") return value ? "true" : "false";
  return String(value);
}

export function renderCsv(columns: string[], rows: object[]): string {
  const records = rows.map((row) => columns.map((c) => cell((row as Record<string, unknown>)[c])));
  return stringify([columns, ...records], { record_delimiter: "unix" });
}

export function writeDatasets(outDir: string, datasets: ExtractedDataset[]): WrittenDataset[] {
  const planned = datasets.map((d) => {
    const csv = renderCsv(d.columns, d.rows);
    const metaPath = join(outDir, `${d.name}.meta.json`);
    let meta: Record<string, unknown> | null = null;
    if (existsSync(metaPath)) {
      meta = JSON.parse(readFileSync(metaPath, "utf8")) as Record<string, unknown>;
      const described = ((meta.columns as { name: string }[] | undefined) ?? []).map((c) => c.name);
      if (described.join(",") !== d.columns.join(",")) {
        throw new InputError({
          file: metaPath,
          column: "columns",
          expected: `the extracted columns ${d.columns.join(",")}`,
          found: described.join(","),
          fix: "describe the new columns in the metadata (same order) before extracting again",
        });
      }
    }
    return { d, csv, metaPath, meta };
  });
  mkdirSync(outDir, { recursive: true });
  return planned.map(({ d, csv, metaPath, meta }) => {
    const file = join(outDir, `${d.name}.csv`);
    writeFileSync(file, csv);
    const digest = sha256(csv);
    if (meta) {
      meta.sha256 = digest;
      writeFileSync(metaPath, JSON.stringify(meta, null, 2) + "\n");
    }
    return { name: d.name, file, rows: d.rows.length, sha256: digest, metaUpdated: meta !== null };
  });
}
