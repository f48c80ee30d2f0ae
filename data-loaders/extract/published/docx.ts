/**
 * A Word report (.docx, Office Open XML) → the report's text (report-text.ts) and its page furniture.
 *
 * Read with JSZip (the archive) and @xmldom/xmldom (the XML), not mammoth: mammoth keeps tables and turns a
 * vertically merged cell into a rowspan, but it drops what tells a bullet from a paragraph in these reports
 * (the paragraph's indentation), the page headers and footers (the document symbol and job number) and the
 * list numbers Word computes; read directly, every merged cell (w:vMerge, w:gridSpan) becomes the empty cells
 * the text path expects, and nothing of the header or footer can leak into the body.
 *
 *   - body paragraphs, in order; "18.<tab>Text" and Word's own list numbers ("%1.") both give "18. Text";
 *     an unnumbered paragraph indented further than the numbered ones, or a bulleted list item, is a bullet;
 *   - tables: one row a line; a cell a merged cell above covers (w:vMerge) is empty, a cell spanning several
 *     grid columns (w:gridSpan) is followed by empty cells, so every row has the grid's width;
 *   - footnotes (w:footnoteReference): the mark in the text as a superscript number, the note as a line
 *     "¹ text" after its paragraph or after its table, where the printed page has it;
 *   - page headers and footers: returned apart as furniture (symbol, job number), never in the text;
 *   - deleted (tracked) and hidden text is left out.
 */
import JSZip from "jszip";
import { DOMParser } from "@xmldom/xmldom";
import { InputError } from "../../lib/errors.ts";
import type { Block, Place } from "./report-text.ts";

const W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main";
const SUPERSCRIPT = "⁰¹²³⁴⁵⁶⁷⁸⁹";

export interface ReadDocument {
  blocks: Block[];
  /** Text of the page headers and footers, one entry a paragraph. */
  furniture: string[];
}

type El = Element;

function children(el: El, name?: string): El[] {
  const out: El[] = [];
  for (let n = el.firstChild; n; n = n.nextSibling) {
    if (n.nodeType === 1 && (!name || ((n as El).namespaceURI === W && (n as El).localName === name)))
      out.push(n as El);
  }
  return out;
}
function child(el: El | null | undefined, name: string): El | null {
  return el ? (children(el, name)[0] ?? null) : null;
}
function attr(el: El | null | undefined, name: string): string | null {
  if (!el) return null;
  return el.getAttributeNS(W, name) || el.getAttribute(`w:${name}`) || null;
}
/** A w:b / w:i / w:vanish toggle: present and not switched off. */
function on(el: El | null): boolean {
  if (!el) return false;
  const v = attr(el, "val");
  return v === null || !["0", "false", "off"].includes(v);
}

function superscript(n: number): string {
  return String(n)
    .split("")
    .map((d) => SUPERSCRIPT[Number(d)])
    .join("");
}

interface Styles {
  italic: Map<string, boolean>;
  ind: Map<string, El>;
  numPr: Map<string, El>;
}

function readStyles(doc: Document | null): Styles {
  const styles: Styles = { italic: new Map(), ind: new Map(), numPr: new Map() };
  if (!doc) return styles;
  const all = Array.from(doc.getElementsByTagNameNS(W, "style"));
  const byId = new Map(all.map((s) => [attr(s, "styleId") ?? "", s]));
  const resolve = <T>(id: string, pick: (s: El) => T | null, seen = new Set<string>()): T | null => {
    const s = byId.get(id);
    if (!s || seen.has(id)) return null;
    seen.add(id);
    const own = pick(s);
    if (own !== null) return own;
    const base = attr(child(s, "basedOn"), "val");
    return base ? resolve(base, pick, seen) : null;
  };
  for (const id of byId.keys()) {
    const italic = resolve(id, (s) => {
      const i = child(child(s, "rPr"), "i");
      return i ? on(i) : null;
    });
    if (italic !== null) styles.italic.set(id, italic);
    const ind = resolve(id, (s) => child(child(s, "pPr"), "ind"));
    if (ind) styles.ind.set(id, ind);
    const numPr = resolve(id, (s) => child(child(s, "pPr"), "numPr"));
    if (numPr) styles.numPr.set(id, numPr);
  }
  return styles;
}

interface Level {
  format: string;
  text: string;
  start: number;
}

