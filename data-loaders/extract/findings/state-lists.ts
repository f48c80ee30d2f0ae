/**
 * Splits a list of State names as the report writes it into the names, keeping each name as written:
 *   "Afghanistan, Chad, Iraq, Lao PDR, Lebanon, Somalia, and South Sudan"   commas and a final "and"
 *   "Australia and Ireland", "Bulgaria, Chile and Iceland"                 "and" without a comma
 *   "Bosnia and Herzegovina and Somalia"                                     names that contain "and"
 *   "Lithuania,⁵ Luxembourg", "Lithuania*"                                  footnote and revision marks
 *   "the Philippines", "the United Kingdom"                                 a leading "the" (kept as written)
 *   "Cabo Verde (2011), Comoros (2011)"                                      a per-State detail in parentheses
 * Which "and" separates two names and which belongs to a name is decided by `isName` (the State
 * resolver): the split that leaves the fewest unknown names wins, and on a tie the one with fewer
 * names, so an unknown name stays whole in the error message rather than being cut into pieces.
 */

export interface ListedName {
  /** The name as printed, without the separator, marks and detail ("the Philippines"). */
  name: string;
  /** Footnote superscripts or "*" printed right after the name ("⁵", "*"), or null. */
  mark: string | null;
  /** Text in parentheses after the name ("2011"), or null. */
  detail: string | null;
}

const SUPERSCRIPTS = "\u00b9\u00b2\u00b3\u2070-\u2079";
const MARK_AFTER_COMMA = new RegExp(`,\\s*([${SUPERSCRIPTS}]+)`, "gu");
const TRAILING_MARK = new RegExp(`\\s*([${SUPERSCRIPTS}*]+)$`, "u");

/** Split on commas and semicolons that are not inside parentheses. */
function splitTopLevel(text: string): string[] {
  const parts: string[] = [];
  let depth = 0;
  let current = "";
  for (const ch of text) {
    if (ch === "(") depth++;
    if (ch === ")") depth = Math.max(0, depth - 1);
    if ((ch === "," || ch === ";") && depth === 0) {
      parts.push(current);
      current = "";
    } else current += ch;
  }
  parts.push(current);
  return parts.map((p) => p.trim()).filter(Boolean);
}

/** Group the " and "-separated words of `piece` into names, preferring the grouping with fewest unknown names. */
export function splitOnAnd(piece: string, isName: (name: string) => boolean): string[] {
  const tokens = piece.split(/\s+and\s+/);
  if (tokens.length === 1) return tokens;
  let best: { groups: string[]; unknown: number; known: number } | null = null;
  const cuts = tokens.length - 1;
  for (let mask = 0; mask < 1 << cuts; mask++) {
    const groups: string[] = [];
    let current = tokens[0]!;
    for (let i = 0; i < cuts; i++) {
      if (mask & (1 << i)) {
        groups.push(current);
        current = tokens[i + 1]!;
      } else current = `${current} and ${tokens[i + 1]}`;
    }
    groups.push(current);
    const known = groups.filter((g) => isName(stripDecorations(g).name)).length;
    const unknown = groups.length - known;
    // On a tie keep fewer, longer groups: "Bosnia and Herzegovna" (misspelt) stays one unknown name in the
    // error, with "Bosnia and Herzegovina" as the closest known name, instead of "Bosnia" + "Herzegovna".
    if (!best || unknown < best.unknown || (unknown === best.unknown && groups.length < best.groups.length))
      best = { groups, unknown, known };
  }
  return best!.groups;
}

function stripDecorations(item: string): ListedName {
  let rest = item.trim();
  let detail: string | null = null;
  const paren = /^(.*?)\s*\(([^()]*)\)\s*$/.exec(rest);
  if (paren) {
    rest = paren[1]!;
    detail = paren[2]!.trim();
  }
  let mark: string | null = null;
  const m = TRAILING_MARK.exec(rest);
  if (m) {
    mark = m[1]!;
    rest = rest.slice(0, m.index);
  }
  return { name: rest.trim().replace(/[.,;:]+$/, ""), mark, detail };
}

/** The names of a printed list, in print order. */
export function parseNameList(text: string, isName: (name: string) => boolean): ListedName[] {
  // "Lithuania,⁵ Luxembourg": the footnote mark belongs to the name before the comma.
  const normalized = text.replace(MARK_AFTER_COMMA, "$1,").replace(/\s+/g, " ").trim();
  const names: ListedName[] = [];
  for (const piece of splitTopLevel(normalized)) {
    const body = piece.replace(/^(?:and|or)\s+/, "");
    for (const group of splitOnAnd(body, isName)) names.push(stripDecorations(group));
  }
  return names.filter((n) => n.name !== "");
}

/** Whether a parenthesised text reads as "all except …" (para 85: "nine (all except Bosnia and Herzegovina)"). */
export function exceptList(text: string): string | null {
  const m = /^all\s+(?:except|but)\s+(.+)$/i.exec(text.trim());
  return m ? m[1]! : null;
}
