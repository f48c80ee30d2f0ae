/**
 * Hatched fills for chart marks, so a category is told apart by texture as well as colour. Vega draws a fill
 * that is a `url(#id)` reference as given; render.ts writes the patterns themselves into the SVG (from the
 * spec's usermeta.hatches) and makes their ids unique to the chart, so two charts on one page never share one.
 */
import { BACKGROUND } from "./palette.ts";

/** Pattern id → the colour under the stripes. */
export type Hatches = Record<string, string>;

const PREFIX = "ccm-hatch-";

/** Record a hatch of `colour` under `name` and return the fill that draws it. */
export function hatchFill(hatches: Hatches, name: string, colour: string): string {
  const id = `${PREFIX}${name.replace(/[^a-z0-9]+/gi, "-")}`;
  hatches[id] = colour;
  return `url(#${id})`;
}

/** FNV-1a of a string, as 8 hex digits: the same chart gets the same ids on every build. */
function digest(s: string): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 0x01000193) >>> 0;
  return h.toString(16).padStart(8, "0");
}

/** The SVG with the patterns its marks refer to, each id suffixed with a digest of the chart. */
export function withHatches(svg: string, hatches: Hatches | undefined): string {
  const ids = Object.keys(hatches ?? {});
  if (!ids.length) return svg;
  const suffix = digest(svg);
  const patterns = ids.map(
    (id) =>
      `<pattern id="${id}-${suffix}" patternUnits="userSpaceOnUse" width="6" height="6" patternTransform="rotate(45)">` +
      `<rect width="6" height="6" fill="${hatches![id]}"/><rect width="2.2" height="6" fill="${BACKGROUND.page}"/></pattern>`,
  );
  const root = svg.indexOf(">") + 1;
  const body = ids.reduce((s, id) => s.replaceAll(`url(#${id})`, `url(#${id}-${suffix})`), svg.slice(root));
  return `${svg.slice(0, root)}<defs>${patterns.join("")}</defs>${body}`;
}
