/**
 * Sentence and clause boundaries of the report's prose, and the words that say what a finding counts
 * ("States Parties that contributed to the 2024 budget of the Implementation Support Unit (ISU)").
 */
import type { Candidate } from "./count-phrases.ts";
import type { Finding } from "./types.ts";

export function wordCount(s: string): number {
  return s.trim() === "" ? 0 : s.trim().split(/\s+/).length;
}

/** The sentence of `text` around offset `at` (a period followed by a capital ends a sentence; "3.6" does not). */
export function sentenceAt(text: string, at: number): string {
  const ends = [...text.matchAll(/[.!?](?=\s+[A-Z(])/g)].map((m) => m.index! + 1);
  let from = 0;
  let to = text.length;
  for (const e of ends) {
    if (e <= at) from = e;
    else {
      to = e;
      break;
    }
  }
  return text.slice(from, to).trim();
}

/** The end of the clause that starts at `from` (for the predicate of a finding). */
export function clauseEnd(text: string, from: number): number {
  const rest = text.slice(from);
  const m =
    /[;:]|\.(?=\s|$)|,\s+(?:while|including|of which|whilst|meaning|thereby|only|most|many|some|several)\b|\s+whilst\b|,\s+(?:and|but)\s+(?=[a-z]+\s)|\s+(?:while|whilst)\s+(?=[a-z]+\s+\()/.exec(
      rest,
    );
  return m ? from + m.index : text.length;
}

export function matchParen(text: string, open: number): number {
  let depth = 0;
  for (let i = open; i < text.length; i++) {
    if (text[i] === "(") depth++;
    else if (text[i] === ")") {
      depth--;
      if (depth === 0) return i;
    }
  }
  return -1;
}

/** "States Parties that contributed to the 2024 budget …": what a finding counts, in words. */
export function describeCounted(
  c: Candidate,
  predicate: string,
  parent: Finding | undefined,
  subset: boolean,
  parentNoun: string | undefined,
  leadClause: string,
): string {
  const pred = predicate.replace(/[.;,]+$/, "").trim();
  // The count is the object of the clause ("extension requests submitted by three States Parties (…) were
  // granted", "support from 24 States Parties"): quote the clause around it rather than invent a subject.
  if (
    c.kind === "anchor" &&
    /\b(?:by|from|of|to|with|among|for)\s*$/i.test(leadClause) &&
    !/\b(?:out|total|number) of\s*$/i.test(leadClause)
  ) {
    return `${c.nounPhrase}: “${leadClause} […]${pred ? ` ${pred}` : ""}”`;
  }
  if (c.kind === "bare" && !c.nounPhrase) {
    if (parent && subset) return pred ? `${parent.counted}: of these, those that ${pred}` : parent.counted;
    return join(parentNoun ?? "States", "", pred);
  }
  return join(c.nounPhrase, c.gap ?? "", pred);
}

function join(noun: string, gap: string, pred: string): string {
  let out = noun;
  for (const part of [gap, pred]) {
    if (!part) continue;
    // "States Parties' extension requests …", "States voting in favour", "States Parties with …", "… that requested"
    const direct =
      /['’]$/.test(out) ||
      /^(?:that|which|who|whose|with|for|from|in|under|not|during|to|at|on|by|since|of|as|whilst|while)\b/i.test(
        part,
      ) ||
      /^[a-z]+ing\b/.test(part) ||
      /^\(/.test(part);
    out = direct ? `${out} ${part}` : `${out} that ${part}`;
  }
  return out;
}
