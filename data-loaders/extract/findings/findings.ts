/**
 * Narrative findings: every statement of a progress report that gives a count of States and/or names
 * them, e.g. "Seventy States Parties (Albania, …) contributed to the 2024 budget of the ISU",
 * "Of the twelve …, only eight (…) reported …" (two findings: the whole and the part),
 * "Twelve signatories have yet to ratify the Convention: Angola, …" (a list after a colon),
 * "Several States Parties – Austria, … – participated" (a dash list, no count), and the summary's
 * "Seven (07) States Parties reported …".
 *
 * A finding is anchored on a count phrase (number word or digits, optional "(07)" echo, optional
 * "of the twelve"/"of these", a few qualifiers, then a noun such as "States Parties") or on a bare
 * number followed by a list ("only eight (…)"). The list is the first parenthesis, colon or dash list
 * right after the anchor whose names are States. Every name must resolve: an unknown name is an
 * InputError that lists the closest known names, never a silent drop.
 */
import { InputError, type InputProblem } from "../../lib/errors.ts";
import { parseNumberWord } from "../../presentation/number-words.ts";
import { ANCHOR, BARE_LIST, BARE_VERB, namedAsOf, NOUN, NUM, type Candidate } from "./count-phrases.ts";
import { clauseEnd, describeCounted, matchParen, sentenceAt, wordCount } from "./finding-text.ts";
import { splitReport, type ReportUnit, type Segment } from "./paragraphs.ts";
import { exceptList, parseNameList, type ListedName } from "./state-lists.ts";
import type { ExtractOptions, Finding, FindingsResult, FindingState, ListKind, NameResolver } from "./types.ts";

export type {
  ExtractOptions,
  Finding,
  FindingsResult,
  FindingState,
  ListKind,
  NamedAs,
  NameResolver,
} from "./types.ts";
export type { ReportUnit };

interface ListFound {
  kind: ListKind;
  start: number;
  end: number;
  names: ListedName[];
  exceptions: ListedName[];
}

/** A finding of a segment with the count phrase it was anchored on and its list of names. */
interface Found {
  f: Finding;
  c: Candidate;
  list: ListFound | null;
}

/** Where a finding is read: its paragraph (or summary item), its segment, and the paragraph's running number. */
interface Place {
  unit: ReportUnit;
  seg: Segment;
  seq: { n: number };
}

/**
 * Stage 1: every count phrase of a segment, in text order: anchored counts ("Seventy States Parties"), then bare
 * numbers before a list ("only eight (…)") or after a verb, each at most once.
 */
export function findCandidates(t: string): Candidate[] {
  const candidates: Candidate[] = [];
  for (const m of t.matchAll(ANCHOR)) {
    const g = m.groups!;
    const several = g.num!.toLowerCase() === "several"; // "Several States Parties – Austria, … –": named, not counted
    const count = several ? null : parseNumberWord(g.num!);
    if (count === null && !several) continue;
    if (g.num!.toLowerCase() === "no" && (g.qual!.trim() !== "" || g.of)) continue; // "no other States Parties …" is not a count
    if (/reports|requests/i.test(g.noun!) && g.qual!.trim() !== "") continue; // "three Progress reports" counts documents, not States
    const ofCount = g.whole ? parseNumberWord(g.whole) : null;
    candidates.push({
      start: m.index!,
      end: m.index! + m[0].length,
      count,
      echo: g.echo ? Number(g.echo) : null,
      ofCount,
      ofThese: Boolean(g.these),
      nounPhrase: `${g.qual!}${g.noun!}`.replace(/\s+/g, " ").trim(),
      kind: "anchor",
      lead: t.slice(Math.max(0, m.index! - 14), m.index!),
    });
  }
  const taken = (i: number) => candidates.some((c) => i >= c.start && i < c.end);
  const bare = (start: number, num: string): Candidate => ({
    start,
    end: start + num.length,
    count: parseNumberWord(num),
    echo: null,
    ofCount: null,
    ofThese: false,
    nounPhrase: "",
    kind: "bare",
    lead: t.slice(Math.max(0, start - 14), start),
  });
  for (const m of t.matchAll(BARE_LIST)) {
    if (taken(m.index!)) continue;
    candidates.push({ ...bare(m.index!, m.groups!.num!), end: m.index! + m[0].length });
  }
  for (const m of t.matchAll(BARE_VERB)) {
    const at = m.index! + m.groups!.lead!.length;
    if (taken(at)) continue;
    candidates.push(bare(at, m.groups!.num!));
  }
  return candidates.sort((a, b) => a.start - b.start);
}

