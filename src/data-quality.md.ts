// Page loader: Data quality. Where the report disagrees with the UN's records (report_record_issues_by_report) and
// with itself (consistency_issues_by_report), and what a later report prints differently (indicator_revisions,
// finding_revisions): every table is written into the HTML at build time, so the page reads without JavaScript;
// the scripts only sort, filter and switch the report checked (components/table-tools.js). Each disagreement links
// to what it is about: the report's paragraph, the indicator's row and the record's public address.
import { countNoun, proseNumber } from "../data-loaders/presentation/number-words.ts";
import { emitPage, htmlTable, page, type Column } from "../data-loaders/site/page.ts";
import { escapeHtml } from "../data-loaders/site/page-text.ts";
import { indicatorHref, paragraphHref } from "../data-loaders/site/links.ts";
import { recordRowId, recordSide, reportSide, type RecordIssue } from "../data-loaders/site/record-issues.ts";
import { runLoader, siteQuery, withSiteDatabase } from "../data-loaders/site/site-db.ts";

const e = escapeHtml;

interface ConsistencyIssue {
  report_id: string;
  kind: string;
  severity: string;
  paragraph: string;
  related: string | null;
  expected: string;
  found: string;
  explanation: string;
  paragraph_pillar: string | null;
}

interface ValueRevision {
  later_report: string;
  earlier_report: string;
  indicator_id: string;
  cycle: string;
  earlier_printed: string;
  later_printed: string;
  kind: string;
  footnote: string | null;
  earlier_source: string;
  later_source: string;
}

interface FindingRevision {
  later_report: string;
  earlier_report: string;
  later_paragraph: string;
  earlier_paragraph: string;
  counted: string;
  earlier_count: number | null;
  later_count: number | null;
  joined: string;
  left: string;
}

const link = (href: string, text: string) => `<a href="${e(href)}">${e(text)}</a>`;

const recordColumns: Column<RecordIssue>[] = [
  { key: "severity", label: "Severity" },
  {
    key: "subject",
    label: "Subject",
    html: (d) =>
      d.indicator_id && d.indicator_pillar
        ? `${e(d.subject)} (${link(indicatorHref(".", d.indicator_id, d.indicator_pillar), `indicator ${d.indicator_id}`)})`
        : e(d.subject),
  },
  { key: "report_says", label: "The report says", html: reportSide(".") },
  { key: "record_says", label: "The record says", html: recordSide },
  {
    key: "definition",
    label: "Definition used",
    html: (d) =>
      e(
        d.alternative_definition
          ? `${d.definition}; other reading: ${d.alternative_definition}`
          : (d.definition ?? "—"),
      ),
  },
];

const issueColumns: Column<ConsistencyIssue>[] = [
  { key: "severity", label: "Severity" },
  { key: "kind", label: "Kind" },
  // The paragraph links to its full text (the findings of the report the site shows).
  {
    key: "paragraph",
    label: "Paragraph / table",
    html: (d) => (d.paragraph_pillar ? link(paragraphHref(".", d.paragraph), `para ${d.paragraph}`) : e(d.paragraph)),
  },
  { key: "related", label: "Related" },
  { key: "expected", label: "Expected" },
  { key: "found", label: "Found" },
  { key: "explanation", label: "Explanation" },
];

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? "" : "s"}`;

/** The disagreements of one report with the UN's records. */
function recordSection(report: string, rows: RecordIssue[], switchable?: "shown" | "hidden"): string {
  const count = (s: string) => rows.filter((d) => d.severity === s).length;
  const intro = rows.length
    ? `<p><strong>${rows.length}</strong> statements of the ${e(report)} report about UNGA votes or membership disagree with the UN's records: ${[
        "error",
        "warning",
      ]
        .filter((s) => count(s))
        .map((s) => plural(count(s), s))
        .join(
          ", ",
        )}. An error contradicts the record under every reading of the report's words; a warning agrees only under the other reading. Each row links to the report's paragraph or table row and to the record.</p>`
    : `<p>Every statement of the ${e(report)} report about UNGA votes and membership that the records can check agrees with them.</p>`;
  return `${intro}\n${rows.length ? htmlTable(rows, { caption: `${rows.length} disagreements between the report and the records`, columns: recordColumns, stack: true, rowId: (d) => recordRowId(d.check_id), switchable }) : ""}`;
}

/** The inconsistencies of one report with itself. */
function issueSection(report: string, rows: ConsistencyIssue[]): string {
  const severities = [...new Set(rows.map((d) => d.severity))].sort();
  const count = (s: string) => rows.filter((d) => d.severity === s).length;
  const intro = `<p><strong>${rows.length}</strong> open issues in the ${e(report)} report${rows.length ? `: ${severities.map((s) => plural(count(s), s)).join(", ")}` : ""}.</p>`;
  return `${intro}\n${rows.length ? htmlTable(rows, { caption: `${rows.length} consistency issues`, columns: issueColumns, stack: true }) : ""}`;
}

/** One report's part of a section: shown when the selector names it (the latest report's by default). */
function reportView(report: string, shown: boolean, selector: boolean, html: string): string {
  if (!selector) return html;
  return `<div class="report-view" data-report-view="${e(report)}"${shown ? "" : " hidden"}>\n${html}\n</div>`;
}

/** What each later report prints differently from the report before it, one part per later report. */
function revisionSections(reports: string[], values: ValueRevision[], findings: FindingRevision[]): string[] {
  if (reports.length < 2) {
    return [
      `<p>The database holds one progress report (${e(reports.join(", "))}): there is no earlier printing to compare with yet. When next year's report is added, the figures it prints differently for an earlier cycle, and the statements whose named States changed, are listed here.</p>`,
    ];
  }
  return reports
    .slice(1)
    .reverse()
    .flatMap((later, i, all) => {
      const previous = reports[reports.indexOf(later) - 1]!;
      const v = values.filter((d) => d.later_report === later);
      const f = findings.filter((d) => d.later_report === later);
      const parts = [
        ...(all.length > 1 ? [`### The ${e(later)} report against the ${e(previous)} report`] : []),
        `<p>The ${e(later)} report prints <strong>${v.length}</strong> figure${v.length === 1 ? "" : "s"} of earlier cycles differently from the ${e(previous)} report, and <strong>${f.length}</strong> statement${f.length === 1 ? "" : "s"} printed in both name other States or give another count. The trends on this site use the latest printing.</p>`,
      ];
      if (v.length)
        parts.push(
          htmlTable(v, {
            caption: `Figures revised in the ${later} report`,
            stack: true,
            columns: [
              { key: "indicator_id", label: "Indicator" },
              { key: "cycle", label: "Cycle" },
              {
                key: "earlier_printed",
                label: `${previous} printed`,
                html: (d) => e(`${d.earlier_printed} (${d.earlier_source})`),
              },
              {
                key: "later_printed",
                label: `${later} prints`,
                html: (d) => e(`${d.later_printed} (${d.later_source})`),
              },
              { key: "kind", label: "What changed" },
              { key: "footnote", label: "Footnote" },
            ],
          }),
        );
      if (f.length)
        parts.push(
          htmlTable(f, {
            caption: `Statements whose named States or count changed in the ${later} report`,
            stack: true,
            columns: [
              { key: "counted", label: "Statement about" },
              {
                key: "later_paragraph",
                label: "Paragraph",
                html: (d) =>
                  e(
                    d.later_paragraph === d.earlier_paragraph
                      ? d.later_paragraph
                      : `${d.later_paragraph} (${d.earlier_report}: ${d.earlier_paragraph})`,
                  ),
              },
              {
                key: "later_count",
                label: "Count",
                html: (d) =>
                  e(
                    d.later_count === d.earlier_count
                      ? `${d.later_count ?? "–"}`
                      : `${d.earlier_count ?? "–"} → ${d.later_count ?? "–"}`,
                  ),
              },
              { key: "joined", label: "Joined the list" },
              { key: "left", label: "Left the list" },
            ],
          }),
        );
      return parts;
    });
}

