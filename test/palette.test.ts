/**
 * The one palette (data-loaders/presentation/palette.ts) meets WCAG 2.1 AA contrast, and the site's stylesheet and the
 * briefing's charts use it: text ≥ 4.5:1 on the page and sidebar backgrounds, marks and legend swatches ≥ 3:1
 * on white, style.css declaring exactly the palette's values.
 */
import { readFileSync, readdirSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { BACKGROUND, MARK_SCALES, TEXT, contrastRatio, cssVariables } from "../data-loaders/presentation/palette.ts";

const ROOT = join(import.meta.dirname, "..");

describe("contrast arithmetic", () => {
  it("gives WCAG's reference ratios", () => {
    expect(contrastRatio("#000000", "#ffffff")).toBeCloseTo(21, 5);
    expect(contrastRatio("#ffffff", "#ffffff")).toBe(1);
    // #767676 is the well-known lightest grey with 4.5:1 on white; #777777 just misses it.
    expect(contrastRatio("#767676", "#ffffff")).toBeGreaterThanOrEqual(4.5);
    expect(contrastRatio("#777777", "#ffffff")).toBeLessThan(4.5);
  });
});

describe("the palette", () => {
  for (const [name, colour] of Object.entries(TEXT)) {
    it(`text colour ${name} (${colour}) has ≥ 4.5:1 on the page and sidebar backgrounds`, () => {
      for (const bg of Object.values(BACKGROUND))
        expect(contrastRatio(colour, bg), `${colour} on ${bg}`).toBeGreaterThanOrEqual(4.5);
    });
  }

  for (const [scale, colours] of Object.entries(MARK_SCALES)) {
    it(`marks of the ${scale} scale have ≥ 3:1 on white and are told apart`, () => {
      for (const [name, colour] of Object.entries(colours))
        expect(contrastRatio(colour, BACKGROUND.page), `${scale}.${name} ${colour}`).toBeGreaterThanOrEqual(3);
      expect(new Set(Object.values(colours)).size).toBe(Object.keys(colours).length);
    });
  }

  it("style.css declares every palette variable with the palette's value and hard-codes no other colour", () => {
    const css = readFileSync(join(ROOT, "src", "style.css"), "utf8");
    const declared = Object.fromEntries(
      [...css.matchAll(/(--ccm-[\w-]+):\s*(#[0-9a-f]{6});/gi)].map((m) => [m[1], m[2]!.toLowerCase()]),
    );
    expect(declared).toEqual(cssVariables());
    const elsewhere = css.replace(/--ccm-[\w-]+:\s*#[0-9a-f]{6};/gi, "").match(/#[0-9a-f]{6}\b/gi) ?? [];
    expect(elsewhere.filter((c) => c.toLowerCase() !== "#ffffff")).toEqual([]);
  });

  it("the site's chart components and the briefing take their colours from the palette, not from literals", () => {
    const files = [
      ...readdirSync(join(ROOT, "src", "components"))
        .filter((f) => f.endsWith(".js"))
        .map((f) => join(ROOT, "src", "components", f)),
      join(ROOT, "src", "states", "[iso3].md.ts"),
      join(ROOT, "data-loaders", "presentation", "charts.ts"),
      join(ROOT, "data-loaders", "presentation", "render.ts"),
      join(ROOT, "data-loaders", "briefing", "universalization.ts"),
    ];
    // White (paper and edges between segments) and the map's fill for territories without a State are not
    // palette colours: they are the background, not information.
    const allowed = new Set(["#ffffff", "#f6f8fa", "#e6e6e6"]);
    const literals = files.flatMap((f) =>
      (readFileSync(f, "utf8").match(/#[0-9a-f]{6}\b/gi) ?? [])
        .filter((c) => !allowed.has(c.toLowerCase()))
        .map((c) => `${f}: ${c}`),
    );
    expect(literals).toEqual([]);
  });
});
