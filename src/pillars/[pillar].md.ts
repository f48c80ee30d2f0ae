// Page loader: one notebook per pillar of the Lausanne Action Plan (/pillars/<code>). Values, changes and
// judgements are the rows of view indicator_trends; the chart is the briefing's pillar chart (one definition in
// data-loaders/presentation/charts.ts), inlined as SVG; findings and the States they name come from their tables.
import { pillarTrendChart, type PillarChartRow } from "../../data-loaders/presentation/charts.ts";
import { countNoun } from "../../data-loaders/presentation/number-words.ts";
import type { TrendRow } from "../../data-loaders/lib/view-rows.ts";
import type {
  CyclesRow,
  FindingsRow,
  FindingStatesRow,
  IndicatorRevisionsRow,
  IndicatorsRow,
  ReportFindingsRow,
  ReportIndicatorValuesRow,
  ReportsRow,
  StatesRow,
} from "../../data-loaders/lib/relations.generated.ts";
import { POLARITY_LABEL, formatNumber } from "../../data-loaders/presentation/formats.ts";
import { changeBadge, type Column, chartFigure, emitPage, htmlTable, page } from "../../data-loaders/site/page.ts";
import { escapeHtml } from "../../data-loaders/site/page-text.ts";
import { paragraphHref } from "../../data-loaders/site/links.ts";
import { contestedFlag, contestedNotes, disputedPoints, type Contested } from "../../data-loaders/site/contested.ts";
import { loaderParam, runLoader, siteQuery, withSiteDatabase } from "../../data-loaders/site/site-db.ts";

/** sql/site/pillar_findings.sql. */
type Finding = Pick<
  FindingsRow,
  "finding_id" | "paragraph" | "pillar_code" | "statement" | "indicator_id" | "cycle"
> & {
  indicator_pillar: IndicatorsRow["pillar_code"] | null;
  report_id: ReportFindingsRow["report_id"] | null;
};

/** sql/site/finding_states.sql. */
type FindingState = Pick<FindingStatesRow, "finding_id" | "iso3" | "name_as_written"> & {
  name_en: StatesRow["name_en"] | null;
};

/** A value of the pillar as one report prints it (sql/site/report_pillar_values.sql). */
type ReportValue = Pick<
  ReportIndicatorValuesRow,
  | "report_id"
  | "indicator_id"
  | "cycle"
  | "value"
  | "missing_reason"
  | "revised"
  | "footnote"
  | "as_printed"
  | "source_ref"
> & {
  report_is_latest: ReportsRow["is_latest"];
  ordinal: CyclesRow["ordinal"];
  change_since_first: number | null;
  later_report: IndicatorRevisionsRow["later_report"] | null;
  later_printed: IndicatorRevisionsRow["later_printed"];
};

/** What a value cell shows, from indicator_trends (the current values) or from one report's printing. */
type Printed = Pick<TrendRow, "value" | "missing_reason" | "revised" | "footnote" | "as_printed" | "source_ref"> &
  Partial<Pick<ReportValue, "later_report" | "later_printed">>;

const e = escapeHtml;

/** The footnotes of the revised cells of a table, numbered in the order of the rows: footnote → number. */
function noteNumbers(rows: Printed[]): Map<string, number> {
  const notes = new Map<string, number>();
  for (const r of rows) if (r.revised && r.footnote && !notes.has(r.footnote)) notes.set(r.footnote, notes.size + 1);
  return notes;
}

/**
 * A value as the table shows it: the number, or why it is missing; "(revised, note 1)" when the report marks the
 * figure as updated (its footnote is listed under the table, tableNotes); where the next report prints the cell
 * differently, that printing. The table cell it comes from is its tooltip; the table's source is said once, under it.
 */
function cell(v: Printed | undefined, notes: Map<string, number>): string {
  if (!v) return "—";
  const shown = v.value === null ? e(v.missing_reason ?? "not measured") : formatNumber(v.value);
  const title = `As printed: ${v.as_printed ?? "—"} · source: ${v.source_ref ?? "—"}${v.footnote ? ` · footnote: ${v.footnote}` : ""}${v.revised ? " · revised" : ""}`;
  const note = v.footnote ? notes.get(v.footnote) : undefined;
  const revised = v.revised ? ` <span class="revised">(revised${note ? `, note ${note}` : ""})</span>` : "";
  const later = v.later_report
    ? ` <span class="muted">(${e(v.later_report)} prints ${e(v.later_printed ?? "—")})</span>`
    : "";
  return `<span title="${e(title)}">${shown}</span>${revised}${later}`;
}

