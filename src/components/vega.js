// Re-draw a chart in the browser from its Vega-Lite spec (the one the page was pre-rendered from) with other
// values for its params, as SVG, without the actions menu (it links to the online Vega editor). Like the inlined
// ones, the chart is one image: the root <svg> gets role="img", a name, aria-describedby pointing at its data
// table and aria-details at the block that holds it; the labels Vega puts on marks are hidden.
// Vega is loaded only then: a reader who keeps the default choice never downloads it.
export async function redrawChart(div, spec, values, { label, describedBy, details }) {
  const full = {
    ...spec,
    params: (spec.params ?? []).map((p) => (p.name in values ? { ...p, value: values[p.name] } : p)),
  };
  try {
    const { default: embed } = await import("npm:vega-embed");
    await embed(div, full, { actions: false, renderer: "svg", tooltip: true });
    div.removeAttribute("role");
    const svg = div.querySelector("svg");
    for (const part of svg.querySelectorAll("[aria-label], [role]")) part.setAttribute("aria-hidden", "true");
    svg.setAttribute("role", "img");
    svg.setAttribute("aria-label", label);
    svg.removeAttribute("aria-roledescription");
    svg.removeAttribute("aria-hidden");
    if (describedBy) svg.setAttribute("aria-describedby", describedBy);
    if (details) svg.setAttribute("aria-details", details);
  } catch (error) {
    div.textContent = `Chart failed to render: ${error.message}`;
    console.error(error);
  }
}
