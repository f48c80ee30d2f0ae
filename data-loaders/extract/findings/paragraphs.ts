/**
 * Splits a progress report's text into the units that findings are cited by:
 *   - numbered paragraphs ("22. Seventy States Parties …"), with the bullets that follow them
 *     (para 187's "- Two States (Australia and Ireland) …") as further segments of the same paragraph;
 *   - the Section II summary bullets, one unit each, cited as `II.<letter>.<n>` ("II.J.2").
 * Page breaks split paragraphs in the text file: footnote lines and table rows in between are skipped
 * and the paragraph goes on ("…Sri Lanka, and" ⏎ "⁶ Please see…" ⏎ "Trinidad and Tobago) submitted …").
 *
 * Headings are told apart by sequence, because the report reuses the same shapes:
 *   "I. Transparency measures" is a pillar letter inside section II or VI, not section I again;
 *   "1. *Guiding principles…*" is a sub-section heading, not paragraph 1, because paragraph numbers only go up by one.
 */

export interface Segment {
  /** "text" for the paragraph's own text, "bullet" for a bullet that follows it. */
  kind: "text" | "bullet";
  text: string;
  /** 1-based line in the report where the segment starts. */
  line: number;
}

export interface ReportUnit {
  /** The report's paragraph number ("22") or the summary item ("II.J.2"). */
  id: string;
  kind: "paragraph" | "summary";
  /** Roman section, pillar letter and sub-section number as far as known, e.g. "VI.A.1", "II.J", "IV.A". */
  section: string;
  /** The pillar letter (A..K) inside sections II and VI, where the report follows the LAP pillars. */
  pillarCode: string | null;
  segments: Segment[];
}

const ROMANS = ["I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X"];
/** Sections whose letters are the LAP pillars A..K (II = report summary, VI = monitoring progress). */
const PILLAR_SECTIONS = new Set(["II", "VI"]);
const SUMMARY_SECTION = "II";
const FOOTNOTE_LINE = /^(?:[\u00b9\u00b2\u00b3\u2070-\u2079]+|\*{1,2})\s/;

export function splitReport(text: string): ReportUnit[] {
  const lines = text.split("\n");
  const units: ReportUnit[] = [];
  let roman = 0; // index into ROMANS + 1; 0 = before section I
  let letter: string | null = null;
  let subsection: string | null = null;
  let lastParagraph = 0;
  let open: ReportUnit | null = null; // the paragraph that continuation lines and bullets join
  let summaryCount = 0;

  const sectionLabel = () => [ROMANS[roman - 1] ?? "", letter ?? "", subsection ?? ""].filter(Boolean).join(".");
  const pillar = () => (PILLAR_SECTIONS.has(ROMANS[roman - 1] ?? "") ? letter : null);

  lines.forEach((raw, index) => {
    const lineNo = index + 1;
    const line = raw.trim();
    if (line === "" || FOOTNOTE_LINE.test(line)) return; // blank lines and footnotes sit inside paragraphs at page breaks
    if (raw.includes("\t")) {
      open = null; // an indicator table row ends the paragraph before it
      return;
    }
    const romanMatch = /^([IVX]+)\.\s+\S/.exec(line);
    if (romanMatch && romanMatch[1] === ROMANS[roman]) {
      roman++;
      letter = null;
      subsection = null;
      open = null;
      return;
    }
    const letterMatch = /^([A-K])\.\s+\S/.exec(line);
    if (letterMatch) {
      letter = letterMatch[1]!;
      subsection = null;
      summaryCount = 0;
      open = null;
      return;
    }
    const numbered = /^(\d+)\.\s+(.*)$/.exec(line);
    if (numbered) {
      const n = Number(numbered[1]);
      if (n === lastParagraph + 1) {
        lastParagraph = n;
        open = {
          id: String(n),
          kind: "paragraph",
          section: sectionLabel(),
          pillarCode: pillar(),
          segments: [{ kind: "text", text: numbered[2]!, line: lineNo }],
        };
        units.push(open);
      } else {
        subsection = String(n); // "1. *Guiding principles: monitoring progress…*"
        open = null;
      }
      return;
    }
    if (/^[-\u2013]\s+/.test(line)) {
      const body = line.replace(/^[-\u2013]\s+/, "");
      if (ROMANS[roman - 1] === SUMMARY_SECTION && letter) {
        summaryCount++;
        units.push({
          id: `${SUMMARY_SECTION}.${letter}.${summaryCount}`,
          kind: "summary",
          section: sectionLabel(),
          pillarCode: pillar(),
          segments: [{ kind: "text", text: body, line: lineNo }],
        });
        open = null;
        return;
      }
      if (/^\*[^*]/.test(body)) {
        open = null; // "- *Reinforcing National Ownership*": an italic bullet is a heading, not part of the paragraph above
        return;
      }
      if (open) open.segments.push({ kind: "bullet", text: body, line: lineNo });
      return;
    }
    if (open) {
      const last: Segment = open.segments[open.segments.length - 1]!;
      last.text = `${last.text} ${line}`;
    }
  });
  return units;
}