/** The footnotes of the revised cells under a values table: each with the cells it belongs to. */
function tableNotes(
  rows: (Printed & { indicator_id: string; cycle: string })[],
  notes: Map<string, number>,
  report: string,
): string {
  if (!notes.size) return "";
  const items = [...notes].map(([text, n]) => {
    const cells = rows.filter((r) => r.revised && r.footnote === text).map((r) => `${r.indicator_id} in ${r.cycle}`);
    return `<li>Note ${n}, the ${e(report)} report's footnote to the figures it marks as revised (${e(cells.join(", "))}): ${e(text)}</li>`;
  });
  return `<ul class="notes source">${items.join("")}</ul>`;
}

/**
 * The documents the values come from, once per table: each source_ref up to its row ("…, Action 18, 10MSP
 * column" → "13MSP Progress Report, section VI.E table"), distinct.
 */
function tableSources(rows: Printed[]): string {
  const docs = [
    ...new Set(
      rows
        .map((r) => r.source_ref)
        .filter((r): r is string => !!r)
        .map((r) => r.split(/, Action /)[0]!),
    ),
  ];
  return docs.length
    ? `<p class="source">Source of every value: ${docs.map(e).join("; ")}, in the row of the indicator's Action and the column of its cycle; the data table under the chart gives each value's cell as printed.</p>`
    : "";
}

/** The reports the values of a table come from, in words: "CCM 14MSP Progress Report" (each source_ref names its report). */
function reportsInWords(rows: Printed[], reports: string[]): string {
  const used = reports.filter((id) => rows.some((r) => r.source_ref?.startsWith(`${id} `)));
  const names = used.length ? used : reports.slice(-1);
  return `CCM ${names.join(" and ")} Progress Report${names.length > 1 ? "s" : ""}`;
}

/** A finding's indicator, linked to its row on this page or on its own pillar's page. */
function indicatorLink(f: Finding, code: string): string {
  if (!f.indicator_id) return "—";
  if (!f.indicator_pillar) return e(f.indicator_id);
  const page = f.indicator_pillar === code ? "" : `./${e(f.indicator_pillar)}`;
  return `<a href="${page}#indicator-${e(f.indicator_id)}">${e(f.indicator_id)}</a>`;
}

/** The chart of a pillar's values (the briefing's pillar chart) with its data table, or why there is none; of an earlier report's printing when `report` is given. */
async function valuesFigure(
  code: string,
  pillar: string,
  rows: (Printed & PillarChartRow)[],
  cycles: string[],
  latest: string,
  report?: string,
  contested: Contested[] = [],
): Promise<string> {
  // The disputed values (view indicator_contested) are the current values': ringed on the latest report's chart only.
  const shown = rows.filter((r) => r.value !== null);
  const disputed = disputedPoints(contested, shown);
  const wide = pillarTrendChart(code, pillar, rows, cycles, latest, "wide", disputed);
  const narrow = pillarTrendChart(code, pillar, rows, cycles, latest, "narrow", disputed);
  if (!wide || !narrow) return `<p>No indicator of this pillar has a value yet.</p>`;
  return chartFigure(
    { wide, narrow },
    {
      id: `table-values-${code}${report ? `-${report}` : ""}`,
      caption: `every value of pillar ${code} by cycle${report ? `, as printed by the ${report} report` : ""}`,
      rows,
      columns: [
        { key: "indicator_id", label: "Indicator" },
        { key: "cycle", label: "Cycle" },
        { key: "value", label: "Value", numeric: true },
        { key: "as_printed", label: "As printed" },
        { key: "source_ref", label: "Source" },
      ],
    },
    undefined,
    contestedNotes(contested, shown, ".."),
  );
}

/** The first columns of a values table: the indicator, what it counts and which direction is good. */
const indicatorColumns: Column<TrendRow>[] = [
  { key: "indicator_id", label: "Indicator" },
  { key: "text", label: "What it counts" },
  { key: "polarity", label: "Direction", html: (r) => e(POLARITY_LABEL[r.polarity] ?? r.polarity) },
];

/**
 * One report's view: shown when the selector names it (data-report-view), the latest report's by default;
 * without a selector (one report), the parts as they are.
 */
function reportView(report: string | null, shown: boolean, ...parts: string[]): string {
  const html = parts.filter((p) => p !== "");
  if (report === null) return html.join("\n\n");
  // One HTML block for Markdown: no blank line inside.
  return `<div class="report-view" data-report-view="${e(report)}"${shown ? "" : " hidden"}>\n${html.join("\n")}\n</div>`;
}