/** Word's list numbering: the label of each numbered paragraph, counted as Word counts it. */
class Numbering {
  private levels = new Map<string, Map<number, Level>>();
  private abstractOf = new Map<string, string>();
  private starts = new Map<string, Map<number, number>>();
  private counters = new Map<string, number[]>();

  constructor(doc: Document | null) {
    if (!doc) return;
    for (const a of Array.from(doc.getElementsByTagNameNS(W, "abstractNum"))) {
      const lvls = new Map<number, Level>();
      for (const l of children(a, "lvl")) {
        lvls.set(Number(attr(l, "ilvl") ?? 0), {
          format: attr(child(l, "numFmt"), "val") ?? "decimal",
          text: attr(child(l, "lvlText"), "val") ?? "",
          start: Number(attr(child(l, "start"), "val") ?? 1),
        });
      }
      this.levels.set(attr(a, "abstractNumId") ?? "", lvls);
    }
    for (const n of Array.from(doc.getElementsByTagNameNS(W, "num"))) {
      const id = attr(n, "numId") ?? "";
      this.abstractOf.set(id, attr(child(n, "abstractNumId"), "val") ?? "");
      const overrides = new Map<number, number>();
      for (const o of children(n, "lvlOverride")) {
        const start = attr(child(o, "startOverride"), "val");
        if (start !== null) overrides.set(Number(attr(o, "ilvl") ?? 0), Number(start));
      }
      this.starts.set(id, overrides);
    }
  }

  /** The label ("18.", "(a)", "•") and kind of the next item of list numId at level ilvl. */
  next(numId: string, ilvl: number): { label: string; bullet: boolean } | null {
    const level = this.levels.get(this.abstractOf.get(numId) ?? "")?.get(ilvl);
    if (!level || numId === "0" || level.format === "none") return null;
    if (level.format === "bullet") return { label: "-", bullet: true };
    const counts = this.counters.get(numId) ?? [];
    const startOf = (l: number) =>
      this.starts.get(numId)?.get(l) ?? this.levels.get(this.abstractOf.get(numId) ?? "")?.get(l)?.start ?? 1;
    counts[ilvl] = counts[ilvl] === undefined ? startOf(ilvl) : counts[ilvl]! + 1;
    counts.length = ilvl + 1;
    this.counters.set(numId, counts);
    const label = level.text.replace(/%(\d)/g, (_, d: string) => {
      const l = Number(d) - 1;
      const n = counts[l] ?? startOf(l);
      const fmt = this.levels.get(this.abstractOf.get(numId) ?? "")?.get(l)?.format ?? "decimal";
      return formatNumber(n, fmt);
    });
    // Only the top level's "1." numbers the report's paragraphs; (a), (i) and deeper levels are items under them.
    return { label, bullet: !(ilvl === 0 && level.format === "decimal" && /^\d+\.$/.test(label)) };
  }
}

function formatNumber(n: number, format: string): string {
  const letters = (k: number) => String.fromCharCode(96 + (((k - 1) % 26) + 1)).repeat(Math.floor((k - 1) / 26) + 1);
  const roman = (k: number) => {
    const table: [number, string][] = [
      [1000, "m"],
      [900, "cm"],
      [500, "d"],
      [400, "cd"],
      [100, "c"],
      [90, "xc"],
      [50, "l"],
      [40, "xl"],
      [10, "x"],
      [9, "ix"],
      [5, "v"],
      [4, "iv"],
      [1, "i"],
    ];
    let out = "";
    for (const [v, s] of table) {
      while (k >= v) {
        out += s;
        k -= v;
      }
    }
    return out;
  };
  switch (format) {
    case "lowerLetter":
      return letters(n);
    case "upperLetter":
      return letters(n).toUpperCase();
    case "lowerRoman":
      return roman(n);
    case "upperRoman":
      return roman(n).toUpperCase();
    default:
      return String(n);
  }
}

interface Piece {
  text: string;
  italic: boolean;
}

interface Context {
  styles: Styles;
  numbering: Numbering;
  footnotes: Map<string, string>;
  /** Footnote numbers by id, in the order the text refers to them. */
  noteNumbers: Map<string, number>;
  /** Notes referred to since the last block was closed, as "¹ text" lines. */
  pendingNotes: string[];
}