runLoader("data-quality.md", async () => {
  const data = await withSiteDatabase(async (db) => ({
    reports: (await siteQuery<{ report_id: string }>(db, "reports")).map((r) => r.report_id),
    records: await siteQuery<RecordIssue>(db, "report_record_issues_by_report", undefined, { allowEmpty: true }),
    issues: await siteQuery<ConsistencyIssue>(db, "consistency_issues_by_report", undefined, { allowEmpty: true }),
    values: await siteQuery<ValueRevision>(db, "indicator_revisions", undefined, { allowEmpty: true }),
    findings: await siteQuery<FindingRevision>(db, "finding_revisions", undefined, { allowEmpty: true }),
  }));
  // Latest first: each report is checked on its own text, hand-reviewed relations and printed figures.
  const checked = [...data.reports].reverse();
  const selector = checked.length > 1;
  // The selector works once the script takes it up (table-tools.js): written inert where it stands, hidden without
  // JavaScript (frame.ts), when the page is the latest report's.
  const choice = selector
    ? `<p class="report-choice no-print" inert><label for="report-choice">Report checked</label> <select id="report-choice" data-report-choice>${checked.map((r, i) => `<option value="${e(r)}"${i === 0 ? " selected" : ""}>${e(r)}</option>`).join("")}</select></p>`
    : "";
  const views = (section: (report: string, switchable?: "shown" | "hidden") => string) =>
    checked
      .map((r, i) =>
        reportView(r, i === 0, selector, section(r, selector ? (i === 0 ? "shown" : "hidden") : undefined)),
      )
      .join("\n");
  const reportIntro = (r: string) =>
    selector
      ? `<p>The database holds ${proseNumber(data.reports.length)} progress reports; the checks below are those of the <strong>${e(r)}</strong> report${r === checked[0] ? " (the latest)" : ""}, read against its own paragraphs and figures. Paragraph numbers are that report's.</p>\n`
      : "";

  return emitPage(
    "data-quality.md",
    page(
      { title: "Data quality", toc: false },
      "# Data quality",
      `<p class="muted">Where the report disagrees with itself, and where it disagrees with the UN's own records of votes and treaty actions. Each issue names the paragraph or table, what was expected and what was found, with both sources as links. The database holds ${countNoun(data.reports.length, "progress report")} (${e(data.reports.join(", "))}).</p>`,
      ...(choice ? [choice] : []),
      "## The report against the UN's records",
      views(
        (r, switchable) =>
          reportIntro(r) +
          recordSection(
            r,
            data.records.filter((d) => d.report_id === r),
            switchable,
          ),
      ),
      `<p class="source">Records: UN Digital Library voting records (per-country votes on the CCM resolutions) and the UN Treaty Collection participation table, against which the membership counts on this site are exact. Every comparison, agreeing or not, is in the table of the report against the records on the <a href="./downloads">Downloads</a> page.</p>`,
      "## The report against itself",
      views((r) =>
        issueSection(
          r,
          data.issues.filter((d) => d.report_id === r),
        ),
      ),
      `<p class="source">Source: the consistency checks of the pipeline, run for each report over its own text, hand-reviewed relations and printed figures; download on the <a href="./downloads">Downloads</a> page.</p>`,
      "## Revisions between reports",
      ...revisionSections(data.reports, data.values, data.findings),
      `<p class="source">Source: every report in the database (its printed figures and statements), compared with the one before it; download on the <a href="./downloads">Downloads</a> page.</p>`,
    ),
  );
});
