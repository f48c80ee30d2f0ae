/**
 * One Vega-Lite definition per chart, for the briefing and the site alike: each function takes the rows of a
 * view (data-loaders/sql/) and returns the spec with its title and description. Rendering is render.ts
 * (SVG in Node); colours come from the one palette of the site and the briefing (data-loaders/presentation/palette.ts).
 */
import type { TopLevelSpec } from "vega-lite";
import type {
  MembershipCountRow,
  PillarRow,
  StateVoteRow,
  StatusOnDateRow,
  TrendRow,
  UngaRow,
  YesByStatusRow,
} from "../lib/view-rows.ts";
import {
  BACKGROUND,
  JUDGEMENT_COLOR,
  JUDGEMENT_HATCHED,
  LINE,
  SERIES,
  STATUS_COLOR,
  TEXT,
  VOTE_COLOR,
} from "./palette.ts";
import { hatchFill, type Hatches } from "./hatch.ts";

/** A colour of the palette by key, the axis grey for a key it does not know. */
const colourOf = (scale: Record<string, string>, key: string): string => scale[key] ?? LINE.axis;

export interface Chart {
  spec: TopLevelSpec;
  title: string;
  description: string;
}

/**
 * How wide a chart is drawn, in pixels, axes, labels and legend included: the briefing gives its text width, so
 * a chart spans the column like a table; without it (the site) each chart keeps its own size.
 */
export interface ChartSize {
  width?: number;
}

/** A single-view spec drawn `size.width` pixels wide in all, or as it is. */
function fitted(spec: TopLevelSpec, size: ChartSize): TopLevelSpec {
  if (!size.width) return spec;
  return { ...spec, width: size.width, autosize: { type: "fit-x", contains: "padding" } } as TopLevelSpec;
}

const SMALL_MULTIPLE = { columns: 5, spacing: 16, width: 86 } as const;

interface IndicatorPoint {
  indicator: string;
  label: string;
  cycle: string;
  ordinal: number;
  value: number;
}

/**
 * Small multiples: one small line chart per indicator across the cycles (10MSP → 13MSP), each with its own
 * y scale, because the indicators of a pillar count different things (States, people, munitions).
 * Missing values leave a gap, never a zero.
 */
function pillarTrendSpec(
  title: string,
  subtitle: string[],
  description: string,
  points: IndicatorPoint[],
  cycles: string[],
  size: ChartSize = {},
): TopLevelSpec {
  const { columns, spacing } = SMALL_MULTIPLE;
  // The panels share the width when one is given, less the gaps between them and the padding (10 px).
  const panel = size.width ? Math.floor((size.width - (columns - 1) * spacing - 10) / columns) : SMALL_MULTIPLE.width;
  const indicators = points.map((p) => p.indicator).filter((l, i, a) => a.indexOf(l) === i);
  return {
    $schema: "https://vega.github.io/schema/vega-lite/v6.json",
    description,
    title: { text: title, subtitle },
    data: { values: points },
    facet: {
      field: "indicator",
      type: "nominal",
      sort: indicators,
      title: null,
      header: { labelFontSize: 9, labelFontWeight: "bold", labelPadding: 2 },
    },
    columns,
    spacing: { row: 14, column: spacing },
    spec: {
      width: panel,
      height: 52,
      layer: [
        { mark: { type: "line", color: SERIES, strokeWidth: 1.6 } },
        { mark: { type: "point", filled: true, size: 22, color: SERIES } },
        {
          mark: { type: "text", dy: -7, fontSize: 8, color: TEXT.ink },
          encoding: { text: { field: "value", type: "quantitative", format: ",d" } },
        },
      ],
      encoding: {
        x: {
          field: "cycle",
          type: "ordinal",
          sort: cycles,
          title: null,
          axis: {
            labelAngle: 0,
            labelFontSize: 7,
            labelExpr: "replace(datum.label, 'MSP', '')",
            grid: false,
            ticks: false,
          },
        },
        y: {
          field: "value",
          type: "quantitative",
          title: null,
          scale: { zero: true, nice: true },
          axis: { labels: false, ticks: false, grid: true, tickCount: 3, domain: false },
        },
      },
    },
    resolve: { scale: { y: "independent" } },
  } as TopLevelSpec;
}

