/**
 * Charts drawn in Node (data-loaders/presentation/render.ts): the same spec and options give the same SVG, drawn
 * once per process and then read from its cache; other data or options are another chart; forgetting the cache
 * draws again, to the same bytes.
 */
import type { TopLevelSpec } from "vega-lite";
import { beforeEach, describe, expect, it } from "vitest";
import { drawnCharts, forgetDrawnCharts, renderSvg } from "../data-loaders/presentation/render.ts";

const bars = (values: number[]): TopLevelSpec => ({
  description: "Bars of a test",
  data: { values: values.map((v, i) => ({ cycle: `${10 + i}MSP`, value: v })) },
  mark: "bar",
  encoding: { x: { field: "cycle", type: "nominal" }, y: { field: "value", type: "quantitative" } },
  width: 200,
  height: 100,
});

describe("charts drawn in Node", () => {
  beforeEach(() => forgetDrawnCharts());

  it("draws a spec once: the same spec again is the same SVG, from the cache", async () => {
    const first = await renderSvg(bars([1, 2, 3]));
    expect(first).toMatch(/^<svg role="img" aria-label="Bars of a test"/);
    expect(drawnCharts().charts).toBe(1);
    // A spec built anew with the same content is the same chart.
    expect(await renderSvg(bars([1, 2, 3]))).toBe(first);
    expect(drawnCharts()).toEqual({ charts: 1, chars: first.length });
  });

  it("draws a spec asked for twice at once only once", async () => {
    const [a, b] = await Promise.all([renderSvg(bars([4, 5])), renderSvg(bars([4, 5]))]);
    expect(a).toBe(b);
    expect(drawnCharts().charts).toBe(1);
  });

  it("draws other data, or the same data with other options, as another chart", async () => {
    const plain = await renderSvg(bars([1, 2, 3]));
    const other = await renderSvg(bars([1, 2, 4]));
    const described = await renderSvg(bars([1, 2, 3]), { describedBy: "table-test" });
    expect(other).not.toBe(plain);
    expect(described).toContain('aria-describedby="table-test"');
    expect(plain).not.toContain("aria-describedby");
    expect(drawnCharts().charts).toBe(3);
  });

  it("draws again after the cache is forgotten, to the same bytes", async () => {
    const first = await renderSvg(bars([7, 8, 9]));
    forgetDrawnCharts();
    expect(drawnCharts()).toEqual({ charts: 0, chars: 0 });
    expect(await renderSvg(bars([7, 8, 9]))).toBe(first);
    expect(drawnCharts().charts).toBe(1);
  });

  it("keeps nothing of a spec that fails to draw", async () => {
    const broken = { ...bars([1]), mark: "no-such-mark" } as unknown as TopLevelSpec;
    await expect(renderSvg(broken)).rejects.toThrow();
    expect(drawnCharts().charts).toBe(0);
    await expect(renderSvg(broken)).rejects.toThrow();
  });
});