/** A finding of `place` with what every finding shares; the stages fill in the rest. */
function newFinding(cycle: string, place: Place, at: number, fields: Partial<Finding>): Finding {
  const { unit, seg } = place;
  place.seq.n++;
  return {
    finding_id: `${cycle}-${unit.id}-${place.seq.n}`,
    paragraph: unit.id,
    section: unit.section,
    pillar_code: unit.pillarCode,
    statement: unit.kind === "summary" || seg.kind === "bullet" ? seg.text.trim() : sentenceAt(seg.text, at),
    stated_count: null,
    counted: "",
    indicator_id: null,
    cycle,
    report_line: seg.line,
    segment: seg.kind,
    of_count: null,
    echo_count: null,
    named_count: 0,
    list_kind: "none",
    named_as: "state",
    parent_finding_id: null,
    subset_of_parent: false,
    duplicate_names: null,
    topic: null,
    ...fields,
  };
}

/** The report's findings, read stage by stage; problems (unknown names, unreadable shapes) are collected. */
class FindingsExtraction {
  readonly problems: InputProblem[] = [];
  readonly findings: Finding[] = [];
  readonly states: FindingState[] = [];
  private readonly statesOf = new Map<string, FindingState[]>();
  private readonly nounOf = new Map<string, string>();
  private readonly predicateOf = new Map<string, string>();

  constructor(
    private readonly resolver: NameResolver,
    private readonly cycle: string,
    private readonly file: string,
  ) {}

  private isName = (n: string) => this.resolver.resolve(n) !== null;

  private unknownName(line: number, found: string, fix: string): void {
    this.problems.push({
      file: this.file,
      line,
      expected: "a State name known to sources/state_aliases.csv",
      found,
      fix,
    });
  }

  /** Stage 2a: a list of State names, or null when the text is not one. Unknown names become problems. */
  private readList(
    content: string,
    kind: ListKind,
    start: number,
    end: number,
    line: number,
    standalone: boolean,
  ): ListFound | null {
    const except = exceptList(content);
    if (except !== null)
      return { kind: "all_except", start, end, names: [], exceptions: parseNameList(except, this.isName) };
    const names = parseNameList(content, this.isName);
    if (names.length === 0) return null;
    const known = names.filter((n) => this.isName(n.name)).length;
    const looksLikeNames = names.every((n) => /^(?:the\s+)?[A-Z][a-zà-ÿ]/.test(n.name));
    if (known === 0 && !(looksLikeNames && (names.length >= 2 || standalone))) return null;
    for (const n of names) {
      if (!this.isName(n.name)) {
        this.unknownName(
          line,
          `"${n.name}" in the list "${content.slice(0, 120)}"; closest known: ${this.resolver.suggest(n.name).join(", ")}`,
          "if it is a new spelling of a State, add it to sources/state_aliases.csv; if the report misspells it, add the misspelling as an alias with a note",
        );
      }
    }
    return { kind, start, end, names, exceptions: [] };
  }

  /** Stage 2b: the list (dash, parenthesis or colon) that follows an anchor ending at `p`, if any. */
  private listAfter(seg: Segment, p: number, nextAnchor: number): ListFound | null {
    const t = seg.text;
    const dash = /^\s+[\u2013\u2014-]\s+/.exec(t.slice(p));
    if (dash) {
      const from = p + dash[0].length;
      const close = /\s+[\u2013\u2014-]\s+/.exec(t.slice(from));
      if (close)
        return this.readList(
          t.slice(from, from + close.index),
          "dash",
          from,
          from + close.index + close[0].length,
          seg.line,
          false,
        );
    }
    const stopAt = nextAnchor < 0 ? t.length : nextAnchor;
    for (let i = p; i < stopAt; i++) {
      const ch = t[i]!;
      if (ch === "(") {
        if (wordCount(t.slice(p, i)) > 6) return null;
        const close = matchParen(t, i);
        if (close < 0) return null;
        return this.readList(t.slice(i + 1, close), "parentheses", i, close + 1, seg.line, t.slice(p, i).trim() === "");
      }
      if (ch === ":") {
        if (wordCount(t.slice(p, i)) > 14) return null;
        const endMatch = /\.(?=\s+[A-Z]|\s*$)/.exec(t.slice(i + 1));
        const end = endMatch ? i + 1 + endMatch.index : t.length;
        const content = t.slice(i + 1, end).trim();
        if (content === "") return null;
        return this.readList(content, "colon", i, end, seg.line, false);
      }
      if (ch === ";" || (ch === "." && !/\d/.test(t[i + 1] ?? ""))) return null;
    }
    return null;
  }