interface VoteBar {
  year: number;
  group: string;
  votes: number;
}

/** Stacked bars of votes per year (e.g. yes / no / abstain, or yes by CCM status). */
function votesSpec(
  title: string,
  subtitle: string,
  description: string,
  bars: VoteBar[],
  groups: { name: string; colour: string }[],
  groupTitle = "Vote",
  size: ChartSize = {},
): TopLevelSpec {
  return fitted(
    {
      $schema: "https://vega.github.io/schema/vega-lite/v6.json",
      description,
      title: { text: title, subtitle },
      width: 420,
      height: 200,
      data: { values: bars },
      transform: [{ calculate: "datum.year + ': ' + datum.votes + ' ' + datum.group", as: "label" }],
      // A white edge between stacked segments: each meets the paper and its neighbours at ≥ 3:1.
      mark: { type: "bar", stroke: "#ffffff", strokeWidth: 0.75 },
      encoding: {
        x: { field: "year", type: "ordinal", title: null, axis: { labelAngle: 0, grid: false } },
        y: { field: "votes", type: "quantitative", title: "votes", stack: "zero" },
        color: {
          field: "group",
          type: "nominal",
          title: null,
          sort: groups.map((g) => g.name),
          scale: { domain: groups.map((g) => g.name), range: groups.map((g) => g.colour) },
          // At the text width every group fits on one legend line.
          legend: {
            orient: "bottom",
            direction: "horizontal",
            labelLimit: 220,
            columns: size.width ? groups.length : 3,
          },
        },
        // groupOrder 1 sits on the baseline: yes votes (or States Parties' yes votes) at the bottom of each bar.
        order: { field: "groupOrder", type: "quantitative" },
        // Readers' words, not field names, in the marks' accessible labels and in tooltips (site).
        description: { field: "label", type: "nominal" },
        tooltip: [
          { field: "year", type: "ordinal", title: "Year" },
          { field: "group", type: "nominal", title: groupTitle },
          { field: "votes", type: "quantitative", title: "Votes" },
        ],
      },
    } as TopLevelSpec,
    size,
  );
}

interface JudgementBar {
  pillar: string;
  judgement: string;
  indicators: number;
  order: number;
}

/** Per pillar, stacked counts of indicators that improved, completed, held, declined or cannot be compared. */
function judgementBarsSpec(
  title: string,
  subtitle: string,
  description: string,
  bars: JudgementBar[],
  pillars: string[],
  size: ChartSize,
): TopLevelSpec {
  // Completed is hatched as well as coloured (palette JUDGEMENT_HATCHED): told from improved without colour.
  const hatches: Hatches = {};
  const range = Object.entries(JUDGEMENT_COLOR).map(([judgement, colour]) =>
    (JUDGEMENT_HATCHED as readonly string[]).includes(judgement) ? hatchFill(hatches, judgement, colour) : colour,
  );
  return fitted(
    {
      $schema: "https://vega.github.io/schema/vega-lite/v6.json",
      description,
      title: { text: title, subtitle },
      width: 330,
      // 20 px a pillar, as a fixed height: with a step height, Vega-Lite warns that it drops "fit-y" from fit-x.
      height: 20 * pillars.length,
      data: { values: bars },
      mark: { type: "bar", stroke: "#ffffff", strokeWidth: 0.75 },
      encoding: {
        y: { field: "pillar", type: "nominal", sort: pillars, title: null, axis: { labelLimit: 400 } },
        x: {
          field: "indicators",
          type: "quantitative",
          title: "indicators",
          stack: "zero",
          axis: { tickMinStep: 1, format: "d" },
        },
        color: {
          field: "judgement",
          type: "nominal",
          title: null,
          scale: { domain: Object.keys(JUDGEMENT_COLOR), range },
          // Three to a row: the legend starts under the bars, right of the pillar names, and must not run off the side.
          legend: { orient: "bottom", direction: "horizontal", columns: 3, symbolSize: 150 },
        },
        order: { field: "order", type: "quantitative" },
      },
      usermeta: { hatches },
    } as TopLevelSpec,
    size,
  );
}

