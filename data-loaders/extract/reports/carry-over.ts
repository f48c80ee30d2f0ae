/**
 * Carrying the previous report's reviewed hand files over to a new report. An override rests on the text it
 * was written against: a value override on the printed cell (indicator, cycle, as_printed), a finding link on
 * the statement of the finding. Ids may change between reports (paragraphs are renumbered), so links are
 * matched by their statement's text, never by id:
 *   carried            the text is unchanged: the override is written for the new report, marked as carried
 *   needs_look         the same cell or the same subject (counted) is there but its text changed: not applied,
 *                      listed with both texts for the reviewer
 *   no_longer_applies  nothing in the new report rests on that text
 * Every override of the previous report gets exactly one row in the review list: nothing is dropped silently.
 */
import type { ValueOverride } from "../indicators/overrides.ts";
import type { IndicatorValueRow } from "../indicators/indicators.ts";
import type { FindingLink } from "../findings/finding-links.ts";
import type { Finding } from "../findings/types.ts";

export type CarryStatus = "carried" | "needs_look" | "no_longer_applies";

export interface ReviewRow {
  hand_file: string;
  status: CarryStatus;
  /** The override's key in the previous report (indicator and cycle, or finding id) and its line there. */
  previous_key: string;
  previous_line: number;
  /** Its key in the new report ('' when nothing matches). */
  new_key: string;
  /** The text the override rests on, in the previous report and in the new one. */
  text_before: string;
  text_now: string;
  what_to_do: string;
}

export const REVIEW_COLUMNS: (keyof ReviewRow)[] = [
  "hand_file",
  "status",
  "previous_key",
  "previous_line",
  "new_key",
  "text_before",
  "text_now",
  "what_to_do",
];

const CARRIED = /^Carried from \S+ \(unchanged text\): /;

export function carriedReason(fromReport: string, reason: string): string {
  return `Carried from ${fromReport} (unchanged text): ${reason.replace(CARRIED, "")}`;
}

export const squash = (s: string) => s.replace(/\s+/g, " ").trim();

/** The value overrides whose printed cell is unchanged, and a review row for each previous override. */
export function carryValueOverrides(
  previous: ValueOverride[],
  values: IndicatorValueRow[],
  fromReport: string,
  handFile: string,
): { carried: ValueOverride[]; review: ReviewRow[] } {
  const cells = new Map(values.map((v) => [`${v.indicator_id} ${v.cycle}`, v]));
  const carried: ValueOverride[] = [];
  const review: ReviewRow[] = previous.map((o) => {
    const key = `${o.indicator_id} ${o.cycle} ${o.field}`;
    const cell = cells.get(`${o.indicator_id} ${o.cycle}`);
    const base = { hand_file: handFile, previous_key: key, previous_line: o.line, text_before: o.as_printed };
    if (!cell)
      return {
        ...base,
        status: "no_longer_applies" as const,
        new_key: "",
        text_now: "",
        what_to_do: `the new report prints no ${o.cycle} cell for indicator ${o.indicator_id}: nothing to do unless the indicator was renamed`,
      };
    if (cell.as_printed !== o.as_printed)
      return {
        ...base,
        status: "needs_look" as const,
        new_key: key,
        text_now: cell.as_printed,
        what_to_do: `the cell now prints ${JSON.stringify(cell.as_printed)}: if the correction still holds, add the row to ${handFile} with the new as_printed`,
      };
    carried.push({ ...o, reason: carriedReason(fromReport, o.reason), file: handFile, line: carried.length + 2 });
    return {
      ...base,
      status: "carried" as const,
      new_key: key,
      text_now: cell.as_printed,
      what_to_do: "none: carried over",
    };
  });
  return { carried, review };
}

const seqOf = (findingId: string) => findingId.replace(/^.*-/, "");

/**
 * A paragraph's statement can hold several findings ("one State Party (Peru) … two States Parties (Germany and
 * Norway)"): among the findings printing the same statement, the one counting the same thing, then the one at
 * the same place in its paragraph.
 */