  /** Stage 3: the counted findings of a segment, one per count phrase that states something countable. */
  countedFindings(place: Place, candidates: Candidate[]): Found[] {
    const t = place.seg.text;
    const segFindings: Found[] = [];
    let consumedTo = -1;
    candidates.forEach((c, idx) => {
      if (c.start < consumedTo) return; // inside the list or phrase of an earlier finding
      const next = candidates.slice(idx + 1).find((d) => d.start >= c.end);
      const list = this.listAfter(place.seg, c.end, next ? next.start : -1);
      if (c.kind === "bare" && !list && !/(?:of which\s+|Of these,\s*|,\s+)$/i.test(c.lead)) return;
      if (c.kind === "bare" && list === null && t[c.end] === "(") return; // "(1) intensifying …": not a list of States
      if (c.count === null && !list) return; // "several States Parties" without names states nothing countable
      const predicateFrom = this.wholeAfterList(t, c, list);
      consumedTo = Math.max(list ? list.end : c.end, predicateFrom);
      const { predicate, leadClause } = this.predicate(t, c, predicateFrom, candidates, segFindings);
      const f = newFinding(this.cycle, place, c.start, {
        stated_count: c.count,
        of_count: c.ofCount,
        echo_count: c.echo,
        list_kind: list ? list.kind : "none",
        named_as: c.nounPhrase ? namedAsOf(c.nounPhrase) : "state",
      });
      const all = [...this.findings, ...segFindings.map((x) => x.f)];
      this.linkParent(f, c, place, all, segFindings);
      const parentFinding = f.parent_finding_id ? all.find((x) => x.finding_id === f.parent_finding_id) : undefined;
      f.counted = describeCounted(
        c,
        predicate,
        parentFinding,
        f.subset_of_parent,
        parentFinding ? this.nounOf.get(parentFinding.finding_id) : undefined,
        leadClause,
      );
      this.predicateOf.set(f.finding_id, predicate);
      this.nounOf.set(
        f.finding_id,
        c.nounPhrase || (parentFinding ? (this.nounOf.get(parentFinding.finding_id) ?? "States") : "States"),
      );
      this.nameStates(f, this.listedStates(f, list, place), list);
      segFindings.push({ f, c, list });
    });
    return segFindings;
  }

  /**
   * "four (Afghanistan, …) of the five requests": the whole and the noun come after the list. Sets the
   * candidate's gap, whole and noun; returns where the predicate starts.
   */
  private wholeAfterList(t: string, c: Candidate, list: ListFound | null): number {
    if (!list) return c.end;
    c.gap = list.kind === "dash" ? "" : t.slice(c.end, list.start).trim();
    const whole =
      c.kind === "bare"
        ? new RegExp(`^\\s+of\\s+the\\s+(?<whole>${NUM})\\s+(?<noun>${NOUN})(?![\\w])`, "iu").exec(t.slice(list.end))
        : null;
    if (!whole) return list.end;
    c.ofCount = parseNumberWord(whole.groups!.whole!);
    c.nounPhrase = whole.groups!.noun!.replace(/\s+/g, " ");
    return list.end + whole[0].length;
  }

