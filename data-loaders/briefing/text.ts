/**
 * Sentences in the progress report's own style, generated from indicator rows: the count in words and
 * figures, then what is counted, then the comparison ("Seventy (70) States Parties contribute to the
 * Implementation Support Unit (ISU) budget in the 13MSP cycle, up from fifty-nine (59) in 12MSP.").
 */
import { capitalize, formatThousands, proseNumber } from "../presentation/number-words.ts";
import { num, shownText, type Inline } from "./model.ts";
import type { TrendRow } from "../lib/view-rows.ts";

/** The indicator text up to the end of its first sentence ("… Article 3.6. These measures …" → "… Article 3.6"). */
export function firstSentence(text: string): string {
  const cut = text.search(/\.\s+(?=[A-Z(])/);
  return (cut >= 0 ? text.slice(0, cut) : text).replace(/[.;:\s]+$/, "").trim();
}

/** Spell out the report's abbreviations and turn the indicator's subject into running text. */
export function subjectPhrase(text: string): string {
  let s = firstSentence(text).replace(/^States Parties \(SPs\) /, "SPs ");
  const rules: [RegExp, string][] = [
    [/^Affected SPs that /, "affected States Parties "],
    [/^Affected SPs /, "affected States Parties "],
    [/^Donor SPs that /, "donor States Parties "],
    [/^Donor SPs /, "donor States Parties "],
    [/^New SPs /, "new States Parties "],
    [/^SPs that /, "States Parties "],
    [/^SP delegations/, "State Party delegations"],
    [/^States not party that /, "States not party "],
  ];
  let matched = false;
  for (const [re, to] of rules) {
    if (re.test(s)) {
      s = s.replace(re, to);
      matched = true;
      break;
    }
  }
  s = s
    .replace(/\bSPs'/g, "States Parties'")
    .replace(/\bSPs\b/g, "States Parties")
    .replace(/\bSP\b/g, "State Party");
  // Lower-case a leading common noun ("Confirmed cases" → "confirmed cases"), never a proper name or acronym.
  if (!matched && /^[A-Z][a-z]/.test(s) && !/^(States|Article|Convention)\b/.test(s))
    s = s.charAt(0).toLowerCase() + s.slice(1);
  return s;
}

const SINGULAR: [RegExp, string][] = [
  [/\bStates Parties(?!')/, "State Party"],
  [/\bStates not party\b/, "State not party"],
  [/\bStates\b/, "State"],
  [/\bcases\b/, "case"],
  [/\brequests\b/, "request"],
  [/\bmeetings\b/, "meeting"],
  [/\bdelegations\b/, "delegation"],
  [/\bwomen\b/i, "woman"],
];
const VERB_SINGULAR: Record<string, string> = {
  report: "reports",
  contribute: "contributes",
  pay: "pays",
  have: "has",
  include: "includes",
  are: "are",
  take: "takes",
};

/** Grammatical number: "One (01) State Party contributes …" but "Two (02) States Parties contribute …". */
export function agree(phrase: string, n: number): string {
  if (n !== 1) return phrase;
  for (const [re, to] of SINGULAR) {
    const m = re.exec(phrase);
    if (!m) continue;
    const after = phrase.slice(m.index + m[0].length);
    const verb = /^ (\w+)/.exec(after);
    let rest = after;
    if (verb && VERB_SINGULAR[verb[1]!] && verb[1] !== "are")
      rest = ` ${VERB_SINGULAR[verb[1]!]}${after.slice(verb[0].length)}`;
    else if (verb && verb[1] === "are") rest = ` is${after.slice(verb[0].length)}`;
    return phrase.slice(0, m.index) + to + rest;
  }
  return phrase;
}

/** A long indicator phrase is cut at its first comma after the main clause, so a summary line stays readable. */
export function shorten(phrase: string, max = 120): string {
  if (phrase.length <= max) return phrase;
  const comma = phrase.indexOf(", ", 40);
  return comma > 0 && comma <= max ? phrase.slice(0, comma) : phrase;
}

const ORDINALS = ["", "first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth", "tenth"];

export function ordinalWord(n: number): string {
  return ORDINALS[n] ?? `${n}th`;
}

export interface SentenceRow {
  text: string;
  value: number | null;
  value_secondary: number | null;
  measure?: string | null;
  secondary_measure: string | null;
  secondary_change_since_previous?: number | null;
  secondary_streak?: number | null;
  previous_cycle: string | null;
  previous_value: number | null;
  direction: string;
  streak: number | null;
  record_to_date: string | null;
  /** Cycles up to this one with a value; a record is "of the cycles measured", never of cycles without a value. */
  measured_to_date?: number;
  /** The view's judgement: a 'completed' fall is said as completion, never as a record low. */
  judgement?: string;
  completion_group_label?: string | null;
  completion_source?: string | null;
  /** What the cycle's value refers to when it is not the reporting period (a meeting held during it). */
  cycle_note?: string | null;
  cycle: string;
  first_cycle: string;
  first_value: number | null;
  change_since_first: number | null;
}

/** "Seventy (70) States Parties contribute to … in the 13MSP cycle, up from fifty-nine (59) in 12MSP, the highest since 10MSP" (no full stop). */
export function indicatorSentence(r: SentenceRow, cyclesToDate: number, options: { sayCycle?: boolean } = {}): string {
  return indicatorPieces(r, cyclesToDate, options).map(shownText).join("");
}

/**
 * The same sentence as inline pieces. Given `ref` (the indicator, and its cycle when not the briefing's), every
 * number, cycle name and record span is a reference ({value 9.2}, {trend 9.2 previous_value}, …) whose text is
 * what this function would write, so the analyst's source and the draft say the same.
 */
export function indicatorPieces(
  r: SentenceRow,
  cyclesToDate: number,
  options: { sayCycle?: boolean } = {},
  ref?: { id: string; cycle: string | null },
): Inline[] {
  const at = ref?.cycle ? ` ${ref.cycle}` : "";
  const n = (kind: string, text: string): Inline => (ref ? num(kind) : text);
  const trend = (field: string, text: string, style = "") =>
    n(`trend ${ref?.id} ${field}${at}${style ? `|${style}` : ""}`, text);
  if (r.value === null)
    return [
      `${capitalize(shorten(subjectPhrase(r.text)))}: not measured in the `,
      n(ref?.cycle ? `trend ${ref.id} cycle${at}` : "cycle", r.cycle),
      " cycle",
    ];
  // A count of none opens the sentence as "No" ("No States Parties have …"); figures never padded.
  const out: Inline[] = [
    n(`value ${ref?.id}${at}`, proseNumber(r.value, { capitalize: true })),
    ` ${shorten(agree(subjectPhrase(r.text), r.value))}`,
  ];
  if (r.value_secondary !== null && r.secondary_measure) {
    // A paired value: each measure has its own trend; the second is reported beside the first with its own movement.
    const change = r.secondary_change_since_previous ?? null;
    out.push(
      ` (${r.measure ? `counting ${r.measure}; ` : ""}${r.secondary_measure}: `,
      trend("value_secondary", formatThousands(r.value_secondary), "digits"),
    );
    if (change !== null && r.previous_cycle) {
      out.push(`, ${change < 0 ? "down" : change > 0 ? "up" : "unchanged"}`);
      if (change !== 0)
        out.push(" from ", trend("previous_value_secondary", formatThousands(r.value_secondary - change), "digits"));
    }
    if (change !== null && change !== 0 && (r.secondary_streak ?? 0) >= 2)
      out.push(
        ", the ",
        trend("secondary_streak", ordinalWord(r.secondary_streak!), "ordinal"),
        ` ${change > 0 ? "rise" : "fall"} in a row`,
      );
    out.push(")");
  }
  if (options.sayCycle) out.push(" in the ", n(ref?.cycle ? `trend ${ref.id} cycle${at}` : "cycle", r.cycle), " cycle");
  if (r.previous_value !== null && r.previous_cycle) {
    // "the 12MSP cycle", not "12MSP": the cycle's column, not the meeting of that name.
    const prev = [
      trend("previous_value", proseNumber(r.previous_value)),
      " in the ",
      trend("previous_cycle", r.previous_cycle),
      " cycle",
    ];
    if (r.direction === "up") out.push(", up from ", ...prev);
    else if (r.direction === "down") out.push(", down from ", ...prev);
    else if (r.direction === "flat")
      out.push(", the same as in the ", trend("previous_cycle", r.previous_cycle), " cycle");
  } else if (r.direction === "first measured") {
    out.push(", the first cycle in which it was measured");
  }
  const clauses: Inline[][] = [];
  if (r.cycle_note) clauses.push([trend("cycle_note", r.cycle_note)]);
  if (r.judgement === "completed") {
    // Nobody is left to do it: a record low here would read as decline.
    clauses.push([
      `completion, not decline: no ${r.completion_group_label ?? "States Parties in its group"} are left${r.completion_source ? `, ${r.completion_source}` : ""}`,
    ]);
  } else {
    if (r.streak !== null && r.streak >= 2 && (r.direction === "up" || r.direction === "down")) {
      clauses.push([
        "the ",
        trend("streak", ordinalWord(r.streak), "ordinal"),
        ` ${r.direction === "up" ? "rise" : "fall"} in a row`,
      ]);
    }
    // A rise that leaves the value below where the series began is still below it (4.4: 98 women, 104 in 10MSP).
    if (
      r.first_value !== null &&
      r.change_since_first !== null &&
      r.first_cycle !== r.previous_cycle &&
      (r.judgement === "improved" || r.judgement === "declined")
    ) {
      const first = [
        trend("first_cycle", r.first_cycle),
        " cycle's ",
        trend("first_value", proseNumber(r.first_value)),
      ];
      if (r.direction === "up" && r.change_since_first < 0) clauses.push(["still below the ", ...first]);
      if (r.direction === "down" && r.change_since_first > 0) clauses.push(["still above the ", ...first]);
    }
    const measured = r.measured_to_date ?? cyclesToDate;
    const since = (): Inline[] => [
      n("cycles", countWord(cyclesToDate)),
      " cycles since ",
      trend("first_cycle", r.first_cycle),
    ];
    if (measured > 2) {
      const span: Inline[] =
        measured === cyclesToDate
          ? ["of the ", ...since()]
          : ["of the ", trend("measured_to_date", countWord(measured)), " cycles in which it was measured"];
      if (r.record_to_date === "highest") clauses.push(["the highest ", ...span]);
      else if (r.record_to_date === "lowest") clauses.push(["the lowest ", ...span]);
      else if (r.record_to_date === "joint highest") clauses.push(["equal to the highest ", ...span]);
      else if (r.record_to_date === "joint lowest") clauses.push(["equal to the lowest ", ...span]);
    } else if (measured === 2 && cyclesToDate > 2) {
      // Two values make no record: "the highest of the four cycles" would count cycles without a value.
      clauses.push(["measured in only ", trend("measured_to_date", "two"), " of the ", ...since()]);
    }
  }
  if (clauses.length) out.push(" (", ...clauses.flatMap((c, i) => (i ? ["; ", ...c] : c)), ")");
  return out;
}

function countWord(n: number): string {
  return (
    ["zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten"][n] ?? formatThousands(n)
  );
}

/** "+11", "−2", "0"; empty when unknown. A true minus sign reads better in print. */
export function signed(n: number | null): string {
  if (n === null) return "–";
  if (n > 0) return `+${formatThousands(n)}`;
  if (n < 0) return `−${formatThousands(-n)}`;
  return "0";
}

/** Join names the report's way: "A", "A and B", "A, B, and C" (the report uses the serial comma). */
export function listNames(names: string[]): string {
  if (names.length <= 1) return names.join("");
  if (names.length === 2) return `${names[0]} and ${names[1]}`;
  return `${names.slice(0, -1).join(", ")}, and ${names.at(-1)}`;
}

/** An indicator of the list of those that moved the same way in every change (mart judgements, steady). */
export type SteadyRow = Pick<
  TrendRow,
  | "indicator_id"
  | "direction"
  | "measure"
  | "value_secondary"
  | "secondary_measure"
  | "secondary_direction"
  | "secondary_streak"
>;

/**
 * One indicator in the list of {ids rose_every_cycle} or {ids fell_every_cycle}, given how many changes there were:
 * its id, and for a paired value how its second measure moved ("17.2, counting cluster munitions; its explosive
 * submunitions rose only in the last two cycles"), since a paired value trends per measure.
 */
export function steadyItem(r: SteadyRow, changes: number): string {
  if (r.value_secondary === null || !r.secondary_measure) return r.indicator_id;
  const counting = `${r.indicator_id}, counting ${r.measure ?? "its first measure"}`;
  if (r.secondary_direction === r.direction && r.secondary_streak === changes)
    return `${counting} and ${r.secondary_measure} alike`;
  const run = r.secondary_streak ?? 0;
  const verb = r.secondary_direction === "up" ? "rose" : r.secondary_direction === "down" ? "fell" : "held";
  return `${counting}; its ${r.secondary_measure} ${verb} only in the last ${run === 1 ? "cycle" : `${proseNumber(run)} cycles`}`;
}

/**
 * The words that follow an indicator's count in the draft ("States Parties contribute …", shortened as the draft
 * shortens it) up to the last word that changes with the number, as the count `n` takes them and as the other number
 * would ("State Party contributes"); null when no word of the phrase changes. An analyst's sentence that kept the
 * draft's words after a count that has since become one, or stopped being one, is read with it.
 */
export function countedWords(text: string, n: number): { agreeing: string; other: string } | null {
  const phrase = subjectPhrase(text);
  const plural = shorten(phrase).split(" ");
  const singular = shorten(agree(phrase, 1)).split(" ");
  let last = -1;
  for (let i = 0; i < Math.min(plural.length, singular.length, 8); i++) if (plural[i] !== singular[i]) last = i;
  if (last < 0) return null;
  const [agreeing, other] = n === 1 ? [singular, plural] : [plural, singular];
  return { agreeing: agreeing.slice(0, last + 1).join(" "), other: other.slice(0, last + 1).join(" ") };
}
