/**
 * The edition facts of each progress report (table reports, data-loaders/sql/models/002_reports.sql): its title,
 * symbol, date, meeting, reporting period, who submitted it and the UNGA vote it covers, each with where it was
 * read. Read, in this order of precedence:
 *   1. sources/reports/editions.csv: facts read by hand (report_id, field, value, source), for what the text does
 *      not print (13MSP's symbol is on the published PDF only);
 *   2. the report's text: the cover page (date, meeting, place and dates, title, "Submitted by"), the sentence
 *      giving the period it covers, and the paragraph on the UNGA resolution's vote ("The 2024 United Nations
 *      General Assembly (UNGA) Resolution …", para 67 of the 13MSP report);
 *   3. the report's metadata (<id>-progress-report.meta.json, or report.meta.json in a later report's folder):
 *      symbol, date, meeting, period_start, period_end, submitted_by where the extractor of the published
 *      documents wrote them.
 * A fact found nowhere stays NULL and the build warns, naming the file to add it to.
 */
import { existsSync, readFileSync } from "node:fs";
import { join, relative } from "node:path";
import { parse } from "csv-parse/sync";
import { ROOT } from "../../lib/db.ts";
import { isoDate, LONG_DATE, MONTH_NAMES } from "../../lib/dates.ts";
import { InputError } from "../../lib/errors.ts";
import type { ReportSource } from "./layout.ts";

/** The edition facts, by the column names of table reports. */
export const EDITION_FIELDS = [
  "title",
  "symbol",
  "published_on",
  "meeting",
  "meeting_place",
  "meeting_start",
  "meeting_end",
  "period_start",
  "period_end",
  "submitted_by",
  "vote_year",
] as const;
export type EditionField = (typeof EDITION_FIELDS)[number];

export interface EditionFact {
  report_id: string;
  field: EditionField;
  value: string;
  source: string;
}

export const EDITIONS_FILE = join("reports", "editions.csv");

const MONTH = `(?:${MONTH_NAMES})`;

const rel = (p: string) => relative(ROOT, p) || p;

/** The report's text file. */
export function reportText(sourcesDir: string, report: ReportSource): string {
  return report.base
    ? join(sourcesDir, "reports", `${report.id}-progress-report.txt`)
    : join(report.datasetsDir, "report.txt");
}

function reportMetaFile(sourcesDir: string, report: ReportSource): string {
  return report.base
    ? join(sourcesDir, "reports", `${report.id}-progress-report.meta.json`)
    : join(report.datasetsDir, "report.meta.json");
}

/** The numbered paragraph a line belongs to ("67. The 2024 …" → "67"), looking back from the line. */
function paragraphOf(lines: string[], index: number): string | null {
  for (let i = index; i >= 0; i--) {
    const m = /^(\d+)\. /.exec(lines[i]!);
    if (m) return m[1]!;
  }
  return null;
}

/** The facts the report's text prints: its cover page, the period it covers and the UNGA vote it reports. */
export function factsFromText(text: string): Omit<EditionFact, "report_id">[] {
  const lines = text.split("\n");
  const facts: Omit<EditionFact, "report_id">[] = [];
  const add = (field: EditionField, value: string, source: string) => {
    if (!facts.some((f) => f.field === field)) facts.push({ field, value, source });
  };
  const titleAt = lines.findIndex((l) => /^Convention on Cluster Munitions .*Progress Report/.test(l.trim()));
  // The cover page: everything before the first numbered paragraph.
  const firstPara = lines.findIndex((l) => /^1\. /.test(l));
  const cover = lines.slice(0, firstPara < 0 ? 40 : firstPara);
  if (titleAt >= 0) add("title", lines[titleAt]!.trim(), `line ${titleAt + 1}`);
  cover.forEach((raw, i) => {
    const line = raw.trim();
    if (new RegExp(`^${LONG_DATE}$`).test(line)) add("published_on", isoDate(line), `line ${i + 1}`);
    if (
      /^\w+(?:-\w+)? (?:Meeting of (?:the )?States Parties|Review Conference)(?: of the Convention on Cluster Munitions)?$/.test(
        line,
      )
    )
      add("meeting", line, `line ${i + 1}`);
    // "Geneva, 16-19 September 2025" or "Geneva, 30 September-3 October 2025"
    const held = new RegExp(`^([^,]+), (\\d{1,2})(?: (${MONTH}))?\\s*[-–]\\s*(\\d{1,2}) (${MONTH}) (\\d{4})$`).exec(
      line,
    );
    if (held) {
      const [, place, d1, m1, d2, m2, year] = held as unknown as [
        string,
        string,
        string,
        string | undefined,
        string,
        string,
        string,
      ];
      add("meeting_place", place, `line ${i + 1}`);
      add("meeting_start", isoDate(`${d1} ${m1 ?? m2} ${year}`), `line ${i + 1}`);
      add("meeting_end", isoDate(`${d2} ${m2} ${year}`), `line ${i + 1}`);
    }
    const submitted = /^\**Submitted by (.*)$/.exec(line);
    if (submitted) {
      // The sentence runs on until a blank line; footnote marks (*) and a trailing comma are not part of it.
      let value = submitted[1]!;
      let end = i;
      while (cover[end + 1]?.trim()) value += ` ${cover[++end]!.trim()}`;
      value = value
        .replace(/\*/g, "")
        .replace(/[\s,]+$/, "")
        .trim();
      add("submitted_by", value, end > i ? `lines ${i + 1}-${end + 1}` : `line ${i + 1}`);
    }
  });
  lines.forEach((line, i) => {
    const period = new RegExp(`covers the period from (${LONG_DATE}) to (${LONG_DATE})`).exec(line);
    if (period) {
      const para = paragraphOf(lines, i);
      const source = para ? `para ${para} (line ${i + 1})` : `line ${i + 1}`;
      add("period_start", isoDate(period[1]!), source);
      add("period_end", isoDate(period[2]!), source);
    }
    const vote = /^(\d+)\. The (\d{4}) (?:United Nations General Assembly|UNGA)\b[^.]*?[Rr]esolution\b/.exec(line);
    if (vote) add("vote_year", vote[2]!, `para ${vote[1]} (line ${i + 1})`);
  });
  return facts;
}

