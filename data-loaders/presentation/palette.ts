// The one palette of ccm-trends: the site's CSS (style.css, checked by test/palette.test.ts), its chart
// definitions (charts.ts, drawn by the briefing and the site) and the briefing's HTML all take their colours here.
// The site's browser code reads it through style.css's custom properties (cssVariables below): Framework serves
// only modules under src/, and this module sits below both products so that neither imports the other.
// WCAG 2.1 AA: every text colour has at least 4.5:1 contrast on the page and the sidebar backgrounds; every
// colour of a mark or legend swatch at least 3:1 on white (1.4.11), so no series fades into the paper.
// Categories that sit side by side differ in lightness as well as hue (readable in greyscale and by most
// colour-blind readers); colour is never the only carrier: legends, labels and data tables say the same.

export const BACKGROUND = {
  page: "#ffffff",
  /** Sidebar and table stripes (Framework's --theme-background-alt). */
  alt: "#f6f6f6",
} as const;

/** Text: ≥ 4.5:1 on both backgrounds. */
export const TEXT = {
  ink: "#1b1e23",
  muted: "#545b64",
  link: "#0b57d0",
  accent: "#1f4e79",
  good: "#1a7f37",
  bad: "#b3261e",
} as const;

/** Lines, grid-free axes and decorative rules. Axis lines and ticks are marks (≥ 3:1); rules are decoration. */
export const LINE = {
  axis: "#767676",
  rule: "#d0d7de",
} as const;

/** The colour of a single series (a line and its points). */
export const SERIES = "#1f4e79";

export const STATUS_COLOR = {
  state_party: "#1f4e79",
  deposited: "#4393c3",
  signatory: "#b35806",
  withdrawn: "#c51b7d",
  not_party: "#8c8c8c",
  unknown: "#545b64",
} as const;

export const VOTE_COLOR = {
  Y: "#1f4e79",
  A: "#4393c3",
  N: "#b2182b",
  X: "#8c8c8c",
} as const;

export const JUDGEMENT_COLOR = {
  improved: "#2166ac",
  // Good news as well (the group is complete), but not an improvement: another hue (teal, not blue), and hatched in
  // every chart (JUDGEMENT_HATCHED), so it is told from improved without colour, in greyscale and by colour-blind readers.
  completed: "#01665e",
  held: "#767676",
  declined: "#b2182b",
  "not comparable": "#a6761d",
} as const;

/** Judgements drawn hatched (white diagonal stripes over their colour) rather than solid: texture, not only colour. */
export const JUDGEMENT_HATCHED: readonly (keyof typeof JUDGEMENT_COLOR)[] = ["completed"];

/** Every colour used for a mark or a legend swatch, by scale (for the contrast test). */
export const MARK_SCALES: Record<string, Record<string, string>> = {
  series: { series: SERIES },
  axis: { axis: LINE.axis },
  status: STATUS_COLOR,
  vote: VOTE_COLOR,
  judgement: JUDGEMENT_COLOR,
};

/** WCAG 2.1 relative luminance of a #rrggbb colour. */
export function relativeLuminance(hex: string): number {
  const m = /^#([0-9a-f]{2})([0-9a-f]{2})([0-9a-f]{2})$/i.exec(hex);
  if (!m) throw new Error(`not a #rrggbb colour: ${hex}`);
  const [r, g, b] = m.slice(1).map((h) => {
    const c = parseInt(h, 16) / 255;
    return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  }) as [number, number, number];
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

/** WCAG 2.1 contrast ratio of two colours (1 to 21). */
export function contrastRatio(a: string, b: string): number {
  const [hi, lo] = [relativeLuminance(a), relativeLuminance(b)].sort((x, y) => y - x) as [number, number];
  return (hi + 0.05) / (lo + 0.05);
}

/** The CSS custom properties style.css declares, `--ccm-<group>-<name>`, each with its palette value. */
export function cssVariables(): Record<string, string> {
  const vars: Record<string, string> = {};
  for (const [name, value] of Object.entries(TEXT)) vars[`--ccm-text-${name}`] = value;
  for (const [name, value] of Object.entries(LINE)) vars[`--ccm-line-${name}`] = value;
  for (const [name, value] of Object.entries(BACKGROUND)) vars[`--ccm-background-${name}`] = value;
  vars["--ccm-series"] = SERIES;
  for (const [code, value] of Object.entries(VOTE_COLOR)) vars[`--ccm-vote-${code}`] = value;
  return vars;
}
