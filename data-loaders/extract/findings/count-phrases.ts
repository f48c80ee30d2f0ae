/**
 * The grammar of a count phrase in the progress reports' prose: "<number> [(07)] [of the twelve | of these]
 * [qualifiers] <noun>" ("Seventy States Parties", "Two (02) of seven (07) States Parties", "Nine of these
 * affected States", "Seventeen (17) States not yet party to the CCM"), a bare number before a list
 * ("only eight (…)") or before a verb ("of which eight have …").
 */
import { NUMBER_SOURCE } from "../../presentation/number-words.ts";
import type { NamedAs } from "./types.ts";

export const NUM = NUMBER_SOURCE;
// Words that end a qualifier run: a count phrase is "<number> [qualifiers] <noun>", and a preposition,
// article or verb in between means the number counts something else ("179 million submunitions destroyed by States Parties").
const STOP =
  "(?:by|to|from|in|of|for|on|at|with|that|which|who|the|a|an|were|was|is|are|have|has|had|did|been|be|not|their|its|these|those|this|such|all|only|while|including|during|and/or)";
const QUAL = `(?:(?!${STOP}\\b)[a-z][a-z'’-]*\\s+){0,5}?`;
// "to the CCM"/"to the Convention" belongs to the noun ("States not yet party to the CCM").
export const NOUN =
  "(?:(?:States?\\s+not(?:\\s+yet)?\\s+part(?:y|ies)|States?\\s+Part(?:y|ies)['’]?)(?:\\s+to\\s+the\\s+(?:CCM|Convention)\\b)?|signatories|(?:annual\\s+|initial\\s+)?reports|(?:extension\\s+)?requests|States|State)";
const NOT_AFTER = "(?<![\\w.,/\\-\\u2010\\u2011])(?<!Articles?\\s)(?<!Action\\s)(?<!Form\\s)";
export const ANCHOR = new RegExp(
  `${NOT_AFTER}(?<all>all\\s+)?(?<num>${NUM}|several)(?:\\s*\\((?<echo>\\d+)\\))?(?<of>\\s+of(?:\\s+the|\\s+(?<these>these))?(?:\\s+expected)?(?:\\s+(?<whole>${NUM})(?:\\s*\\(\\d+\\))?)?)?\\s+(?<qual>${QUAL})(?<noun>${NOUN})(?![\\w])`,
  "giu",
);
export const BARE_LIST = new RegExp(`${NOT_AFTER}(?<num>${NUM})\\s*(?=\\((?!\\d))`, "giu");
export const BARE_VERB = new RegExp(
  `(?<lead>\\bof which\\s+|\\bOf these,\\s*|,\\s+)(?<num>${NUM})\\s+(?=(?:are|have|has|had|did|were|was)\\b)`,
  "giu",
);

/** A count phrase found in a segment, before its list is read. */
export interface Candidate {
  start: number;
  end: number;
  count: number | null;
  echo: number | null;
  ofCount: number | null;
  ofThese: boolean;
  nounPhrase: string;
  kind: "anchor" | "bare";
  lead: string;
  /** The text between the noun and the list ("with cluster munition contamination"). */
  gap?: string;
}

/** What a noun calls the States it counts. */
export function namedAsOf(noun: string): NamedAs {
  const n = noun.toLowerCase();
  if (/not(\s+yet)?\s+part/.test(n)) return "not_party";
  if (/part(y|ies)/.test(n)) return "state_party";
  if (n.includes("signator")) return "signatory";
  if (n.includes("report")) return "report";
  if (n.includes("request")) return "request";
  return "state";
}
