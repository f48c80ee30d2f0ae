/**
 * A printed report (.pdf) → the report's text (report-text.ts) and its page furniture.
 *
 * Read with pdf.js (pdfjs-dist, its legacy build for Node): Mozilla's maintained PDF reader, pure JavaScript,
 * no system tool; it gives each run of text with its position, size and font, which is what rebuilding
 * paragraphs and table cells needs (poppler's pdftotext is a system tool and loses the cell boundaries).
 *
 * How the printed page is read back, page by page:
 *   - runs on one baseline make a line; a smaller run raised above it is a superscript (a footnote mark,
 *     written ¹ as the text export has it);
 *   - page furniture: the lines at the top and bottom edge of a page, apart from the body by a wide gap,
 *     that repeat from page to page (running head, document symbol, job number) or are a page number;
 *     they are returned apart and never enter the text;
 *   - paragraphs: a line begins a new one after a wider gap than the line spacing, after a line that ended
 *     short (the next line's first word would have fitted), at a change of type size, or when it begins left
 *     of the paragraph's text (a paragraph number); an unnumbered paragraph that begins right of where the
 *     paragraph numbers stand is a bullet; a line that ends in a hyphen joins the next without a space;
 *     text that goes on at the top of the next page stays in its paragraph;
 *   - LAP tables: the header row (LAP, INDICATORS, one column per cycle, even when a narrow column wraps
 *     "13MS"/"P") gives the columns; each run goes to the column it stands in; a row begins with "Action N",
 *     or where every cycle column has a value (values stand at the top of their cells), and gathers the
 *     wrapped lines below it; a table that goes on on the next page, with or without its header row printed
 *     again, repeats the header in the text as the text export does.
 */
import { getDocument, type PDFDocumentProxy } from "pdfjs-dist/legacy/build/pdf.mjs";
import type { TextItem } from "pdfjs-dist/types/src/display/api.js";
import { InputError } from "../../lib/errors.ts";
import { parseValueCell } from "../indicators/cells.ts";
import type { Block } from "./report-text.ts";
import type { ReadDocument } from "./docx.ts";

const SUPERSCRIPT = "⁰¹²³⁴⁵⁶⁷⁸⁹";
const CYCLE = /^\d+(MSP|RC)$/;

interface Run {
  text: string;
  x: number;
  y: number;
  width: number;
  size: number;
  italic: boolean;
}

interface Line {
  runs: Run[];
  x: number;
  x1: number;
  y: number;
  size: number;
  page: number;
}

function lineText(line: Line): string {
  // A run drawn inside another (a footnote mark printed apart from the words around it) goes into it at the
  // end of the word it stands after.
  const runs: Run[] = [];
  for (const r of line.runs) {
    const host = runs.find((h) => h.text.length > 1 && r.x > h.x + 0.5 && r.x + r.width <= h.x + h.width + 0.5);
    if (!host) {
      runs.push({ ...r });
      continue;
    }
    let at = Math.round(((r.x - host.x) / host.width) * host.text.length);
    const ends = [...host.text.matchAll(/\S(?=\s|$)/g)].map((m) => m.index! + 1);
    at = ends.reduce((best, e) => (Math.abs(e - at) < Math.abs(best - at) ? e : best), ends[0] ?? at);
    host.text = host.text.slice(0, at) + r.text.trim() + host.text.slice(at);
  }
  let out = "";
  let end = -Infinity;
  for (const r of runs) {
    if (out !== "" && r.x - end > r.size * 0.12 && !/\s$/.test(out) && !/^\s/.test(r.text)) out += " ";
    out += r.text;
    end = r.x + r.width;
  }
  return out.replace(/[\s\u00a0]+/g, " ").trim();
}

function italicLine(line: Line): boolean {
  const letters = line.runs.filter((r) => /[A-Za-z]/.test(r.text));
  return letters.length > 0 && letters.every((r) => r.italic);
}

