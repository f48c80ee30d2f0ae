// Page loader: one notebook per pillar of the Lausanne Action Plan (/pillars/<code>). Values, changes and
// judgements are the rows of view indicator_trends; the chart is the briefing's pillar chart (one definition in
// data-loaders/charts/specs.ts), inlined as SVG; findings and the States they name come from their tables.
import { pillarTrendChart } from "../../data-loaders/charts/specs.ts";
import { countNoun } from "../../data-loaders/lib/number-words.ts";
import type { TrendRow } from "../../data-loaders/lib/view-rows.ts";
import { POLARITY_LABEL, changeBadge, chartFigure, emitPage, formatNumber, htmlTable, page } from "../../data-loaders/site/page.ts";
import { escapeHtml } from "../../data-loaders/site/page-text.ts";
import { loaderParam, runLoader, siteQuery, withSiteDatabase } from "../../data-loaders/site/site-db.ts";

interface Finding {
  finding_id: string;
  paragraph: string;
  pillar_code: string;
  statement: string;
  indicator_id: string | null;
  indicator_pillar: string | null;
  cycle: string;
}

interface FindingState {
  finding_id: string;
  iso3: string;
  name_as_written: string;
  name_en: string | null;
}

interface Printing {
  indicator_id: string;
  cycle: string;
  report_id: string;
  as_printed: string | null;
  source_ref: string | null;
}

const e = escapeHtml;

/**
 * With more than one report in the database: each value of the pillar as every report prints it, one column
 * per report, the cells a later report prints differently marked. Empty with one report.
 */
function printingsTable(code: string, reports: string[], printings: Printing[]): string {
  if (reports.length < 2) return "";
  const keys = [...new Map(printings.map((p) => [`${p.indicator_id} ${p.cycle}`, p])).values()];
  const printed = (p: Printing, report: string) => printings.find((x) => x.indicator_id === p.indicator_id && x.cycle === p.cycle && x.report_id === report);
  const rows = keys.map((k) => {
    const forms = reports.map((r) => printed(k, r)?.as_printed ?? null);
    const shown = forms.filter((f) => f !== null);
    return { indicator_id: k.indicator_id, cycle: k.cycle, forms, revised: new Set(shown).size > 1 };
  });
  return [
    "## As printed by each report",
    `<p class="muted">The database holds ${reports.length} progress reports (${e(reports.join(", "))}). A later report prints the earlier cycles again; where it prints a figure differently the row says so, and the trends above use the latest printing. Every revision, with both sources and the footnote, is on the <a href="../data-quality#revisions-between-reports">Data quality</a> page.</p>`,
    htmlTable(rows, {
      caption: `Pillar ${code}: each value as printed by each report`,
      scroll: true,
      columns: [
        { key: "indicator_id", label: "Indicator" },
        { key: "cycle", label: "Cycle" },
        ...reports.map((r, i) => ({ key: r, label: r, numeric: true, html: (row: (typeof rows)[number]) => e(row.forms[i] ?? "—") })),
        { key: "revised", label: "Revised", html: (row: (typeof rows)[number]) => (row.revised ? "printed differently" : "—") },
      ],
    }),
  ].join("\n\n");
}

/**
 * A value as the table shows it: the number, or why it is missing; "(revised)" when a later report updated it.
 * The table cell it comes from is its tooltip; the table's source is said once, under it (tableSources).
 */
function cell(v: TrendRow | undefined): string {
  if (!v) return "—";
  const shown = v.value === null ? e(v.missing_reason ?? "not measured") : formatNumber(v.value);
  const title = `As printed: ${v.as_printed ?? "—"} · source: ${v.source_ref ?? "—"}${v.footnote ? ` · footnote: ${v.footnote}` : ""}${v.revised ? " · revised" : ""}`;
  return `<span title="${e(title)}">${shown}</span>${v.revised ? " (revised)" : ""}`;
}

/**
 * The documents the values come from, once per table: each source_ref up to its row ("…, Action 18, 10MSP
 * column" → "13MSP Progress Report, section VI.E table"), distinct.
 */
function tableSources(rows: TrendRow[]): string {
  const docs = [...new Set(rows.map((r) => r.source_ref).filter((r): r is string => !!r).map((r) => r.split(/, Action /)[0]!))];
  return docs.length ? `<p class="source">Source of every value: ${docs.map(e).join("; ")}, in the row of the indicator's Action and the column of its cycle; the data table under the chart gives each value's cell as printed.</p>` : "";
}

/** A finding's indicator, linked to its row on this page or on its own pillar's page. */
function indicatorLink(f: Finding, code: string): string {
  if (!f.indicator_id) return "—";
  if (!f.indicator_pillar) return e(f.indicator_id);
  const page = f.indicator_pillar === code ? "" : `./${e(f.indicator_pillar)}`;
  return `<a href="${page}#indicator-${e(f.indicator_id)}">${e(f.indicator_id)}</a>`;
}

