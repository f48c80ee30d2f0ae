/**
 * A figure that a check of the report or the UN's records dispute (sql/site/indicator_contested.sql, from view
 * indicator_contested): a visible, accessible flag beside it wherever a page shows it, with the other figure and
 * a link to the explanation on the Data quality page. The pages do not decide what is disputed.
 */
import { escapeHtml as e } from "./page-text.ts";
import { formatNumber } from "../presentation/formats.ts";
import { recordRowId } from "./record-issues.ts";

export interface Contested {
  indicator_id: string;
  cycle: string;
  against: "report" | "records";
  value: number | null;
  other_figure: number | null;
  kind: string;
  severity: string;
  paragraph: string | null;
  explanation: string;
  /** The disagreement with the records (report_record_issues.check_id) that disputes it; null for the report's own. */
  check_id: string | null;
}

/** The flag for one indicator's value in one cycle ("" when nothing disputes it); `root` leads to the site's root. */
export function contestedFlag(rows: Contested[], indicator: string, cycle: string, root: string): string {
  const mine = rows.filter((r) => r.indicator_id === indicator && r.cycle === cycle);
  if (!mine.length) return "";
  const others = [
    ...new Set(
      mine
        .map((r) =>
          r.other_figure === null
            ? null
            : `${r.against === "records" ? "the UN record gives" : "the report also gives"} ${formatNumber(r.other_figure)}`,
        )
        .filter((t): t is string => !!t),
    ),
  ];
  const first = mine.find((r) => r.check_id) ?? mine[0]!;
  // The row of the disagreement with the records, or the section of the report's own (headings' ids).
  const anchor = first.check_id
    ? recordRowId(first.check_id)
    : first.against === "records"
      ? "the-report-against-the-un-s-records"
      : "the-report-against-itself";
  const href = `${root}/data-quality#${anchor}`;
  const words = `disputed${others.length ? `: ${others.join("; ")}` : ""}`;
  return ` <span class="contested" title="${e(mine.map((r) => r.explanation).join(" "))}"><span aria-hidden="true">⚠</span> ${e(words)} (<a href="${e(href)}">why</a>)</span>`;
}

/**
 * The disputed values a chart shows, as notes under it: each value with its flag (the other figure and the link to
 * the explanation), so a reader of the chart, or of its description, learns what the ringed points are.
 * `shown`: the chart's values (indicator, cycle, value); "" when none of them is disputed. `intro` says how the
 * chart shows them.
 */
export function contestedNotes(
  rows: Contested[],
  shown: { indicator_id: string; cycle: string; value: number | null }[],
  root: string,
  intro = "Disputed values in this chart (ringed in red):",
): string {
  const items = shown
    .filter((v) => v.value !== null && rows.some((r) => r.indicator_id === v.indicator_id && r.cycle === v.cycle))
    .map(
      (v) =>
        `<li>Indicator ${e(v.indicator_id)}, ${e(v.cycle)}: ${e(formatNumber(v.value))}${contestedFlag(rows, v.indicator_id, v.cycle, root)}</li>`,
    );
  if (!items.length) return "";
  return `<div class="chart-notes"><p>${e(intro)}</p><ul>${items.join("")}</ul></div>`;
}

/** The disputed values among `shown`, for a chart to ring (charts.ts, DisputedPoint). */
export function disputedPoints(
  rows: Contested[],
  shown: { indicator_id: string; cycle: string }[],
): { indicator_id: string; cycle: string }[] {
  return shown.filter((v) => rows.some((r) => r.indicator_id === v.indicator_id && r.cycle === v.cycle));
}