/** Runs of one page → lines, top to bottom; raised small runs join the line below them as superscripts. */
function pageLines(runs: Run[], page: number): Line[] {
  const sorted = runs.filter((r) => r.text.trim() !== "").sort((a, b) => b.y - a.y || a.x - b.x);
  const lines: Line[] = [];
  for (const run of sorted) {
    const line = lines.find((l) => Math.abs(l.y - run.y) <= Math.max(l.size, run.size) * 0.3);
    if (line) {
      line.runs.push(run);
      line.size = Math.max(line.size, run.size);
    } else lines.push({ runs: [run], x: 0, x1: 0, y: run.y, size: run.size, page });
  }
  // A superscript: a run smaller than a neighbouring line's type, standing up to half a line above its baseline.
  for (const line of [...lines]) {
    const host = lines.find(
      (l) =>
        l !== line &&
        line.size < l.size * 0.85 &&
        line.y > l.y &&
        line.y - l.y < l.size * 0.6 &&
        line.runs.every((r) => r.x >= Math.min(...l.runs.map((h) => h.x)) - l.size * 2),
    );
    if (!host) continue;
    for (const r of line.runs)
      host.runs.push({ ...r, text: r.text.replace(/\d/g, (d) => SUPERSCRIPT[Number(d)]!), y: host.y });
    lines.splice(lines.indexOf(line), 1);
  }
  for (const line of lines) {
    line.runs.sort((a, b) => a.x - b.x);
    line.x = line.runs[0]!.x;
    line.x1 = Math.max(...line.runs.map((r) => r.x + r.width));
  }
  return lines.sort((a, b) => b.y - a.y);
}

const PAGE_NUMBER = /^(page\s*)?\d{1,4}(\s*(of|\/)\s*\d{1,4})?$/i;
const FURNITURE_PATTERN = /^[A-Z]{2,}(\/[A-Za-z0-9.]+){2,}$|\b[A-Z]{1,3}\.\d{2}-\d{4,6}\b/;

/** Lines at a page's top or bottom edge, apart from the body by a gap of more than two lines of their type. */
function edgeLines(lines: Line[], height: number): Set<Line> {
  const edge = new Set<Line>();
  const take = (ordered: Line[], inBand: (l: Line) => boolean) => {
    const picked: Line[] = [];
    for (let i = 0; i < ordered.length && picked.length < 3; i++) {
      const l = ordered[i]!;
      if (!inBand(l)) break;
      picked.push(l);
      const next = ordered[i + 1];
      if (!next || Math.abs(l.y - next.y) > l.size * 2.2) {
        picked.forEach((p) => edge.add(p));
        return;
      }
    }
  };
  take(lines, (l) => l.y > height * 0.85);
  take([...lines].reverse(), (l) => l.y < height * 0.15);
  return edge;
}

function isItalicFont(name: string | undefined): boolean {
  return /italic|oblique|-it$|-bi$|-boldit/i.test((name ?? "").replace(/^[A-Z]{6}\+/, ""));
}

async function openPdf(bytes: Buffer, file: string): Promise<PDFDocumentProxy> {
  try {
    return await getDocument({
      data: new Uint8Array(bytes),
      disableFontFace: true,
      useSystemFonts: false,
      verbosity: 0,
      stopAtErrors: false,
    }).promise;
  } catch (e) {
    const name = (e as Error).name;
    if (name === "PasswordException") {
      throw new InputError({
        file,
        expected: "a PDF that opens without a password",
        found: "a password-protected (encrypted) PDF",
        fix: "download the report again from the UN's documents system or the ISU's meeting page, or open it with its password and print it to a new PDF without one",
      });
    }
    throw new InputError({
      file,
      expected: "a PDF file",
      found: `a damaged or truncated file (${(e as Error).message})`,
      fix: "download the report again, or print it to PDF again from its .docx",
    });
  }
}

