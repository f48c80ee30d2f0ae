import * as Plot from "npm:@observablehq/plot";
import * as d3 from "npm:d3";
import {POLARITY_LABEL, changeBadge, formatNumber} from "./format.js";
import {SERIES, TEXT} from "./palette.js";
import {tableAlternative} from "./table.js";

// Small multiples: one line chart per indicator across the reporting cycles, captioned with the indicator's
// direction (higher/lower is better) and the change from the previous cycle in words.
export function indicatorMultiples(values, {indicators, cycles, width}) {
  const grid = document.createElement("div");
  grid.className = "multiples";
  const cycleOrder = cycles.map((c) => c.cycle);
  const cellWidth = Math.max(240, Math.min(360, Math.floor(width / Math.max(1, Math.floor(width / 280))) - 24));
  for (const ind of indicators) {
    const series = values.filter((v) => v.indicator_id === ind.indicator_id).sort((a, b) => a.ordinal - b.ordinal);
    const measured = series.filter((v) => v.value != null);
    const last = measured.at(-1);
    const previous = measured.at(-2);
    const delta = last && previous ? last.value - previous.value : null;
    const figure = document.createElement("figure");
    figure.id = `indicator-${ind.indicator_id}`;
    const description = `Indicator ${ind.indicator_id}: ${ind.text}. ${series.map((v) => `${v.cycle}: ${v.value == null ? "not measured" : formatNumber(v.value)}`).join("; ")}.`;
    // Counts are whole numbers: integer ticks only, and a visible axis even when every value is 0.
    const max = Math.max(1, ...measured.map((v) => v.value));
    const ticks = d3.ticks(0, max, 4).filter(Number.isInteger);
    const chart = Plot.plot({
      width: cellWidth,
      height: 160,
      marginLeft: 48,
      marginTop: 28,
      ariaLabel: `Indicator ${ind.indicator_id} across cycles`,
      ariaDescription: description,
      x: {domain: cycleOrder, label: null, type: "point", padding: 0.3},
      y: {grid: true, label: ind.unit ?? null, domain: [0, max * 1.1], ticks, tickFormat: (d) => formatNumber(d)},
      marks: [
        Plot.line(measured, {x: "cycle", y: "value", stroke: SERIES, strokeWidth: 2}),
        Plot.dot(measured, {x: "cycle", y: "value", fill: SERIES, r: 3.5, title: (d) => `${d.cycle}: ${d.as_printed ?? d.value} (${d.source_ref})`}),
        Plot.text(measured, {x: "cycle", y: "value", text: (d) => formatNumber(d.value), dy: -10, fontSize: 11, fill: TEXT.ink})
      ]
    });
    const caption = document.createElement("figcaption");
    const title = document.createElement("strong");
    title.textContent = `${ind.indicator_id} `;
    caption.append(title, ind.text, document.createElement("br"));
    const meta = document.createElement("span");
    meta.className = "muted";
    meta.textContent = `${POLARITY_LABEL[ind.polarity] ?? ind.polarity} · change since previous cycle: `;
    caption.append(meta, changeBadge(delta, last?.judgement, last?.judgement_reason));
    const source = document.createElement("div");
    source.className = "source";
    source.textContent = `Source: ${ind.source_ref}`;
    caption.append(source);
    figure.append(caption, chart, tableAlternative(series, {
      caption: `indicator ${ind.indicator_id}`,
      chart,
      columns: [
        {key: "cycle", label: "Cycle"},
        {key: "value", label: "Value", numeric: true, format: formatNumber},
        {key: "as_printed", label: "As printed"},
        {key: "source_ref", label: "Source"}
      ]
    }));
    grid.append(figure);
  }
  return grid;
}
