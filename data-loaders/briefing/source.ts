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
import { capitalize, formatThousands, parseNumberWord, proseNumber } from "../lib/number-words.ts";
import type { Block, Footnotes, Inline, Section } from "./model.ts";
import { compactCells } from "./sources.ts";

/** Where the analyst's sources live, relative to the project root. */
export const SOURCE_DIR = "sources/briefings";

/** The kinds of inline number references. */
export const NUMBER_KINDS = ["value", "change", "named", "mentions", "members", "votes", "query"] as const;
/** The kinds of references that stand on a line of their own and become a block. */
export const BLOCK_KINDS = ["chart", "table", "section"] as const;
const STYLES = ["words", "digits", "signed"] as const;
const VOTE_FIELDS = ["yes", "no", "abstain", "non_voting"] as const;

/** One `{kind arg …|style}` in the source, with where it is. */
export interface Reference {
  kind: string;
  args: string[];
  style: string | null;
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

const REF = /\{([a-z_]+)((?:[ \t]+[^\s{}|]+)*)[ \t]*(?:\|[ \t]*([a-z_]+)[ \t]*)?\}/g;

/** Split one line into text and references. */
function pieces(text: string, line: number, offset = 0): Piece[] {
  const out: Piece[] = [];
  let last = 0;
  for (const m of text.matchAll(REF)) {
    if (m.index > last) out.push(text.slice(last, m.index));
    out.push({ kind: m[1]!, args: (m[2] ?? "").trim().split(/\s+/).filter(Boolean), style: m[3] ?? null, line, column: offset + m.index + 1, raw: m[0] });
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

/** What the generated draft offers a source to include: its sections (by id) and its pillar charts (by code). */
export interface Generated {
  cycle: string;
  sections: Section[];
}

/** A resolved number: its value, the note that cites where it comes from. */
interface Resolved {
  value: number;
  note: string;
}

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
  const problems: InputProblem[] = [];
  const warnings: string[] = [];
  const names = new Map<string, string[]>();
  const valid = async (list: string): Promise<string[]> => {
    if (!names.has(list)) names.set(list, (await queryRows<{ name: string }>(conn, sqlText(`briefing/refs/${list}.sql`))).map((r) => String(r.name)));
    return names.get(list)!;
  };
  const problem = (ref: Reference, expected: string, fix: string, found = show(ref.raw)) => {
    problems.push({ file: src.file, line: ref.line, column: ref.column, expected, found, fix });
    return null;
  };
  const unknown = async (ref: Reference, what: string, name: string, list: string): Promise<null> => {
    const near = closest(name, await valid(list));
    return problem(ref, `a known ${what}`, near.length ? `use one of the closest valid names: ${near.join(", ")}` : `the database has no ${what} at all: run \`npm run pipeline\``, show(name));
  };
  const needs = (ref: Reference, min: number, max: number, usage: string): boolean => {
    if (ref.args.length >= min && ref.args.length <= max) return true;
    problem(ref, `{${usage}}`, `write it as {${usage}} (see docs/briefing.md)`);
    return false;
  };

  const indicatorValue = async (ref: Reference, indicator: string, cycle: string): Promise<{ value: number; source_ref: string | null } | null> => {
    if (!(await valid("indicators")).includes(indicator)) return unknown(ref, "indicator", indicator, "indicators");
    if (!(await valid("cycles")).includes(cycle)) return unknown(ref, "cycle", cycle, "cycles");
    const row = (await queryRows<{ value: number | null; source_ref: string | null }>(conn, sqlText("briefing/refs/value.sql"), { indicator, cycle }))[0];
    if (!row || row.value === null) return problem(ref, `a value of indicator ${indicator} in the ${cycle} cycle`, `the report gives none (not measured): name another cycle, or write the sentence without this number`);
    return { value: row.value, source_ref: row.source_ref };
  };

  const resolveNumber = async (ref: Reference): Promise<Resolved | null> => {
    const cycle = generated.cycle;
    switch (ref.kind) {
      case "value": {
        if (!needs(ref, 1, 2, "value <indicator> [cycle]")) return null;
        const [indicator, at = cycle] = ref.args as [string, string?];
        const v = await indicatorValue(ref, indicator, at);
        return v && { value: v.value, note: `Indicator ${indicator}, ${at} cycle: ${v.source_ref ?? "the report's table"} (dataset indicator_values).` };
      }
      case "change": {
        if (!needs(ref, 2, 3, "change <indicator> <from cycle> [to cycle]")) return null;
        const [indicator, from, to = cycle] = ref.args as [string, string, string?];
        const a = await indicatorValue(ref, indicator, from);
        if (!a) return null;
        const b = await indicatorValue(ref, indicator, to);
        return b && { value: b.value - a.value, note: `Indicator ${indicator}, change from the ${from} to the ${to} cycle, computed by ccm-trends from ${compactCells([a.source_ref ?? `no ${from} source`, b.source_ref ?? `no ${to} source`]).join("; ")} (dataset indicator_values).` };
      }
      case "named": {
        if (!needs(ref, 1, 1, "named <finding>")) return null;
        const finding = ref.args[0]!;
        const row = (await queryRows<{ value: number; paragraph: string; cycle: string }>(conn, sqlText("briefing/refs/named.sql"), { finding }))[0];
        if (!row) return unknown(ref, "finding", finding, "findings");
        return { value: row.value, note: `${row.cycle} Progress Report ${/^\d+$/.test(row.paragraph) ? "para" : "item"} ${row.paragraph}: States it names, as extracted in finding ${finding} (datasets findings, finding_states).` };
      }
      case "mentions": {
        if (!needs(ref, 1, 2, "mentions <ISO3> [cycle]")) return null;
        const [iso3, at = cycle] = ref.args as [string, string?];
        if (!(await valid("states")).includes(iso3)) return unknown(ref, "State (ISO 3166 alpha-3 code)", iso3, "states");
        if (!(await valid("cycles")).includes(at)) return unknown(ref, "cycle", at, "cycles");
        const row = (await queryRows<{ value: number; name: string }>(conn, sqlText("briefing/refs/mentions.sql"), { iso3, cycle: at }))[0]!;
        return { value: row.value, note: `Findings of the ${at} Progress Report that name ${row.name} (${iso3}), counted by ccm-trends (datasets findings, finding_states).` };
      }
      case "members": {
        if (!needs(ref, 2, 2, "members <status> <YYYY-MM-DD>")) return null;
        const [status, date] = ref.args as [string, string];
        if (!(await valid("statuses")).includes(status)) return unknown(ref, "status", status, "statuses");
        if (!/^\d{4}-\d{2}-\d{2}$/.test(date) || Number.isNaN(Date.parse(date))) return problem(ref, "a date as YYYY-MM-DD", "write the day as e.g. 2025-07-31", show(date));
        const row = (await queryRows<{ value: number }>(conn, sqlText("briefing/refs/members.sql"), { status, date }))[0]!;
        return { value: row.value, note: `States with status ${status} on ${date}, counted by ccm-trends over table state_status (dataset state_events).` };
      }
      case "votes": {
        if (!needs(ref, 2, 2, "votes <year> <yes|no|abstain|non_voting>")) return null;
        const [year, field] = ref.args as [string, string];
        if (!(await valid("vote_years")).includes(year)) return unknown(ref, "year of a CCM resolution vote", year, "vote_years");
        if (!(VOTE_FIELDS as readonly string[]).includes(field)) return problem(ref, `one of ${VOTE_FIELDS.join(", ")}`, `use the closest: ${closest(field, [...VOTE_FIELDS]).join(", ")}`, show(field));
        const row = (await queryRows<Record<string, number | string | null>>(conn, sqlText("briefing/refs/votes.sql"), { year: Number(year) }))[0]!;
        const v = row[field];
        if (v === null || v === undefined) return problem(ref, `a published ${field} total for ${year}`, "the UN did not publish it: leave this number out");
        return { value: Number(v), note: `UNGA resolution ${row.resolution} (${year}), ${field === "non_voting" ? "non-voting" : field} total: ${row.source_ref ?? "UN Digital Library"} (view unga_resolution_votes).` };
      }
      case "query": {
        if (!needs(ref, 1, 1, "query <name>")) return null;
        const rows = await namedQuery(ref);
        if (!rows) return null;
        const first = rows[0] ? Object.values(rows[0])[0] : undefined;
        if (rows.length !== 1 || typeof first !== "number") return problem(ref, `query "${ref.args[0]}" to give one row whose first column is a number`, `make it return one row (it gave ${rows.length}, first value ${show(first)}), or use {table ${ref.args[0]}}`);
        return { value: first, note: `Query "${ref.args[0]}" in ${src.queryFile}, run on the ccm-trends database.` };
      }
    }
    const kinds = [...NUMBER_KINDS, ...BLOCK_KINDS];
    return problem(ref, `a reference kind (${kinds.join(", ")})`, `use the closest: ${closest(ref.kind, kinds).join(", ")}`, show(ref.kind));
  };

  const namedQuery = async (ref: Reference): Promise<Record<string, unknown>[] | null> => {
    const name = ref.args[0]!;
    const sql = src.queries.get(name);
    if (sql === undefined) {
      const near = closest(name, [...src.queries.keys()]);
      return problem(ref, `a query named in ${src.queryFile}`, near.length ? `use one of the closest valid names: ${near.join(", ")}` : `add it to ${src.queryFile} under a line "-- name: ${name}"`, show(name));
    }
    try {
      return await queryRows(conn, sql, sql.includes("$cycle") ? { cycle: generated.cycle } : undefined);
    } catch (e) {
      return problem(ref, `query "${name}" to run`, `fix the SQL in ${src.queryFile}: ${(e as Error).message.split("\n")[0]}`);
    }
  };

  const resolveBlock = async (ref: Reference): Promise<Block[] | null> => {
    switch (ref.kind) {
      case "section": {
        if (!needs(ref, 1, 1, "section <id>")) return null;
        const s = generated.sections.find((x) => x.id === ref.args[0]);
        if (!s) return problem(ref, "the id of a generated section", `use one of the closest valid names: ${closest(ref.args[0]!, generated.sections.map((x) => x.id)).join(", ")}`, show(ref.args[0]));
        return s.blocks;
      }
      case "chart": {
        if (!needs(ref, 1, 1, "chart <pillar code>")) return null;
        const charts = generated.sections.flatMap((s) => s.blocks.filter((b): b is Extract<Block, { kind: "chart" }> => b.kind === "chart"));
        const code = (file: string) => /pillar-([^.]+)\.svg$/.exec(file)?.[1] ?? file;
        const chart = charts.find((c) => code(c.file) === ref.args[0]);
        if (!chart) return problem(ref, "the code of a pillar with a chart", `use one of the closest valid names: ${closest(ref.args[0]!, charts.map((c) => code(c.file))).join(", ")}`, show(ref.args[0]));
        return [chart];
      }
      case "table": {
        if (!needs(ref, 1, 1, "table <query name>")) return null;
        const rows = await namedQuery(ref);
        if (!rows) return null;
        if (!rows.length) return problem(ref, `query "${ref.args[0]}" to return rows`, "it returned none: check its conditions");
        const head = Object.keys(rows[0]!);
        const cells = rows.map((r) => head.map((h) => (typeof r[h] === "number" ? formatThousands(r[h] as number) : r[h] === null ? "–" : String(r[h]))));
        const align = head.map((h) => (rows.every((r) => typeof r[h] === "number" || r[h] === null) ? "right" : "left") as "left" | "right");
        return [{ kind: "table", caption: [`Query "${ref.args[0]}"`, notes.cite(`Query "${ref.args[0]}" in ${src.queryFile}, run on the ccm-trends database.`)], head, align, rows: cells }];
      }
    }
    return resolveNumber(ref).then(() => null);
  };

  /** Text pieces → inline content: each number in prose style with its note; hand-typed neighbours checked. */
  const inlineOf = async (lines: Piece[][]): Promise<Inline[]> => {
    const out: Inline[] = [];
    let text = "";
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
      if (p.style !== null && !(STYLES as readonly string[]).includes(p.style)) problem(p, `a style (${STYLES.join(", ")})`, `use the closest: ${closest(p.style, [...STYLES]).join(", ")}`, show(p.style));
      const r = await resolveNumber(p);
      if (!r) continue;
      const before = text;
      const after = typeof flat[i + 1] === "string" ? (flat[i + 1] as string) : "";
      checkTyped(p, r.value, before, after);
      const start = (out.length === 0 && before.trim() === "") || /[.!?]\s+$/.test(before);
      const shown = p.style === "digits" ? formatThousands(Math.abs(r.value)) : p.style === "signed" ? signedFigure(r.value) : proseNumber(r.value, { capitalize: start, words: p.style === "words" });
      if (text) out.push(text);
      text = "";
      out.push(p.style === "words" && start ? capitalize(shown) : shown, notes.cite(r.note));
    }
    if (text) out.push(text);
    return out;
  };

  /** A figure typed beside a reference ("70 {value 9.1}", "{value 9.1} (70)") that disagrees with it. */
  const checkTyped = (ref: Reference, value: number, before: string, after: string) => {
    const typed = [/(\d[\d,]*|[A-Za-z]+(?:-[a-z]+)?)\s*\(?\s*$/.exec(before)?.[1], /^\s*\(?\s*(\d[\d,]*)\b/.exec(after)?.[1]];
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
    const only = s.blocks.length === 1 ? s.blocks[0]! : undefined;
    const included = only?.kind === "ref" && only.ref.kind === "section" ? generated.sections.find((g) => g.id === only.ref.args[0]) : undefined;
    sections.push({ id: included?.id ?? (slug(s.title) || `section-${i + 1}`), title: s.title, blocks, ...(included?.pageBreak ? { pageBreak: true } : {}) });
  }
  if (problems.length) throw new InputError(problems);
  return { title: src.title, sections, warnings };
}

function signedFigure(n: number): string {
  return n > 0 ? `+${formatThousands(n)}` : n < 0 ? `−${formatThousands(-n)}` : "0";
}

function slug(s: string): string {
  return s
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-|-$/g, "");
}

/** The generated draft as a source: its title, and each section as a heading and an include the analyst can replace. */
export function draftSource(cycle: string, title: string, sections: Section[]): string {
  const out = [
    `# ${title}`,
    "",
    `<!-- The source of the ${cycle} briefing. Edit freely; never type a number: write a reference such as {value 9.1},`,
    `     {change 9.1 12MSP}, {members state_party 2025-07-31} or {votes 2024 yes}. {section <id>} includes a generated`,
    `     section whole: replace it by your own paragraphs to rewrite it, delete it to cut it. See docs/briefing.md. -->`,
    "",
  ];
  for (const s of sections) out.push(`## ${s.title}`, "", `{section ${s.id}}`, "");
  return out.join("\n");
}