export async function readPdf(bytes: Buffer, file: string): Promise<ReadDocument> {
  if (!bytes.subarray(0, 1024).toString("latin1").includes("%PDF-")) {
    throw new InputError({
      file,
      expected: "a PDF file (it begins with %PDF-)",
      found: `a file that is not a PDF (it begins ${JSON.stringify(bytes.subarray(0, 12).toString("latin1"))})`,
      fix: "download the report again as PDF, or give the .docx instead",
    });
  }
  const doc = await openPdf(bytes, file);
  const pages: { lines: Line[]; height: number }[] = [];
  try {
    for (let n = 1; n <= doc.numPages; n++) {
      const page = await doc.getPage(n);
      const content = await page.getTextContent();
      // The font objects (their real names tell italics) arrive with a page's operator list: asked for only
      // when the page uses a font no earlier page did.
      if (content.items.some((i) => "fontName" in i && !page.commonObjs.has(i.fontName))) await page.getOperatorList();
      const fontNames = new Map<string, string | undefined>();
      const runs: Run[] = [];
      for (const item of content.items) {
        if (!("str" in item)) continue;
        const t = item as TextItem;
        if (!fontNames.has(t.fontName)) {
          let name: string | undefined;
          try {
            name = (page.commonObjs.get(t.fontName) as { name?: string } | undefined)?.name;
          } catch {
            name = undefined;
          }
          fontNames.set(t.fontName, name);
        }
        const [a, b, , , x, y] = t.transform as number[];
        const size = Math.hypot(a!, b!);
        runs.push({ text: t.str, x: x!, y: y!, width: t.width, size, italic: isItalicFont(fontNames.get(t.fontName)) });
      }
      const view = page.getViewport({ scale: 1 });
      pages.push({ lines: pageLines(runs, n), height: view.height });
      page.cleanup();
    }
  } catch (e) {
    if (e instanceof InputError) throw e;
    throw new InputError({
      file,
      expected: "a PDF whose pages can be read",
      found: `a damaged page (${(e as Error).message})`,
      fix: "download the report again, or print it to PDF again from its .docx",
    });
  } finally {
    await doc.destroy();
  }
  if (pages.every((p) => p.lines.length === 0)) {
    throw new InputError({
      file,
      expected: "a PDF with a text layer (text that can be selected and copied)",
      found: `${pages.length} page${pages.length === 1 ? "" : "s"} without any text: a scan or an image of the report`,
      fix: "run OCR on it first (e.g. ocrmypdf, or Adobe Acrobat's Recognize Text), or use the report's .docx or the PDF from the UN's documents system",
    });
  }
  return readPages(pages);
}

function readPages(pages: { lines: Line[]; height: number }[]): ReadDocument {
  // Page furniture: edge lines whose text (numbers aside) repeats on other pages, or that are a page number or symbol.
  const edges = pages.map((p) => edgeLines(p.lines, p.height));
  const key = (l: Line) => lineText(l).replace(/\d+/g, "#");
  const seen = new Map<string, number>();
  edges.forEach((set) => new Set([...set].map(key)).forEach((k) => seen.set(k, (seen.get(k) ?? 0) + 1)));
  const furniture: string[] = [];
  const body = pages.map((p, i) =>
    p.lines.filter((l) => {
      if (!edges[i]!.has(l)) return true;
      const text = lineText(l);
      const repeated = (seen.get(key(l)) ?? 0) >= 2 || pages.length === 1;
      if (repeated || PAGE_NUMBER.test(text) || FURNITURE_PATTERN.test(text)) {
        furniture.push(text);
        return false;
      }
      return true;
    }),
  );
  return { blocks: new PageReader(body).read(), furniture };
}

interface Columns {
  /** Left edges: action, indicator, then each cycle column. */
  bounds: number[];
  right: number;
  header: string[];
}

interface OpenParagraph {
  text: string;
  italic: boolean;
  /** Where its continuation lines start. */
  textX: number | null;
  last: Line;
  page: number;
  /** The block already written for it, when text at the top of a page reopened it. */
  block?: Block & { kind: "paragraph" };
}

class PageReader {
  private blocks: Block[] = [];
  private paragraph: OpenParagraph | null = null;
  private table: {
    columns: Columns;
    rows: { cells: string[]; page: number }[];
    current: { cells: string[][]; page: number } | null;
    lastLine: Line;
  } | null = null;
  /** x where paragraph numbers stand, and the right edge of the text, over the whole document. */
  private numberX: number;
  private rightEdge: number;

