/**
 * Charts as SVG, rendered in Node: Vega-Lite spec → vega-lite compile → vega View (renderer "none") → toSVG().
 * No browser, no network: data are inline and the font is a local one (DejaVu Sans from fonts-dejavu-core).
 * The briefing writes these SVGs next to its text; the site inlines them in its pages at build time.
 */
import * as vega from "vega";
import * as vl from "vega-lite";
import type { TopLevelSpec } from "vega-lite";

export const CHART_FONT = "DejaVu Sans";

const BASE_CONFIG = {
  font: CHART_FONT,
  background: "white",
  view: { stroke: null },
  axis: { labelFontSize: 10, titleFontSize: 10, titleFontWeight: "normal", grid: true, gridColor: "#e6e6e6", domainColor: "#888", tickColor: "#888" },
  legend: { labelFontSize: 10, titleFontSize: 10, titleFontWeight: "normal", symbolSize: 60 },
  title: { fontSize: 12, fontWeight: "bold", anchor: "start", offset: 10, subtitleFontSize: 10, subtitleColor: "#555" },
} as const;

/** The spec with the house style (font, axes, legends, titles); the site's browser re-renders use it too. */
export function withHouseStyle(spec: TopLevelSpec): TopLevelSpec {
  return { ...spec, config: { ...BASE_CONFIG, ...(spec.config ?? {}) } } as TopLevelSpec;
}

export interface SvgOptions {
  /** id of the element (the chart's data table) that describes the chart in full: aria-describedby. */
  describedBy?: string;
  /**
   * Round the coordinates of paths and translations to this many decimals (the site inlines its charts in the
   * page: the map's outlines shrink by about a third at one decimal, invisibly at screen resolution).
   */
  decimals?: number;
}

export async function renderSvg(spec: TopLevelSpec, options: SvgOptions = {}): Promise<string> {
  const compiled = vl.compile(withHouseStyle(spec)).spec;
  const view = new vega.View(vega.parse(compiled), { renderer: "none" });
  try {
    const svg = await view.toSVG();
    const rounded = options.decimals === undefined ? svg : roundCoordinates(svg, options.decimals);
    return accessible(rounded, spec.description ?? "", options.describedBy);
  } finally {
    view.finalize();
  }
}

function roundCoordinates(svg: string, decimals: number): string {
  const round = (n: string) => String(Number(Number(n).toFixed(decimals)));
  return svg.replace(/ (d|transform)="([^"]*)"/g, (_, name: string, value: string) => ` ${name}="${value.replace(/-?\d+\.\d+(?:e-?\d+)?/g, round)}"`);
}

function attribute(text: string): string {
  return text.replaceAll("&", "&amp;").replaceAll('"', "&quot;").replaceAll("<", "&lt;");
}

/** Give the root <svg> an image role and the chart's description, so screen readers get the text. */
function accessible(svg: string, description: string, describedBy: string | undefined): string {
  const described = describedBy ? ` aria-describedby="${attribute(describedBy)}"` : "";
  return svg.replace(/^<svg /, `<svg role="img" aria-label="${attribute(description)}"${described} `);
}
