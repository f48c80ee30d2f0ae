// Page loader: every finding of the progress report (the latest report's), one row each: its paragraph, the
// sentence, what it counts and the count the report states, the States it names, its pillar and indicator. The
// first row of a paragraph is its anchor (#para-21): every paragraph reference of the site links here. Written at
// build time; the scripts only sort and filter (components/table-tools.js).
import { countNoun } from "../data-loaders/presentation/number-words.ts";
import { emitPage, htmlTable, page } from "../data-loaders/site/page.ts";
import { escapeHtml } from "../data-loaders/site/page-text.ts";
import { indicatorHref } from "../data-loaders/site/links.ts";
import { runLoader, siteQuery, withSiteDatabase } from "../data-loaders/site/site-db.ts";

const e = escapeHtml;

export interface PageFinding {
  finding_id: string;
  paragraph: string;
  pillar_code: string;
  pillar: string | null;
  statement: string;
  counted: string | null;
  stated_count: number | null;
  indicator_id: string | null;
  indicator_pillar: string | null;
  cycle: string;
  report_id: string | null;
}

interface FindingState {
  finding_id: string;
  iso3: string;
  name_as_written: string;
  name_en: string | null;
}

runLoader("findings.md", async () => {
  const data = await withSiteDatabase(async (db) => ({
    findings: await siteQuery<PageFinding>(db, "findings_page"),
    named: await siteQuery<FindingState>(db, "finding_states"),
  }));
  const namesOf = new Map<string, FindingState[]>();
  for (const s of data.named) namesOf.set(s.finding_id, [...(namesOf.get(s.finding_id) ?? []), s]);
  const reports = [...new Set(data.findings.map((f) => f.report_id).filter((r): r is string => !!r))];
  const report = reports.length ? `${reports.join(" and ")} Progress Report` : "progress report";
  const paragraphs = new Set(data.findings.map((f) => f.paragraph));
  const anchored = new Set<string>();
  const table = htmlTable(data.findings, {
    caption: `The ${data.findings.length} findings of the ${report}, in ${paragraphs.size} paragraphs`,
    scroll: true,
    // The first row of a paragraph is its anchor (#para-21), where the other pages link.
    rowId: (f) => (anchored.has(f.paragraph) ? null : (anchored.add(f.paragraph), `para-${f.paragraph}`)),
    columns: [
      { key: "paragraph", label: "Paragraph", html: (f) => `para ${e(f.paragraph)}` },
      { key: "statement", label: "Statement" },
      { key: "counted", label: "What it counts" },
      { key: "stated_count", label: "Count", numeric: true },
      {
        key: "finding_id",
        label: "States named",
        html: (f) => {
          const names = namesOf.get(f.finding_id) ?? [];
          return names.length
            ? `${names.length}: ${names.map((s) => `<a href="./states/${e(s.iso3)}">${e(s.name_en ?? s.name_as_written)}</a>`).join(", ")}`
            : "—";
        },
      },
      {
        key: "pillar_code",
        label: "Pillar",
        value: (f) => f.pillar_code,
        html: (f) => `<a href="./pillars/${e(f.pillar_code)}">${e(f.pillar_code)}</a>`,
      },
      {
        key: "indicator_id",
        label: "Indicator",
        html: (f) =>
          f.indicator_id && f.indicator_pillar
            ? `<a href="${e(indicatorHref(".", f.indicator_id, f.indicator_pillar))}">${e(f.indicator_id)}</a>`
            : e(f.indicator_id ?? "—"),
      },
    ],
  });
  return emitPage(
    "findings.md",
    page(
      { title: "Findings", toc: false, keywords: "findings paragraphs para statements named States" },
      "# Findings of the progress report",
      `<p class="muted">Every finding of the ${e(report)}: ${countNoun(data.findings.length, "statement")} in ${countNoun(paragraphs.size, "paragraph")}, each with the count the report states and the States it names. A sentence that gives several counts is one row per count. Sort by any column, filter by words (a State's name, a paragraph number) or by pillar; a paragraph's address is <code>findings#para-21</code>.</p>`,
      table,
      `<p class="source">Source: the narrative of the ${e(report)}, paragraph given per row (tables <code>findings</code> and <code>finding_states</code> on the <a href="./downloads">Downloads</a> page).</p>`,
    ),
  );
});