  constructor(private pages: Line[][]) {
    const all = pages.flat();
    const numberXs = all
      .filter((l) => /^\d+\.$/.test(l.runs[0]!.text.trim()) && l.runs.length > 1)
      .map((l) => Math.round(l.x));
    this.numberX = numberXs.length ? mode(numberXs) : Math.min(...all.map((l) => l.x));
    this.rightEdge = Math.max(...all.map((l) => l.x1));
  }

  read(): Block[] {
    this.pages.forEach((lines, index) => {
      const page = index + 1;
      let first = true;
      for (const line of lines) {
        this.line(line, page, first);
        first = false;
      }
      this.endTable(true);
    });
    this.closeParagraph();
    this.endTable(false);
    return this.blocks;
  }

  private line(line: Line, page: number, firstOnPage: boolean): void {
    const text = lineText(line);
    const header = headerColumns(line);
    if (header) {
      this.closeParagraph();
      this.endTable(false);
      this.table = { columns: header, rows: [], current: null, lastLine: line };
      this.pendingHeader = true;
      return;
    }
    if (this.table && this.pendingHeader && this.headerContinues(line)) return;
    this.pendingHeader = false;
    if (this.table && this.tableRow(line, page, firstOnPage)) return;
    this.endTable(false);
    this.prose(line, text, page, firstOnPage);
  }

  private pendingHeader = false;
  /** A table left open at the end of the previous page (its columns, to read its continuation by). */
  private carried: Columns | null = null;

  /** A header cell that wrapped ("13MS" / "P"): the rest joins the header cell above it. */
  private headerContinues(line: Line): boolean {
    const t = this.table!;
    const cols = t.columns;
    if (line.y < t.lastLine.y - line.size * 2.2) return false;
    const placed = assign(line, cols);
    if (!placed || placed[0] !== "" || placed[1] !== "") return false;
    cols.header = cols.header.map((h, i) => (placed[i] ? joinCell(h, placed[i]!, (s) => CYCLE.test(s)) : h));
    t.lastLine = line;
    return true;
  }

  private tableRow(line: Line, page: number, firstOnPage: boolean): boolean {
    const t = this.table!;
    if (!firstOnPage && line.y < t.lastLine.y - line.size * 3) return false;
    const cells = assign(line, t.columns);
    if (!cells) return false;
    const current = t.current;
    // "Action" / "10" wrapped in a narrow column: the number belongs to the action above, even on a line that begins the next row.
    if (current && /^\d+$/.test(cells[0]!) && /^Action$/i.test(current.cells[0]!.join(" "))) {
      current.cells[0]!.push(cells[0]!);
      cells[0] = "";
    }
    const action = cells[0]!;
    const values = cells.slice(2);
    const startsAction = /^Action\b/i.test(action);
    if (action !== "" && !startsAction) return false;
    // A line with every value begins a row, unless the row above has values still wrapping ("226 /" over "15,497").
    const complete = (parts: string[]) => parts.length > 0 && parseValueCell(parts.join(" ")) !== null;
    const wrapping = current !== null && current.cells.slice(2).some((c) => c.length > 0 && !complete(c));
    const newRow = current === null || startsAction || (values.every((v) => v !== "") && !wrapping);
    if (newRow) {
      this.closeRow();
      t.current = { cells: cells.map((c) => (c ? [c] : [])), page };
    } else {
      cells.forEach((c, i) => {
        if (c) current!.cells[i]!.push(c);
      });
    }
    t.lastLine = line;
    return true;
  }

  private closeRow(): void {
    const t = this.table!;
    if (!t.current) return;
    const cells = t.current.cells.map((parts, i) =>
      parts.reduce(
        (acc, p) => (acc === "" ? p : joinCell(acc, p, i >= 2 ? (s) => parseValueCell(s) !== null : () => false)),
        "",
      ),
    );
    t.rows.push({ cells, page: t.current.page });
    t.current = null;
  }

