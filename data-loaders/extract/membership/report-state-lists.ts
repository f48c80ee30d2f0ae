/**
 * Finds the lists of State names in a progress report's prose: the parenthesised lists that follow a
 * count of States ("seven States Parties (Afghanistan, Chad, …, and South Sudan)", "only seven (…)") and
 * the colon lists after one ("Twelve signatories have yet to ratify the Convention: Angola, …, and Uganda.").
 *
 * A list item is split on commas; "and" joins the last item, but it is also part of names such as
 * "Bosnia and Herzegovina" or "Trinidad and Tobago", so an item that still contains " and " is split only
 * where the caller's `isKnown` accepts every piece (see `splitNames`).
 */

export interface ReportStateList {
  /** Paragraph number as printed ("64"), or "" when the line is not a numbered paragraph. */
  paragraph: string;
  /** 1-based line of the report where the list starts. */
  line: number;
  /** The list items with footnote marks, revision stars and a leading "and" removed. */
  items: string[];
}

const NUMBER_WORD =
  /(?:\b(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety|hundred)(?:-[a-z]+)?|\b\d+)$/i;
const STATE_NOUN = /\b(?:States?|Parties|Party|party|signatories|countries)$/;
const SUPERSCRIPTS = /[\u00b9\u00b2\u00b3\u2070-\u2079]+/g;

const COUNT_OF_STATES =
  /(?:\b(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)(?:-[a-z]+)?|\b\d+) (?:affected )?(?:States?|signatories)\b/i;

/**
 * True when the words right before a list say that States are being counted or named ("seven States
 * Parties (", "only seven ("), or the sentence began with a count ("Four signatories participated at the
 * 12MSP (").
 */
function countsStates(before: string): boolean {
  const tail = before.replace(/\s+$/, "");
  const sentence = tail.slice(tail.search(/[^.;]*$/));
  return STATE_NOUN.test(tail) || NUMBER_WORD.test(tail) || COUNT_OF_STATES.test(sentence);
}

/** The report's lines with a paragraph continued across a page break joined back onto one line. */
function logicalLines(text: string): { text: string; line: number }[] {
  const lines = text.split("\n");
  const out: { text: string; line: number }[] = [];
  for (let i = 0; i < lines.length; i++) {
    let current = lines[i]!;
    const start = i + 1;
    // An unclosed parenthesis continues after the footnotes of the page: skip blank and footnote lines.
    while (depth(current) > 0 && i + 1 < lines.length) {
      i++;
      const next = lines[i]!;
      if (next.trim() === "" || /^[\u00b9\u00b2\u00b3\u2070-\u2079*]/.test(next.trim())) continue;
      current = `${current} ${next}`;
    }
    out.push({ text: current, line: start });
  }
  return out;
}

function depth(s: string): number {
  return (s.match(/\(/g)?.length ?? 0) - (s.match(/\)/g)?.length ?? 0);
}

export function cleanItem(item: string): string {
  return item
    .replace(SUPERSCRIPTS, "")
    .replace(/\*+/g, "")
    .replace(/\s+\(\d{4}\)$/, "") // "Cabo Verde (2011)": the year an initial report was due
    .replace(/^\s*and\s+/, "")
    .replace(/[.;]\s*$/, "")
    .replace(/\s+/g, " ")
    .trim();
}

function itemsOf(list: string): string[] {
  return list
    .split(/,\s*/)
    .map(cleanItem)
    .filter((s) => s !== "");
}

const NAME_PARTICLES = new Set(["and", "of", "the", "da", "de", "du", "des", "del", "el", "la", "le"]);

/**
 * Names look like names: no digits, and every word capitalised except particles ("Saint Vincent and the
 * Grenadines", "Côte d'Ivoire"), which tells them from a bracketed clause such as "(Since the entry into force …)".
 * Acronyms in brackets ("(SPs)", "(IMAS)") are abbreviations, not States.
 */
function looksLikeNames(items: string[]): boolean {
  return (
    items.length > 0 &&
    items.every(
      (s) =>
        !/\d/.test(s) &&
        !/^[A-Z]+s?$/.test(s) &&
        s.split(" ").length <= 8 &&
        s.split(" ").every((w) => /^(?:d['’])?\p{Lu}/u.test(w) || NAME_PARTICLES.has(w)),
    )
  );
}

export function stateListsInReport(text: string): ReportStateList[] {
  const found: ReportStateList[] = [];
  for (const { text: line, line: lineNo } of logicalLines(text)) {
    const paragraph = /^(\d+)\.\s/.exec(line)?.[1] ?? "";
    // Parenthesised lists: "(A, B, and C)" after a count of States.
    for (const m of line.matchAll(/\(([^()]+)\)/g)) {
      if (!countsStates(line.slice(0, m.index))) continue;
      const items = itemsOf(m[1]!);
      if (looksLikeNames(items)) found.push({ paragraph, line: lineNo, items });
    }
    // Colon lists: "Twelve signatories have yet to ratify the Convention: A, B, and C."
    const colon = /\b((?:[A-Z][a-z]+(?:-[a-z]+)?|\d+) (?:States?(?: Parties)?|signatories)\b[^:.]*): ([^:]+?)\.?$/.exec(
      line,
    );
    if (colon && NUMBER_WORD.test(colon[1]!.split(" ")[0]!)) {
      const items = itemsOf(colon[2]!);
      if (items.length > 1 && looksLikeNames(items)) found.push({ paragraph, line: lineNo, items });
    }
  }
  return found;
}

/**
 * Splits an item that contains " and " into names `isKnown` accepts, keeping names such as
 * "Bosnia and Herzegovina" whole: "Bosnia and Herzegovina and Croatia" → both names. Returns the item
 * unsplit when no split makes every piece known (so the caller reports it as unknown).
 */
export function splitNames(item: string, isKnown: (name: string) => boolean): string[] {
  if (isKnown(item)) return [item];
  const parts = item.split(/\s+and\s+/);
  // Try every way of grouping consecutive parts (at most a handful of "and"s in a real item).
  const solve = (from: number): string[] | null => {
    if (from === parts.length) return [];
    for (let to = parts.length; to > from; to--) {
      const name = parts.slice(from, to).join(" and ");
      if (!isKnown(name)) continue;
      const rest = solve(to);
      if (rest) return [name, ...rest];
    }
    return null;
  };
  return solve(0) ?? [item];
}