function narrow(candidates: Finding[], before: Pick<Finding, "counted">, previousId: string): Finding[] {
  let list = candidates;
  for (const keep of [
    (f: Finding) => squash(f.counted) === squash(before.counted),
    (f: Finding) => seqOf(f.finding_id) === seqOf(previousId),
  ]) {
    if (list.length <= 1) break;
    const kept = list.filter(keep);
    if (kept.length > 0) list = kept;
  }
  return list;
}

export type PreviousFindings = Map<string, Pick<Finding, "statement" | "counted">>;

/** Where a previous report's finding is in the new report: found by its statement's text, never by its id. */
export interface FindingMatch {
  status: CarryStatus;
  /** The new report's finding (carried) or the candidates to look at (needs_look). */
  findings: Finding[];
  before: Pick<Finding, "statement" | "counted"> | undefined;
}

/**
 * Matches the previous report's findings in the new one: the finding printing the same statement word for word
 * (carried), else the findings printing a statement on the same subject (`counted`) or several printing the
 * same statement (needs_look), else none (no_longer_applies).
 */
export function findingMatcher(previous: PreviousFindings, findings: Finding[]): (previousId: string) => FindingMatch {
  const byStatement = new Map<string, Finding[]>();
  const byCounted = new Map<string, Finding[]>();
  for (const f of findings) {
    byStatement.set(squash(f.statement), [...(byStatement.get(squash(f.statement)) ?? []), f]);
    byCounted.set(squash(f.counted), [...(byCounted.get(squash(f.counted)) ?? []), f]);
  }
  // The previous report's findings printing each statement, in the report's order: a statement printed twice
  // (a paragraph repeated in the summary) is matched by its place among them.
  const previousByStatement = new Map<string, string[]>();
  for (const [id, f] of previous)
    previousByStatement.set(squash(f.statement), [...(previousByStatement.get(squash(f.statement)) ?? []), id]);
  return (previousId) => {
    const before = previous.get(previousId);
    let same = before ? narrow(byStatement.get(squash(before.statement)) ?? [], before, previousId) : [];
    const printedBefore = before ? (previousByStatement.get(squash(before.statement)) ?? []) : [];
    if (same.length > 1 && same.length === printedBefore.length) same = [same[printedBefore.indexOf(previousId)]!];
    if (same.length === 1) return { status: "carried", findings: same, before };
    const near = before && before.counted !== "" ? (byCounted.get(squash(before.counted)) ?? []) : [];
    if (same.length > 1 || near.length > 0)
      return { status: "needs_look", findings: same.length > 1 ? same : near, before };
    return { status: "no_longer_applies", findings: [], before };
  };
}

/**
 * The finding links whose statement is printed again word for word (new finding id), and a review row for
 * each previous link. `previous` maps the previous report's finding ids to their findings.
 */
export function carryFindingLinks(
  links: FindingLink[],
  previous: PreviousFindings,
  findings: Finding[],
  fromReport: string,
  handFile: string,
): { carried: FindingLink[]; review: ReviewRow[] } {
  const match = findingMatcher(previous, findings);
  const carried: FindingLink[] = [];
  const review: ReviewRow[] = links.map((link) => {
    const m = match(link.finding_id);
    const base = {
      hand_file: handFile,
      previous_key: link.finding_id,
      previous_line: link.line,
      text_before: m.before?.statement ?? "",
    };
    if (m.status === "carried") {
      const f = m.findings[0]!;
      carried.push({
        ...link,
        finding_id: f.finding_id,
        reason: carriedReason(fromReport, link.reason),
        line: carried.length + 2,
      });
      return {
        ...base,
        status: "carried" as const,
        new_key: f.finding_id,
        text_now: f.statement,
        what_to_do: "none: carried over",
      };
    }
    if (m.status === "needs_look") {
      return {
        ...base,
        status: "needs_look" as const,
        new_key: m.findings.map((f) => f.finding_id).join("; "),
        text_now: m.findings.map((f) => f.statement).join(" | "),
        what_to_do: `the statement changed: if the link still holds, add it to ${handFile} under the new finding id`,
      };
    }
    return {
      ...base,
      status: "no_longer_applies" as const,
      new_key: "",
      text_now: "",
      what_to_do: m.before
        ? "the new report no longer prints this statement: nothing to do unless it moved under other words"
        : `${link.finding_id} is not a finding of ${fromReport}: check the previous report's hand file`,
    };
  });
  return { carried, review };
}
