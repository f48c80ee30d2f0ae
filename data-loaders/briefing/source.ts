/**
 * The analyst's briefing source (sources/briefings/<cycle>.md): Markdown the analyst writes, in which every
 * number is a reference to the database, e.g. "{value 9.1}", and charts, tables and generated sections are
 * references on a line of their own. This module reads the source, resolves every reference against the
 * database (all at once, so every problem is reported in one run), and assembles the same document model the
 * generated draft uses, so the Markdown, HTML, PDF and the site's Briefings page render it with the same writers
 * and the same numbered source notes. The syntax is documented in docs/briefing.md.
 */
import { existsSync, readFileSync } from "node:fs";
import type { DuckDBConnection } from "@duckdb/node-api";
import { queryRows, sqlText } from "../lib/db.ts";
import { InputError, show, type InputProblem } from "../lib/errors.ts";
import { capitalize, formatThousands, parseNumberWord, percent, proseNumber } from "../presentation/number-words.ts";
import { contestedPhrase, tally, type Context } from "./context.ts";
import { isNote, type Block, type Footnotes, type Inline, type Section } from "./model.ts";
import { compactCells } from "./sources.ts";
import { listNames, ordinalWord } from "./text.ts";
import { longDate } from "../presentation/formats.ts";

/** Where the analyst's sources live, relative to the project root. */
export const SOURCE_DIR = "sources/briefings";

/** The kinds of inline number references. */
export const NUMBER_KINDS = ["value", "change", "trend", "count", "ids", "tally", "cycle", "cycles", "date", "withdrawals", "named", "names", "mentions", "members", "votes", "shifts", "issues", "revisions", "contested", "query"] as const;
/** The kinds of references that stand on a line of their own and become a block. */
export const BLOCK_KINDS = ["chart", "table", "section", "block"] as const;
/** `{note <key>}` places one of the generated draft's source notes. */
const NOTE_KIND = "note";
const STYLES = ["words", "digits", "signed", "ordinal", "percent"] as const;
const VOTE_FIELDS = ["yes", "no", "abstain", "non_voting"] as const;

/** One `{kind arg …|style}` in the source, with where it is. */
export interface Reference {
  kind: string;
  args: string[];
  style: string | null;
  /** The noun a count carries ("indicator", "State Party/States Parties"), agreeing with it. */
  noun: string | null;
  line: number;
  column: number;
  /** The reference as written, braces included. */
  raw: string;
}

type Piece = string | Reference;

type SourceBlock =
  | { kind: "paragraph"; lines: Piece[][] }
  | { kind: "list"; items: Piece[][][] }
  | { kind: "ref"; ref: Reference };

interface SourceSection {
  title: string;
  line: number;
  blocks: SourceBlock[];
}

export interface ParsedSource {
  file: string;
  title: string | null;
  sections: SourceSection[];
  /** Named SQL queries from the file beside the source (<cycle>.sql), by name. */
  queries: Map<string, string>;
  queryFile: string;
}

const REF = /\{([a-z_]+)((?:[ \t]+[^\s{}|]+)*)[ \t]*(?:\|([^{}|\n]*))?\}/g;

/** After the "|": a style word, a noun, or both ("words indicator"); a first word that is no style starts the noun. */
function styleOf(text: string | undefined): { style: string | null; noun: string | null } {
  const words = (text ?? "").trim().split(/\s+/).filter(Boolean);
  if (!words.length) return { style: null, noun: null };
  const styled = (STYLES as readonly string[]).includes(words[0]!);
  const noun = words.slice(styled ? 1 : 0).join(" ");
  return { style: styled ? words[0]! : null, noun: noun || null };
}

/** Split one line into text and references. */
function pieces(text: string, line: number, offset = 0): Piece[] {
  const out: Piece[] = [];
  let last = 0;
  for (const m of text.matchAll(REF)) {
    if (m.index > last) out.push(text.slice(last, m.index));
    out.push({ kind: m[1]!, args: (m[2] ?? "").trim().split(/\s+/).filter(Boolean), ...styleOf(m[3]), line, column: offset + m.index + 1, raw: m[0] });
    last = m.index + m[0].length;
  }
  if (last < text.length) out.push(text.slice(last));
  return out;
}

/** Read a source and the named queries kept beside it (`-- name: <name>` starts each query). */
export function parseSource(file: string, text: string, queryFile: string): ParsedSource {
  const queries = new Map<string, string>();
  if (existsSync(queryFile)) {
    let name: string | null = null;
    for (const l of readFileSync(queryFile, "utf8").split("\n")) {
      const m = /^--\s*name:\s*([A-Za-z0-9_-]+)\s*$/.exec(l);
      if (m) {
        name = m[1]!;
        queries.set(name, "");
      } else if (name) queries.set(name, `${queries.get(name)}${l}\n`);
    }
  }
  const lines = text.replace(/\r\n?/g, "\n").split("\n");
  let title: string | null = null;
  const sections: SourceSection[] = [];
  let current: SourceBlock | null = null;
  let inComment = false;
  const section = (line: number): SourceSection => {
    if (!sections.length) sections.push({ title: "", line, blocks: [] });
    return sections.at(-1)!;
  };
  lines.forEach((raw, i) => {
    const n = i + 1;
    let l = raw;
    // HTML comments are the analyst's notes to themselves: never rendered.
    if (inComment) {
      const end = l.indexOf("-->");
      if (end < 0) return;
      inComment = false;
      l = " ".repeat(end + 3) + l.slice(end + 3);
    }
    l = l.replace(/<!--.*?-->/g, (c) => " ".repeat(c.length));
    const open = l.indexOf("<!--");
    if (open >= 0) {
      inComment = true;
      l = l.slice(0, open);
    }
    if (!l.trim()) {
      if (raw.trim() === "" || !inComment) current = null;
      return;
    }
    const h1 = /^#\s+(.*)$/.exec(l);
    if (h1) {
      title = h1[1]!.trim();
      current = null;
      return;
    }
    const h2 = /^##\s+(.*)$/.exec(l);
    if (h2) {
      sections.push({ title: h2[1]!.trim(), line: n, blocks: [] });
      current = null;
      return;
    }
    const trimmed = l.trim();
    const alone = pieces(trimmed, n, l.indexOf(trimmed));
    if (alone.length === 1 && typeof alone[0] !== "string" && (BLOCK_KINDS as readonly string[]).includes(alone[0]!.kind)) {
      section(n).blocks.push({ kind: "ref", ref: alone[0]! });
      current = null;
      return;
    }
    const item = /^(\s*[-*]\s+)(.*)$/.exec(l);
    if (item) {
      if (current?.kind !== "list") {
        current = { kind: "list", items: [] };
        section(n).blocks.push(current);
      }
      current.items.push([pieces(item[2]!, n, item[1]!.length)]);
      return;
    }
    const lead = l.length - l.trimStart().length;
    if (current?.kind === "list") current.items.at(-1)!.push(pieces(trimmed, n, lead));
    else if (current?.kind === "paragraph") current.lines.push(pieces(trimmed, n, lead));
    else {
      current = { kind: "paragraph", lines: [pieces(trimmed, n, lead)] };
      section(n).blocks.push(current);
    }
  });
  return { file, title, sections, queries, queryFile };
}