  /** What the counted States did (the predicate after the count and list) and the clause that leads to the count. */
  private predicate(
    t: string,
    c: Candidate,
    predicateFrom: number,
    candidates: Candidate[],
    segFindings: Found[],
  ): { predicate: string; leadClause: string } {
    const later = candidates.find((d) => d.start >= predicateFrom);
    const cleanPredicate = (from: number) => {
      const to = Math.min(clauseEnd(t, from), later && later.start >= from ? later.start : t.length);
      return t
        .slice(from, to)
        .replace(/^[\s,\u00b9\u00b2\u00b3\u2070-\u2079]+/, "")
        .replace(/[\s,;.]+$/, "")
        .trim();
    };
    let predicate = cleanPredicate(predicateFrom);
    // "38 UN Member States, including 23 that …, were absent": the verb comes after the "including" clause.
    const including = /^\s*,\s+including\s+\S+\s+that\b[^,]*,\s+/.exec(t.slice(predicateFrom));
    if (predicate === "" && including) predicate = cleanPredicate(predicateFrom + including[0].length);
    const leadClause = t
      .slice(0, c.start)
      .split(/[.;:](?=\s)/)
      .pop()!
      .trim()
      .split(/\s+/)
      .slice(-12)
      .join(" ");
    const sentenceOf = sentenceAt(t, c.start);
    const previousInSentence = [...segFindings]
      .reverse()
      .find((x) => x.c.kind === "anchor" && x.c.start >= t.indexOf(sentenceOf));
    // "121 States voting in favour, including 31 States not party (…)": the part shares the whole's predicate.
    if (predicate === "" && /including\s*$/i.test(leadClause) && previousInSentence)
      predicate = this.predicateOf.get(previousInSentence.f.finding_id) ?? "";
    return { predicate, leadClause };
  }

  /** Stage 4: the whole that a part is counted from (its parent finding), if the text says so. */
  private linkParent(f: Finding, c: Candidate, place: Place, all: Finding[], segFindings: Found[]): void {
    const { unit, seg } = place;
    const sentenceStart = seg.text.indexOf(sentenceAt(seg.text, c.start));
    const anchorsBefore = segFindings.filter((x) => x.c.kind === "anchor");
    const lastAnchor = anchorsBefore[anchorsBefore.length - 1];
    const leadsAsPart = /(?:only|of these,?|of which|Of these,)\s*$/i.test(c.lead);
    if (c.kind === "bare" || /of which\s*$/i.test(c.lead)) {
      // A bare number belongs to the count phrase of its own sentence ("Of the twelve …, only eight (…)"),
      // or to the previous sentence's when it opens with "Of these,".
      if (lastAnchor && (lastAnchor.c.start >= sentenceStart || /Of these,\s*$/.test(c.lead))) {
        f.parent_finding_id = lastAnchor.f.finding_id;
        f.subset_of_parent = leadsAsPart || /Of the\s*$/i.test(lastAnchor.c.lead);
        if (c.kind === "bare" && !c.nounPhrase) f.named_as = lastAnchor.f.named_as;
      }
    } else if (c.ofThese) {
      // "two of these States (…)": the count phrase just before, in this paragraph or the one before;
      // climbing to a larger whole when the one before is smaller ("all twelve of these States").
      const inParagraph = all.filter((x) => x.paragraph === unit.id && x.subset_of_parent === false);
      let parent: Finding | undefined =
        inParagraph[inParagraph.length - 1] ??
        all.filter((x) => x.paragraph === String(Number(unit.id) - 1) && x.segment === "text")[0];
      while (
        parent &&
        c.count !== null &&
        parent.stated_count !== null &&
        parent.stated_count < c.count &&
        parent.parent_finding_id
      ) {
        parent = all.find((x) => x.finding_id === parent!.parent_finding_id);
      }
      if (parent) {
        f.parent_finding_id = parent.finding_id;
        f.subset_of_parent = true;
      }
    } else if (c.ofCount !== null && unit.kind === "paragraph") {
      // "Nine of the ten affected States Parties": the nearest recent finding that names that many States.
      const n = Number(unit.id);
      const parent = [...all]
        .reverse()
        .find((x) => x.stated_count === c.ofCount && x.named_count > 0 && Number(x.paragraph) >= n - 6);
      if (parent) {
        f.parent_finding_id = parent.finding_id;
        f.subset_of_parent = true;
      }
    }
  }