/** The text of a paragraph's runs, with italics, in order (fields, hyperlinks, insertions and smart tags included). */
function runs(el: El, ctx: Context, inheritedItalic: boolean, out: Piece[]): void {
  for (const c of children(el)) {
    if (c.namespaceURI !== W) continue;
    switch (c.localName) {
      case "r": {
        const rPr = child(c, "rPr");
        if (on(child(rPr, "vanish"))) break;
        const styleItalic = ctx.styles.italic.get(attr(child(rPr, "rStyle"), "val") ?? "");
        const iEl = child(rPr, "i");
        const italic = iEl ? on(iEl) : (styleItalic ?? inheritedItalic);
        for (const part of children(c)) {
          if (part.namespaceURI !== W) continue;
          const name = part.localName;
          if (name === "t") out.push({ text: part.textContent ?? "", italic });
          else if (name === "tab" || name === "ptab") out.push({ text: "\t", italic: false });
          else if (name === "br" || name === "cr") {
            if (attr(part, "type") !== "page") out.push({ text: " ", italic: false });
          } else if (name === "noBreakHyphen") out.push({ text: "-", italic });
          else if (name === "footnoteReference" || name === "endnoteReference") {
            const id = attr(part, "id") ?? "";
            if (attr(part, "customMarkFollows") && on(part)) break; // the mark is the run text that follows
            if (!ctx.noteNumbers.has(id)) ctx.noteNumbers.set(id, ctx.noteNumbers.size + 1);
            const mark = superscript(ctx.noteNumbers.get(id)!);
            out.push({ text: mark, italic: false });
            const note = ctx.footnotes.get(id);
            if (note !== undefined) ctx.pendingNotes.push(`${mark} ${note}`);
          }
        }
        break;
      }
      case "hyperlink":
      case "ins":
      case "smartTag":
      case "fldSimple":
      case "customXml":
      case "sdtContent":
        runs(c, ctx, inheritedItalic, out);
        break;
      case "sdt":
        runs(child(c, "sdtContent") ?? c, ctx, inheritedItalic, out);
        break;
      default:
        break; // w:del, bookmarks, proofing marks: no printed text
    }
  }
}

/** Text of pieces; the whole text (after its number) in *…* when every letter of it is italic, as the text export marks a heading. */
function textOf(pieces: Piece[], markItalic: boolean): { text: string; italic: boolean } {
  const text = pieces.map((p) => p.text).join("");
  const letters = pieces.filter((p) => /[A-Za-z]/.test(p.text));
  const italic = markItalic && letters.length > 0 && letters.every((p) => p.italic);
  return { text, italic };
}

interface Para {
  text: string;
  /** Where the first line starts, in twips from the margin. */
  start: number;
  numbered: boolean;
  bullet: boolean;
}

function indentOf(ind: El | null): { left: number; firstLine: number } {
  if (!ind) return { left: 0, firstLine: 0 };
  const left = Number(attr(ind, "left") ?? attr(ind, "start") ?? 0);
  const hanging = Number(attr(ind, "hanging") ?? 0);
  const first = Number(attr(ind, "firstLine") ?? 0);
  return { left, firstLine: hanging ? -hanging : first };
}

function readParagraph(p: El, ctx: Context): Para {
  const pPr = child(p, "pPr");
  const styleId = attr(child(pPr, "pStyle"), "val") ?? "";
  const styleItalic = ctx.styles.italic.get(styleId) ?? false;
  const pieces: Piece[] = [];
  runs(p, ctx, styleItalic, pieces);
  const ind = indentOf(child(pPr, "ind") ?? ctx.styles.ind.get(styleId) ?? null);
  const numPr = child(pPr, "numPr") ?? ctx.styles.numPr.get(styleId) ?? null;
  let label: { label: string; bullet: boolean } | null = null;
  if (numPr)
    label = ctx.numbering.next(
      attr(child(numPr, "numId"), "val") ?? "0",
      Number(attr(child(numPr, "ilvl"), "val") ?? 0),
    );
  let { text, italic } = textOf(pieces, true);
  let prefix = "";
  const typed = /^\s*(\d+\.)(?:\t|\s+)/.exec(text);
  if (label) prefix = label.bullet ? (label.label === "-" ? "- " : `- ${label.label} `) : `${label.label} `;
  else if (typed) {
    prefix = `${typed[1]} `;
    text = text.slice(typed[0].length);
    // Whether the words after the number are all italic ("1. *Guiding principles …*").
    const rest = pieces.slice();
    let skip = typed[0].length;
    while (skip > 0 && rest.length) {
      const first = rest[0]!;
      if (first.text.length <= skip) {
        skip -= first.text.length;
        rest.shift();
      } else {
        rest[0] = { ...first, text: first.text.slice(skip) };
        skip = 0;
      }
    }
    italic = textOf(rest, true).italic;
  }
  const body = text.replace(/[\s\u00a0]+/g, " ").trim();
  const marked = italic && body !== "" ? `*${body}*` : body;
  return {
    text: prefix + marked,
    start: ind.left + ind.firstLine,
    numbered: prefix !== "" && !label?.bullet,
    bullet: label?.bullet ?? false,
  };
}

