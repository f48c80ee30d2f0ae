/**
 * extractIndicators: a progress report's text → the datasets `indicators`, `indicator_values` and
 * `cycles`. Pure: the caller reads the files (report, hand classification, value overrides) and
 * writes the CSVs. Steps:
 *   1. read the LAP indicator tables (indicator-tables.ts): rows, cells, footnotes, sections
 *   2. name each indicator `<action>.<n>` and classify it (classification.ts + hand file)
 *   3. turn each cell into a value row; apply the reviewed value overrides, flagging each one
 *   4. list the cycles of the table header with the periods the report states (cycles.ts)
 */
import { InputError, show, type InputProblem } from "../../lib/errors.ts";
import type { IndicatorValuesRow } from "../../lib/relations.generated.ts";
import { classifyIndicators, type ClassificationEntry, type Polarity } from "./classification.ts";
import { buildCycles, type CycleRow } from "./cycles.ts";
import { parseIndicatorTables, type RawIndicator, type TableCell } from "./indicator-tables.ts";
import type { ValueOverride } from "./overrides.ts";

export type { CycleRow } from "./cycles.ts";

export interface ExtractOptions {
  /** The report's path as it should appear in error messages. */
  reportFile: string;
  /** Cycle code of the report, e.g. "13MSP"; read from the title when not given. */
  reportId?: string;
  classification: ClassificationEntry[];
  /** Path of the hand classification file, for messages about a missing row. */
  classificationFile: string;
  valueOverrides: ValueOverride[];
}

export interface IndicatorRow {
  indicator_id: string;
  action: number;
  seq: number;
  pillar_code: string;
  pillar: string;
  text: string;
  unit: string;
  scope: string | null;
  polarity: Polarity;
  polarity_note: string;
  classification_note: string | null;
  source_ref: string;
  report_line: number;
  continued_on_line: number | null;
}

/** A value as the extractor writes it: a row of dataset indicator_values, described once in its metadata. */
export type IndicatorValueRow = IndicatorValuesRow;

export interface ExtractResult {
  reportId: string;
  indicators: IndicatorRow[];
  values: IndicatorValueRow[];
  cycles: CycleRow[];
  /** One line per applied value override, for the command's summary. */
  overridesApplied: string[];
}

/** Column order of the written CSVs; the datasets' .meta.json list the same columns. */
export const INDICATOR_COLUMNS: (keyof IndicatorRow)[] = [
  "indicator_id",
  "action",
  "seq",
  "pillar_code",
  "pillar",
  "text",
  "unit",
  "scope",
  "polarity",
  "polarity_note",
  "classification_note",
  "source_ref",
  "report_line",
  "continued_on_line",
];
export const VALUE_COLUMNS: (keyof IndicatorValueRow)[] = [
  "indicator_id",
  "cycle",
  "value",
  "value_secondary",
  "measure",
  "secondary_measure",
  "missing_reason",
  "revised",
  "footnote",
  "as_printed",
  "source_ref",
  "report_line",
  "override_note",
];
export const CYCLE_COLUMNS: (keyof CycleRow)[] = [
  "cycle",
  "ordinal",
  "meeting",
  "period_start",
  "period_end",
  "source_ref",
  "period_line",
];

const NOT_APPLICABLE_REASON = "not applicable: the report prints N/A";

/** "13MSP" from the title line "Convention on Cluster Munitions 13MSP Progress Report: …". */
export function reportIdFromTitle(reportText: string, reportFile: string): string {
  const m = /^Convention on Cluster Munitions (\d+(?:MSP|RC)) Progress Report\b/m.exec(reportText);
  if (!m)
    throw new InputError({
      file: reportFile,
      expected: 'a title line "Convention on Cluster Munitions <cycle> Progress Report"',
      found: "no such line",
      fix: "pass the report's cycle with --report-id 13MSP",
    });
  return m[1]!;
}

function sourceRef(reportId: string, raw: RawIndicator): string {
  return `${reportId} Progress Report, section ${raw.section} table, Action ${raw.action}`;
}

function valueRow(
  reportId: string,
  id: string,
  raw: RawIndicator,
  cell: TableCell,
  measure: string,
  secondaryMeasure: string | null,
): IndicatorValueRow {
  const { parsed } = cell;
  return {
    indicator_id: id,
    cycle: cell.cycle,
    value: parsed.value,
    value_secondary: parsed.valueSecondary,
    measure,
    secondary_measure: parsed.valueSecondary === null ? null : secondaryMeasure,
    missing_reason: parsed.notApplicable ? NOT_APPLICABLE_REASON : null,
    revised: parsed.revised,
    footnote: cell.footnote,
    as_printed: cell.printed,
    source_ref: `${sourceRef(reportId, raw)}, ${cell.cycle} column`,
    report_line: raw.line,
    override_note: null,
  };
}

