/**
 * The reporting cycles of the indicator tables (their header columns), with the meeting each
 * is named after and the reporting period where the report states it:
 *   - its own period: "This report specifically covers the period from 1 July 2024 to 30 June 2025";
 *   - another cycle's: "… the 12MSP Progress Report cycle (1 July 2023-30 June 2024) …".
 * A period the report does not state stays empty (unknown, not guessed).
 */
import { isoDate, LONG_DATE } from "../../lib/dates.ts";
import { InputError } from "../../lib/errors.ts";
import { SUPERSCRIPT_DIGITS } from "./cells.ts";

export interface CycleRow {
  cycle: string;
  ordinal: number;
  meeting: string;
  period_start: string | null;
  period_end: string | null;
  source_ref: string;
  /** Report line that states the period (empty when the report does not). */
  period_line: number | null;
}

const ORDINAL_WORDS = [
  "First",
  "Second",
  "Third",
  "Fourth",
  "Fifth",
  "Sixth",
  "Seventh",
  "Eighth",
  "Ninth",
  "Tenth",
  "Eleventh",
  "Twelfth",
  "Thirteenth",
  "Fourteenth",
  "Fifteenth",
  "Sixteenth",
  "Seventeenth",
  "Eighteenth",
  "Nineteenth",
  "Twentieth",
];
const OWN_PERIOD = new RegExp(String.raw`covers the period from (${LONG_DATE}) to (${LONG_DATE})`);
const OTHER_PERIOD = new RegExp(
  String.raw`(\d+(?:MSP|RC)) Progress Report cycle \((${LONG_DATE})\s*[-–]\s*(${LONG_DATE})\)`,
  "g",
);

/** "Tenth Meeting of States Parties" for 10MSP, "Third Review Conference" for 3RC. */
export function meetingName(cycle: string, file: string, line: number): string {
  const m = /^(\d+)(MSP|RC)$/.exec(cycle);
  const word = m ? ORDINAL_WORDS[Number(m[1]) - 1] : undefined;
  if (!m || !word)
    throw new InputError({
      file,
      line,
      expected: `a cycle such as 10MSP or 3RC (numbers up to ${ORDINAL_WORDS.length})`,
      found: JSON.stringify(cycle),
      fix: "check the table header, or extend ORDINAL_WORDS in data-loaders/extract/indicators/cycles.ts",
    });
  return `${word} ${m[2] === "MSP" ? "Meeting of States Parties" : "Review Conference"}`;
}

/** "para 1" for a numbered paragraph, "footnote ²" for a footnote line. */
function whereInReport(line: string): string {
  const para = /^(\d+)\.\s/.exec(line);
  if (para) return `para ${para[1]}`;
  const note = new RegExp(`^([${SUPERSCRIPT_DIGITS}]+)\\s`).exec(line);
  if (note) return `footnote ${note[1]}`;
  return "text";
}

interface Period {
  start: string;
  end: string;
  line: number;
  where: string;
}

export function buildCycles(
  reportText: string,
  reportFile: string,
  reportId: string,
  cycles: string[],
  headerLine: number,
): CycleRow[] {
  const lines = reportText.split("\n");
  const periods = new Map<string, Period>();
  const record = (cycle: string, start: string, end: string, index: number) => {
    const period = { start: isoDate(start), end: isoDate(end), line: index + 1, where: whereInReport(lines[index]!) };
    const earlier = periods.get(cycle);
    if (earlier && (earlier.start !== period.start || earlier.end !== period.end)) {
      throw new InputError({
        file: reportFile,
        line: period.line,
        expected: `the same period for ${cycle} as on line ${earlier.line} (${earlier.start} to ${earlier.end})`,
        found: `${period.start} to ${period.end}`,
        fix: "the report contradicts itself: check both places in the report and ask the report's authors which period is right; do not pick one silently",
      });
    }
    if (!earlier) periods.set(cycle, period);
  };
  lines.forEach((line, index) => {
    const own = OWN_PERIOD.exec(line);
    if (own) record(reportId, own[1]!, own[2]!, index);
    for (const m of line.matchAll(OTHER_PERIOD)) record(m[1]!, m[2]!, m[3]!, index);
  });
  return cycles.map((cycle, i) => {
    const period = periods.get(cycle);
    const periodRef = period ? `; period: ${period.where} (line ${period.line})` : "; period not stated in the report";
    return {
      cycle,
      ordinal: i + 1,
      meeting: meetingName(cycle, reportFile, headerLine),
      period_start: period?.start ?? null,
      period_end: period?.end ?? null,
      source_ref: `${reportId} Progress Report, indicator table header (line ${headerLine})${periodRef}`,
      period_line: period?.line ?? null,
    };
  });
}
