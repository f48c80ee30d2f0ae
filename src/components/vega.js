// Re-draw a chart in the browser from its Vega-Lite spec (the one the page was pre-rendered from) with other
// values for its params, as SVG, without the actions menu (it links to the online Vega editor). The root <svg>
// gets role="img", an accessible name and aria-describedby pointing at its data table, like the inlined ones.
// Vega is loaded only then: a reader who keeps the default choice never downloads it.
export async function redrawChart(div, spec, values, {label, describedBy}) {
  const full = {...spec, params: (spec.params ?? []).map((p) => (p.name in values ? {...p, value: values[p.name]} : p))};
  try {
    const {default: embed} = await import("npm:vega-embed");
    await embed(div, full, {actions: false, renderer: "svg", tooltip: true});
    const svg = div.querySelector("svg");
    svg.setAttribute("role", "img");
    svg.setAttribute("aria-label", label);
    svg.removeAttribute("aria-roledescription");
    if (describedBy) svg.setAttribute("aria-describedby", describedBy);
  } catch (error) {
    div.textContent = `Chart failed to render: ${error.message}`;
    console.error(error);
  }
}