  /** Writes the table out; at a page end it stays open for the rows on the next page. */
  private endTable(pageEnd: boolean): void {
    if (!this.table) {
      if (!pageEnd) this.carried = null;
      return;
    }
    this.closeRow();
    const t = this.table;
    if (t.rows.length > 0 || !pageEnd) {
      this.blocks.push({ kind: "gap" });
      this.blocks.push({ kind: "row", cells: t.columns.header, place: { page: t.rows[0]?.page ?? t.lastLine.page } });
      for (const r of t.rows) this.blocks.push({ kind: "row", cells: r.cells, place: { page: r.page } });
      this.blocks.push({ kind: "gap" });
    }
    this.carried = pageEnd ? t.columns : null;
    this.table = null;
    if (pageEnd) this.pendingCarry = true;
  }

  private pendingCarry = false;

  private prose(line: Line, text: string, page: number, firstOnPage: boolean): void {
    // A table broken by the page without its header printed again: its rows go on under the same columns.
    if (this.pendingCarry && this.carried && firstOnPage) {
      const cells = assign(line, this.carried);
      this.pendingCarry = false;
      if (cells && (cells[0] === "" || /^Action\b/.test(cells[0]!))) {
        this.table = {
          columns: { ...this.carried, header: [...this.carried.header] },
          rows: [],
          current: null,
          lastLine: line,
        };
        this.tableRow(line, page, true);
        return;
      }
    }
    this.pendingCarry = false;
    const p = this.paragraph;
    // A number at the start of a line is a paragraph's only where the line does not simply go on ("… 13 September" / "2024. The …").
    const goesOn = p !== null && this.continues(p, line, firstOnPage);
    const numbered =
      !goesOn && (/^(\d+\.|[IVXL]+\.|[A-Z]\.)$/.test(line.runs[0]!.text.trim()) || /^\d+\.\s/.test(text));
    if (p && goesOn) {
      p.text = joinLines(p.text, text);
      p.italic = p.italic && italicLine(line);
      p.textX ??= line.x;
      p.last = line;
      return;
    }
    this.closeParagraph();
    if (firstOnPage && !numbered && this.continuesPage(line)) {
      // The paragraph goes on from the previous page (footnotes and furniture in between): it is one paragraph.
      const last = this.lastParagraph!;
      this.paragraph = {
        ...last,
        text: joinLines(last.text, text),
        italic: last.italic && italicLine(line),
        last: line,
      };
      return;
    }
    const textX =
      line.runs.length > 1 && /^\d+\.$/.test(line.runs[0]!.text.trim())
        ? (line.runs.find((r, i) => i > 0 && r.text.trim() !== "")?.x ?? null)
        : null;
    // A printed bullet ("•") or an indent right of the paragraph numbers makes a bullet.
    const glyph = /^[\u2022\u25e6\u25aa\u25cf\u00b7\u2013-]\s+/.exec(text);
    const bullet = !numbered && (glyph !== null || line.x > this.numberX + line.size * 0.5) && !isFootnote(text);
    const words = glyph ? text.slice(glyph[0].length) : text;
    const bulletX = glyph ? (line.runs.find((r, i) => i > 0 && r.text.trim() !== "")?.x ?? line.x) : line.x;
    this.paragraph = {
      text: bullet ? `- ${words}` : text,
      italic: italicLine(line),
      textX: textX ?? (bullet ? bulletX : null),
      last: line,
      page,
    };
  }

  /** Text at the top of a page that goes on from the last paragraph of the previous page (it starts where its lines did). */
  private continuesPage(line: Line): boolean {
    const p = this.lastParagraph;
    if (p === null || p.textX === null || Math.abs(line.x - p.textX) >= 2 || this.endedShort(p.last, line))
      return false;
    // A sentence that ended with the page, then a capital: most likely a new paragraph (a bullet) at the same indent.
    return !(/[.;:]$/.test(p.text) && /^[A-Z]/.test(lineText(line)));
  }

  private lastParagraph: OpenParagraph | null = null;

  private continues(p: OpenParagraph, line: Line, firstOnPage: boolean): boolean {
    if (firstOnPage) return false;
    if (Math.abs(line.size - p.last.size) > 0.6) return false;
    const gap = p.last.y - line.y;
    if (gap > line.size * 1.55 || gap <= 0) return false;
    if (p.textX !== null && line.x < p.textX - 2) return false;
    return !this.endedShort(p.last, line);
  }

