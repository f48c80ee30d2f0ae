/**
 * Charts as SVG, rendered in Node: Vega-Lite spec → vega-lite compile → vega View (renderer "none") → toSVG().
 * No browser, no network: data are inline and the font is a local one (DejaVu Sans from fonts-dejavu-core).
 */
import * as vega from "vega";
import * as vl from "vega-lite";
import type { TopLevelSpec } from "vega-lite";
import { JUDGEMENT_COLOR, LINE, SERIES, TEXT } from "../../src/components/palette.ts";

export const CHART_FONT = "DejaVu Sans";

/** Colours for judgements, from the palette: ≥ 3:1 on white, different in lightness as well as hue. */
export const JUDGEMENT_COLOURS: Record<string, string> = JUDGEMENT_COLOR;

const BASE_CONFIG = {
  font: CHART_FONT,
  background: "white",
  view: { stroke: null },
  axis: { labelFontSize: 10, titleFontSize: 10, titleFontWeight: "normal", grid: true, gridColor: "#e6e6e6", domainColor: LINE.axis, tickColor: LINE.axis, labelColor: TEXT.ink, titleColor: TEXT.ink },
  legend: { labelFontSize: 10, titleFontSize: 10, titleFontWeight: "normal", symbolSize: 60, labelColor: TEXT.ink, titleColor: TEXT.ink },
  title: { fontSize: 12, fontWeight: "bold", anchor: "start", offset: 10, color: TEXT.ink, subtitleFontSize: 10, subtitleColor: TEXT.muted },
  header: { labelColor: TEXT.ink, titleColor: TEXT.ink },
} as const;

export async function renderSvg(spec: TopLevelSpec): Promise<string> {
  const withConfig = { ...spec, config: { ...BASE_CONFIG, ...(spec.config ?? {}) } } as TopLevelSpec;
  const compiled = vl.compile(withConfig).spec;
  const view = new vega.View(vega.parse(compiled), { renderer: "none" });
  try {
    const svg = await view.toSVG();
    return accessible(svg, spec.description ?? "");
  } finally {
    view.finalize();
  }
}

/** Give the root <svg> an image role and the chart's description, so screen readers get the text. */
function accessible(svg: string, description: string): string {
  const escaped = description.replaceAll("&", "&amp;").replaceAll('"', "&quot;").replaceAll("<", "&lt;");
  return svg.replace(/^<svg /, `<svg role="img" aria-label="${escaped}" `);
}

export interface IndicatorPoint {
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
export function pillarTrendSpec(title: string, subtitle: string, description: string, points: IndicatorPoint[], cycles: string[]): TopLevelSpec {
  const indicators = points.map((p) => p.indicator).filter((l, i, a) => a.indexOf(l) === i);
  return {
    $schema: "https://vega.github.io/schema/vega-lite/v6.json",
    description,
    title: { text: title, subtitle },
    data: { values: points },
    facet: { field: "indicator", type: "nominal", sort: indicators, title: null, header: { labelFontSize: 9, labelFontWeight: "bold", labelPadding: 2 } },
    columns: 5,
    spacing: { row: 14, column: 16 },
    spec: {
      width: 86,
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
        x: { field: "cycle", type: "ordinal", sort: cycles, title: null, axis: { labelAngle: 0, labelFontSize: 7, labelExpr: "replace(datum.label, 'MSP', '')", grid: false, ticks: false } },
        y: { field: "value", type: "quantitative", title: null, scale: { zero: true, nice: true }, axis: { labels: false, ticks: false, grid: true, tickCount: 3, domain: false } },
      },
    },
    resolve: { scale: { y: "independent" } },
  } as TopLevelSpec;
}

export interface VoteBar {
  year: number;
  group: string;
  votes: number;
}

/** Stacked bars of votes per year (e.g. yes / no / abstain, or yes by CCM status). */
export function votesSpec(title: string, subtitle: string, description: string, bars: VoteBar[], groups: { name: string; colour: string }[]): TopLevelSpec {
  return {
    $schema: "https://vega.github.io/schema/vega-lite/v6.json",
    description,
    title: { text: title, subtitle },
    width: 420,
    height: 200,
    data: { values: bars },
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
        legend: { orient: "bottom", direction: "horizontal", labelLimit: 220, columns: 3 },
      },
      order: { field: "groupOrder", type: "quantitative" },
    },
  } as TopLevelSpec;
}

export interface JudgementBar {
  pillar: string;
  judgement: string;
  indicators: number;
  order: number;
}

/** Per pillar, stacked counts of indicators that improved, completed, held, declined or cannot be compared. */
export function judgementBarsSpec(title: string, subtitle: string, description: string, bars: JudgementBar[], pillars: string[]): TopLevelSpec {
  return {
    $schema: "https://vega.github.io/schema/vega-lite/v6.json",
    description,
    title: { text: title, subtitle },
    width: 330,
    height: { step: 18 },
    data: { values: bars },
    mark: { type: "bar", stroke: "#ffffff", strokeWidth: 0.75 },
    encoding: {
      y: { field: "pillar", type: "nominal", sort: pillars, title: null, axis: { labelLimit: 400 } },
      x: { field: "indicators", type: "quantitative", title: "indicators", stack: "zero", axis: { tickMinStep: 1, format: "d" } },
      color: {
        field: "judgement",
        type: "nominal",
        title: null,
        scale: { domain: Object.keys(JUDGEMENT_COLOURS), range: Object.values(JUDGEMENT_COLOURS) },
        legend: { orient: "bottom", direction: "horizontal" },
      },
      order: { field: "order", type: "quantitative" },
    },
  } as TopLevelSpec;
}