const JUDGEMENTS = [
  ["improved", "improved"],
  ["completed", "completed"],
  ["held", "held"],
  ["declined", "declined"],
  ["not_comparable", "not comparable"],
] as const;

/** Per pillar, how many indicators improved, completed, held, declined or cannot be compared (view pillar_trends). */
export function judgementBarsChart(
  pillars: PillarRow[],
  previous: string,
  target: string,
  size: ChartSize = {},
): Chart {
  const bars = pillars.flatMap((p) =>
    JUDGEMENTS.filter(([k]) => p[k] > 0).map(([k, label], i) => ({
      pillar: `${p.pillar_code}. ${p.pillar}`,
      judgement: label,
      indicators: p[k],
      order: i,
    })),
  );
  const title = `Indicators by movement, ${previous} to ${target}, per pillar`;
  const description = `Stacked horizontal bar chart: for each of the ${pillars.length} pillars, how many indicators improved, completed, held, declined or cannot be compared between ${previous} and ${target}.`;
  const spec = judgementBarsSpec(
    title,
    "Judged by each indicator's polarity (is a rise good news?)",
    description,
    bars,
    pillars.map((p) => `${p.pillar_code}. ${p.pillar}`),
    size,
  );
  return { spec, title, description };
}

/**
 * One pillar's indicators across the cycles up to `target` (view indicator_trends): `trends` holds the pillar's
 * rows of every cycle in report order. Null when no indicator of the pillar was ever measured.
 */
/** What the pillar chart reads of a row: indicator_trends, or a report's own printing (the pillar page's report selector). */
export type PillarChartRow = Pick<TrendRow, "indicator_id" | "cycle" | "ordinal" | "value" | "change_since_first">;

export function pillarTrendChart(
  code: string,
  pillar: string,
  trends: PillarChartRow[],
  cycles: string[],
  target: string,
  size: ChartSize = {},
): Chart | null {
  const rows = trends.filter((r) => r.cycle === target);
  const points: IndicatorPoint[] = [];
  for (const r of rows) {
    for (const h of trends) {
      if (h.indicator_id === r.indicator_id && h.value !== null)
        points.push({
          indicator: h.indicator_id,
          label: h.indicator_id,
          cycle: h.cycle,
          ordinal: h.ordinal,
          value: h.value,
        });
    }
  }
  if (!points.length) return null;
  const first = cycles[0]!;
  const title = `${code}. ${pillar}: indicator values by cycle`;
  const rising = rows.filter((r) => (r.change_since_first ?? 0) > 0).length;
  const falling = rows.filter((r) => (r.change_since_first ?? 0) < 0).length;
  const description = `Small line charts of the ${rows.length} indicators of pillar ${code} from ${first} to ${target}, one per indicator: ${rising} are higher and ${falling} lower in ${target} than in ${first}; unmeasured cycles are gaps.`;
  // Two lines: on one, the subtitle would be wider than the panels and set the chart's width.
  const subtitle = [
    "One panel per LAP indicator, each on its own scale from zero;",
    `10 = ${first} … ${target.replace("MSP", "")} = ${target}`,
  ];
  return { spec: pillarTrendSpec(title, subtitle, description, points, cycles, size), title, description };
}

