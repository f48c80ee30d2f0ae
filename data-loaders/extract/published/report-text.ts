/**
 * The one document model every format is turned into: the report's text as the text path reads it
 * (docs/published-reports.md). Each block is one line of that text:
 *   - a paragraph is one line: "18. Based on …" for a numbered paragraph, "- Seven (07) …" for a bullet
 *     (an indented, unnumbered paragraph or a list item), "*Enhance Inclusivity*" when the whole paragraph
 *     is italic (a heading), "¹ The elements …" for a footnote;
 *   - a table row is one line of tab-separated cells ("" for a cell that a merged cell above covers), and a
 *     table that goes on over a page break repeats its header row, as printed tables do;
 * so extract/indicators and extract/findings read .txt, .docx and .pdf with the same code. Each line keeps
 * where it came from in the document (its paragraph or table row, and its page in a PDF): that is how a
 * dataset's report_line is turned back into a place a reader can find.
 */

/** Where a block sits in the published document. */
export interface Place {
  /** 1-based page of a PDF. */
  page?: number;
  /** For a .docx: the n-th paragraph of the document body ("paragraph 57"), or the table and row. */
  paragraph?: number;
  table?: number;
  row?: number;
}

export type Block =
  { kind: "paragraph"; text: string; place: Place } | { kind: "row"; cells: string[]; place: Place } | { kind: "gap" };

export interface ReportText {
  /** The text, one block a line, blank lines between paragraphs. */
  text: string;
  /** places[i] is where line i + 1 of the text comes from (null for a blank line). */
  places: (Place | null)[];
}

/** Text of a run of words: runs of white space (tabs too) become one space; no space at either end. */
export function tidy(text: string): string {
  return text.replace(/[\s\u00a0]+/g, " ").trim();
}

/** The blocks as the report's text: each paragraph on its own line and a blank line after it; rows close together. */
export function renderReportText(blocks: Block[]): ReportText {
  const lines: string[] = [""];
  const places: (Place | null)[] = [null];
  const blank = () => {
    if (lines.at(-1) !== "") {
      lines.push("");
      places.push(null);
    }
  };
  for (const block of blocks) {
    if (block.kind === "gap") {
      blank();
      continue;
    }
    if (block.kind === "row") {
      // A row never holds a tab or line break inside a cell: they separate cells and rows in the text.
      lines.push(block.cells.map(tidy).join("\t"));
      places.push(block.place);
      continue;
    }
    const text = tidy(block.text);
    if (text === "") continue;
    blank();
    lines.push(text);
    places.push(block.place);
    blank();
  }
  return { text: lines.join("\n") + "\n", places };
}

/** "page 12", "paragraph 57", "table 3, row 4": a place as a reader looks for it. */
export function describePlace(place: Place | null | undefined): string | null {
  if (!place) return null;
  const parts: string[] = [];
  if (place.page !== undefined) parts.push(`page ${place.page}`);
  if (place.table !== undefined)
    parts.push(`table ${place.table}${place.row !== undefined ? `, row ${place.row}` : ""}`);
  else if (place.paragraph !== undefined) parts.push(`paragraph ${place.paragraph}`);
  return parts.length ? parts.join(", ") : null;
}
