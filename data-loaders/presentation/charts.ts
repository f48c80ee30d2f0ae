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
 * Where a chart is drawn: the briefing's page ("print", the default: the briefing's charts and golden files), a
 * column of the site on a desktop ("wide", drawn at about the column's width so it is not scaled up or down), or a
 * phone ("narrow", at most about 360 px wide, so that shown at its own size every text is at least 10 px).
 */
export type ChartLayout = "print" | "wide" | "narrow";

/**
 * The briefing's print layout drawn at a given width in pixels, axes, labels and legend included: the briefing
 * gives its text width, so a chart spans the column like a table (briefing/page.ts).
 */
export interface ChartSize {
  width?: number;
}

/** A layout by name, or the print layout at a width (the briefing's charts). */
export type ChartLayoutArg = ChartLayout | ChartSize;

const layoutOf = (arg: ChartLayoutArg): { layout: ChartLayout; width: number | undefined } =>
  typeof arg === "string" ? { layout: arg, width: undefined } : { layout: "print", width: arg.width };

/** A single-view spec drawn `width` pixels wide in all, or as it is. */
function fitted(spec: TopLevelSpec, width: number | undefined): TopLevelSpec {
  if (!width) return spec;
  return { ...spec, width, autosize: { type: "fit-x", contains: "padding" } } as TopLevelSpec;
}

/** The smallest text of the site's layouts, in px at the chart's own size: legible on a phone. */
export const SITE_MIN_FONT = 10;

/**
 * The longest line of a narrow chart's title and subtitle, in characters: Vega measures text in Node by an estimate
 * (about 0.8 em a character), and the chart is as wide as its widest line says.
 */
const NARROW_TITLE = 28;
const NARROW_SUBTITLE = 36;

/** A title or subtitle as lines of at most `max` characters (Vega draws an array as lines): for a narrow chart. */
export function titleLines(text: string, max: number): string | string[] {
  if (text.length <= max) return text;
  const lines: string[] = [];
  let line = "";
  for (const word of text.split(" ")) {
    if (line && line.length + 1 + word.length > max) {
      lines.push(line);
      line = word;
    } else line = line ? `${line} ${word}` : word;
  }
  return [...lines, line];
}

interface IndicatorPoint {
  indicator: string;
  label: string;
  cycle: string;
  ordinal: number;
  value: number;
  /** A check of the report or the UN's records dispute this value (view indicator_contested): a ringed point. */
  disputed?: boolean;
}

/** A value that the data dispute (view indicator_contested: indicator and cycle), ringed on the chart. */
export interface DisputedPoint {
  indicator_id: string;
  cycle: string;
}

/**
 * Small multiples: one small line chart per indicator across the cycles (10MSP → 13MSP), each with its own
 * y scale, because the indicators of a pillar count different things (States, people, munitions).
 * Missing values leave a gap, never a zero.
 */
const PILLAR_PANELS: Record<
  ChartLayout,
  { columns: number; width: number; height: number; header: number; axis: number; value: number; gap: number }
> = {
  print: { columns: 5, width: 86, height: 52, header: 9, axis: 7, value: 8, gap: 16 },
  // About 800 px: the pillar page's column on a desktop.
  wide: { columns: 5, width: 118, height: 70, header: 12, axis: SITE_MIN_FONT, value: 11, gap: 22 },
  // Two panels a row, about 330 px.
  narrow: { columns: 2, width: 132, height: 64, header: 12, axis: SITE_MIN_FONT, value: SITE_MIN_FONT, gap: 18 },
};

function pillarTrendSpec(
  title: string,
  subtitle: string | string[],
  description: string,
  points: IndicatorPoint[],
  cycles: string[],
  layoutArg: ChartLayoutArg = "print",
): TopLevelSpec {
  const { layout, width } = layoutOf(layoutArg);
  const indicators = points.map((p) => p.indicator).filter((l, i, a) => a.indexOf(l) === i);
  const panels = PILLAR_PANELS[layout];
  // At a given width the panels share it, less the gaps between them and the padding (10 px).
  const size = width
    ? { ...panels, width: Math.floor((width - (panels.columns - 1) * panels.gap - 10) / panels.columns) }
    : panels;
  // Never more columns than panels: a pillar of three indicators is one row of three, not five slots.
  const columns = layout === "print" ? size.columns : Math.min(size.columns, indicators.length);
  const narrow = layout === "narrow";
  return {
    $schema: "https://vega.github.io/schema/vega-lite/v6.json",
    description,
    title: {
      text: narrow ? titleLines(title, NARROW_TITLE) : title,
      subtitle: narrow && typeof subtitle === "string" ? titleLines(subtitle, NARROW_SUBTITLE) : subtitle,
    },
    data: { values: points },
    facet: {
      field: "indicator",
      type: "nominal",
      sort: indicators,
      title: null,
      header: { labelFontSize: size.header, labelFontWeight: "bold", labelPadding: 2 },
    },
    columns,
    spacing: { row: size.gap - 2, column: size.gap },
    spec: {
      width: size.width,
      height: size.height,
      layer: [
        { mark: { type: "line", color: SERIES, strokeWidth: 1.6 } },
        { mark: { type: "point", filled: true, size: 22, color: SERIES } },
        {
          mark: { type: "text", dy: -7, fontSize: size.value, color: TEXT.ink },
          encoding: { text: { field: "value", type: "quantitative", format: ",d" } },
        },
        // A disputed value: a ring in the "bad" colour (the notes under the chart say what disputes it).
        ...(points.some((p) => p.disputed)
          ? [
              {
                transform: [{ filter: "datum.disputed" }],
                mark: { type: "point", shape: "circle", size: 150, strokeWidth: 2, color: TEXT.bad, filled: false },
              },
            ]
          : []),
      ],
      encoding: {
        x: {
          field: "cycle",
          type: "ordinal",
          sort: cycles,
          title: null,
          axis: {
            labelAngle: 0,
            labelFontSize: size.axis,
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
    // On the site each panel draws its own cycle axis: a shared one is drawn under every column of the last row,
    // the columns without a panel too (empty panels of bare axes).
    resolve:
      layout === "print"
        ? { scale: { y: "independent" } }
        : { scale: { y: "independent" }, axis: { x: "independent" } },
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
  layoutArg: ChartLayoutArg = "print",
): TopLevelSpec {
  const { layout, width } = layoutOf(layoutArg);
  const narrow = layout === "narrow";
  return fitted(
    {
      $schema: "https://vega.github.io/schema/vega-lite/v6.json",
      description,
      title: { text: narrow ? titleLines(title, NARROW_TITLE) : title, subtitle },
      width: { print: 420, wide: 640, narrow: 250 }[layout],
      height: { print: 200, wide: 260, narrow: 220 }[layout],
      data: { values: bars },
      transform: [{ calculate: "datum.year + ': ' + datum.votes + ' ' + datum.group", as: "label" }],
      // A white edge between stacked segments: each meets the paper and its neighbours at ≥ 3:1.
      mark: { type: "bar", stroke: "#ffffff", strokeWidth: 0.75 },
      encoding: {
        // On a phone a year is its last two digits ('15): ten years side by side at 10 px.
        x: {
          field: "year",
          type: "ordinal",
          title: null,
          axis: { labelAngle: 0, grid: false, ...(narrow ? { labelExpr: "'’' + slice(datum.label, 2)" } : {}) },
        },
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
            labelLimit: narrow ? 280 : 220,
            columns: narrow ? 2 : width ? groups.length : 3,
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
    width,
  );
}

interface JudgementBar {
  pillar: string;
  judgement: string;
  indicators: number;
  /** The segment's place in its pillar's bar (0: the first, where a phone's chart writes the pillar's name). */
  order: number;
}

/** Per pillar, stacked counts of indicators that improved, completed, held, declined or cannot be compared. */
function judgementBarsSpec(
  title: string,
  subtitle: string,
  description: string,
  bars: JudgementBar[],
  pillars: string[],
  layoutArg: ChartLayoutArg = "print",
): TopLevelSpec {
  const { layout, width } = layoutOf(layoutArg);
  const narrow = layout === "narrow";
  // Completed is hatched as well as coloured (palette JUDGEMENT_HATCHED): told from improved without colour.
  const hatches: Hatches = {};
  const range = Object.entries(JUDGEMENT_COLOR).map(([judgement, colour]) =>
    (JUDGEMENT_HATCHED as readonly string[]).includes(judgement) ? hatchFill(hatches, judgement, colour) : colour,
  );
  const x = {
    field: "indicators",
    type: "quantitative",
    title: "indicators",
    stack: "zero",
    axis: { tickMinStep: 1, format: "d" },
  };
  const color = {
    field: "judgement",
    type: "nominal",
    title: null,
    scale: { domain: Object.keys(JUDGEMENT_COLOR), range },
    // Three to a row on paper: the legend starts under the bars, right of the pillar names, and must not run off.
    legend: { orient: "bottom", direction: "horizontal", symbolSize: 150, columns: narrow ? 2 : 3 },
  };
  const order = { field: "order", type: "quantitative" };
  const y = { field: "pillar", type: "nominal", sort: pillars, title: null };
  const frame = {
    $schema: "https://vega.github.io/schema/vega-lite/v6.json",
    description,
    title: narrow
      ? { text: titleLines(title, NARROW_TITLE), subtitle: titleLines(subtitle, NARROW_SUBTITLE) }
      : { text: title, subtitle },
    data: { values: bars },
    usermeta: { hatches },
  };
  // On a phone the pillar's name is written above its bar, across the chart's width, instead of beside it; a name
  // longer than NAME_LINE characters takes two lines (Vega draws an array as lines, the first one on the point).
  const NAME_LINE = 28;
  const lines = Object.fromEntries(pillars.map((p) => [p, titleLines(p, NAME_LINE)]));
  const name = (long: boolean) => ({
    transform: [
      { filter: `datum.order === 0 && length(datum.pillar) ${long ? ">" : "<="} ${NAME_LINE}` },
      { calculate: `${JSON.stringify(lines)}[datum.pillar]`, as: "name" },
    ],
    mark: { type: "text", align: "left", baseline: "middle", dy: long ? -17 : -5, fontSize: 11, color: TEXT.ink },
    encoding: { x: { datum: 0, type: "quantitative" }, text: { field: "name" } },
  });
  if (narrow)
    return {
      ...frame,
      width: 290,
      height: { step: 40 },
      encoding: { y: { ...y, axis: null } },
      layer: [
        {
          mark: { type: "bar", stroke: "#ffffff", strokeWidth: 0.75, height: 14, yOffset: 10 },
          encoding: { x, color, order },
        },
        name(false),
        name(true),
      ],
    } as TopLevelSpec;
  return fitted(
    {
      ...frame,
      width: layout === "wide" ? 480 : 330,
      // A fixed height at a given width: with a step height, Vega-Lite warns that it drops "fit-y" from fit-x.
      height: width ? 20 * pillars.length : { step: layout === "wide" ? 22 : 18 },
      mark: { type: "bar", stroke: "#ffffff", strokeWidth: 0.75 },
      encoding: { y: { ...y, axis: { labelLimit: 400 } }, x, color, order },
    } as TopLevelSpec,
    width,
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
  layout: ChartLayoutArg = "print",
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
    layout,
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
  layout: ChartLayoutArg = "print",
  disputed: DisputedPoint[] = [],
): Chart | null {
  const rows = trends.filter((r) => r.cycle === target);
  const isDisputed = (id: string, cycle: string) => disputed.some((d) => d.indicator_id === id && d.cycle === cycle);
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
          ...(isDisputed(h.indicator_id, h.cycle) ? { disputed: true } : {}),
        });
    }
  }
  if (!points.length) return null;
  const first = cycles[0]!;
  const title = `${code}. ${pillar}: indicator values by cycle`;
  const rising = rows.filter((r) => (r.change_since_first ?? 0) > 0).length;
  const falling = rows.filter((r) => (r.change_since_first ?? 0) < 0).length;
  const ringed = points.filter((p) => p.disputed).map((p) => `${p.indicator} in ${p.cycle} (${p.value})`);
  const description = `Small line charts of the ${rows.length} indicators of pillar ${code} from ${first} to ${target}, one per indicator: ${rising} are higher and ${falling} lower in ${target} than in ${first}; unmeasured cycles are gaps.${ringed.length ? ` Ringed, the disputed values: ${ringed.join(", ")}.` : ""}`;
  const key = `10 = ${first} … ${target.replace("MSP", "")} = ${target}`;
  // At the text width, two lines: on one, the subtitle would be wider than the panels and set the chart's width.
  const subtitle =
    typeof layout === "string"
      ? `One panel per LAP indicator, each on its own scale from zero; ${key}`
      : ["One panel per LAP indicator, each on its own scale from zero;", key];
  return { spec: pillarTrendSpec(title, subtitle, description, points, cycles, layout), title, description };
}

/**
 * Yes, abstain, no and non-voting Member States on the CCM resolution per year (view unga_resolution_votes), so a
 * fall in yes votes shows where the votes went (2024: most to non-voting). A total that was not published is left
 * out, and the description says which years lack one (none since the 2015-2024 per-country records).
 */
export function ungaVotesChart(unga: UngaRow[], layout: ChartLayoutArg = "print"): Chart {
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
    spec: votesSpec(title, "General Assembly plenary votes", description, bars, groups, "Vote", layout),
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
export function yesByStatusChart(rows: YesByStatusRow[], layout: ChartLayoutArg = "print"): Chart {
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
      layout,
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
export function membershipChart(rows: MembershipCountRow[], layout: ChartLayout = "print"): Chart {
  const statuses = [...new Map(rows.map((r) => [r.status, r])).values()].sort((a, b) => a.sort_order - b.sort_order);
  const latest = rows.filter((r) => r.as_of === rows.at(-1)!.as_of);
  const title = "CCM membership over time";
  const description = `Step lines of the number of States by status (${statuses.map((s) => s.status_plural).join("; ")}) on 31 December of each year from ${rows[0]!.as_of.slice(0, 4)}, and ${latest[0]!.label}: ${latest.map((r) => `${r.status_plural}: ${r.states}`).join("; ")}.`;
  const spec = {
    $schema: "https://vega.github.io/schema/vega-lite/v6.json",
    description,
    title: {
      text: title,
      subtitle:
        layout === "narrow"
          ? titleLines("States on 31 December of each year, and today", NARROW_SUBTITLE)
          : "States on 31 December of each year, and today",
    },
    width: { print: 560, wide: 640, narrow: 260 }[layout],
    height: { print: 240, wide: 260, narrow: 220 }[layout],
    data: { values: rows },
    mark: { type: "line", interpolate: "step-after", point: true, strokeWidth: 2 },
    encoding: {
      x: { field: "as_of", type: "temporal", title: null, axis: { format: "%Y", grid: false } },
      y: { field: "states", type: "quantitative", title: "States" },
      color: colourBy(
        "status_plural",
        statuses.map((s) => ({ name: s.status_plural, colour: colourOf(STATUS_COLOR, s.status) })),
        { orient: "bottom", direction: "horizontal", labelLimit: 220, ...(layout === "narrow" ? { columns: 1 } : {}) },
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

/** Europe's extent (longitude, latitude) for the map's inset: where the world map's States are too small to read. */
const EUROPE = {
  type: "Feature",
  geometry: {
    type: "MultiPoint",
    coordinates: [
      [-11, 35],
      [40, 35],
      [40, 70],
      [-11, 70],
    ],
  },
};

/**
 * World map of every State's CCM status on one day (view status_on_dates), with Europe drawn again, larger, below
 * it (at world scale its States are a few pixels wide). `rows` may hold several days: the param `as_of` picks the
 * one drawn, in both maps, so the site's date control re-draws this same spec in the browser.
 * Outlines: world-atlas countries-110m (Natural Earth), whose feature ids are UN M49 codes.
 */
export function statusMapChart(
  world: unknown,
  rows: StatusOnDateRow[],
  asOf: { as_of: string; label: string },
  layout: ChartLayout = "print",
): Chart {
  const shown = rows.filter((r) => r.as_of === asOf.as_of);
  const statuses = [...new Map(rows.map((r) => [r.status, r])).values()].sort((a, b) => a.sort_order - b.sort_order);
  const counts = statuses
    .map((s) => `${s.status_label}: ${shown.filter((r) => r.status === s.status).length}`)
    .join(", ");
  const title = `CCM status of every State, ${asOf.label}`;
  const description = `World map of Convention on Cluster Munitions status, ${asOf.label}, and Europe enlarged below it. ${counts}. Small States may not be drawn; the table lists every State.`;
  const narrow = layout === "narrow";
  // The outlines once, by name, for both maps and both lookups.
  const countries = { name: "world", format: { type: "topojson", feature: "countries" } };
  const layers = (europe: boolean) => [
    {
      data: { sphere: true },
      mark: { type: "geoshape", fill: BACKGROUND.page, stroke: LINE.axis, strokeWidth: 0.5, clip: europe },
    },
    // Land with no State in the database (territories): outline only.
    {
      data: countries,
      mark: { type: "geoshape", fill: BACKGROUND.alt, stroke: LINE.axis, strokeWidth: 0.3, clip: europe },
    },
    {
      data: { name: "status" },
      transform: [
        { filter: "datum.as_of === as_of && datum.m49 != null" },
        { lookup: "m49", from: { data: countries, key: "id" }, as: "geo" },
        { filter: "datum.geo != null" },
      ],
      mark: { type: "geoshape", stroke: "white", strokeWidth: europe ? 0.6 : 0.4, clip: europe },
      encoding: {
        shape: { field: "geo", type: "geojson" },
        color: colourBy(
          "status_label",
          statuses.map((s) => ({ name: s.status_label, colour: colourOf(STATUS_COLOR, s.status) })),
          { orient: "bottom", direction: "horizontal", columns: narrow ? 1 : 3, labelLimit: 220 },
        ),
        tooltip: [
          { field: "name_en", title: "State" },
          { field: "status_label", title: "Status" },
        ],
      },
    },
  ];
  const width = narrow ? 300 : 640;
  const europe = narrow ? { width: 300, height: 280 } : { width: 420, height: 360 };
  const spec = {
    $schema: "https://vega.github.io/schema/vega-lite/v6.json",
    description,
    params: [{ name: "as_of", value: asOf.as_of }],
    datasets: { status: rows, world },
    vconcat: [
      { width, height: narrow ? 180 : 330, projection: { type: "equalEarth" }, layer: layers(false) },
      {
        title: { text: "Europe", anchor: "start", fontSize: 12 },
        width: europe.width,
        height: europe.height,
        // Clipped while projecting, so the shapes outside the frame are not written into the SVG at all.
        projection: {
          type: "mercator",
          fit: EUROPE,
          clipExtent: [
            [0, 0],
            [europe.width, europe.height],
          ],
        },
        layer: layers(true),
      },
    ],
    spacing: 12,
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
  layout: ChartLayout = "print",
): Chart {
  const narrow = layout === "narrow";
  const shown = rows.filter((r) => r.resolution_id === choice.resolution);
  const votes = [...new Map(rows.map((r) => [r.vote, r])).values()].sort((a, b) => a.vote_order - b.vote_order);
  const groupLabel = choice.groupBy === "region" ? "region" : "CCM status at the vote";
  const title = `Votes on ${choice.resolution} (${choice.year}) by ${groupLabel}`;
  const description = `Stacked bars of the recorded votes on ${choice.resolution} by ${groupLabel}: ${votes.map((v) => `${shown.filter((r) => r.vote === v.vote).length} ${v.vote_label.toLowerCase()}`).join(", ")}.`;
  const spec = {
    $schema: "https://vega.github.io/schema/vega-lite/v6.json",
    description,
    width: narrow ? 160 : 560,
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
      y: { field: "group", type: "nominal", title: null, sort: "-x", axis: { labelLimit: narrow ? 180 : 260 } },
      x: { aggregate: "count", type: "quantitative", title: "States", axis: { tickMinStep: 1, format: "d" } },
      color: colourBy(
        "vote_label",
        votes.map((v) => ({ name: v.vote_label, colour: colourOf(VOTE_COLOR, v.vote) })),
        { orient: "bottom", direction: "horizontal", labelLimit: 220, ...(narrow ? { columns: 2 } : {}) },
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
