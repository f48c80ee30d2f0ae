/**
 * Reading an analyst's briefing source (sources/briefings/<cycle>.md), or the generated draft written as one: Markdown
 * in which every number is a reference to the database ("{value 9.1}"), and charts, tables and generated sections are
 * references on a line of their own. This module only reads: resolve.ts gives each reference its text, render.ts
 * assembles the document, init.ts writes the draft as a source. The syntax is documented in docs/briefing.md.
 */
import { existsSync, readFileSync } from "node:fs";

/** Where the analyst's sources live, relative to the project root. */
export const SOURCE_DIR = "sources/briefings";

/** The kinds of inline number references. */
export const NUMBER_KINDS = [
  "value",
  "change",
  "trend",
  "count",
  "ids",
  "tally",
  "cycle",
  "cycles",
  "date",
  "withdrawals",
  "named",
  "names",
  "mentions",
  "members",
  "votes",
  "shifts",
  "flows",
  "issues",
  "revisions",
  "contested",
  "query",
] as const;
/** The kinds of references that stand on a line of their own and become a block. */
export const BLOCK_KINDS = ["chart", "table", "section", "block"] as const;
/** `{note <key>}` places one of the generated draft's source notes. */
export const NOTE_KIND = "note";
export const STYLES = ["words", "digits", "signed", "ordinal", "percent"] as const;

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

export type Piece = string | Reference;

export type SourceBlock =
  { kind: "paragraph"; lines: Piece[][] } | { kind: "list"; items: Piece[][][] } | { kind: "ref"; ref: Reference };

export interface SourceSection {
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
export function pieces(text: string, line: number, offset = 0): Piece[] {
  const out: Piece[] = [];
  let last = 0;
  for (const m of text.matchAll(REF)) {
    if (m.index > last) out.push(text.slice(last, m.index));
    out.push({
      kind: m[1]!,
      args: (m[2] ?? "").trim().split(/\s+/).filter(Boolean),
      ...styleOf(m[3]),
      line,
      column: offset + m.index + 1,
      raw: m[0],
    });
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
    if (
      alone.length === 1 &&
      typeof alone[0] !== "string" &&
      (BLOCK_KINDS as readonly string[]).includes(alone[0]!.kind)
    ) {
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