  /** Stage 5a: the States a list names; "all except …" takes the parent's States minus the exceptions. */
  private listedStates(f: Finding, list: ListFound | null, place: Place): { iso3: string; item: ListedName }[] {
    if (!list) return [];
    if (list.kind !== "all_except") {
      return list.names.flatMap((item) => {
        const iso3 = this.resolver.resolve(item.name);
        return iso3 ? [{ iso3, item }] : [];
      });
    }
    const line = place.seg.line;
    const parentStates = f.parent_finding_id ? (this.statesOf.get(f.parent_finding_id) ?? []) : [];
    const except = new Set(list.exceptions.map((e) => this.resolver.resolve(e.name)));
    for (const e of list.exceptions)
      if (!this.isName(e.name))
        this.unknownName(
          line,
          `"${e.name}"; closest known: ${this.resolver.suggest(e.name).join(", ")}`,
          "add the spelling to sources/state_aliases.csv",
        );
    if (parentStates.length === 0)
      this.problems.push({
        file: this.file,
        line,
        expected: `a list of States before "all except" in paragraph ${place.unit.id}`,
        found: "no earlier list to take the exception from",
        fix: "teach the extractor this shape (data-loaders/extract/findings/findings.ts)",
      });
    return parentStates
      .filter((x) => !except.has(x.iso3))
      .map((x) => ({ iso3: x.iso3, item: { name: x.name_as_written, mark: x.mark, detail: x.detail } }));
  }

  /** Stage 5b: one finding_states row per State (a name printed twice is kept once and recorded). */
  private nameStates(f: Finding, listed: { iso3: string; item: ListedName }[], list: ListFound | null): void {
    const seen = new Set<string>();
    const dups: string[] = [];
    const rows: FindingState[] = [];
    for (const { iso3, item } of listed) {
      if (seen.has(iso3)) {
        dups.push(item.name);
        continue;
      }
      seen.add(iso3);
      rows.push({
        finding_id: f.finding_id,
        iso3,
        name_as_written: item.name,
        detail: item.detail,
        mark: item.mark,
        position: rows.length + 1,
      });
    }
    f.named_count = rows.length;
    if (list) f.duplicate_names = dups.length ? dups.join("; ") : null;
    this.statesOf.set(f.finding_id, rows);
    this.states.push(...rows);
  }

  /**
   * Stage 6: States named without a count ("the Coordinators on Clearance (France and Italy)", "security
   * constraints (Iraq, Somalia, and South Sudan)", "while another (Chad)"): a parenthesis of names that all
   * resolve. They come after the counted findings of the segment so that those keep their ids.
   */
  uncountedFindings(place: Place, segFindings: Found[]): Found[] {
    const t = place.seg.text;
    const found: Found[] = [];
    for (const m of t.matchAll(/\(([^()]+)\)/g)) {
      const open = m.index!;
      if (
        [...segFindings, ...found].some(
          (x) => (x.list && open >= x.list.start && open < x.list.end) || (open >= x.c.start && open < x.c.end),
        )
      )
        continue;
      const names = parseNameList(m[1]!, this.isName);
      if (names.length === 0 || !names.every((n) => this.isName(n.name))) continue;
      const lead = t
        .slice(0, open)
        .replace(/[\s,]+$/, "")
        .split(/[.;:,](?=\s)/)
        .pop()!
        .trim()
        .replace(/^(?:and|or)\s+/, "")
        .split(/\s+/)
        .slice(-10)
        .join(" ");
      const after = open + m[0].length;
      const predicate = t
        .slice(after, clauseEnd(t, after))
        .replace(/^[\s,\u00b9\u00b2\u00b3\u2070-\u2079]+/, "")
        .replace(/[\s,;.]+$/, "")
        .trim();
      const f = newFinding(this.cycle, place, open, {
        counted: `${lead} ${predicate}`.trim(),
        list_kind: "parentheses",
      });
      this.nameStates(
        f,
        names.map((item) => ({ iso3: this.resolver.resolve(item.name)!, item })),
        null,
      );
      found.push({
        f,
        c: {
          start: open,
          end: after,
          count: null,
          echo: null,
          ofCount: null,
          ofThese: false,
          nounPhrase: "",
          kind: "bare",
          lead,
        },
        list: { kind: "parentheses", start: open, end: after, names, exceptions: [] },
      });
    }
    return found;
  }
}

export function extractFindings(text: string, resolver: NameResolver, options: ExtractOptions = {}): FindingsResult {
  const run = new FindingsExtraction(resolver, options.cycle ?? "13MSP", options.file ?? "report");
  for (const unit of splitReport(text)) {
    const seq = { n: 0 };
    for (const seg of unit.segments) {
      const place = { unit, seg, seq };
      const counted = run.countedFindings(place, findCandidates(seg.text));
      const uncounted = run.uncountedFindings(place, counted);
      run.findings.push(...counted.map((x) => x.f), ...uncounted.map((x) => x.f));
    }
  }
  if (run.problems.length) throw new InputError(run.problems);
  return { findings: run.findings, states: run.states };
}
