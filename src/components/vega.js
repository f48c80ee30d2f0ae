import embed from "npm:vega-embed";

// Render a Vega-Lite spec as SVG (so it prints and is inspectable), without the actions menu (it links to
// the online Vega editor). The spec's description becomes the chart's accessible name.
export function vegaChart(spec, {width}) {
  const div = document.createElement("div");
  div.className = "vega-chart";
  const full = {
    $schema: "https://vega.github.io/schema/vega-lite/v6.json",
    width: Math.max(240, width - 120),
    height: 260,
    config: {font: "system-ui, sans-serif", axis: {labelColor: "#24292f", titleColor: "#24292f"}, legend: {labelColor: "#24292f"}},
    ...spec
  };
  div.setAttribute("role", "figure");
  div.setAttribute("aria-label", spec.description ?? spec.title ?? "chart");
  embed(div, full, {actions: false, renderer: "svg", tooltip: true}).catch((error) => {
    div.textContent = `Chart failed to render: ${error.message}`;
    console.error(error);
  });
  return div;
}