/**
 * Yes, abstain, no and non-voting Member States on the CCM resolution per year (view unga_resolution_votes), so a
 * fall in yes votes shows where the votes went (2024: most to non-voting). A total that was not published is left
 * out, and the description says which years lack one (none since the 2015-2024 per-country records).
 */
export function ungaVotesChart(unga: UngaRow[], size: ChartSize = {}): Chart {
  const bars = unga.flatMap((r) =>
    [
      { group: "yes", votes: r.total_yes, groupOrder: 1 },
      { group: "abstain", votes: r.total_abstentions, groupOrder: 2 },
      { group: "no", votes: r.total_no, groupOrder: 3 },
      { group: "non-voting", votes: r.total_non_voting, groupOrder: 4 },
    ]
      .filter((b) => b.votes !== null)
      .map((b) => ({ year: r.year, group: b.group, votes: b.votes!, groupOrder: b.groupOrder })),
  );
  const title = "UNGA votes on the CCM resolution by year";
  const first = unga[0]!;
  const last = unga.at(-1)!;
  const previous = unga.at(-2);
  const partial = unga
    .filter((r) => [r.total_yes, r.total_abstentions, r.total_no, r.total_non_voting].some((v) => v === null))
    .map((r) => r.year);
  const said = (r: UngaRow) =>
    `${r.total_yes ?? "unknown"} yes, ${r.total_abstentions ?? "unknown"} abstaining, ${r.total_no ?? "unknown"} no and ${r.total_non_voting ?? "unknown"} not voting`;
  const description =
    `Stacked bar chart of the Member States voting yes, abstaining, voting no and not voting on the annual UNGA resolution on the Convention, ${first.year} to ${last.year}; ` +
    `${last.year}: ${said(last)}${previous ? ` (${previous.year}: ${said(previous)})` : ""}` +
    `${partial.length ? `; for ${partial.join(", ")} only some totals were published and only those are shown` : ""}.`;
  const groups = [
    { name: "yes", colour: VOTE_COLOR.Y },
    { name: "abstain", colour: VOTE_COLOR.A },
    { name: "no", colour: VOTE_COLOR.N },
    { name: "non-voting", colour: VOTE_COLOR.X },
  ];
  return {
    spec: votesSpec(title, "General Assembly plenary votes", description, bars, groups, "Vote", size),
    title,
    description,
  };
}

/** The statuses present in yes-by-status rows, in legend order, with their words for a group of States. */
export function statusesOf(rows: YesByStatusRow[]): { status: string; plural: string }[] {
  const seen = new Map<string, { status: string; plural: string; order: number }>();
  for (const r of rows)
    seen.set(r.ccm_status, { status: r.ccm_status, plural: r.status_plural, order: r.status_order });
  return [...seen.values()].sort((a, b) => a.order - b.order).map(({ status, plural }) => ({ status, plural }));
}

/** Yes votes on the CCM resolution per year by the voter's CCM status on the vote date (view unga_yes_by_status). */
export function yesByStatusChart(rows: YesByStatusRow[], size: ChartSize = {}): Chart {
  const years = [...new Set(rows.map((r) => r.year))].sort((a, b) => a - b);
  const statuses = statusesOf(rows);
  const bars = rows
    .filter((r) => r.yes !== null)
    .map((r) => ({ year: r.year, group: r.status_plural, votes: r.yes!, groupOrder: r.status_order - 1 }));
  const title = "Yes votes on the CCM resolution by CCM status of the voter";
  const partial = years.filter((y) => !rows.some((r) => r.year === y && r.has_country_votes));
  const description = `Stacked bar chart of yes votes per year, ${years[0]} to ${years.at(-1)}, split by the voter's status under the Convention on the day of the vote${partial.length ? `; for ${partial.join(", ")} only the yes votes of States not party are published` : ""}.`;
  const groups = statuses.map((s) => ({ name: s.plural, colour: colourOf(STATUS_COLOR, s.status) }));
  return {
    spec: votesSpec(
      title,
      "States Parties, signatories and States not party",
      description,
      bars,
      groups,
      "Status of the voter",
      size,
    ),
    title,
    description,
  };
}

