/**
 * Reads the LAP indicator tables out of a progress report's text (one table row per line, cells
 * separated by tabs) and returns one raw indicator per table row, with its section, pillar, full
 * text and printed cells. It knows the shapes the reports use:
 *   - a header `LAP  INDICATORS  10MSP  11MSP …` (also in <i>…</i> markup) that names the cycles and
 *     is repeated after every page break;
 *   - `Action N` in the first cell, or an empty first cell for a further indicator of the same action
 *     (also right after a page break: "Dedicated meetings…" continues Action 11);
 *   - an indicator whose text runs over a page break: after the repeated header, a row with an
 *     empty action cell, the rest of the text and no values;
 *   - footnotes (`* …`, `² …`) under the table, for marks in the cells.
 * Any other shape is an InputError naming the report file and line: the tables changed and the
 * extractor must be taught the new shape rather than guess.
 */
import { InputError, show } from "../../lib/errors.ts";
import { parseFootnoteLine, parseValueCell, type ParsedCell } from "./cells.ts";

export interface TableCell {
  cycle: string;
  /** The cell as printed (trimmed). */
  printed: string;
  parsed: ParsedCell;
  /** Text of the footnote(s) the cell's marks point to, joined with " | ". */
  footnote: string | null;
}

export interface RawIndicator {
  action: number;
  /** n in `<action>.<n>`: the indicator rows of this action counted in report order. */
  seq: number;
  text: string;
  /** Report line of the row that carries the values. */
  line: number;
  /** Report line where the text continues after a page break, if it does. */
  continuedOnLine: number | null;
  /** Section of the report the table sits under, e.g. "VI.C". */
  section: string;
  pillarCode: string;
  pillar: string;
  cells: TableCell[];
}

export interface IndicatorTables {
  /** Cycles in header order, e.g. ["10MSP", "11MSP", "12MSP", "13MSP"]. */
  cycles: string[];
  /** Line of the first table header. */
  headerLine: number;
  indicators: RawIndicator[];
}

const CYCLE = /^\d+(MSP|RC)$/;
const ACTION = /^Action\s+(\d+)$/;
const ROMAN_HEADING = /^([IVXL]+)\.\s+(\S.*)$/;
const LETTER_HEADING = /^([A-Z])\.\s+(\S.*)$/;

/** Remove the report's inline markup: <i>…</i>, <b>…</b>, **bold**, *italic*. */
export function stripMarkup(text: string): string {
  return text
    .replace(/<\/?(i|b|em|strong)>/gi, "")
    .replace(/\*\*(.+?)\*\*/g, "$1")
    .replace(/^\*(.+)\*$/, "$1")
    .trim();
}

function romanValue(numeral: string): number {
  const values: Record<string, number> = { I: 1, V: 5, X: 10, L: 50 };
  let total = 0;
  for (let i = 0; i < numeral.length; i++) {
    const v = values[numeral[i]!]!;
    const next = values[numeral[i + 1] ?? ""] ?? 0;
    total += v < next ? -v : v;
  }
  return total;
}

interface Section {
  roman: string | null;
  romanValue: number;
  letter: { code: string; name: string } | null;
}

/**
 * Follows the report's headings. "I. Transparency measures" is both a Roman numeral and the
 * ninth pillar letter: Roman sections only move forward, so once inside a Roman section an
 * "I." heading is the letter I.
 */
function updateSection(section: Section, line: string): void {
  const roman = ROMAN_HEADING.exec(line);
  const value = roman ? romanValue(roman[1]!) : 0;
  if (roman && value > section.romanValue && !(roman[1] === "I" && section.romanValue > 0)) {
    section.roman = roman[1]!;
    section.romanValue = value;
    section.letter = null;
    return;
  }
  const letter = LETTER_HEADING.exec(line);
  if (letter) section.letter = { code: letter[1]!, name: stripMarkup(letter[2]!) };
}

function splitCells(line: string): string[] {
  return line.split("\t").map((c) => c.trim());
}

function isHeader(cells: string[]): boolean {
  return stripMarkup(cells[0] ?? "").toUpperCase() === "LAP";
}

/** The footnote a mark points to: the first `mark text` line below the row, before the prose resumes. */
function findFootnote(lines: string[], rowIndex: number, mark: string): string | null {
  for (let i = rowIndex + 1; i < lines.length; i++) {
    const line = lines[i]!;
    if (line.trim() === "" || line.includes("\t")) continue;
    const note = parseFootnoteLine(line);
    if (!note) return null;
    if (note.mark === mark) return note.text;
  }
  return null;
}

