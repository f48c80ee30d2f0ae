/**
 * A progress report as the pages name it, from its row of `reports` (sql/site/reports.sql, every column): its title,
 * then where and when it was issued when the database says so ("CCM 13MSP Progress Report (Geneva, 9 September
 * 2025)"). The edition's facts (title, symbol, published_on, meeting_place, …) are read here only, so the pages
 * follow the database; with only a report id, the words are built from it.
 */
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

const longDate = (iso: string) =>
  new Date(`${iso.slice(0, 10)}T00:00:00Z`).toLocaleDateString("en-GB", {
    day: "numeric",
    month: "long",
    year: "numeric",
    timeZone: "UTC",
  });

/** "CCM 13MSP Progress Report (Geneva, 9 September 2025)", or as much of it as the database holds. */
export function editionWords(r: ReportRow): string {
  const title = r.title ?? `CCM ${r.report_id} Progress Report`;
  const where = [r.meeting_place, r.published_on ? longDate(r.published_on) : null].filter(Boolean).join(", ");
  return where ? `${title} (${where})` : title;
}