/**
 * What the generated draft offers a source: its sections (by id), their tables, charts and named blocks, the notes
 * the composer named ({note <key>}), and the composer's context (the data clause references such as {contested}
 * are read from, by the composer's own functions).
 */
export interface Generated {
  cycle: string;
  sections: Section[];
  notes?: Map<string, string>;
  ctx?: Context;
}

/** A resolved reference: a number (shown by the style) or a text (a cycle name, a date, a clause), and its note. */
type Resolved = { value: number; note: string } | { text: string; note: string };

/** Edit distance with swapped neighbours as one edit ("LOA" is one typo from "LAO"), case ignored: for "closest valid names". */
function distance(x: string, y: string): number {
  const a = x.toLowerCase();
  const b = y.toLowerCase();
  const d = Array.from({ length: a.length + 1 }, (_, i) => [i, ...Array<number>(b.length).fill(0)]);
  for (let j = 1; j <= b.length; j++) d[0]![j] = j;
  for (let i = 1; i <= a.length; i++)
    for (let j = 1; j <= b.length; j++) {
      d[i]![j] = Math.min(d[i - 1]![j]! + 1, d[i]![j - 1]! + 1, d[i - 1]![j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) d[i]![j] = Math.min(d[i]![j]!, d[i - 2]![j - 2]! + 1);
    }
  return d[a.length]![b.length]!;
}

/** The (up to five) valid names closest to a wrong one. */
export function closest(wrong: string, valid: string[]): string[] {
  return [...valid]
    .map((v) => ({ v, d: distance(wrong, v) - (v.startsWith(wrong) || wrong.startsWith(v) ? 1 : 0) }))
    .sort((x, y) => x.d - y.d || x.v.localeCompare(y.v))
    .slice(0, 5)
    .map((x) => x.v);
}


/**
 * Whether the draft's note `key` is the source of a number reference, so that a {note <key>} after it covers it: an
 * indicator's note covers that indicator's value, trend fields, changes and contest (and the count of cycles its
 * record is of); a finding's its named States; a pillar's its counts; the trend counts', cycles', membership,
 * withdrawal, UNGA, vote-shift, consistency and dataset notes the numbers they count.
 */
export function covers(key: string, ref: Reference): boolean {
  const [family, arg] = key.split(" ");
  const date = ref.kind === "date" ? ref.args[0] : undefined;
  switch (family) {
    case "value":
      return (["value", "trend", "change", "contested"].includes(ref.kind) && ref.args[0] === arg) || ref.kind === "cycles";
    case "finding":
      return (ref.kind === "named" || ref.kind === "names") && ref.args[0] === arg;
    case "pillar":
      return ["count", "ids", "tally"].includes(ref.kind) && arg !== undefined && ref.args.includes(arg);
    case "trends":
      return ["count", "ids", "tally", "cycles", "trend"].includes(ref.kind);
    case "cycles":
      return ref.kind === "count" || ref.kind === "cycles" || date === "period_start" || date === "period_end";
    case "membership":
      return ref.kind === "members" || date === "period_start" || date === "period_end";
    case "withdrawals":
      return ref.kind === "withdrawals" || date === "withdrawal";
    case "unga":
    case "unga-votes":
    case "yes-by-status":
      return ref.kind === "votes";
    case "shifts":
      return ref.kind === "shifts";
    case "issues":
    case "annex":
    case "annex-records":
      return ref.kind === "issues";
    case "datasets":
      return ref.kind === "count" && ref.args[0] === "datasets";
    case "revisions":
      return ref.kind === "revisions" && ref.args[0] === arg;
  }
  return false;
}

/** Whether a number placed after `before` opens a sentence (written in words, capitalised). */
function opensSentence(before: string, first: boolean): boolean {
  return (first && before.trim() === "") || /[.!?]\s+$/.test(before);
}

function signedFigure(n: number): string {
  return n > 0 ? `+${formatThousands(n)}` : n < 0 ? `−${formatThousands(-n)}` : "0";
}

/** The text of a resolved reference in its place: the prose rule, or the style asked for; a noun agreeing with it. */
function shown(ref: Reference, r: Resolved, start: boolean): string {
  if ("text" in r) return r.text;
  const v = r.value;
  let out: string;
  switch (ref.style) {
    case "digits":
      out = formatThousands(Math.abs(v));
      break;
    case "signed":
      out = signedFigure(v);
      break;
    case "ordinal":
      out = ordinalWord(v);
      break;
    case "percent":
      out = percent(v);
      break;
    case "words":
      out = proseNumber(v, { capitalize: start, words: true });
      break;
    default:
      out = proseNumber(v, { capitalize: start });
  }
  if (start && ref.style !== null) out = capitalize(out);
  if (ref.noun) {
    const [singular, plural = `${singular}s`] = ref.noun.split("/").map((x) => x.trim()) as [string, string?];
    out += ` ${Math.abs(v) === 1 ? singular : plural}`;
  }
  return out;
}

/**
 * Resolves references against the database: the one resolver of the analyst's source and of the generated draft
 * (whose numbers carry the same references), so both give the same text. Problems are collected, not thrown.
 */
export class Resolver {
  readonly problems: InputProblem[] = [];
  private readonly names = new Map<string, string[]>();
  private readonly rows = new Map<string, Record<string, unknown>[]>();

  constructor(
    private readonly conn: DuckDBConnection,
    readonly cycle: string,
    readonly file: string,
    private readonly queries: Map<string, string> = new Map(),
    readonly queryFile = "",
    private readonly ctx: Context | null = null,
  ) {}

  private async valid(list: string): Promise<string[]> {
    if (!this.names.has(list)) this.names.set(list, (await queryRows<{ name: string }>(this.conn, sqlText(`briefing/refs/${list}.sql`))).map((r) => String(r.name)));
    return this.names.get(list)!;
  }

  /** Rows of a refs query, run once per parameters. */
  private async query<T = Record<string, unknown>>(file: string, params?: Record<string, string | number>): Promise<T[]> {
    const key = `${file} ${JSON.stringify(params ?? {})}`;
    if (!this.rows.has(key)) this.rows.set(key, await queryRows(this.conn, sqlText(`briefing/refs/${file}.sql`), params));
    return this.rows.get(key) as T[];
  }

  /** One finding's named States, their count, paragraph and report ({named}, {names}), or undefined for an unknown id. */
  private async finding(finding: string) {
    return (await this.query<{ value: number; names: string | null; paragraph: string; report_id: string; findings_dataset: string; finding_states_dataset: string }>("named", { finding }))[0];
  }

  problem(ref: Reference, expected: string, fix: string, found = show(ref.raw)): null {
    this.problems.push({ file: this.file, line: ref.line, column: ref.column, expected, found, fix });
    return null;
  }

  private async unknown(ref: Reference, what: string, name: string, list: string | string[]): Promise<null> {
    const near = closest(name, typeof list === "string" ? await this.valid(list) : list);
    return this.problem(ref, `a known ${what}`, near.length ? `use one of the closest valid names: ${near.join(", ")}` : `the database has no ${what} at all: run \`npm run pipeline\``, show(name));
  }

  private needs(ref: Reference, min: number, max: number, usage: string): boolean {
    if (ref.args.length >= min && ref.args.length <= max) return true;
    this.problem(ref, `{${usage}}`, `write it as {${usage}} (see docs/briefing.md)`);
    return false;
  }

  private async knownCycle(ref: Reference, cycle: string): Promise<boolean> {
    if ((await this.valid("cycles")).includes(cycle)) return true;
    await this.unknown(ref, "cycle", cycle, "cycles");
    return false;
  }

  private async indicatorValue(ref: Reference, indicator: string, cycle: string): Promise<{ value: number; source_ref: string | null } | null> {
    if (!(await this.valid("indicators")).includes(indicator)) return this.unknown(ref, "indicator", indicator, "indicators");
    if (!(await this.knownCycle(ref, cycle))) return null;
    const row = (await queryRows<{ value: number | null; source_ref: string | null }>(this.conn, sqlText("briefing/refs/value.sql"), { indicator, cycle }))[0];
    if (!row || row.value === null) return this.problem(ref, `a value of indicator ${indicator} in the ${cycle} cycle`, `the report gives none (not measured): name another cycle, or write the sentence without this number`);
    return { value: row.value, source_ref: row.source_ref };
  }

  /** The cycles up to one (default: the briefing's) that have indicator values, in order. */
  private async cyclesTo(cycle = this.cycle) {
    return this.query<{ cycle: string; period_start: string | null; period_end: string | null; source_ref: string | null }>("cycle", { cycle });
  }

  /** "[pillar] [cycle]" in either order after a count's name. */
  private async pillarAndCycle(ref: Reference, args: string[], pillars: string[]): Promise<{ pillar: string; cycle: string } | null> {
    let pillar = "";
    let cycle = this.cycle;
    for (const a of args) {
      if (pillars.includes(a)) pillar = a;
      else if ((await this.valid("cycles")).includes(a)) cycle = a;
      else return this.unknown(ref, "pillar code or cycle", a, [...pillars, ...(await this.valid("cycles"))]);
    }
    return { pillar, cycle };
  }

  async resolve(ref: Reference): Promise<Resolved | null> {
    const cycle = this.cycle;
    switch (ref.kind) {
      case "value": {
        if (!this.needs(ref, 1, 2, "value <indicator> [cycle]")) return null;
        const [indicator, at = cycle] = ref.args as [string, string?];
        const v = await this.indicatorValue(ref, indicator, at);
        return v && { value: v.value, note: `Indicator ${indicator}, ${at} cycle: ${v.source_ref ?? "the report's table"} (dataset indicator_values).` };
      }
      case "change": {
        if (!this.needs(ref, 2, 3, "change <indicator> <from cycle> [to cycle]")) return null;
        const [indicator, from, to = cycle] = ref.args as [string, string, string?];
        const a = await this.indicatorValue(ref, indicator, from);
        if (!a) return null;
        const b = await this.indicatorValue(ref, indicator, to);
        return b && { value: b.value - a.value, note: `Indicator ${indicator}, change from the ${from} to the ${to} cycle, computed by ccm-trends from ${compactCells([a.source_ref ?? `no ${from} source`, b.source_ref ?? `no ${to} source`]).join("; ")} (dataset indicator_values).` };
      }
      case "trend": {
        if (!this.needs(ref, 2, 3, "trend <indicator> <field> [cycle]")) return null;
        const [indicator, field, at = cycle] = ref.args as [string, string, string?];
        if (!(await this.valid("indicators")).includes(indicator)) return this.unknown(ref, "indicator", indicator, "indicators");
        if (!(await this.valid("trend_fields")).includes(field)) return this.unknown(ref, "field of view indicator_trends", field, "trend_fields");
        if (!(await this.knownCycle(ref, at))) return null;
        const row = (await this.query("trend", { indicator, cycle: at }))[0];
        const v = row?.[field];
        if (v === null || v === undefined) return this.problem(ref, `a ${field} of indicator ${indicator} in the ${at} cycle`, "the view gives none there (not measured, or nothing to compare with): write the sentence without it");
        const note = `Indicator ${indicator}, ${at} cycle, ${field.replaceAll("_", " ")}: computed by ccm-trends (view indicator_trends) from ${row!.source_ref ?? "the report's table"} (dataset indicator_values).`;
        return typeof v === "number" ? { value: v, note } : { text: String(v), note };
      }
      case "count": {
        if (!this.needs(ref, 1, 3, "count <name> [pillar] [cycle]")) return null;
        const [name, ...rest] = ref.args as [string, ...string[]];
        const all = await this.query<{ pillar: string; name: string; value: number }>("count", { cycle });
        const where = await this.pillarAndCycle(ref, rest, [...new Set(all.map((r) => r.pillar).filter(Boolean))]);
        if (!where) return null;
        const rows = where.cycle === cycle ? all : await this.query<{ pillar: string; name: string; value: number }>("count", { cycle: where.cycle });
        const row = rows.find((r) => r.name === name && r.pillar === (name === "datasets" ? "" : where.pillar));
        if (!row) return this.unknown(ref, "count", name, [...new Set(all.map((r) => r.name))]);
        if (name === "datasets") return { value: row.value, note: "Table datasets of the ccm-trends database, recorded by the pipeline from sources/*.meta.json." };
        return { value: row.value, note: `Indicators ${where.pillar ? `of pillar ${where.pillar}` : "of all pillars"} in the ${where.cycle} cycle: ${name.replaceAll("_", " ")}, counted by ccm-trends (view indicator_trends).` };
      }
      case "ids": {
        if (!this.needs(ref, 1, 3, "ids <judgement or reason> [pillar] [cycle]")) return null;
        const [name, ...rest] = ref.args as [string, ...string[]];
        const names = ["improved", "declined", "held", "completed", "not_comparable", "not_measured", "first_measured", "no_better_direction"];
        if (!names.includes(name)) return this.unknown(ref, "judgement or reason", name, names);
        const all = await this.query<{ indicator_id: string; pillar: string; judgement: string; basis: string | null }>("ids", { cycle });
        const where = await this.pillarAndCycle(ref, rest, [...new Set(all.map((r) => r.pillar))]);
        if (!where) return null;
        const rows = where.cycle === cycle ? all : await this.query<{ indicator_id: string; pillar: string; judgement: string; basis: string | null }>("ids", { cycle: where.cycle });
        const ids = rows.filter((r) => (r.judgement === name || (r.judgement === "not_comparable" && r.basis === name)) && (!where.pillar || r.pillar === where.pillar)).map((r) => r.indicator_id);
        const what = `indicators ${where.pillar ? `of pillar ${where.pillar}` : "of all pillars"} in the ${where.cycle} cycle judged ${name.replaceAll("_", " ")}`;
        if (!ids.length) return this.problem(ref, `at least one of the ${what}`, "there are none: write the sentence without the list (the {count} of them is zero)");
        return { text: listNames(ids), note: `The ${what}, by ccm-trends (view indicator_trends).` };
      }
      case "tally": {
        if (!this.needs(ref, 0, 2, "tally [pillar] [cycle]")) return null;
        const all = await this.query<{ pillar: string; name: string; value: number }>("count", { cycle });
        const where = await this.pillarAndCycle(ref, ref.args, [...new Set(all.map((r) => r.pillar).filter(Boolean))]);
        if (!where) return null;
        const rows = where.cycle === cycle ? all : await this.query<{ pillar: string; name: string; value: number }>("count", { cycle: where.cycle });
        const n = (name: string) => rows.find((r) => r.name === name && r.pillar === where.pillar)?.value ?? 0;
        const counts = [n("improved"), n("declined"), n("held"), n("completed")] as const;
        const [singular, plural = `${singular}s`] = (ref.noun ?? "").split("/").map((x) => x.trim()) as [string, string?];
        const noun = ref.noun ? (counts.find((c) => c > 0) === 1 ? singular : plural) : "";
        return { text: tally(counts[0], counts[1], counts[2], noun, counts[3]), note: `Indicators ${where.pillar ? `of pillar ${where.pillar}` : "of all pillars"} that improved, declined, held or completed in the ${where.cycle} cycle, counted by ccm-trends (view indicator_trends).` };
      }
      case "cycle": {
        if (!this.needs(ref, 0, 1, "cycle [first|previous]")) return null;
        const rows = await this.cyclesTo();
        const which = ref.args[0] ?? "";
        const row = which === "" ? rows.at(-1) : which === "first" ? rows[0] : which === "previous" ? rows.at(-2) : undefined;
        if (which && !["first", "previous"].includes(which)) return this.unknown(ref, "cycle position", which, ["first", "previous"]);
        if (!row) return this.problem(ref, `a ${which} cycle before the ${cycle} cycle`, "the database holds no earlier cycle with values: write the sentence without it");
        return { text: row.cycle, note: `Reporting cycles (dataset cycles): ${row.source_ref ?? row.cycle}.` };
      }
      case "cycles": {
        if (!this.needs(ref, 0, 1, "cycles [changes]")) return null;
        if (ref.args[0] && ref.args[0] !== "changes") return this.unknown(ref, "count of cycles", ref.args[0], ["changes"]);
        const rows = await this.cyclesTo();
        return { value: rows.length - (ref.args[0] ? 1 : 0), note: `Reporting cycles with indicator values up to the ${cycle} cycle (dataset cycles): ${rows.map((r) => r.cycle).join(", ")}.` };
      }
      case "date": {
        if (!this.needs(ref, 1, 2, "date <period_start|period_end> [cycle] or {date withdrawal <ISO3>}")) return null;
        const [what, arg] = ref.args as [string, string?];
        if (what === "withdrawal") {
          const rows = await this.query<{ iso3: string; name_en: string; event_date: string; source: string | null }>("withdrawal");
          const row = rows.find((r) => r.iso3 === arg);
          if (!row) return this.unknown(ref, "State that withdrew (ISO 3166 alpha-3 code)", arg ?? "", rows.map((r) => r.iso3));
          return { text: longDate(row.event_date), note: `Withdrawal of ${row.name_en} (table state_events): effective ${longDate(row.event_date)}, ${row.source ?? "no source recorded"}.` };
        }
        if (what !== "period_start" && what !== "period_end") return this.unknown(ref, "date", what, ["period_start", "period_end", "withdrawal"]);
        const at = arg ?? cycle;
        if (!(await this.knownCycle(ref, at))) return null;
        const row = (await this.cyclesTo(at)).at(-1);
        const day = row?.cycle === at ? row[what] : null;
        if (!day) return this.problem(ref, `a ${what.replace("_", " ")} of the ${at} cycle`, "the cycles dataset gives none: write the sentence without it");
        return { text: longDate(day), note: `Reporting cycles (dataset cycles): ${row!.source_ref ?? at}.` };
      }
      case "withdrawals": {
        if (!this.needs(ref, 0, 1, "withdrawals [cycle]")) return null;
        const at = ref.args[0] ?? cycle;
        if (!(await this.knownCycle(ref, at))) return null;
        const rows = (await this.query<{ name_en: string; event_date: string; source: string | null; cycle: string | null }>("withdrawal")).filter((r) => r.cycle === at);
        return { value: rows.length, note: `Withdrawals with effect in the ${at} reporting period (table state_events)${rows.length ? `: ${rows.map((r) => `${r.name_en}, ${longDate(r.event_date)}`).join("; ")}` : ""}.` };
      }
      case "named": {
        if (!this.needs(ref, 1, 1, "named <finding>")) return null;
        const finding = ref.args[0]!;
        const row = await this.finding(finding);
        if (!row) return this.unknown(ref, "finding", finding, "findings");
        return { value: row.value, note: `${row.report_id} Progress Report ${/^\d+$/.test(row.paragraph) ? "para" : "item"} ${row.paragraph}: States it names, as extracted in finding ${finding} (datasets ${row.findings_dataset}, ${row.finding_states_dataset}).` };
      }
      case "names": {
        if (!this.needs(ref, 1, 1, "names <finding>")) return null;
        const finding = ref.args[0]!;
        const row = await this.finding(finding);
        if (!row) return this.unknown(ref, "finding", finding, "findings");
        if (!row.names) return this.problem(ref, "a finding that names States", `${finding} names none: write its count with {named ${finding}}, or name another finding`);
        return { text: listNames(row.names.split("; ")), note: `${row.report_id} Progress Report ${/^\d+$/.test(row.paragraph) ? "para" : "item"} ${row.paragraph}: the States it names, as extracted in finding ${finding} (datasets ${row.findings_dataset}, ${row.finding_states_dataset}).` };
      }
      case "mentions": {
        if (!this.needs(ref, 1, 2, "mentions <ISO3> [cycle]")) return null;
        const [iso3, at = cycle] = ref.args as [string, string?];
        if (!(await this.valid("states")).includes(iso3)) return this.unknown(ref, "State (ISO 3166 alpha-3 code)", iso3, "states");
        if (!(await this.knownCycle(ref, at))) return null;
        const row = (await queryRows<{ value: number; name: string }>(this.conn, sqlText("briefing/refs/mentions.sql"), { iso3, cycle: at }))[0]!;
        return { value: row.value, note: `Findings of the ${at} Progress Report that name ${row.name} (${iso3}), counted by ccm-trends (datasets findings, finding_states).` };
      }
      case "members": {
        if (!this.needs(ref, 2, 2, "members <status> <YYYY-MM-DD|period_start|period_end>")) return null;
        const [status, day] = ref.args as [string, string];
        if (!(await this.valid("statuses")).includes(status)) return this.unknown(ref, "status", status, "statuses");
        // The day may be the briefing cycle's first or last day of its reporting period.
        const period = day === "period_start" || day === "period_end" ? ((await this.cyclesTo()).at(-1)?.[day] ?? null) : undefined;
        if (period === null) return this.problem(ref, `a ${day.replace("_", " ")} of the ${cycle} cycle`, "the cycles dataset gives none: write the day as YYYY-MM-DD");
        const date = period ?? day;
        if (!/^\d{4}-\d{2}-\d{2}$/.test(date) || Number.isNaN(Date.parse(date))) return this.problem(ref, "a date as YYYY-MM-DD", "write the day as e.g. 2025-07-31", show(date));
        const row = (await queryRows<{ value: number }>(this.conn, sqlText("briefing/refs/members.sql"), { status, date }))[0]!;
        return { value: row.value, note: `States with status ${status} on ${date}, counted by ccm-trends over table state_status (dataset state_events).` };
      }
      case "votes": {
        if (!this.needs(ref, 2, 3, "votes <year> <yes|no|abstain|non_voting> [CCM status, with yes]")) return null;
        const [year, field, status] = ref.args as [string, string, string?];
        if (!(await this.valid("vote_years")).includes(year)) return this.unknown(ref, "year of a CCM resolution vote", year, "vote_years");
        if (!(VOTE_FIELDS as readonly string[]).includes(field)) return this.problem(ref, `one of ${VOTE_FIELDS.join(", ")}`, `use the closest: ${closest(field, [...VOTE_FIELDS]).join(", ")}`, show(field));
        if (status !== undefined) {
          if (field !== "yes") return this.problem(ref, "yes before a CCM status", "votes by the voter's status are counted for yes only: {votes <year> yes <status>}", show(field));
          if (!(await this.valid("statuses")).includes(status)) return this.unknown(ref, "status", status, "statuses");
          const row = (await this.query<{ yes: number | null; resolution_id: string }>("votes_by_status", { year: Number(year), status }))[0];
          if (!row || row.yes === null) return this.problem(ref, `yes votes of States with status ${status} in ${year}`, "the UN's records give none for that year: leave this number out");
          return { value: row.yes, note: `Yes votes on ${row.resolution_id} (${year}) by States with status ${status} on the vote date, computed by ccm-trends (view unga_yes_by_status) from the per-country votes (table unga_votes) and the membership history (view state_status).` };
        }
        const row = (await queryRows<Record<string, number | string | null>>(this.conn, sqlText("briefing/refs/votes.sql"), { year: Number(year) }))[0]!;
        const v = row[field];
        if (v === null || v === undefined) return this.problem(ref, `a published ${field} total for ${year}`, "the UN did not publish it: leave this number out");
        return { value: Number(v), note: `UNGA resolution ${row.resolution} (${year}), ${field === "non_voting" ? "non-voting" : field} total: ${row.source_ref ?? "UN Digital Library"} (view unga_resolution_votes).` };
      }
      case "shifts": {
        if (!this.needs(ref, 0, 1, "shifts [voted_no|abstained|did_not_vote]")) return null;
        const shift = ref.args[0];
        const kinds = ["voted_no", "abstained", "did_not_vote"];
        if (shift !== undefined && !kinds.includes(shift)) return this.unknown(ref, "vote shift", shift, kinds);
        // Votes taken after the cycle's reporting period ended are not the cycle's (as in the generated draft).
        const end = (await this.cyclesTo()).at(-1)?.period_end;
        const rows = (await this.query<{ iso3: string; shift: string; year: number }>("shifts")).filter((r) => (!end || r.year < Number(end.slice(0, 4))) && (shift === undefined || r.shift === shift));
        return { value: new Set(rows.map((r) => r.iso3)).size, note: `States that voted yes in an earlier year and later ${shift ? shift.replaceAll("_", " ") : "did not"}, computed by ccm-trends (view unga_vote_shifts) from the per-country votes (table unga_votes, UN Digital Library).` };
      }
      case "issues": {
        if (!this.needs(ref, 0, 2, "issues [consistency|records] [error|warning|info]")) return null;
        const [list = "consistency", severity] = ref.args as [string?, string?];
        if (!["consistency", "records"].includes(list)) return this.unknown(ref, "list of issues", list, ["consistency", "records"]);
        if (severity !== undefined && !["error", "warning", "info"].includes(severity)) return this.unknown(ref, "severity", severity, ["error", "warning", "info"]);
        const rows = (await this.query<{ severity: string }>(list === "records" ? "record_issues" : "issues")).filter((r) => severity === undefined || r.severity === severity);
        return { value: rows.length, note: list === "consistency" ? "Consistency checks of ccm-trends (view consistency_issues) over datasets findings and indicator_values." : "Comparisons of ccm-trends (view report_record_issues) of the report with the UN's records." };
      }
      case "revisions": {
        if (!this.needs(ref, 1, 1, "revisions <figures|statements>")) return null;
        const list = ref.args[0]!;
        if (!["figures", "statements"].includes(list)) return this.unknown(ref, "list of revisions", list, ["figures", "statements"]);
        const rows = (await this.query<{ list: string; earlier_report: string }>("revisions", { cycle })).filter((r) => r.list === list);
        const view = list === "figures" ? "indicator_revisions" : "finding_revisions";
        return { value: rows.length, note: `Comparison of the ${cycle} Progress Report with the report before it by ccm-trends (view ${view}).` };
      }
      case "contested": {
        if (!this.needs(ref, 1, 2, "contested <indicator> [cycle]")) return null;
        const [indicator, at = cycle] = ref.args as [string, string?];
        if (!(await this.valid("indicators")).includes(indicator)) return this.unknown(ref, "indicator", indicator, "indicators");
        if (!(await this.knownCycle(ref, at))) return null;
        const row = this.ctx?.row(indicator, at);
        const phrase = row && this.ctx ? contestedPhrase(this.ctx, row) : undefined;
        if (!phrase) return this.problem(ref, `a figure of the report or the UN's records that contradicts indicator ${indicator} in the ${at} cycle`, "none does (view indicator_contested): write the sentence without it");
        return { text: phrase, note: `Indicator ${indicator}, ${at} cycle: contradicted by the report or the UN's records (view indicator_contested); the annexes list each point.` };
      }
      case "query": {
        if (!this.needs(ref, 1, 1, "query <name>")) return null;
        const rows = await this.namedQuery(ref);
        if (!rows) return null;
        const first = rows[0] ? Object.values(rows[0])[0] : undefined;
        if (rows.length !== 1 || typeof first !== "number") return this.problem(ref, `query "${ref.args[0]}" to give one row whose first column is a number`, `make it return one row (it gave ${rows.length}, first value ${show(first)}), or use {table ${ref.args[0]}}`);
        return { value: first, note: `Query "${ref.args[0]}" in ${this.queryFile}, run on the ccm-trends database.` };
      }
    }
    const kinds = [...NUMBER_KINDS, ...BLOCK_KINDS, NOTE_KIND];
    return this.problem(ref, `a reference kind (${kinds.join(", ")})`, `use the closest: ${closest(ref.kind, kinds).join(", ")}`, show(ref.kind));
  }

  async namedQuery(ref: Reference): Promise<Record<string, unknown>[] | null> {
    const name = ref.args[0]!;
    const sql = this.queries.get(name);
    if (sql === undefined) {
      const near = closest(name, [...this.queries.keys()]);
      return this.problem(ref, `a query named in ${this.queryFile}`, near.length ? `use one of the closest valid names: ${near.join(", ")}` : `add it to ${this.queryFile} under a line "-- name: ${name}"`, show(name));
    }
    try {
      return await queryRows(this.conn, sql, sql.includes("$cycle") ? { cycle: this.cycle } : undefined);
    } catch (e) {
      return this.problem(ref, `query "${name}" to run`, `fix the SQL in ${this.queryFile}: ${(e as Error).message.split("\n")[0]}`);
    }
  }

  /** The text of a reference in its place (`start`: it opens a sentence), or null with a problem recorded. */
  async text(ref: Reference, start: boolean): Promise<{ text: string; value: number | null; note: string } | null> {
    if (ref.style !== null && !(STYLES as readonly string[]).includes(ref.style)) return this.problem(ref, `a style (${STYLES.join(", ")})`, `use the closest: ${closest(ref.style, [...STYLES]).join(", ")}`, show(ref.style));
    const r = await this.resolve(ref);
    if (!r) return null;
    return { text: shown(ref, r, start), value: "value" in r ? r.value : null, note: r.note };
  }
}

/** A reference as the draft carries it ("trend 9.2 previous_value|digits") read back as the source would read it. */
export function readReference(inner: string, file = "(draft)"): Reference {
  const p = pieces(`{${inner}}`, 0);
  if (p.length !== 1 || typeof p[0] === "string") throw new Error(`${file}: "{${inner}}" is not a reference`);
  return p[0]!;
}

/** A number of the draft whose resolved text differs from what the composer expected. */
export interface DraftMismatch {
  ref: string;
  expected: string;
  resolved: string;
}

/**
 * Give every number of the generated draft the text the source resolver gives its reference, so that the draft and
 * a source init writes from it agree by construction. Returns where the resolver and the composer disagree (a test
 * requires none); a reference the resolver cannot resolve is a bug of the composer and throws.
 */
export async function resolveDraft(conn: DuckDBConnection, cycle: string, sections: Section[], ctx: Context): Promise<DraftMismatch[]> {
  const resolver = new Resolver(conn, cycle, "(generated draft)", new Map(), "", ctx);
  const mismatches: DraftMismatch[] = [];
  const walk = async (content: Inline[]) => {
    let before = "";
    let first = true;
    for (const c of content) {
      if (typeof c === "string") {
        before += c;
        continue;
      }
      if ("ref" in c) {
        const r = await resolver.text(readReference(c.ref), opensSentence(before, first));
        if (r) {
          if (r.text !== c.text) mismatches.push({ ref: c.ref, expected: c.text, resolved: r.text });
          c.text = r.text;
        }
      }
      before = "";
      first = false;
    }
  };
  for (const s of sections)
    for (const b of s.blocks) {
      if (b.kind === "paragraph") await walk(b.content);
      else if (b.kind === "list") for (const item of b.items) await walk(item);
    }
  if (resolver.problems.length) throw new Error(`The generated draft has references the resolver cannot resolve:\n${new InputError(resolver.problems).message}`);
  return mismatches;
}

export interface RenderedSource {
  title: string | null;
  sections: Section[];
  warnings: string[];
}

/**
 * Resolve every reference of a source against the database and assemble its sections. Problems (unknown
 * names, no row) are collected and thrown together as one InputError naming file, line and column.
 */
export async function renderSource(conn: DuckDBConnection, src: ParsedSource, generated: Generated, notes: Footnotes): Promise<RenderedSource> {
  const resolver = new Resolver(conn, generated.cycle, src.file, src.queries, src.queryFile, generated.ctx ?? null);
  const warnings: string[] = [];
  const problem = (ref: Reference, expected: string, fix: string, found?: string) => resolver.problem(ref, expected, fix, found);
  const needs = (ref: Reference, usage: string): boolean => {
    if (ref.args.length === 1) return true;
    problem(ref, `{${usage}}`, `write it as {${usage}} (see docs/briefing.md)`);
    return false;
  };
  const generatedBlocks = generated.sections.flatMap((s) => s.blocks);
  const chartName = (file: string) => /([^/]+)\.svg$/.exec(file)?.[1] ?? file;

  const resolveBlock = async (ref: Reference): Promise<Block[] | null> => {
    switch (ref.kind) {
      case "section": {
        if (!needs(ref, "section <id>")) return null;
        const s = generated.sections.find((x) => x.id === ref.args[0]);
        if (!s) return problem(ref, "the id of a generated section", `use one of the closest valid names: ${closest(ref.args[0]!, generated.sections.map((x) => x.id)).join(", ")}`, show(ref.args[0]));
        return s.blocks;
      }
      case "block": {
        if (!needs(ref, "block <name>")) return null;
        const named = generatedBlocks.filter((b) => (b.kind === "paragraph" || b.kind === "list") && b.name === ref.args[0]);
        if (!named.length) {
          const valid = [...new Set(generatedBlocks.flatMap((b) => ((b.kind === "paragraph" || b.kind === "list") && b.name ? [b.name] : [])))];
          return problem(ref, "the name of a generated paragraph or list", valid.length ? `use one of the closest valid names: ${closest(ref.args[0]!, valid).join(", ")}` : "this draft names none: write the paragraph yourself", show(ref.args[0]));
        }
        return named;
      }
      case "chart": {
        if (!needs(ref, "chart <name>")) return null;
        const charts = generatedBlocks.filter((b): b is Extract<Block, { kind: "chart" }> => b.kind === "chart");
        // A pillar's chart answers to its code too ({chart D} is {chart pillar-D}).
        const chart = charts.find((c) => chartName(c.file) === ref.args[0] || chartName(c.file) === `pillar-${ref.args[0]}`);
        if (!chart) return problem(ref, "the name of a chart", `use one of the closest valid names: ${closest(ref.args[0]!, charts.flatMap((c) => [chartName(c.file), chartName(c.file).replace(/^pillar-/, "")])).join(", ")}`, show(ref.args[0]));
        return [chart];
      }
      case "table": {
        if (!needs(ref, "table <name>")) return null;
        const table = generatedBlocks.find((b) => b.kind === "table" && b.name === ref.args[0]);
        if (table) return [table];
        if (!src.queries.has(ref.args[0]!)) {
          const valid = [...generatedBlocks.flatMap((b) => (b.kind === "table" && b.name ? [b.name] : [])), ...src.queries.keys()];
          return problem(ref, `the name of a generated table or of a query in ${src.queryFile}`, `use one of the closest valid names: ${closest(ref.args[0]!, valid).join(", ")}`, show(ref.args[0]));
        }
        const rows = await resolver.namedQuery(ref);
        if (!rows) return null;
        if (!rows.length) return problem(ref, `query "${ref.args[0]}" to return rows`, "it returned none: check its conditions");
        const head = Object.keys(rows[0]!);
        const cells = rows.map((r) => head.map((h) => (typeof r[h] === "number" ? formatThousands(r[h] as number) : r[h] === null ? "–" : String(r[h]))));
        const align = head.map((h) => (rows.every((r) => typeof r[h] === "number" || r[h] === null) ? "right" : "left") as "left" | "right");
        return [{ kind: "table", caption: [`Query "${ref.args[0]}"`, notes.cite(`Query "${ref.args[0]}" in ${src.queryFile}, run on the ccm-trends database.`)], head, align, rows: cells }];
      }
    }
    return resolver.resolve(ref).then(() => null);
  };

  /**
   * Text pieces → inline content. A {note <key>} places that note and covers the numbers before it (in the same
   * paragraph or item) whose source it is (`covers`); a number no {note} covers gets its own note right after it (a
   * cycle name is a name: it gets none).
   */
  const inlineOf = async (lines: Piece[][]): Promise<Inline[]> => {
    const out: Inline[] = [];
    let text = "";
    const uncovered: { at: number; note: string; ref: Reference }[] = [];
    const flat: Piece[] = lines.flatMap((l, i) => (i ? [" ", ...l] : l));
    for (let i = 0; i < flat.length; i++) {
      const p = flat[i]!;
      if (typeof p === "string") {
        text += p;
        continue;
      }
      if ((BLOCK_KINDS as readonly string[]).includes(p.kind)) {
        problem(p, "an inline number reference here", `put {${p.kind} …} on a line of its own`);
        continue;
      }
      if (p.kind === NOTE_KIND) {
        const key = p.args.join(" ");
        const note = generated.notes?.get(key);
        if (note === undefined) {
          problem(p, "the key of a note of the generated draft", `use one of the closest valid names: ${closest(key, [...(generated.notes?.keys() ?? [])]).join(", ")}`, show(key));
          continue;
        }
        if (text) out.push(text);
        text = "";
        out.push(notes.cite(note));
        for (let k = uncovered.length - 1; k >= 0; k--) if (covers(key, uncovered[k]!.ref)) uncovered.splice(k, 1);
        continue;
      }
      const before = text;
      const r = await resolver.text(p, opensSentence(before, out.length === 0));
      if (!r) continue;
      const after = typeof flat[i + 1] === "string" ? (flat[i + 1] as string) : "";
      if (r.value !== null) checkTyped(p, r.value, before, after);
      if (text) out.push(text);
      text = "";
      out.push(r.text);
      if (p.kind !== "cycle") uncovered.push({ at: out.length, note: r.note, ref: p });
    }
    if (text) out.push(text);
    for (const u of uncovered.reverse()) out.splice(u.at, 0, notes.cite(u.note));
    return out;
  };

  /** A figure typed beside a reference ("70 {value 9.1}", "{value 9.1} (70)") that disagrees with it; "(12.1, …)" is a list of indicators. */
  const checkTyped = (ref: Reference, value: number, before: string, after: string) => {
    const typed = [/(\d[\d,]*|[A-Za-z]+(?:-[a-z]+)?)\s*\(?\s*$/.exec(before)?.[1], /^\s*\(?\s*(\d[\d,]*)\b(?!\.\d)/.exec(after)?.[1]];
    for (const t of typed) {
      if (!t || /^no$/i.test(t)) continue;
      const n = /^\d/.test(t) ? Number(t.replace(/,/g, "")) : parseNumberWord(t);
      if (n !== null && n !== Math.abs(value)) warnings.push(`${src.file}:${ref.line}:${ref.column}: "${t}" is typed beside ${ref.raw}, which now gives ${formatThousands(value)}; remove the typed figure (the reference prints the number)`);
    }
  };

  const sections: Section[] = [];
  for (const [i, s] of src.sections.entries()) {
    const blocks: Block[] = [];
    for (const b of s.blocks) {
      if (b.kind === "ref") blocks.push(...((await resolveBlock(b.ref)) ?? []));
      else if (b.kind === "paragraph") blocks.push({ kind: "paragraph", content: await inlineOf(b.lines) });
      else {
        const items: Inline[][] = [];
        for (const item of b.items) items.push(await inlineOf(item));
        blocks.push({ kind: "list", items });
      }
    }
    // A section included whole, or under the heading of a generated section (as init writes them), keeps that
    // section's id and its page break.
    const only = s.blocks.length === 1 ? s.blocks[0]! : undefined;
    const included = only?.kind === "ref" && only.ref.kind === "section" ? generated.sections.find((g) => g.id === only.ref.args[0]) : generated.sections.find((g) => g.title === s.title);
    sections.push({ id: included?.id ?? (slug(s.title) || `section-${i + 1}`), title: s.title, blocks, ...(included?.pageBreak ? { pageBreak: true } : {}) });
  }
  if (resolver.problems.length) throw new InputError(resolver.problems);
  return { title: src.title, sections, warnings };
}

function slug(s: string): string {
  return s
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-|-$/g, "");
}

/**
 * The generated draft as a source: its title, and each section as its heading and its blocks. Paragraphs and list
 * items are written out as Markdown, every number as the reference it carries and every note as {note <key>};
 * tables and charts as {table <name>} and {chart <name>}; a paragraph the source cannot express (a number without
 * a reference) as {block <name>}, its stable name.
 */
export function draftSource(cycle: string, title: string, sections: Section[]): string {
  const out = [
    `# ${title}`,
    "",
    `<!-- The source of the ${cycle} briefing. Rewrite any sentence, cut, add; never type a number: every number is a`,
    `     reference such as {value 9.1}, {trend 9.1 previous_value} or {count improved|indicator}, and {note …} places`,
    `     a source note (it covers the numbers before it; a number without one gets its own). See docs/briefing.md. -->`,
    "",
  ];
  for (const s of sections) {
    out.push(`## ${s.title}`, "");
    for (const b of s.blocks) {
      if (b.kind === "chart") out.push(`{chart ${/([^/]+)\.svg$/.exec(b.file)?.[1] ?? b.file}}`);
      else if (b.kind === "table") {
        if (!b.name) throw new Error(`Section ${s.id}: a table without a name cannot be written into the source`);
        out.push(`{table ${b.name}}`);
      } else {
        // A named paragraph or list is one whose numbers the composer does not give references: included by its name.
        const lines = b.name ? null : b.kind === "paragraph" ? [sourceText(b.content)] : b.items.map((item) => { const t = sourceText(item); return t === null ? null : `- ${t}`; });
        if (lines?.every((l): l is string => l !== null)) out.push(...lines);
        else if (b.name) out.push(`{block ${b.name}}`);
        else throw new Error(`Section ${s.id}: a ${b.kind} with a number that carries no reference, and no name to include it by`);
      }
      out.push("");
    }
  }
  return out.join("\n");
}

/** Inline content as source text (numbers as references, notes by key), or null when the source cannot say it. */
export function sourceText(content: Inline[]): string | null {
  let out = "";
  for (const c of content) {
    if (typeof c === "string") {
      if (/[{}\n]|<!--/.test(c)) return null;
      out += c;
    } else if ("ref" in c) out += `{${c.ref}}`;
    else if (isNote(c) && c.key !== undefined) out += `{note ${c.key}}`;
    else return null;
  }
  if (out !== out.trim() || !out || /^(#|[-*]\s)/.test(out)) return null;
  return out;
}
