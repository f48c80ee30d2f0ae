/**
 * A progress report as the pages name it, from its row of `reports` (sql/site/reports.sql, every column): its title,
 * then where and when it was issued when the database says so ("CCM 13MSP Progress Report (Geneva, 9 September
 * 2025)"). The edition's facts (title, symbol, published_on, meeting_place, …) are read here only, so the pages
 * follow the database; with only a report id, the words are built from it.
 */
import { longDate } from "../lib/dates.ts";

export interface ReportRow {
  report_id: string;
  ordinal: number;
  is_latest: boolean;
  title?: string | null;
  symbol?: string | null;
  published_on?: string | null;
  meeting?: string | null;
  meeting_place?: string | null;
  meeting_start?: string | null;
  meeting_end?: string | null;
  period_start?: string | null;
  period_end?: string | null;
  vote_year?: number | null;
}

/** "CCM 13MSP Progress Report (Geneva, 9 September 2025)", or as much of it as the database holds. */
export function editionWords(r: ReportRow): string {
  const title = r.title ?? `CCM ${r.report_id} Progress Report`;
  const where = [r.meeting_place, r.published_on ? longDate(r.published_on) : null].filter(Boolean).join(", ");
  return where ? `${title} (${where})` : title;
}

/** sql/site/membership_source.sql: the membership data's producer, the day its status was taken, and "today". */
export interface MembershipSource {
  producer_name: string;
  status_as_at: string;
  read_on: string;
}

/** "status as at 3 February 2026" (a date the database holds as a year only is shown as it is). */
export function statusAsAtWords(m: MembershipSource): string {
  return `status as at ${/^\d{4}-\d{2}-\d{2}/.test(m.status_as_at) ? longDate(m.status_as_at) : m.status_as_at}`;
}

/** "UN Treaty Collection, status as at 3 February 2026": the edition of the membership data, from `datasets`. */
export function membershipSourceWords(m: MembershipSource): string {
  return `${m.producer_name}, ${statusAsAtWords(m)}`;
}

/**
 * What a status "today" (`read_on`) cannot hold when today is after the day the membership data's status was taken:
 * the entries into force it schedules (Article 17) are counted, but a signature, ratification or withdrawal after it
 * is not in the data. "; a treaty action after that day is not in the data", said right after the day
 * (statusAsAtWords), or "" when today is not later (or the data's day is a year only).
 */
export function afterStatusWords(m: MembershipSource): string {
  const taken = /^\d{4}-\d{2}-\d{2}/.exec(m.status_as_at)?.[0];
  return taken && m.read_on.slice(0, 10) > taken ? "; a treaty action after that day is not in the data" : "";
}
