/** The indicator extract as datasets to write, and its summary lines for the `extract` command. */
import { CYCLE_COLUMNS, INDICATOR_COLUMNS, VALUE_COLUMNS, type ExtractResult } from "./indicators.ts";
import type { ExtractedDataset } from "../write.ts";

export function indicatorDatasets(result: ExtractResult): ExtractedDataset[] {
  return [
    { name: "cycles", columns: CYCLE_COLUMNS, rows: result.cycles },
    { name: "indicators", columns: INDICATOR_COLUMNS, rows: result.indicators },
    { name: "indicator_values", columns: VALUE_COLUMNS, rows: result.values },
  ];
}

function ids(list: { indicator_id: string; cycle?: string }[]): string {
  return list.map((v) => (v.cycle ? `${v.indicator_id} ${v.cycle}` : v.indicator_id)).join(", ");
}

export function indicatorSummary(result: ExtractResult): string[] {
  const { indicators, values, cycles } = result;
  const revised = values.filter((v) => v.revised);
  const footnoted = values.filter((v) => v.footnote !== null && !v.revised);
  const missing = values.filter((v) => v.value === null);
  const paired = values.filter((v) => v.value_secondary !== null);
  const continued = indicators.filter((i) => i.continued_on_line !== null);
  const handClassified = indicators.filter((i) => i.classification_note !== null);
  const lines = [
    `${result.reportId} Progress Report: ${indicators.length} indicators × ${cycles.length} cycles (${cycles.map((c) => c.cycle).join(", ")}) = ${values.length} values`,
    `  text continued after a page break: ${continued.length} (${ids(continued)})`,
    `  revised figures (*): ${revised.length} (${ids(revised)})`,
    `  other footnoted figures: ${footnoted.length} (${ids(footnoted)})`,
    `  missing (N/A): ${missing.length} (${ids(missing)})`,
    `  paired values: ${paired.length} (${ids(paired)})`,
    `  unit or scope set by hand: ${handClassified.length} (${ids(handClassified)})`,
    `  cycles with a stated period: ${
      cycles
        .filter((c) => c.period_start)
        .map((c) => `${c.cycle} ${c.period_start}–${c.period_end}`)
        .join(", ") || "none"
    }`,
    `  value overrides applied: ${result.overridesApplied.length}`,
    ...result.overridesApplied.map((o) => `    - ${o}`),
  ];
  return lines;
}