/** A nominal colour channel whose legend lists `groups` in order, each in its palette colour. */
function colourBy(
  field: string,
  groups: { name: string; colour: string }[],
  legend: Record<string, unknown> = { orient: "bottom", direction: "horizontal", labelLimit: 220 },
) {
  return {
    field,
    type: "nominal",
    title: null,
    sort: groups.map((g) => g.name),
    scale: { domain: groups.map((g) => g.name), range: groups.map((g) => g.colour) },
    legend,
  };
}

/** States Parties, deposited instruments and signatories on 31 December of each year and today (view membership_counts). */
export function membershipChart(rows: MembershipCountRow[]): Chart {
  const statuses = [...new Map(rows.map((r) => [r.status, r])).values()].sort((a, b) => a.sort_order - b.sort_order);
  const latest = rows.filter((r) => r.as_of === rows.at(-1)!.as_of);
  const title = "CCM membership over time";
  const description = `Step lines of the number of States by status (${statuses.map((s) => s.status_plural).join("; ")}) on 31 December of each year from ${rows[0]!.as_of.slice(0, 4)}, and ${latest[0]!.label}: ${latest.map((r) => `${r.status_plural}: ${r.states}`).join("; ")}.`;
  const spec = {
    $schema: "https://vega.github.io/schema/vega-lite/v6.json",
    description,
    title: { text: title, subtitle: "States on 31 December of each year, and today" },
    width: 560,
    height: 240,
    data: { values: rows },
    mark: { type: "line", interpolate: "step-after", point: true, strokeWidth: 2 },
    encoding: {
      x: { field: "as_of", type: "temporal", title: null, axis: { format: "%Y", grid: false } },
      y: { field: "states", type: "quantitative", title: "States" },
      color: colourBy(
        "status_plural",
        statuses.map((s) => ({ name: s.status_plural, colour: colourOf(STATUS_COLOR, s.status) })),
      ),
      strokeDash: {
        field: "status_plural",
        type: "nominal",
        title: null,
        sort: statuses.map((s) => s.status_plural),
        scale: {
          domain: statuses.map((s) => s.status_plural),
          range: [
            [1, 0],
            [5, 3],
            [2, 2],
          ],
        },
      },
      tooltip: [
        { field: "label", title: "On" },
        { field: "status_plural", title: "Status" },
        { field: "states", title: "States" },
      ],
    },
  } as TopLevelSpec;
  return { spec, title, description };
}

/**
 * World map of every State's CCM status on one day (view status_on_dates). `rows` may hold several days: the
 * param `as_of` picks the one drawn, so the site's date control re-draws this same spec in the browser.
 * Outlines: world-atlas countries-110m (Natural Earth), whose feature ids are UN M49 codes.
 */
