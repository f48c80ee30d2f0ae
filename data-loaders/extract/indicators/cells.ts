/**
 * The grammar of one value cell in a LAP indicator table, as printed in the progress reports:
 *   "07", "104"                       a count (leading zeros are the report's style: 07 = 7)
 *   "61*"                             a figure revised since an earlier report (footnote `* …` under the table)
 *   "01 ²"                            a figure with a footnote superscript (footnote `² …` under the table)
 *   "226 / 15,497"                    a paired value: cluster munitions / explosive submunitions
 *   "N/A"                             not applicable: missing, never zero
 * Anything else is not a value cell; the caller turns `null` into an InputError with file and line.
 */

export interface ParsedCell {
  value: number | null;
  valueSecondary: number | null;
  notApplicable: boolean;
  /** A `*` after the figure: the report revised it (its footnote says why). */
  revised: boolean;
  /** Footnote marks in print order, e.g. ["*"] or ["²"]. */
  marks: string[];
}

export const SUPERSCRIPT_DIGITS = "⁰¹²³⁴⁵⁶⁷⁸⁹";

// A number is either plain digits ("07", "104") or digits grouped by thousands ("15,497").
const NUMBER = String.raw`\d{1,3}(?:,\d{3})+|\d+`;
const CELL = new RegExp(
  String.raw`^(?<a>${NUMBER})(?:\s*\/\s*(?<b>${NUMBER}))?(?<star>\*)?(?:\s*(?<sup>[${SUPERSCRIPT_DIGITS}]+))?$`,
  "u",
);
const NOT_APPLICABLE = /^N\/A$/i;

function toInteger(printed: string): number {
  return Number.parseInt(printed.replaceAll(",", ""), 10);
}

export function parseValueCell(printed: string): ParsedCell | null {
  const text = printed.trim();
  if (NOT_APPLICABLE.test(text))
    return { value: null, valueSecondary: null, notApplicable: true, revised: false, marks: [] };
  const m = CELL.exec(text);
  if (!m?.groups) return null;
  const { a, b, star, sup } = m.groups;
  const marks: string[] = [];
  if (star) marks.push("*");
  if (sup) marks.push(sup);
  return {
    value: toInteger(a!),
    valueSecondary: b === undefined ? null : toInteger(b),
    notApplicable: false,
    revised: star !== undefined,
    marks,
  };
}

/** A footnote line under a table: its mark ("*", "²", "**") and its text. */
const FOOTNOTE_LINE = new RegExp(String.raw`^(?<mark>\*+|[${SUPERSCRIPT_DIGITS}]+)\s+(?<text>\S.*)$`, "u");

export function parseFootnoteLine(line: string): { mark: string; text: string } | null {
  const m = FOOTNOTE_LINE.exec(line.trim());
  return m?.groups ? { mark: m.groups.mark!, text: m.groups.text!.trim() } : null;
}
