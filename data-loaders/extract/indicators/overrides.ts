/**
 * The two reviewed hand files next to the extractor's output (see sources/overrides/indicators.README.md):
 *   indicator_classification.csv   unit, scope and polarity judgements per indicator
 *   indicator_value_overrides.csv  corrections or additions to single extracted values, each with a reason
 * Both are validated like curated datasets (csv-parse, types, allowed values, unique key); their
 * schemas live here because they are inputs of the extractor, not tables of the database.
 */
import { readFileSync } from "node:fs";
import { readCuratedCsv } from "../../lib/csv.ts";
import type { DatasetMeta } from "../../lib/meta.ts";
import type { ClassificationEntry, Polarity } from "./classification.ts";

export const POLARITIES: Polarity[] = ["higher_is_better", "lower_is_better", "neutral"];
/** Fields of an indicator value that a hand override may set. */
export const OVERRIDABLE_FIELDS = ["value", "value_secondary", "missing_reason"] as const;
export type OverridableField = (typeof OVERRIDABLE_FIELDS)[number];

export interface ValueOverride {
  indicator_id: string;
  cycle: string;
  field: OverridableField;
  /** The cell as the report prints it; the override applies only while the report still prints this. */
  as_printed: string;
  /** The new value; empty means "no value". */
  value: string | null;
  reason: string;
  file: string;
  line: number;
}

function schema(name: string, primaryKey: string[], columns: DatasetMeta["columns"]): DatasetMeta {
  return {
    name,
    title: name,
    producer: "ccm-trends maintainers",
    source: "hand review",
    date: "",
    licence: "",
    reference: "",
    method: "by hand",
    sha256: "",
    primary_key: primaryKey,
    columns,
  };
}

export const CLASSIFICATION_SCHEMA = schema(
  "indicator_classification",
  ["indicator_id"],
  [
    { name: "indicator_id", type: "text", description: "LAP indicator <action>.<n>", pattern: String.raw`\d+\.\d+` },
    {
      name: "text_begins",
      type: "text",
      description: "the beginning of the indicator text, checked against the report",
    },
    { name: "unit", type: "text", nullable: true, description: "what is counted; empty = as read from the text" },
    {
      name: "scope",
      type: "text",
      nullable: true,
      description: "denominator or population; empty = as read from the text (or none)",
    },
    { name: "polarity", type: "text", enum: POLARITIES, description: "is a rise good news?" },
    { name: "polarity_note", type: "text", description: "one line: why" },
    { name: "measure", type: "text", nullable: true, description: "paired values only: what the first figure counts" },
    {
      name: "secondary_measure",
      type: "text",
      nullable: true,
      description: "paired values only: what the second figure counts",
    },
  ],
);

export const VALUE_OVERRIDES_SCHEMA = schema(
  "indicator_value_overrides",
  ["indicator_id", "cycle", "field"],
  [
    { name: "indicator_id", type: "text", description: "LAP indicator <action>.<n>", pattern: String.raw`\d+\.\d+` },
    {
      name: "cycle",
      type: "text",
      description: "cycle column of the table, e.g. 10MSP",
      pattern: String.raw`\d+(MSP|RC)`,
    },
    { name: "field", type: "text", enum: [...OVERRIDABLE_FIELDS], description: "which field of the value row is set" },
    {
      name: "as_printed",
      type: "text",
      description: "the cell as the report prints it (guards against a changed report)",
    },
    { name: "value", type: "text", nullable: true, description: "the new content of the field" },
    { name: "reason", type: "text", description: "why, with the paragraph or document that supports it" },
  ],
);

/** `file` names the file in messages and notes; `bytes` are its content (read from `file` by default). */
export function readClassification(file: string, bytes: Buffer = readFileSync(file)): ClassificationEntry[] {
  const table = readCuratedCsv(file, CLASSIFICATION_SCHEMA, bytes);
  return table.rows.map((r, i) => ({
    indicator_id: r.indicator_id!,
    text_begins: r.text_begins!,
    unit: r.unit ?? null,
    scope: r.scope ?? null,
    polarity: r.polarity as Polarity,
    polarity_note: r.polarity_note!,
    measure: r.measure ?? null,
    secondary_measure: r.secondary_measure ?? null,
    file,
    line: table.lines[i]!,
  }));
}

/** The value overrides; a file with only its header means "no overrides". */
export function readValueOverrides(file: string, bytes: Buffer = readFileSync(file)): ValueOverride[] {
  const header = VALUE_OVERRIDES_SCHEMA.columns.map((c) => c.name).join(",");
  if (bytes.toString("utf8").trim() === header) return [];
  const table = readCuratedCsv(file, VALUE_OVERRIDES_SCHEMA, bytes);
  return table.rows.map((r, i) => ({
    indicator_id: r.indicator_id!,
    cycle: r.cycle!,
    field: r.field as OverridableField,
    as_printed: r.as_printed!,
    value: r.value ?? null,
    reason: r.reason!,
    file,
    line: table.lines[i]!,
  }));
}