runLoader("pillars/[pillar].md", async () => {
  const code = loaderParam("pillar");
  const data = await withSiteDatabase(async (db) => ({
    trends: await siteQuery<TrendRow>(db, "indicator_trends", { pillar: code }),
    findings: await siteQuery<Finding>(db, "pillar_findings", { pillar: code }, { allowEmpty: true }),
    named: await siteQuery<FindingState>(db, "finding_states"),
    reports: (await siteQuery<{ report_id: string }>(db, "reports")).map((r) => r.report_id),
    printings: await siteQuery<Printing>(db, "report_printings", { pillar: code }),
  }));
  const cycles = [...new Map(data.trends.map((t) => [t.cycle, t.ordinal])).entries()].sort((a, b) => a[1] - b[1]).map(([c]) => c);
  const latest = data.trends.find((t) => t.is_latest)?.cycle ?? cycles.at(-1)!;
  const indicators = data.trends.filter((t) => t.cycle === latest);
  const pillar = indicators[0]?.pillar ?? "";
  const rowOf = (id: string, cycle: string) => data.trends.find((t) => t.indicator_id === id && t.cycle === cycle);

  const chart = pillarTrendChart(code, pillar, data.trends, cycles, latest);
  const figure = chart
    ? await chartFigure(chart, {
        id: `table-values-${code}`,
        caption: `every value of pillar ${code} by cycle`,
        rows: data.trends,
        columns: [
          { key: "indicator_id", label: "Indicator" },
          { key: "cycle", label: "Cycle" },
          { key: "value", label: "Value", numeric: true },
          { key: "as_printed", label: "As printed" },
          { key: "source_ref", label: "Source" },
        ],
      })
    : `<p>No indicator of this pillar has a value yet.</p>`;

  const table = htmlTable(indicators, {
    caption: `Pillar ${code}: values per cycle, with the table cell each value comes from, and the change in ${latest}`,
    scroll: true,
    rowId: (r) => `indicator-${r.indicator_id}`,
    columns: [
      { key: "indicator_id", label: "Indicator" },
      { key: "text", label: "What it counts" },
      { key: "polarity", label: "Direction", html: (r) => e(POLARITY_LABEL[r.polarity] ?? r.polarity) },
      ...cycles.map((c) => ({ key: c, label: c, numeric: true, html: (r: TrendRow) => cell(rowOf(r.indicator_id, c)) })),
      { key: "change_since_previous", label: `Change in ${latest}`, html: (r: TrendRow) => (r.change_since_previous === null ? e(r.direction) : `${changeBadge(r.change_since_previous, r.judgement, r.judgement_reason)} <span class="muted">vs ${e(r.previous_cycle ?? "")}</span>`) },
    ],
  });

  // Count statements of one sentence (several counts in one paragraph) are one row, with every State they name.
  const groups = new Map<string, Finding[]>();
  for (const f of data.findings) groups.set(`${f.paragraph}\u0000${f.statement}`, [...(groups.get(`${f.paragraph}\u0000${f.statement}`) ?? []), f]);
  const statements = [...groups.values()];
  const ids = new Map(statements.map((group) => [group[0]!, group.map((f) => f.finding_id)]));
  const namesOf = (f: Finding) => [...new Map(data.named.filter((s) => ids.get(f)!.includes(s.finding_id)).map((s) => [s.iso3, s])).values()];
  const anchored = new Set<string>();
  const findings = data.findings.length
    ? htmlTable(statements.map((group) => group[0]!), {
        caption: `Findings of the progress report on pillar ${code}`,
        // The first row of a paragraph is its anchor (#para-22), where State pages and the data-quality page link.
        rowId: (f) => (anchored.has(f.paragraph) ? null : (anchored.add(f.paragraph), `para-${f.paragraph}`)),
        columns: [
          { key: "paragraph", label: "Paragraph", html: (f) => `para ${e(f.paragraph)}` },
          { key: "statement", label: "Finding" },
          { key: "indicator_id", label: "Indicator", html: (f) => indicatorLink(f, code) },
          {
            key: "finding_id",
            label: "States named",
            html: (f) => namesOf(f).map((s) => `<a href="../states/${e(s.iso3)}">${e(s.name_en ?? s.name_as_written)}</a>`).join(", ") || "—",
          },
          { key: "cycle", label: "Cycle" },
        ],
      })
    : `<p>No findings recorded for this pillar.</p>`;

  await emitPage(
    `pillars/${code}.md`,
    page(
      { title: `${code}. ${pillar}`, toc: true },
      `# ${e(code)}. ${e(pillar)}`,
      `<p class="muted">${countNoun(indicators.length, "indicator", "indicators", { capitalize: true })} of the Lausanne Action Plan, ${countNoun(cycles.length, "reporting cycle")} (${e(cycles.join(", "))}). The table says whether a higher value is good or bad; the change in the latest cycle is judged in words (view <code>indicator_trends</code>), not only in colour.</p>`,
      "## Indicators across cycles",
      figure,
      "## Values by cycle",
      table,
      tableSources(data.trends),
      ...[printingsTable(code, data.reports, data.printings)].filter((part) => part !== ""),
      "## Findings and the States they name",
      findings,
      `<p class="source">Sources: indicator tables and narrative of the CCM 13MSP Progress Report (paragraph and table given per row); view <code>indicator_trends</code> and tables <code>findings</code>, <code>finding_states</code> on the <a href="../downloads">Downloads</a> page.</p>`,
    ),
  );
});