export function statusMapChart(world: unknown, rows: StatusOnDateRow[], asOf: { as_of: string; label: string }): Chart {
  const shown = rows.filter((r) => r.as_of === asOf.as_of);
  const statuses = [...new Map(rows.map((r) => [r.status, r])).values()].sort((a, b) => a.sort_order - b.sort_order);
  const counts = statuses
    .map((s) => `${s.status_label}: ${shown.filter((r) => r.status === s.status).length}`)
    .join(", ");
  const title = `CCM status of every State, ${asOf.label}`;
  const description = `World map of Convention on Cluster Munitions status, ${asOf.label}. ${counts}. Small States may not be drawn; the table lists every State.`;
  const countries = { values: world, format: { type: "topojson", feature: "countries" } };
  const spec = {
    $schema: "https://vega.github.io/schema/vega-lite/v6.json",
    description,
    width: 640,
    height: 330,
    projection: { type: "equalEarth" },
    params: [{ name: "as_of", value: asOf.as_of }],
    datasets: { status: rows },
    layer: [
      {
        data: { sphere: true },
        mark: { type: "geoshape", fill: BACKGROUND.page, stroke: LINE.axis, strokeWidth: 0.5 },
      },
      // Land with no State in the database (territories): outline only.
      { data: countries, mark: { type: "geoshape", fill: BACKGROUND.alt, stroke: LINE.axis, strokeWidth: 0.3 } },
      {
        data: { name: "status" },
        transform: [
          { filter: "datum.as_of === as_of && datum.m49 != null" },
          { lookup: "m49", from: { data: countries, key: "id" }, as: "geo" },
          { filter: "datum.geo != null" },
        ],
        mark: { type: "geoshape", stroke: "white", strokeWidth: 0.4 },
        encoding: {
          shape: { field: "geo", type: "geojson" },
          color: colourBy(
            "status_label",
            statuses.map((s) => ({ name: s.status_label, colour: colourOf(STATUS_COLOR, s.status) })),
            { orient: "bottom", direction: "horizontal", columns: 3, labelLimit: 220 },
          ),
          tooltip: [
            { field: "name_en", title: "State" },
            { field: "status_label", title: "Status" },
          ],
        },
      },
    ],
  } as unknown as TopLevelSpec;
  return { spec, title, description };
}

export type VoteGrouping = "region" | "status_label";

/**
 * Votes on one resolution, one horizontal stacked bar per region or per CCM status at the vote (view
 * unga_state_votes). The params `resolution`, `group_by` and `votes` choose what is drawn, so the site's vote
 * explorer re-draws this same spec in the browser; Vega-Lite counts the votes.
 */
export function voteBreakdownChart(
  rows: StateVoteRow[],
  choice: { resolution: string; year: number; groupBy: VoteGrouping },
): Chart {
  const shown = rows.filter((r) => r.resolution_id === choice.resolution);
  const votes = [...new Map(rows.map((r) => [r.vote, r])).values()].sort((a, b) => a.vote_order - b.vote_order);
  const groupLabel = choice.groupBy === "region" ? "region" : "CCM status at the vote";
  const title = `Votes on ${choice.resolution} (${choice.year}) by ${groupLabel}`;
  const description = `Stacked bars of the recorded votes on ${choice.resolution} by ${groupLabel}: ${votes.map((v) => `${shown.filter((r) => r.vote === v.vote).length} ${v.vote_label.toLowerCase()}`).join(", ")}.`;
  const spec = {
    $schema: "https://vega.github.io/schema/vega-lite/v6.json",
    description,
    width: 560,
    height: { step: 24 },
    params: [
      { name: "resolution", value: choice.resolution },
      { name: "group_by", value: choice.groupBy },
      { name: "votes", value: votes.map((v) => v.vote) },
    ],
    datasets: { votes: rows },
    data: { name: "votes" },
    transform: [
      { filter: "datum.resolution_id === resolution && indexof(votes, datum.vote) >= 0" },
      { calculate: "datum[group_by]", as: "group" },
    ],
    mark: { type: "bar", stroke: "white", strokeWidth: 0.5 },
    encoding: {
      y: { field: "group", type: "nominal", title: null, sort: "-x", axis: { labelLimit: 260 } },
      x: { aggregate: "count", type: "quantitative", title: "States", axis: { tickMinStep: 1, format: "d" } },
      color: colourBy(
        "vote_label",
        votes.map((v) => ({ name: v.vote_label, colour: colourOf(VOTE_COLOR, v.vote) })),
      ),
      order: { field: "vote_order", aggregate: "min", type: "quantitative" },
      tooltip: [
        { field: "group", title: "Group" },
        { field: "vote_label", title: "Vote" },
        { aggregate: "count", title: "States" },
      ],
    },
  } as unknown as TopLevelSpec;
  return { spec, title, description };
}
