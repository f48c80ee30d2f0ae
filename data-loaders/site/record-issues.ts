/**
 * A disagreement of the report with the UN's records (sql/site/report_record_issues_by_report.sql), as the Data
 * quality page and the State pages show it: each side in words, then where it is said, as a link.
 */
import { escapeHtml as e } from "./page-text.ts";
import { indicatorHref, paragraphHref } from "./links.ts";

/**
 * The Data quality row of a disagreement, by its check id ("indicator-11.2:13MSP" → "record-indicator-11.2-13MSP"):
 * an id a link can name as it is. Framework percent-encodes a link's fragment once more when it writes the page, so
 * "#record-indicator-11.2%3A13MSP" arrived as "%253A" and led to no row; an id of letters, digits, ".", "-" and "_"
 * needs no encoding at all.
 */
export function recordRowId(checkId: string): string {
  return `record-${checkId.replace(/[^A-Za-z0-9._-]/g, "-")}`;
}

export interface RecordIssue {
  report_id: string;
  check_id: string;
  severity: string;
  subject: string;
  paragraph: string | null;
  iso3: string | null;
  report_says: string;
  record_says: string;
  definition: string | null;
  alternative_definition: string | null;
  report_source: string;
  record_source: string;
  indicator_id: string | null;
  indicator_pillar: string | null;
  paragraph_number: string | null;
  paragraph_pillar: string | null;
  record_url: string | null;
}

const link = (href: string, text: string) => `<a href="${e(href)}">${e(text)}</a>`;

/** The report's side: its words, then where it says so, as a link (the paragraph, or the indicator's row); `root` leads from the page to the site's root. */
export function reportSide(root: string): (d: RecordIssue) => string {
  return (d) => {
    const where =
      d.paragraph_number && d.paragraph_pillar
        ? link(paragraphHref(root, d.paragraph_number), d.report_source)
        : d.indicator_id && d.indicator_pillar
          ? link(indicatorHref(root, d.indicator_id, d.indicator_pillar), d.report_source)
          : e(d.report_source);
    return `${e(d.report_says)} (${where})`;
  };
}

/** The record's side: what it gives, then the record as a link to its public address. */
export function recordSide(d: RecordIssue): string {
  const name = d.record_url ? d.record_source.replace(` (${d.record_url})`, "") : d.record_source;
  const where = d.record_url ? `${link(d.record_url, name)}, ${e(d.record_url)}` : e(name);
  return `${e(d.record_says)} (${where})`;
}