function integerOrNull(text: string | null): number | null {
  return text === null ? null : Number(text);
}

/** Apply each reviewed override to its value row; every applied override is named in `override_note`. */
function applyValueOverrides(values: IndicatorValueRow[], overrides: ValueOverride[]): string[] {
  const byKey = new Map(values.map((v) => [`${v.indicator_id}|${v.cycle}`, v]));
  const problems: InputProblem[] = [];
  const applied: string[] = [];
  for (const o of overrides) {
    const row = byKey.get(`${o.indicator_id}|${o.cycle}`);
    if (!row) {
      problems.push({
        file: o.file,
        line: o.line,
        column: "indicator_id",
        expected: "an indicator and cycle that the report's tables contain",
        found: show(`${o.indicator_id} ${o.cycle}`),
        fix: "correct or remove the override",
      });
      continue;
    }
    if (row.as_printed !== o.as_printed) {
      problems.push({
        file: o.file,
        line: o.line,
        column: "as_printed",
        expected: `the cell as the report now prints it (${show(row.as_printed)})`,
        found: show(o.as_printed),
        fix: "the report changed under this override: check whether it is still needed, then update or remove it",
      });
      continue;
    }
    if ((o.field === "value" || o.field === "value_secondary") && o.value !== null && !/^\d+$/.test(o.value)) {
      problems.push({
        file: o.file,
        line: o.line,
        column: "value",
        expected: `a whole number for ${o.field} (or an empty cell)`,
        found: show(o.value),
        fix: "write digits only",
      });
      continue;
    }
    const before = row[o.field];
    if (o.field === "missing_reason") row.missing_reason = o.value;
    else row[o.field] = integerOrNull(o.value);
    const note = `${o.field} set by hand (${o.file} line ${o.line}; extracted ${before === null ? "empty" : show(String(before))}): ${o.reason}`;
    row.override_note = row.override_note ? `${row.override_note} | ${note}` : note;
    applied.push(`${o.indicator_id} ${o.cycle} ${o.field}: ${o.reason}`);
    if ((row.value === null) !== (row.missing_reason !== null)) {
      problems.push({
        file: o.file,
        line: o.line,
        column: "value",
        expected: "a value, or no value with its missing_reason, after the override",
        found: `value ${show(row.value)}, missing_reason ${show(row.missing_reason)}`,
        fix: "override value and missing_reason together",
      });
    }
  }
  if (problems.length) throw new InputError(problems);
  return applied;
}

export function extractIndicators(reportText: string, options: ExtractOptions): ExtractResult {
  const reportId = options.reportId ?? reportIdFromTitle(reportText, options.reportFile);
  const tables = parseIndicatorTables(reportText, options.reportFile);
  const named = tables.indicators.map((raw) => ({ raw, id: `${raw.action}.${raw.seq}` }));
  const classes = classifyIndicators(
    named.map(({ raw, id }) => ({
      indicator_id: id,
      text: raw.text,
      paired: raw.cells.some((c) => c.parsed.valueSecondary !== null),
    })),
    options.classification,
    options.classificationFile,
  );
  const indicators: IndicatorRow[] = [];
  const values: IndicatorValueRow[] = [];
  for (const { raw, id } of named) {
    const c = classes.get(id)!;
    indicators.push({
      indicator_id: id,
      action: raw.action,
      seq: raw.seq,
      pillar_code: raw.pillarCode,
      pillar: raw.pillar,
      text: raw.text,
      unit: c.unit,
      scope: c.scope,
      polarity: c.polarity,
      polarity_note: c.polarity_note,
      classification_note: c.classification_note,
      source_ref: sourceRef(reportId, raw),
      report_line: raw.line,
      continued_on_line: raw.continuedOnLine,
    });
    for (const cell of raw.cells) values.push(valueRow(reportId, id, raw, cell, c.measure, c.secondary_measure));
  }
  const overridesApplied = applyValueOverrides(values, options.valueOverrides);
  const cycles = buildCycles(reportText, options.reportFile, reportId, tables.cycles, tables.headerLine);
  return { reportId, indicators, values, cycles, overridesApplied };
}
