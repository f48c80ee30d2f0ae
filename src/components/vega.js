import embed from "npm:vega-embed";
import {LINE, TEXT} from "./palette.js";

// Render a Vega-Lite spec as SVG (so it prints and is inspectable), without the actions menu (it links to
// the online Vega editor). The spec's description becomes the chart's accessible name.
export function vegaChart(spec, {width}) {
  const div = document.createElement("div");
  div.className = "vega-chart";
  const full = {
    $schema: "https://vega.github.io/schema/vega-lite/v6.json",
    width: Math.max(240, width - 120),
    height: 260,
    config: {font: "system-ui, sans-serif", axis: {labelColor: TEXT.ink, titleColor: TEXT.ink, domainColor: LINE.axis, tickColor: LINE.axis}, legend: {labelColor: TEXT.ink, titleColor: TEXT.ink}},
    ...spec
  };
  // One image with a name; tableAlternative(…, {chart}) points it to its data table.
  div.setAttribute("role", "img");
  div.setAttribute("aria-label", spec.description ?? spec.title ?? "chart");
  // vega-embed makes the wrapper a "graphics-document"; it stays one image, described by its data table.
  embed(div, full, {actions: false, renderer: "svg", tooltip: true}).then(() => div.setAttribute("role", "img")).catch((error) => {
    div.textContent = `Chart failed to render: ${error.message}`;
    console.error(error);
  });
  return div;
}
