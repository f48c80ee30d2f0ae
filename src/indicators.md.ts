// Page loader: every indicator in the latest cycle, with its change and the view's judgement (indicator_trends),
// one table to sort and filter: "which indicators declined?" is indicators#declined (the overview's cards link
// there). Each row links to the indicator's row on its pillar's page.
import { POLARITY_LABEL, formatNumber } from "../data-loaders/presentation/formats.ts";
import { changeBadge, emitPage, htmlTable, page } from "../data-loaders/site/page.ts";
import { escapeHtml } from "../data-loaders/site/page-text.ts";
import { runLoader, siteQuery, withSiteDatabase } from "../data-loaders/site/site-db.ts";
import { contestedFlag, type Contested } from "../data-loaders/site/contested.ts";
import { editionWords, type ReportRow } from "../data-loaders/site/edition.ts";
import type { IndicatorTrendsRow } from "../data-loaders/lib/relations.generated.ts";

/** sql/site/latest_indicators.sql. */
type LatestIndicator = Pick<
  IndicatorTrendsRow,
  | "indicator_id"
  | "pillar_code"
  | "pillar"
  | "text"
  | "unit"
  | "polarity"
  | "previous_cycle"
  | "value"
  | "change_since_previous"
  | "direction"
  | "judgement"
  | "judgement_reason"
  | "cycle"
  | "source_ref"
>;

const e = escapeHtml;

/** The anchor of each judgement on this page (the overview's cards link to them). */
const JUDGEMENT_ANCHOR: Record<string, string> = {
  improved: "improved",
  declined: "declined",
  completed: "completed",
  held: "held",
  "not comparable": "not-comparable",
};

runLoader("indicators.md", async () => {
  const { rows, contested, reports } = await withSiteDatabase(async (db) => ({
    rows: await siteQuery<LatestIndicator>(db, "latest_indicators"),
    contested: await siteQuery<Contested>(db, "indicator_contested", undefined, { allowEmpty: true }),
    reports: await siteQuery<ReportRow>(db, "reports"),
  }));
  const cycle = rows[0]!.cycle;
  const count = (j: string) => rows.filter((r) => r.judgement === j).length;
  const table = htmlTable(rows, {
    caption: `The ${rows.length} indicators of the Lausanne Action Plan in ${cycle}: value, change since the previous measured cycle and its judgement`,
    id: "indicator-table",
    rowId: (r) => `indicator-${r.indicator_id}`,
    columns: [
      {
        key: "indicator_id",
        label: "Indicator",
        html: (r) => `<a href="./pillars/${e(r.pillar_code)}#indicator-${e(r.indicator_id)}">${e(r.indicator_id)}</a>`,
      },
      { key: "pillar", label: "Pillar", html: (r) => `${e(r.pillar_code)}. ${e(r.pillar)}` },
      { key: "text", label: "What it counts" },
      {
        key: "value",
        label: cycle,
        numeric: true,
        html: (r) =>
          (r.value === null ? "not measured" : formatNumber(r.value)) +
          contestedFlag(contested, r.indicator_id, r.cycle, "."),
      },
      {
        key: "change_since_previous",
        label: "Change",
        numeric: true,
        html: (r) =>
          r.change_since_previous === null
            ? e(r.direction)
            : `${changeBadge(r.change_since_previous, r.judgement, r.judgement_reason)} <span class="muted">vs ${e(r.previous_cycle ?? "")}</span>`,
      },
      { key: "judgement", label: "Judgement", value: (r) => r.judgement },
      { key: "polarity", label: "Direction", html: (r) => e(POLARITY_LABEL[r.polarity] ?? r.polarity) },
    ],
  });
  // Each count is an anchor (indicators#declined) that picks its judgement in the table's filter.
  const link = (j: string, words: string) =>
    `<a id="${JUDGEMENT_ANCHOR[j]}" data-filter="judgement=${e(j)}" href="#${JUDGEMENT_ANCHOR[j]}">${count(j)} ${words}</a>`;
  return emitPage(
    "indicators.md",
    page(
      { title: "Indicators", toc: false },
      "# Indicators",
      `<p class="muted">Every indicator of the Lausanne Action Plan in the ${e(cycle)} progress report: ${link("improved", "improved")}, ${link("declined", "declined")}, ${link("completed", "completed")}, ${link("held", "held")}, ${link("not comparable", "cannot be compared")}. Pick a pillar or a judgement, type words to filter, or press a column's name to sort. Each indicator links to its values across cycles on its pillar's page.</p>`,
      table,
      `<p class="source">Source: ${e(editionWords(reports.at(-1)!))}, indicator tables (the cell of each value is on the pillar pages); judgements by each indicator's polarity, as explained on the pillar pages.</p>`,
    ),
  );
});