function cellText(tc: El, ctx: Context): string {
  const parts: string[] = [];
  const walk = (el: El) => {
    for (const c of children(el)) {
      if (c.namespaceURI !== W) continue;
      if (c.localName === "p") {
        const pieces: Piece[] = [];
        runs(c, ctx, false, pieces);
        parts.push(pieces.map((x) => x.text).join(""));
      } else if (c.localName === "tbl") {
        for (const tr of children(c, "tr")) for (const inner of children(tr, "tc")) walk(inner);
      } else if (c.localName === "sdt") walk(child(c, "sdtContent") ?? c);
    }
  };
  walk(tc);
  return parts
    .join(" ")
    .replace(/[\s\u00a0]+/g, " ")
    .trim();
}

function readFootnotes(doc: Document | null, ctx: Context): Map<string, string> {
  const notes = new Map<string, string>();
  if (!doc) return notes;
  for (const f of Array.from(doc.getElementsByTagNameNS(W, "footnote")).concat(
    Array.from(doc.getElementsByTagNameNS(W, "endnote")),
  )) {
    const type = attr(f, "type");
    if (type === "separator" || type === "continuationSeparator" || type === "continuationNotice") continue;
    const paras = children(f, "p").map((p) => {
      const pieces: Piece[] = [];
      runs(p, { ...ctx, pendingNotes: [] }, false, pieces);
      return pieces.map((x) => x.text).join("");
    });
    notes.set(
      attr(f, "id") ?? "",
      paras
        .join(" ")
        .replace(/[\s\u00a0]+/g, " ")
        .trim(),
    );
  }
  return notes;
}

async function xml(zip: JSZip, name: string, file: string): Promise<Document | null> {
  const entry = zip.file(name);
  if (!entry) return null;
  const text = await entry.async("string");
  try {
    return new DOMParser({
      onError: (level, message) => {
        if (level !== "warning") throw new Error(message);
      },
    }).parseFromString(text, "application/xml") as unknown as Document;
  } catch (e) {
    throw new InputError({
      file,
      expected: `a Word document (.docx) whose ${name} is well-formed XML`,
      found: `a damaged ${name} (${(e as Error).message.split("\n")[0]})`,
      fix: "download the report again, or open it in Word or LibreOffice and save it again as .docx",
    });
  }
}