  /** Whether the line before ended short of the right edge by more than the next line's first word. */
  private endedShort(prev: Line, next: Line): boolean {
    // The first word's width at the line's own average letter width (its first run may be a ligature alone).
    const text = lineText(next);
    const word = text.split(" ")[0] ?? "";
    const wordWidth = text.length ? ((next.x1 - next.x) * word.length) / text.length : 0;
    // Generous: a proportional font's word may be wider than its share of the run, and an early break costs a split paragraph.
    return prev.x1 + wordWidth * 1.4 + prev.size < this.rightEdge;
  }

  private closeParagraph(): void {
    const p = this.paragraph;
    if (!p) return;
    let text = p.text;
    if (p.italic) {
      const m = /^(- |\d+\.\s+)?(.*)$/.exec(text)!;
      text = `${m[1] ?? ""}*${m[2]}*`;
    }
    if (p.block) p.block.text = text;
    else {
      p.block = { kind: "paragraph", text, place: { page: p.page } };
      this.blocks.push(p.block);
    }
    this.lastParagraph = p;
    this.paragraph = null;
  }
}

function isFootnote(text: string): boolean {
  return /^([\u00b9\u00b2\u00b3\u2070-\u2079]+|\*{1,3})\s/.test(text);
}

/** The columns of a LAP table from its header row: LAP, INDICATORS, then one cycle per column. */
function headerColumns(line: Line): Columns | null {
  const runs = line.runs.filter((r) => r.text.trim() !== "");
  if (runs.length < 3 || runs[0]!.text.trim().toUpperCase() !== "LAP" || !/^INDICATORS$/i.test(runs[1]!.text.trim()))
    return null;
  const cycles = runs.slice(2);
  const centers = cycles.map((r) => r.x + r.width / 2);
  const pitch =
    centers.length > 1 ? (centers.at(-1)! - centers[0]!) / (centers.length - 1) : Math.max(cycles[0]!.width * 2, 30);
  const bounds = [runs[0]!.x - 3, runs[1]!.x - 3, ...centers.map((c) => c - pitch / 2)];
  return { bounds, right: centers.at(-1)! + pitch / 2, header: runs.map((r) => r.text.trim()) };
}

/** Each run's text in the column it stands in; null when a run crosses a column edge or stands outside the table. */
function assign(line: Line, cols: Columns): string[] | null {
  const cells: Run[][] = cols.bounds.map(() => []);
  for (const r of line.runs) {
    if (r.text.trim() === "") continue;
    const tol = r.size * 0.5;
    if (r.x < cols.bounds[0]! - tol || r.x + r.width > cols.right + tol) return null;
    let i = cols.bounds.length - 1;
    while (i > 0 && r.x < cols.bounds[i]! - 0.5) i--;
    const next = cols.bounds[i + 1] ?? cols.right;
    if (r.x + r.width > next + tol) return null;
    cells[i]!.push(r);
  }
  // Runs of one cell as a line of their own (a ligature is a run of its own and takes no space).
  return cells.map((runs) => (runs.length ? lineText({ ...line, runs }) : ""));
}

/** Lines of one cell joined with a space, or without one where only that gives a valid cell (a word broken by a narrow column). */
function joinCell(a: string, b: string, valid: (s: string) => boolean): string {
  const spaced = joinLines(a, b);
  if (valid(spaced)) return spaced;
  const close = `${a}${b}`;
  return valid(close) ? close : spaced;
}

/** Two lines of a paragraph: a line ending in a hyphen after a letter goes on without a space ("non-" "time-bound"); a soft hyphen is dropped. */
function joinLines(a: string, b: string): string {
  if (/\u00ad$/.test(a)) return a.slice(0, -1) + b;
  if (/[A-Za-z0-9]-$/.test(a)) return a + b;
  return `${a} ${b}`;
}

function mode(values: number[]): number {
  const counts = new Map<number, number>();
  for (const v of values) counts.set(v, (counts.get(v) ?? 0) + 1);
  return [...counts.entries()].sort((a, b) => b[1] - a[1] || a[0] - b[0])[0]![0];
}