runLoader("pillars/[pillar].md", async () => {
  const code = loaderParam("pillar");
  const data = await withSiteDatabase(async (db) => ({
    trends: await siteQuery<TrendRow>(db, "indicator_trends", { pillar: code }),
    findings: await siteQuery<Finding>(db, "pillar_findings", { pillar: code }, { allowEmpty: true }),
    named: await siteQuery<FindingState>(db, "finding_states"),
    reports: (await siteQuery<{ report_id: string }>(db, "reports")).map((r) => r.report_id),
    printed: await siteQuery<ReportValue>(db, "report_pillar_values", { pillar: code }),
    contested: await siteQuery<Contested>(db, "indicator_contested", undefined, { allowEmpty: true }),
  }));
  const cycles = [...new Map(data.trends.map((t) => [t.cycle, t.ordinal])).entries()]
    .sort((a, b) => a[1] - b[1])
    .map(([c]) => c);
  const latest = data.trends.find((t) => t.is_latest)?.cycle ?? cycles.at(-1)!;
  const indicators = data.trends.filter((t) => t.cycle === latest);
  const pillar = indicators[0]?.pillar ?? "";
  const rowOf = (id: string, cycle: string) => data.trends.find((t) => t.indicator_id === id && t.cycle === cycle);
  const latestReport = data.reports.at(-1)!;
  // With more than one report, a selector shows the values as printed by each; the latest report's are the
  // current values (view indicator_trends), the others' are their own printing (report_indicator_values).
  const selector = data.reports.length > 1;
  const earlier = selector ? data.reports.slice(0, -1).reverse() : [];

  const notes = noteNumbers(data.trends);
  const table = htmlTable(indicators, {
    caption: `Pillar ${code}: values per cycle, with the table cell each value comes from, and the change in ${latest}`,
    scroll: true,
    rowId: (r) => `indicator-${r.indicator_id}`,
    switchable: selector ? "shown" : undefined,
    columns: [
      ...indicatorColumns,
      ...cycles.map((c) => ({
        key: c,
        label: c,
        numeric: true,
        html: (r: TrendRow) =>
          cell(rowOf(r.indicator_id, c), notes) + contestedFlag(data.contested, r.indicator_id, c, ".."),
      })),
      {
        key: "change_since_previous",
        label: `Change in ${latest}`,
        html: (r: TrendRow) =>
          r.change_since_previous === null
            ? e(r.direction)
            : `${changeBadge(r.change_since_previous, r.judgement, r.judgement_reason)} <span class="muted">vs ${e(r.previous_cycle ?? "")}</span>`,
      },
    ],
  });
  const latestSources = reportsInWords(data.trends, data.reports);
  const latestView = selector ? latestReport : null;
  const figures = [
    reportView(
      latestView,
      true,
      await valuesFigure(code, pillar, data.trends, cycles, latest, undefined, data.contested),
    ),
  ];
  const tables = [
    reportView(latestView, true, table, tableNotes(data.trends, notes, latestReport), tableSources(data.trends)),
  ];
  const options = [{ report: latestReport, label: `the ${latestReport} report (latest)`, sources: latestSources }];
  for (const report of earlier) {
    const rows = data.printed.filter((p) => p.report_id === report);
    const own = [...new Map(rows.map((r) => [r.cycle, r.ordinal])).entries()]
      .sort((a, b) => a[1] - b[1])
      .map(([c]) => c);
    const last = own.at(-1)!;
    const printedOf = (id: string, cycle: string) => rows.find((r) => r.indicator_id === id && r.cycle === cycle);
    const reportNotes = noteNumbers(rows);
    const reportTable = htmlTable(
      indicators.filter((i) => rows.some((r) => r.indicator_id === i.indicator_id)),
      {
        caption: `Pillar ${code}: values per cycle as printed by the ${report} report, with the table cell each value comes from`,
        scroll: true,
        rowId: (r) => `indicator-${r.indicator_id}`,
        switchable: "hidden",
        columns: [
          ...indicatorColumns,
          ...own.map((c) => ({
            key: c,
            label: c,
            numeric: true,
            html: (r: TrendRow) => cell(printedOf(r.indicator_id, c), reportNotes),
          })),
        ],
      },
    );
    figures.push(reportView(report, false, await valuesFigure(code, pillar, rows, own, last, report)));
    tables.push(
      reportView(
        report,
        false,
        `<p class="muted">The values as the ${e(report)} report printed them, up to ${e(last)}. The changes and their judgements are those of the current values, the ones the latest report prints (choose the ${e(latestReport)} report); where a later report prints a figure differently, the cell says so.</p>`,
        reportTable,
        tableNotes(rows, reportNotes, report),
        tableSources(rows),
      ),
    );
    options.push({ report, label: `the ${report} report`, sources: reportsInWords(rows, data.reports) });
  }
  // The selector works once the script takes it up (table-tools.js); written inert where it stands, so that nothing
  // moves then, and hidden without JavaScript (frame.ts), when the page is the latest report's and says so in its
  // sources.
  const choice = selector
    ? `<p class="report-choice no-print" inert><label for="report-choice">Show the values as printed by</label> <select id="report-choice" data-report-choice>${options
        .map(
          (o, i) =>
            `<option value="${e(o.report)}" data-sources="${e(o.sources)}"${i === 0 ? " selected" : ""}>${e(o.label)}</option>`,
        )
        .join(
          "",
        )}</select> <span class="muted" role="status" data-report-status></span></p>\n\n<p class="muted">The database holds ${countNoun(data.reports.length, "progress report")} (${e(data.reports.join(", "))}). A later report prints the earlier cycles again; the trends use the latest printing. Every figure a report prints differently from the one before, with both sources and the footnote, is on the <a href="../data-quality#revisions-between-reports">Data quality</a> page.</p>`
    : "";
  const shownSources = `<span data-report-sources>${e(latestSources)}</span>`;
  const findingsReports = [...new Set(data.findings.map((f) => f.report_id).filter((r): r is string => !!r))];
  const findingsSource = findingsReports.length
    ? `CCM ${findingsReports.join(" and ")} Progress Report`
    : `CCM ${data.reports[0]} Progress Report`;

  // Count statements of one sentence (several counts in one paragraph) are one row, with every State they name.
  const groups = new Map<string, Finding[]>();
  for (const f of data.findings)
    groups.set(`${f.paragraph}\u0000${f.statement}`, [...(groups.get(`${f.paragraph}\u0000${f.statement}`) ?? []), f]);
  const statements = [...groups.values()];
  const ids = new Map(statements.map((group) => [group[0]!, group.map((f) => f.finding_id)]));
  const namesOf = (f: Finding) => [
    ...new Map(data.named.filter((s) => ids.get(f)!.includes(s.finding_id)).map((s) => [s.iso3, s])).values(),
  ];
  const anchored = new Set<string>();
  const findings = data.findings.length
    ? htmlTable(
        statements.map((group) => group[0]!),
        {
          caption: `Findings of the progress report on pillar ${code}`,
          // The first row of a paragraph is its anchor (#para-22); the paragraph links to its row among all findings.
          rowId: (f) => (anchored.has(f.paragraph) ? null : (anchored.add(f.paragraph), `para-${f.paragraph}`)),
          columns: [
            {
              key: "paragraph",
              label: "Paragraph",
              html: (f) => `<a href="${e(paragraphHref("..", f.paragraph))}">para ${e(f.paragraph)}</a>`,
            },
            { key: "statement", label: "Finding" },
            { key: "indicator_id", label: "Indicator", html: (f) => indicatorLink(f, code) },
            {
              key: "finding_id",
              label: "States named",
              html: (f) =>
                namesOf(f)
                  .map((s) => `<a href="../states/${e(s.iso3)}">${e(s.name_en ?? s.name_as_written)}</a>`)
                  .join(", ") || "—",
            },
            { key: "cycle", label: "Cycle" },
          ],
        },
      )
    : `<p>No findings recorded for this pillar.</p>`;

  return emitPage(
    `pillars/${code}.md`,
    page(
      {
        title: `${code}. ${pillar}`,
        toc: true,
        // The site's footer, naming the report the values shown come from (the selector changes it) and the findings'.
        footer: `Data: indicator values from the ${shownSources}; findings from the ${e(findingsSource)}. Every figure links to its source. Code and data: MIT / see <a href="/downloads">Downloads</a> for each licence.`,
      },
      `# ${e(code)}. ${e(pillar)}`,
      `<p class="muted">${countNoun(indicators.length, "indicator", "indicators", { capitalize: true })} of the Lausanne Action Plan, ${countNoun(cycles.length, "reporting cycle")} (${e(cycles.join(", "))}). The table says whether a higher value is good or bad; the change in the latest cycle is judged in words (view <code>indicator_trends</code>), not only in colour.</p>`,
      ...[choice].filter((part) => part !== ""),
      "## Indicators across cycles",
      ...figures,
      "## Values by cycle",
      ...tables,
      "## Findings and the States they name",
      // The report selector changes the values only: the findings are the current ones, the latest report's.
      ...(selector
        ? [
            `<p class="muted">The findings and their paragraph numbers are the ${e(findingsReports.join(" and ") || latestReport)} report's, whichever report's values are shown above; every report's are in table <code>report_findings</code>.</p>`,
          ]
        : []),
      findings,
      `<p class="source">Sources: indicator values from the ${shownSources} (table cell given per value); findings and the States they name from the narrative of the ${e(findingsSource)} (paragraph given per row); view <code>indicator_trends</code>${selector ? ", table <code>report_indicator_values</code>" : ""} and tables <code>findings</code>, <code>finding_states</code> on the <a href="../downloads">Downloads</a> page.</p>`,
    ),
  );
});