export async function readDocx(bytes: Buffer, file: string): Promise<ReadDocument> {
  let zip: JSZip;
  try {
    zip = await JSZip.loadAsync(bytes);
  } catch (e) {
    throw new InputError({
      file,
      expected: "a Word document (.docx: a zip archive holding word/document.xml)",
      found: `a damaged or truncated file (${(e as Error).message})`,
      fix: "download the report again, or open it in Word or LibreOffice and save it again as .docx",
    });
  }
  const main = await xml(zip, "word/document.xml", file);
  if (!main) {
    throw new InputError({
      file,
      expected: "a Word document (.docx: a zip archive holding word/document.xml)",
      found: `a zip archive without word/document.xml (it holds ${Object.keys(zip.files).slice(0, 5).join(", ") || "nothing"})`,
      fix: "give the report's .docx file as published (an .odt or .doc must first be saved as .docx)",
    });
  }
  const ctx: Context = {
    styles: readStyles(await xml(zip, "word/styles.xml", file)),
    numbering: new Numbering(await xml(zip, "word/numbering.xml", file)),
    footnotes: new Map(),
    noteNumbers: new Map(),
    pendingNotes: [],
  };
  ctx.footnotes = readFootnotes(await xml(zip, "word/footnotes.xml", file), ctx);
  for (const [id, text] of readFootnotes(await xml(zip, "word/endnotes.xml", file), ctx))
    if (!ctx.footnotes.has(id)) ctx.footnotes.set(id, text);

  const furniture: string[] = [];
  const parts = Object.keys(zip.files)
    .filter((n) => /^word\/(header|footer)\d*\.xml$/.test(n))
    .sort();
  for (const name of parts) {
    const doc = await xml(zip, name, file);
    if (!doc) continue;
    for (const p of Array.from(doc.getElementsByTagNameNS(W, "p"))) {
      const pieces: Piece[] = [];
      runs(p, { ...ctx, pendingNotes: [], noteNumbers: new Map() }, false, pieces);
      const text = pieces
        .map((x) => x.text)
        .join("")
        .replace(/[\s\u00a0]+/g, " ")
        .trim();
      if (text) furniture.push(text);
    }
  }

  const body = child(main.documentElement, "body");
  if (!body)
    throw new InputError({
      file,
      expected: "a Word document with a body (w:body in word/document.xml)",
      found: "none",
      fix: "open the report in Word or LibreOffice and save it again as .docx",
    });
  const paras: { para: Para; place: Place }[] = [];
  const blocks: (Block | { kind: "para"; index: number })[] = [];
  let paragraphNo = 0;
  let tableNo = 0;
  const flushNotes = () => {
    for (const note of ctx.pendingNotes)
      blocks.push({ kind: "paragraph", text: note, place: { paragraph: paragraphNo } });
    ctx.pendingNotes = [];
  };
  const visit = (el: El) => {
    for (const c of children(el)) {
      if (c.namespaceURI !== W) continue;
      if (c.localName === "p") {
        paragraphNo++;
        const para = readParagraph(c, ctx);
        paras.push({ para, place: { paragraph: paragraphNo } });
        blocks.push({ kind: "para", index: paras.length - 1 });
        flushNotes();
      } else if (c.localName === "tbl") {
        tableNo++;
        blocks.push({ kind: "gap" });
        children(c, "tr").forEach((tr, r) => {
          const cells: string[] = [];
          const trPr = child(tr, "trPr");
          for (let i = 0; i < Number(attr(child(trPr, "gridBefore"), "val") ?? 0); i++) cells.push("");
          for (const tc of children(tr, "tc")) {
            const tcPr = child(tc, "tcPr");
            const vMerge = child(tcPr, "vMerge");
            const continued = vMerge !== null && attr(vMerge, "val") !== "restart";
            cells.push(continued ? "" : cellText(tc, ctx));
            for (let i = 1; i < Number(attr(child(tcPr, "gridSpan"), "val") ?? 1); i++) cells.push("");
          }
          for (let i = 0; i < Number(attr(child(trPr, "gridAfter"), "val") ?? 0); i++) cells.push("");
          if (cells.some((x) => x !== "")) blocks.push({ kind: "row", cells, place: { table: tableNo, row: r + 1 } });
        });
        blocks.push({ kind: "gap" });
        flushNotes();
      } else if (c.localName === "sdt") visit(child(c, "sdtContent") ?? c);
    }
  };
  visit(body);

  // Bullets by indentation: an unnumbered paragraph whose first line starts right of where the numbered paragraphs' numbers stand.
  const numberStarts = paras.filter((p) => p.para.numbered).map((p) => p.para.start);
  const base = numberStarts.length ? mode(numberStarts) : 0;
  const out: Block[] = blocks.map((b) => {
    if (b.kind !== "para") return b;
    const { para, place } = paras[b.index]!;
    const indented = !para.numbered && !para.bullet && para.start > base + 113 && para.text !== "";
    return { kind: "paragraph", text: indented && !para.text.startsWith("- ") ? `- ${para.text}` : para.text, place };
  });
  return { blocks: out, furniture };
}

function mode(values: number[]): number {
  const counts = new Map<number, number>();
  for (const v of values) counts.set(v, (counts.get(v) ?? 0) + 1);
  return [...counts.entries()].sort((a, b) => b[1] - a[1] || a[0] - b[0])[0]![0];
}
