/**
 * Charts as SVG, rendered in Node: Vega-Lite spec → vega-lite compile → vega View (renderer "none") → toSVG().
 * No browser, no network: data are inline and the font is a local one (DejaVu Sans from fonts-dejavu-core).
 * The briefing writes these SVGs next to its text; the site inlines them in its pages at build time.
 */
import * as vega from "vega";
import * as vl from "vega-lite";
import type { TopLevelSpec } from "vega-lite";
import { withHatches, type Hatches } from "./hatch.ts";
import { LINE, TEXT } from "./palette.ts";

export const CHART_FONT = "DejaVu Sans";

const BASE_CONFIG = {
  font: CHART_FONT,
  background: "white",
  view: { stroke: null },
  axis: {
    labelFontSize: 10,
    titleFontSize: 10,
    titleFontWeight: "normal",
    grid: true,
    gridColor: "#e6e6e6",
    domainColor: LINE.axis,
    tickColor: LINE.axis,
    labelColor: TEXT.ink,
    titleColor: TEXT.ink,
  },
  legend: {
    labelFontSize: 10,
    titleFontSize: 10,
    titleFontWeight: "normal",
    symbolSize: 60,
    labelColor: TEXT.ink,
    titleColor: TEXT.ink,
  },
  title: {
    fontSize: 12,
    fontWeight: "bold",
    anchor: "start",
    offset: 10,
    color: TEXT.ink,
    subtitleFontSize: 10,
    subtitleColor: TEXT.muted,
  },
  header: { labelColor: TEXT.ink, titleColor: TEXT.ink },
} as const;

/** The spec with the house style (font, axes, legends, titles); the site's browser re-renders use it too. */
export function withHouseStyle(spec: TopLevelSpec): TopLevelSpec {
  return { ...spec, config: { ...BASE_CONFIG, ...(spec.config ?? {}) } } as TopLevelSpec;
}

export interface SvgOptions {
  /** id of the element (the chart's data table) that describes the chart in full: aria-describedby. */
  describedBy?: string;
  /** id of the chart's collapsible data table (`<details>`): aria-details, as the site's components do. */
  details?: string;
  /**
   * One image for assistive technology: the labels and roles Vega puts on marks, axes and legends are left out
   * (inside role="img" they would be ignored at best), so the chart is its name and its data table.
   */
  oneImage?: boolean;
  /**
   * Round the coordinates of paths and translations to this many decimals (the site inlines its charts in the
   * page: the map's outlines shrink by about a third at one decimal, invisibly at screen resolution).
   */
  decimals?: number;
}

/**
 * The SVGs drawn in this process, by spec and options: drawing is a pure function of the two (the same bytes each
 * time: briefing.test.ts), and the briefing draws the same charts each time it is written from the same database, as
 * the tests and the annual command (`briefing --all`) do; the briefing tests spent about a fifth of their CPU in Vega
 * before. The least recently used go first beyond CHART_CACHE_CHARS characters of SVG (about 64 MB).
 */
const drawn = new Map<string, string>();
const drawing = new Map<string, Promise<string>>();
const CHART_CACHE_CHARS = 32_000_000;
let drawnChars = 0;

/** How many SVGs this process keeps drawn, and their characters. */
export function drawnCharts(): { charts: number; chars: number } {
  return { charts: drawn.size, chars: drawnChars };
}

/** Forget every SVG drawn so far, so that the next renderSvg of each spec draws it again. */
export function forgetDrawnCharts(): void {
  drawn.clear();
  drawnChars = 0;
}

export function renderSvg(spec: TopLevelSpec, options: SvgOptions = {}): Promise<string> {
  const key = JSON.stringify([spec, options]);
  const known = drawn.get(key);
  if (known !== undefined) {
    // Most recently used last: Map keeps insertion order.
    drawn.delete(key);
    drawn.set(key, known);
    return Promise.resolve(known);
  }
  const pending = drawing.get(key);
  if (pending) return pending;
  const svg = draw(spec, options)
    .then((text) => {
      drawn.set(key, text);
      drawnChars += text.length;
      for (const [k, v] of drawn) {
        if (drawnChars <= CHART_CACHE_CHARS) break;
        drawn.delete(k);
        drawnChars -= v.length;
      }
      return text;
    })
    .finally(() => drawing.delete(key));
  drawing.set(key, svg);
  return svg;
}

async function draw(spec: TopLevelSpec, options: SvgOptions): Promise<string> {
  const compiled = vl.compile(withHouseStyle(spec)).spec;
  const view = new vega.View(vega.parse(compiled), { renderer: "none" });
  try {
    const hatches = (spec.usermeta as { hatches?: Hatches } | undefined)?.hatches;
    const svg = withHatches(await view.toSVG(), hatches);
    const rounded = options.decimals === undefined ? svg : roundCoordinates(svg, options.decimals);
    return accessible(options.oneImage ? withoutInnerAria(rounded) : rounded, spec.description ?? "", options);
  } finally {
    view.finalize();
  }
}

function roundCoordinates(svg: string, decimals: number): string {
  const round = (n: string) => String(Number(Number(n).toFixed(decimals)));
  return svg.replace(
    / (d|transform)="([^"]*)"/g,
    (_, name: string, value: string) => ` ${name}="${value.replace(/-?\d+\.\d+(?:e-?\d+)?/g, round)}"`,
  );
}

function attribute(text: string): string {
  return text.replaceAll("&", "&amp;").replaceAll('"', "&quot;").replaceAll("<", "&lt;");
}

/** The SVG without the ARIA attributes of its inner elements; the root <svg> keeps its own. */
export function withoutInnerAria(svg: string): string {
  const root = svg.indexOf(">") + 1;
  return (
    svg.slice(0, root) + svg.slice(root).replace(/ (?:role|aria-roledescription|aria-label|aria-hidden)="[^"]*"/g, "")
  );
}

/** Give the root <svg> an image role and the chart's description, so screen readers get the text. */
function accessible(svg: string, description: string, options: SvgOptions): string {
  const described = options.describedBy ? ` aria-describedby="${attribute(options.describedBy)}"` : "";
  const details = options.details ? ` aria-details="${attribute(options.details)}"` : "";
  return svg.replace(/^<svg /, `<svg role="img" aria-label="${attribute(description)}"${described}${details} `);
}
