/**
 * Dates as the reports, the UN's documents and the briefing write them ("9 September 2025"), both ways, in one
 * place: the extractors read them into ISO dates, the briefing and the site write ISO dates back out. No time zone
 * is involved: a date is a day, never a moment. Node and browser alike: no I/O.
 */

/** The months' English names, January first. */
export const MONTHS: readonly string[] = [
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

/** The months' names as a regular expression alternation, without a group: "January|February|…|December". */
export const MONTH_NAMES = MONTHS.join("|");

/** A date as the documents print it, "9 September 2025", as a regular expression's source, without a group. */
export const LONG_DATE = String.raw`\d{1,2} (?:${MONTH_NAMES}) \d{4}`;

/**
 * "2025-09-09" from "9 September 2025". The callers match the text with LONG_DATE first: any other text is a
 * mistake in the caller, and throws.
 */
export function isoDate(text: string): string {
  const m = new RegExp(String.raw`^(\d{1,2}) (${MONTH_NAMES}) (\d{4})$`).exec(text);
  if (!m) throw new Error(`isoDate: "${text}" is not a date such as "9 September 2025"`);
  return `${m[3]}-${String(MONTHS.indexOf(m[2]!) + 1).padStart(2, "0")}-${m[1]!.padStart(2, "0")}`;
}

/** "1 July 2024" from "2024-07-01" (anything after the day, such as a time, is ignored). */
export function longDate(iso: string): string {
  const [y, m, d] = iso.slice(0, 10).split("-").map(Number);
  return `${d} ${MONTHS[(m ?? 1) - 1]} ${y}`;
}
