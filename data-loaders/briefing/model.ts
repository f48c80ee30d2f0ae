/**
 * The briefing as a document model: sections of blocks whose text carries footnote references. The
 * Markdown and HTML writers render the same model, so both say exactly the same thing.
 */
export type Inline = string | { note: number };

export type Block =
  | { kind: "paragraph"; content: Inline[] }
  | { kind: "list"; items: Inline[][] }
  | { kind: "table"; caption: Inline[]; head: string[]; align: ("left" | "right")[]; rows: string[][]; className?: string; widths?: number[] }
  | { kind: "chart"; file: string; title: string; description: string; svg: string; note: number };

export interface Section {
  id: string;
  title: string;
  blocks: Block[];
  /** Start this section on a new printed page. */
  pageBreak?: boolean;
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
}

/**
 * Numbered footnotes for sources. The same source text always gets the same number; numbers follow the
 * order of first citation, so a deterministic document gives deterministic notes.
 */
export class Footnotes {
  private readonly numbers = new Map<string, number>();
  readonly texts: string[] = [];

  cite(source: string): { note: number } {
    const text = source.trim();
    if (!text) throw new Error("A footnote needs a source text");
    let n = this.numbers.get(text);
    if (n === undefined) {
      this.texts.push(text);
      n = this.texts.length;
      this.numbers.set(text, n);
    }
    return { note: n };
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
  const fix = (content: Inline[]): Inline[] => content.map((c) => (typeof c === "string" ? c : { note: see(c.note) }));
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
