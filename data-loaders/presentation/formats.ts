/**
 * How the briefing and the site write numbers, dates and an indicator's polarity, in one place (prose numbers,
 * "Seventy (70)" and the report's own printed figures are number-words.ts). Node and browser alike: no I/O.
 */
import { formatThousands } from "./number-words.ts";

/** A number as a table cell prints it (en-GB grouping), "—" for a missing value. */
export function formatNumber(n: number | null | undefined): string {
  return n === null || n === undefined || Number.isNaN(n) ? "—" : formatThousands(n);
}

/** "1 July 2024" from "2024-07-01" (the day as the report and the UN records write it, no time zone involved). */
export function longDate(iso: string): string {
  const [y, m, d] = iso.split("-").map(Number);
  const months = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
  ];
  return `${d} ${months[(m ?? 1) - 1]} ${y}`;
}

/** The words for an indicator's polarity. */
export const POLARITY_LABEL: Record<string, string> = {
  higher_is_better: "↑ higher is better",
  lower_is_better: "↓ lower is better",
  neutral: "no good or bad direction",
};
