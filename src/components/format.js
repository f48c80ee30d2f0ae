// Shared labels, colours and formats. Colours are paired with text (labels, legends, tables) everywhere; they
// come from the one palette (palette.ts), shared with the briefing's charts.
export {STATUS_COLOR, VOTE_COLOR} from "./palette.js";
export const STATUS_LABEL = {
  state_party: "State Party",
  signatory: "Signatory",
  deposited: "Ratified, not yet in force",
  withdrawn: "Withdrawn",
  not_party: "Not party"
};
export const STATUS_ORDER = ["state_party", "deposited", "signatory", "withdrawn", "not_party"];
export const VOTE_LABEL = {Y: "Yes", N: "No", A: "Abstain", X: "Non-voting"};
export const VOTE_ORDER = ["Y", "A", "N", "X"];
export const POLARITY_LABEL = {
  higher_is_better: "↑ higher is better",
  lower_is_better: "↓ lower is better",
  neutral: "no good or bad direction"
};

export const formatNumber = (n) => (n == null || Number.isNaN(n) ? "—" : new Intl.NumberFormat("en-GB").format(n));

/** Status of a State on a date (YYYY-MM-DD) from its status periods: valid_from ≤ d < valid_to. */
export function statusOn(periods, date) {
  for (const p of periods) {
    if ((p.valid_from == null || p.valid_from <= date) && (p.valid_to == null || date < p.valid_to)) return p.status;
  }
  return "not_party";
}

/**
 * A span such as "▲ +3 (improved)": arrow, signed number and the judgement of view indicator_trends (improved,
 * declined, held, completed, not comparable), colour only as a reinforcement; its reason is the tooltip. The site
 * does not judge a change itself.
 */
export function changeBadge(delta, judgement, reason) {
  const span = document.createElement("span");
  if (delta == null || judgement == null) {
    span.textContent = "—";
    return span;
  }
  const arrow = delta > 0 ? "▲" : delta < 0 ? "▼" : "■";
  span.className = judgement === "improved" || judgement === "completed" ? "dir-good" : judgement === "declined" ? "dir-bad" : "dir-neutral";
  span.textContent = `${arrow} ${delta > 0 ? "+" : ""}${formatNumber(delta)} (${judgement})`;
  if (reason) span.title = reason;
  return span;
}

/** A source reference: a link when it is a URL, plain text otherwise (a table or paragraph of the report). */
export function sourceLink(ref, label) {
  if (ref == null || ref === "") return document.createTextNode("—");
  if (/^https?:\/\//.test(ref)) {
    const a = document.createElement("a");
    a.href = ref;
    a.textContent = label ?? ref.replace(/^https?:\/\//, "");
    return a;
  }
  return document.createTextNode(String(ref));
}
