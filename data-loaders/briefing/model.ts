/**
 * The briefing as a document model: sections of blocks whose text carries footnote references. The
 * Markdown and HTML writers render the same model, so both say exactly the same thing.
 */
export type Inline = string | Note | NumRef;

/** A numbered source note; `key` names it for the analyst's source ({note <key>}) when the composer gave it one. */
export interface Note {
  note: number;
  key?: string;
}

/**
 * A number (or a cycle name, a date from the data) of the generated draft, as its reference: what a source writes
 * between braces ("value 9.1", "trend 9.2 previous_value|digits"). The composer writes no number: the draft is
 * written as a source (source/init.ts) and its references resolved like an analyst's (source/resolve.ts).
 */
export interface NumRef {
  ref: string;
}

export function isNote(c: Inline): c is Note {
  return typeof c !== "string" && "note" in c;
}

/** The text a reader sees of an inline piece (empty for a note); a reference must have been resolved before. */
export function shownText(c: Inline): string {
  if (typeof c !== "string" && "ref" in c)
    throw new Error(`{${c.ref}} reached a writer unresolved: render the draft as a source first`);
  return typeof c === "string" ? c : "";
}

/** A number of the draft, as its reference: num("value 9.1"). */
export function num(ref: string): NumRef {
  return { ref };
}

/** Inline content as the writers take it: numbers as their text, neighbouring text joined, keys dropped. */
export function plainInline(content: Inline[]): Inline[] {
  const out: Inline[] = [];
  for (const c of content) {
    if (isNote(c)) out.push({ note: c.note });
    else {
      const t = shownText(c);
      if (!t) continue;
      if (typeof out.at(-1) === "string") out[out.length - 1] = `${out.at(-1) as string}${t}`;
      else out.push(t);
    }
  }
  return out;
}

/**
 * `name` is a block's stable name for the analyst's source: a table is included as {table <name>}; a paragraph or
 * list gets one only when the composer does not give its numbers references, and is included as {block <name>}.
 */
export type Block =
  | { kind: "paragraph"; content: Inline[]; name?: string }
  | { kind: "list"; items: Inline[][]; name?: string }
  | {
      kind: "table";
      caption: Inline[];
      head: string[];
      align: ("left" | "right")[];
      rows: string[][];
      className?: string;
      widths?: number[];
      name?: string;
    }
  | { kind: "chart"; file: string; title: string; description: string; svg: string; note: number };

export interface Section {
  id: string;
  title: string;
  blocks: Block[];
}

export interface Briefing {
  cycle: string;
  title: string;
  subtitle: string;
  /** Date printed on the briefing (pinned for reproducible output). */
  date: string;
  sections: Section[];
  notes: string[];
  /** The analyst's source it was rendered from (e.g. sources/briefings/13MSP.md); absent for the generated draft. */
  source?: string;
  /**
   * What the source says that the data may no longer bear out, each with its file, line and column (a typed figure
   * the reference now contradicts, a word of a trend that turned, …): the build's warnings, for the Briefings page.
   * Never printed in the briefing itself. Absent when there is none.
   */
  readAgain?: string[];
}

/**
 * Numbered footnotes for sources. The same source text always gets the same number; numbers follow the
 * order of first citation, so a deterministic document gives deterministic notes.
 */
export class Footnotes {
  private readonly numbers = new Map<string, number>();
  readonly texts: string[] = [];
  /** The notes the composer named ({note <key>} in a source), by key. */
  readonly keyed = new Map<string, string>();

  /** The note of a source text; with a key, a source may place the same note as {note <key>}. */
  cite(source: string, key?: string): Note {
    const text = source.trim();
    if (!text) throw new Error("A footnote needs a source text");
    if (key !== undefined) {
      const had = this.keyed.get(key);
      if (had !== undefined && had !== text)
        throw new Error(`Note key "${key}" names two notes: "${had}" and "${text}"`);
      this.keyed.set(key, text);
    }
    let n = this.numbers.get(text);
    if (n === undefined) {
      this.texts.push(text);
      n = this.texts.length;
      this.numbers.set(text, n);
    }
    return key === undefined ? { note: n } : { note: n, key };
  }
}

/** Join inline pieces of a sentence, e.g. sentence("Seventy (70) States Parties …", notes.cite(ref), "."). */
export function inline(...parts: (Inline | Inline[])[]): Inline[] {
  return parts.flat();
}

/**
 * Renumber notes in order of first appearance in the document (sections, then blocks, then text), so
 * that note 1 is the first one a reader meets, whatever order the composer cited them in.
 */
export function renumberNotes(doc: Briefing): Briefing {
  const map = new Map<number, number>();
  const see = (n: number) => {
    if (!map.has(n)) map.set(n, map.size + 1);
    return map.get(n)!;
  };
  const fix = (content: Inline[]): Inline[] => plainInline(content).map((c) => (isNote(c) ? { note: see(c.note) } : c));
  const sections = doc.sections.map((s) => ({
    ...s,
    blocks: s.blocks.map((b): Block => {
      switch (b.kind) {
        case "paragraph":
          return { ...b, content: fix(b.content) };
        case "list":
          return { ...b, items: b.items.map(fix) };
        case "table":
          return { ...b, caption: fix(b.caption) };
        case "chart":
          return { ...b, note: see(b.note) };
      }
    }),
  }));
  const notes: string[] = [];
  for (const [old, now] of map) notes[now - 1] = doc.notes[old - 1]!;
  return { ...doc, sections, notes };
}