/** The hand-read facts of sources/reports/editions.csv, by report. */
function handFacts(sourcesDir: string): EditionFact[] {
  const file = join(sourcesDir, EDITIONS_FILE);
  if (!existsSync(file)) return [];
  const rows = parse(readFileSync(file, "utf8"), { columns: true, skip_empty_lines: true }) as Record<string, string>[];
  return rows.map((r, i) => {
    const line = i + 2;
    for (const column of ["report_id", "field", "value", "source"]) {
      if (!r[column]?.trim())
        throw new InputError({
          file: rel(file),
          line,
          column,
          expected: "a value",
          found: "an empty cell",
          fix: "give every row report_id, field, value and source (where the value was read: document, page or paragraph)",
        });
    }
    if (!(EDITION_FIELDS as readonly string[]).includes(r.field!)) {
      throw new InputError({
        file: rel(file),
        line,
        column: "field",
        expected: `one of ${EDITION_FIELDS.join(", ")}`,
        found: r.field,
        fix: "use a column name of table reports",
      });
    }
    return { report_id: r.report_id!, field: r.field as EditionField, value: r.value!, source: r.source! };
  });
}

/** The metadata fields the extractor of the published documents writes, by the column they fill. */
const META_FIELDS: [string, EditionField][] = [
  ["symbol", "symbol"],
  ["date", "published_on"],
  ["period_start", "period_start"],
  ["period_end", "period_end"],
  ["submitted_by", "submitted_by"],
];

/** Every edition fact of every report, and a warning for each fact found nowhere. */
export function readEditions(
  sourcesDir: string,
  reports: ReportSource[],
): { facts: EditionFact[]; warnings: string[] } {
  const hand = handFacts(sourcesDir);
  const facts: EditionFact[] = [];
  const warnings: string[] = [];
  for (const report of reports) {
    const found = new Map<EditionField, EditionFact>();
    for (const f of hand.filter((h) => h.report_id === report.id))
      found.set(f.field, { ...f, source: `${rel(join(sourcesDir, EDITIONS_FILE))}: ${f.source}` });
    const textFile = reportText(sourcesDir, report);
    if (existsSync(textFile)) {
      for (const f of factsFromText(readFileSync(textFile, "utf8"))) {
        if (!found.has(f.field))
          found.set(f.field, { report_id: report.id, ...f, source: `${rel(textFile)}, ${f.source}` });
      }
    }
    const metaFile = reportMetaFile(sourcesDir, report);
    if (existsSync(metaFile)) {
      const meta = JSON.parse(readFileSync(metaFile, "utf8")) as Record<string, unknown>;
      for (const [key, field] of META_FIELDS) {
        const value = meta[key];
        if (typeof value === "string" && value && !found.has(field))
          found.set(field, { report_id: report.id, field, value, source: `${rel(metaFile)}, ${key}` });
      }
    }
    for (const field of EDITION_FIELDS) {
      const fact = found.get(field);
      if (fact) facts.push(fact);
      else
        warnings.push(
          `The ${report.id} report's ${field} is printed neither in ${rel(textFile)} nor in its metadata: add a row (${report.id},${field},<value>,<where it is printed>) to ${rel(join(sourcesDir, EDITIONS_FILE))}.`,
        );
    }
  }
  return { facts, warnings };
}
