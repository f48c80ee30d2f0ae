/**
 * How the briefing and the site write numbers and an indicator's polarity, in one place (prose numbers,
 * "Seventy (70)" and the report's own printed figures are number-words.ts; dates, "1 July 2024", are
 * lib/dates.ts). Node and browser alike: no I/O.
 */
import { formatThousands } from "./number-words.ts";

/** A number as a table cell prints it (en-GB grouping), "—" for a missing value. */
export function formatNumber(n: number | null | undefined): string {
  return n === null || n === undefined || Number.isNaN(n) ? "—" : formatThousands(n);
}

/** The words for an indicator's polarity. */
export const POLARITY_LABEL: Record<string, string> = {
  higher_is_better: "↑ higher is better",
  lower_is_better: "↓ lower is better",
  neutral: "no good or bad direction",
};
