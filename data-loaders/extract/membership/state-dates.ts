/**
 * Dates as the membership sources write them, and the Convention's entry-into-force rule.
 *
 *   UNTC:    "3 Dec 2008"      Monitor 2022: "3 Dec 08" (two-digit year, always 20YY: the CCM opened in 2008)
 *   Article 17: in force on 1 August 2010 for the first 30 instruments, else on the first day of the
 *   sixth month after the month of deposit.
 */
import { MONTHS } from "../../lib/dates.ts";

/** "jan" … "dec": the months as UNTC and the Monitor abbreviate them, lower-cased. */
const MONTH_ABBREVIATIONS = MONTHS.map((m) => m.slice(0, 3).toLowerCase());

export interface ConventionRules {
  /** Date the Convention itself entered into force (Article 17(1)), YYYY-MM-DD. */
  entryIntoForce: string;
  /** Months after the month of deposit (Article 17(2)). */
  monthsAfterDeposit: number;
  /** Months after the depositary receives a notification of withdrawal until it takes effect (Article 20(3)). */
  withdrawalMonths: number;
}

/** "3 Dec 2008" or "3 Dec 08" → "2008-12-03"; null when the text is not such a date. */
export function parseDayMonthYear(text: string): string | null {
  const m = /^(\d{1,2}) ([A-Za-z]{3})[a-z]* (\d{2}|\d{4})$/.exec(text.trim());
  if (!m) return null;
  const month = MONTH_ABBREVIATIONS.indexOf(m[2]!.toLowerCase());
  if (month < 0) return null;
  const year = m[3]!.length === 2 ? 2000 + Number(m[3]) : Number(m[3]);
  const iso = `${year}-${String(month + 1).padStart(2, "0")}-${m[1]!.padStart(2, "0")}`;
  const d = new Date(`${iso}T00:00:00Z`);
  return Number.isNaN(d.getTime()) || d.toISOString().slice(0, 10) !== iso ? null : iso;
}

/** First day of the month `months` after the month of `iso` (YYYY-MM-DD). */
export function firstOfMonthAfter(iso: string, months: number): string {
  const [y, m] = iso.split("-").map(Number) as [number, number];
  const index = y * 12 + (m - 1) + months;
  return `${Math.floor(index / 12)}-${String((index % 12) + 1).padStart(2, "0")}-01`;
}

/**
 * Entry into force for a State whose instrument was deposited on `deposit`.
 * The later of the Convention's own entry into force and the Article 17(2) date. Because the Convention
 * entered into force on the first day of the sixth month after the month of the thirtieth deposit, every
 * one of the first 30 instruments gives a 17(2) date no later than that day, so the maximum is exact for
 * both paragraphs without knowing which instrument was the thirtieth.
 */
export function entryIntoForceFor(deposit: string, rules: ConventionRules): string {
  const byArticle17_2 = firstOfMonthAfter(deposit, rules.monthsAfterDeposit);
  return byArticle17_2 > rules.entryIntoForce ? byArticle17_2 : rules.entryIntoForce;
}

/**
 * The day a withdrawal takes effect under Article 20(3): `months` after the notification's receipt, on the
 * same day of the month (the last day of a shorter month: 31 August + 6 months = 28/29 February).
 */
export function withdrawalEffectiveFor(notified: string, rules: ConventionRules): string {
  const [y, m, d] = notified.split("-").map(Number) as [number, number, number];
  const index = y * 12 + (m - 1) + rules.withdrawalMonths;
  const year = Math.floor(index / 12);
  const month = (index % 12) + 1;
  const last = new Date(Date.UTC(year, month, 0)).getUTCDate();
  return `${year}-${String(month).padStart(2, "0")}-${String(Math.min(d, last)).padStart(2, "0")}`;
}
