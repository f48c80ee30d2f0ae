/**
 * Every colour a chart uses, for the briefing and the site alike: one place to tune them (contrast, print).
 * Colours always come with a text label (legend, table, caption); they reinforce, never carry, the meaning.
 * A leaf module: it imports nothing.
 */

/** The line and points of an indicator's values across cycles. */
export const SERIES = "#1f4e79";

/** Text drawn inside a chart (value labels). */
export const CHART_TEXT = "#333";

/** Judgements of indicator_trends, readable in greyscale print as well (different lightness). */
export const JUDGEMENT_COLOURS: Record<string, string> = {
  improved: "#1b7837",
  completed: "#5aae61",
  held: "#8c8c8c",
  declined: "#b2182b",
  "not comparable": "#d9d9d9",
};

/** Votes on a UNGA resolution, by the vote code of unga_votes (Y, A, N, X). */
export const VOTE_COLOURS: Record<string, string> = {
  Y: "#1f4e79",
  A: "#9ecae1",
  N: "#b2182b",
  X: "#bdbdbd",
};

/** CCM statuses of state_status. */
export const STATUS_COLOURS: Record<string, string> = {
  state_party: "#1f4e79",
  deposited: "#6baed6",
  signatory: "#9ecae1",
  withdrawn: "#fdae6b",
  not_party: "#bdbdbd",
  unknown: "#e7d4a8",
};

/** Land with no State in the database (territories) and outlines on the map. */
export const MAP_BLANK = "#f6f8fa";
export const MAP_OUTLINE = "#8c959f";