export function parseIndicatorTables(reportText: string, reportFile: string): IndicatorTables {
  const lines = reportText.split("\n").map((l) => l.replace(/\r$/, ""));
  const section: Section = { roman: null, romanValue: 0, letter: null };
  let cycles: string[] | null = null;
  let headerLine = 0;
  const indicators: RawIndicator[] = [];
  const seqByAction = new Map<number, number>();
  // What the previous non-blank table line was: a header right before a row means a page break.
  let previousWasHeader = false;
  let current: { action: number; section: string } | null = null;

  // Typed as an assertion-like `never` function so TypeScript narrows after each call.
  const fail: (
    line: number,
    column: string | number | undefined,
    expected: string,
    found: string,
    fix: string,
  ) => never = (line, column, expected, found, fix) => {
    throw new InputError({ file: reportFile, line, column, expected, found, fix });
  };

  for (let index = 0; index < lines.length; index++) {
    const line = lines[index]!;
    const lineNo = index + 1;
    if (!line.includes("\t")) {
      if (line.trim() === "") continue;
      if (!parseFootnoteLine(line)) {
        // Prose or a heading ends the table; the next table starts with its own header.
        updateSection(section, line.trim());
        current = null;
      }
      previousWasHeader = false;
      continue;
    }
    const cells = splitCells(line);
    if (isHeader(cells)) {
      const names = cells.map(stripMarkup);
      const found = names.slice(2);
      if (names[1]?.toUpperCase() !== "INDICATORS" || found.length === 0 || !found.every((c) => CYCLE.test(c))) {
        fail(
          lineNo,
          1,
          "a table header LAP, INDICATORS, then one cycle per column (e.g. 10MSP, 11MSP)",
          show(names.join(" | ")),
          "check the table header in the report text; cycles are written like 12MSP or 3RC",
        );
      }
      if (cycles === null) {
        cycles = found;
        headerLine = lineNo;
      } else if (found.join(",") !== cycles.join(",")) {
        fail(
          lineNo,
          3,
          `the same cycles as the first table header on line ${headerLine} (${cycles.join(", ")})`,
          found.join(", "),
          "the report's tables must share their cycle columns; correct the header or extend the extractor",
        );
      }
      if (!section.letter) {
        fail(
          lineNo,
          1,
          'a table under a lettered pillar heading such as "C. Universalization"',
          "a table before any pillar heading",
          "check that the pillar heading above the table is on its own line",
        );
      }
      previousWasHeader = true;
      continue;
    }
    if (cycles === null) {
      fail(
        lineNo,
        1,
        "a table header (LAP, INDICATORS, cycles) before the first table row",
        show(line),
        "add the header line or remove the stray tab characters",
      );
    }
    const columns = cycles;
    const width = 2 + columns.length;
    if (cells.length !== width) {
      fail(
        lineNo,
        cells.length + 1,
        `${width} tab-separated cells (action, indicator, ${cycles.join(", ")})`,
        `${cells.length} cells: ${show(cells.join(" | "))}`,
        "check the row for a missing or extra tab in the report text",
      );
    }
    const [actionCell, text, ...valueCells] = cells as [string, string, ...string[]];
    const sectionLabel = `${section.roman ?? ""}${section.roman ? "." : ""}${section.letter!.code}`;
    const filled = valueCells.filter((c) => c !== "").length;
    if (text === "")
      fail(lineNo, 2, "the indicator text in the second cell", "an empty cell", "check the row in the report text");

    if (filled === 0) {
      // The rest of an indicator's text after a page break: no action, no values, right after the repeated header.
      const previous = indicators.at(-1);
      if (
        actionCell !== "" ||
        !previousWasHeader ||
        !previous ||
        current === null ||
        previous.continuedOnLine !== null
      ) {
        fail(
          lineNo,
          3,
          "values for every cycle, or (after a repeated header) the rest of the previous indicator's text with an empty action cell",
          show(line.replaceAll("\t", " | ")),
          "this table shape is new: check the report text, or teach data-loaders/extract/indicators/indicator-tables.ts the shape",
        );
      }
      previous.text = `${previous.text} ${text}`;
      previous.continuedOnLine = lineNo;
      previousWasHeader = false;
      continue;
    }
    if (filled !== valueCells.length) {
      fail(
        lineNo,
        cycles[valueCells.findIndex((c) => c === "")],
        `a value for every cycle (${cycles.join(", ")})`,
        show(valueCells.join(" | ")),
        "an empty cell is ambiguous: the report prints N/A for a missing figure; check the row",
      );
    }

    let action: number;
    const actionMatch = ACTION.exec(actionCell);
    if (actionMatch) action = Number(actionMatch[1]);
    else if (actionCell === "" && current !== null && current.section === sectionLabel) action = current.action;
    else {
      fail(
        lineNo,
        1,
        actionCell === ""
          ? '"Action N" in the first cell (an empty first cell continues the previous action, but no action precedes it in this section)'
          : '"Action N" or an empty first cell',
        show(actionCell),
        "check the first cell of the row in the report text",
      );
    }
    current = { action, section: sectionLabel };

    const seq = (seqByAction.get(action) ?? 0) + 1;
    seqByAction.set(action, seq);
    const parsedCells: TableCell[] = valueCells.map((printed, i) => {
      const cycle = columns[i]!;
      const parsed = parseValueCell(printed);
      if (!parsed) {
        return fail(
          lineNo,
          cycle,
          "a value such as 07, 61*, 01 ², 226 / 15,497 or N/A",
          show(printed),
          "check the cell in the report text; a new notation must be added to data-loaders/extract/indicators/cells.ts",
        );
      }
      const notes = parsed.marks.map(
        (mark) =>
          findFootnote(lines, index, mark) ??
          fail(
            lineNo,
            cycle,
            `a footnote line starting with "${mark}" under the table`,
            `the mark "${mark}" in ${show(printed)} and no such footnote`,
            "check the footnotes under the table in the report text",
          ),
      );
      return { cycle, printed, parsed, footnote: notes.length ? notes.join(" | ") : null };
    });
    indicators.push({
      action,
      seq,
      text,
      line: lineNo,
      continuedOnLine: null,
      section: sectionLabel,
      pillarCode: section.letter!.code,
      pillar: section.letter!.name,
      cells: parsedCells,
    });
    previousWasHeader = false;
  }

  if (cycles === null || indicators.length === 0) {
    throw new InputError({
      file: reportFile,
      expected: "LAP indicator tables (a header line LAP, INDICATORS, 10MSP, … with tab-separated cells)",
      found: "no table",
      fix: "check that the report text keeps the tables' tab characters (export the text again from the document)",
    });
  }
  return { cycles, headerLine, indicators };
}
