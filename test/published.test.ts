/**
 * `ccm extract` on the report as published: the 13MSP sample as .docx and .pdf, and a next-year (14MSP)
 * report in other layouts (test/fixtures/reports/published/make-published.ts), give the same datasets as
 * the text path; only the source references differ. The document's facts go to its document record and
 * page furniture goes nowhere else. Bad published files are refused in words, with nothing written.
 */
import { beforeAll, describe, expect, it } from "vitest";
import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, relative } from "node:path";
import { parse } from "csv-parse/sync";
import { command as extract } from "../data-loaders/commands/extract.ts";
import { readReportDocument } from "../data-loaders/extract/published/read-report.ts";
import { ccm } from "./helpers/cli.ts";
import { sha256 } from "../data-loaders/lib/meta.ts";

const SAMPLE_TXT = "sources/reports/13MSP-progress-report.txt";
const SAMPLE_DOCX = "sources/reports/13MSP-progress-report.docx";
const SAMPLE_PDF = "sources/reports/13MSP-progress-report.pdf";
const NEXT_TXT = "test/fixtures/reports/14MSP-progress-report.txt";
const PUBLISHED = "test/fixtures/reports/published";
const BAD = join(PUBLISHED, "bad");
/** The columns that say where a row was read: the only ones allowed to differ between formats. */
const REFERENCES = new Set(["source_ref", "report_line", "continued_on_line", "period_line"]);
const DATASETS = ["cycles", "indicators", "indicator_values", "findings", "finding_states"];

type Row = Record<string, string>;
const sample = existsSync(SAMPLE_DOCX) && existsSync(SAMPLE_PDF) && existsSync(SAMPLE_TXT);

function readCsv(file: string): Row[] {
  return parse(readFileSync(file, "utf8"), { columns: true }) as Row[];
}

/** A dataset without its reference columns, and with the extraction folder's own name taken out of the notes. */
function content(dir: string, name: string): Row[] {
  return readCsv(join(dir, `${name}.csv`)).map((row) =>
    Object.fromEntries(
      Object.entries(row)
        .filter(([k]) => !REFERENCES.has(k))
        .map(([k, v]) => [k, v.replaceAll(relative(process.cwd(), dir), "<folder>")]),
    ),
  );
}

async function extractInto(file: string, out: string): Promise<void> {
  await extract.run([file, "--out", out]);
}

describe.skipIf(!sample)("the 13MSP report as published: .docx and .pdf give the text path's datasets", () => {
  const out = { txt: "", docx: "", pdf: "" };
  beforeAll(async () => {
    const dir = mkdtempSync(join(tmpdir(), "ccm-published-"));
    for (const [format, file] of [
      ["txt", SAMPLE_TXT],
      ["docx", SAMPLE_DOCX],
      ["pdf", SAMPLE_PDF],
    ] as const) {
      out[format] = join(dir, format);
      await extractInto(file, out[format]);
    }
  }, 300_000);

  it.each(["docx", "pdf"] as const)(
    "%s: the same cycles, indicators, values with their flags, findings and named States",
    (format) => {
      for (const name of DATASETS) {
        const text = content(out.txt, name);
        expect(text.length, name).toBeGreaterThan(0);
        expect(content(out[format], name), `${name} from the .${format}`).toEqual(text);
      }
      const values = readCsv(join(out[format], "indicator_values.csv"));
      expect(values).toHaveLength(320);
      // The flags survive: revised (61*), N/A with its reason, paired values, footnote marks.
      expect(values.find((v) => v.indicator_id === "9.2" && v.cycle === "11MSP")).toMatchObject({
        value: "61",
        revised: "true",
        as_printed: "61*",
      });
      expect(values.some((v) => v.as_printed === "N/A" && v.value === "" && v.missing_reason !== "")).toBe(true);
      expect(values.some((v) => v.value_secondary !== "" && (v.as_printed ?? "").includes(" / "))).toBe(true);
      expect(values.some((v) => /\u00b2/.test(v.as_printed ?? "") && v.footnote !== "")).toBe(true);
    },
  );

  it("the source references point to the place: page of the PDF, table row of the .docx", () => {
    const pdf = readCsv(join(out.pdf, "indicator_values.csv"));
    expect(pdf[0]!.source_ref).toBe("13MSP Progress Report, section VI.A table, Action 1, 10MSP column; page 6");
    expect(pdf.every((v) => /; page \d+$/.test(v.source_ref!))).toBe(true);
    const docx = readCsv(join(out.docx, "indicators.csv"));
    expect(docx[0]!.source_ref).toBe("13MSP Progress Report, section VI.A table, Action 1; table 1, row 2");
    // report_line is a line of the text kept beside the report, and that line is the row.
    const kept = readFileSync(join(out.pdf, "reports", "13MSP-progress-report.txt"), "utf8").split("\n");
    expect(kept[Number(pdf[0]!.report_line) - 1]).toMatch(
      /^Action 1\tStates Parties \(SPs\) that report having included/,
    );
    const text = readCsv(join(out.txt, "indicator_values.csv"));
    expect(text[0]!.source_ref).toBe("13MSP Progress Report, section VI.A table, Action 1, 10MSP column");
  });

  it.each(["docx", "pdf"] as const)(
    "%s: the document's facts are in its document record, and its furniture nowhere else",
    (format) => {
      const record = JSON.parse(
        readFileSync(join(out[format], "reports", "13MSP-progress-report.document.json"), "utf8"),
      ) as Record<string, unknown>;
      expect(record).toMatchObject({
        report_id: "13MSP",
        format,
        read_from: `13MSP-progress-report.${format}`,
        symbol: "CCM/MSP/2025/8",
        job_number: "GE.25-13517",
        date: "2025-09-09",
        meeting: "Thirteenth Meeting of States Parties",
        meeting_venue_dates: "Geneva, 16-19 September 2025",
        agenda_item: "10",
        agenda_item_title:
          "Review of the status and operation of the Convention and other matters important for achieving the aims of the Convention",
        period_start: "2024-07-01",
        period_end: "2025-06-30",
        submitted_by: "the Presidency of the Thirteenth Meeting of States Parties",
      });
      expect(readFileSync(join(out[format], "reports", `13MSP-progress-report.${format}`))).toEqual(
        readFileSync(format === "pdf" ? SAMPLE_PDF : SAMPLE_DOCX),
      );
      const text = readFileSync(join(out[format], "reports", "13MSP-progress-report.txt"), "utf8");
      expect(text).not.toContain("CCM/MSP/2025/8");
      expect(text).not.toContain("GE.25-13517");
      for (const name of ["findings", "finding_states", "indicators"])
        expect(readFileSync(join(out[format], `${name}.csv`), "utf8")).not.toMatch(/CCM\/MSP|GE\.25/);
    },
  );
});

describe("a next-year (14MSP) report in other published layouts", () => {
  const variants = ["14MSP-letter.docx", "14MSP-a4.pdf", "14MSP-letter-serif.pdf"];
  const folders: Record<string, string> = {};
  beforeAll(async () => {
    const dir = mkdtempSync(join(tmpdir(), "ccm-published-next-"));
    for (const file of [NEXT_TXT, ...variants.map((v) => join(PUBLISHED, v))]) {
      const sources = join(dir, file.split("/").at(-1)!.replace(/\W/g, "_"), "sources");
      cpSync("sources", sources, { recursive: true });
      await extractInto(file, sources);
      folders[file] = join(sources, "reports", "14MSP");
    }
  }, 600_000);

  it.each(variants)(
    "%s: the same cycles, values, findings and named States as the text, the 80 new values right",
    (variant) => {
      const text = folders[NEXT_TXT]!;
      const published = folders[join(PUBLISHED, variant)]!;
      for (const name of ["cycles", "indicator_values", "findings", "finding_states"]) {
        expect(content(published, name), `${name} from ${variant}`).toEqual(content(text, name));
      }
      const latest = readCsv(join(published, "indicator_values.csv")).filter((v) => v.cycle === "14MSP");
      expect(latest).toHaveLength(80);
      const printed = readCsv(join(text, "indicator_values.csv")).filter((v) => v.cycle === "14MSP");
      expect(latest.map((v) => [v.indicator_id, v.value, v.value_secondary, v.as_printed, v.missing_reason])).toEqual(
        printed.map((v) => [v.indicator_id, v.value, v.value_secondary, v.as_printed, v.missing_reason]),
      );
    },
  );

  it.each([
    ["14MSP-letter.docx", "CCM/MSP/2026/5", "GE.26-04321"],
    ["14MSP-a4.pdf", "CCM/MSP/2026/5", "GE.26-04321"],
    ["14MSP-letter-serif.pdf", "CCM/MSP/2026/WP.3", "GE.26-11111"],
  ])("%s: symbol %s and job number %s in the record, not in the text", (variant, symbol, job) => {
    const folder = folders[join(PUBLISHED, variant)]!;
    const record = JSON.parse(readFileSync(join(folder, "report.document.json"), "utf8")) as Record<string, unknown>;
    expect(record).toMatchObject({ report_id: "14MSP", symbol, job_number: job, date: "2025-09-09" });
    const text = readFileSync(join(folder, "report.txt"), "utf8");
    expect(text).not.toContain(symbol);
    expect(text).not.toContain(job);
    // No page number left on a line of its own.
    expect(text.split("\n").filter((l) => /^\d{1,3}$/.test(l.trim()))).toEqual([]);
  });
});

/** The message each bad file gets, word for word (after the file name). */
const REFUSALS: [string, string][] = [
  [
    "empty.docx",
    "expected a Word document holding the report, found an empty file.\n  How to fix: download the report again: the file has no content (an interrupted download leaves an empty file)",
  ],
  [
    "empty.pdf",
    "expected a PDF holding the report, found an empty file.\n  How to fix: download the report again: the file has no content (an interrupted download leaves an empty file)",
  ],
  [
    "truncated.docx",
    "expected a Word document (.docx: a zip archive holding word/document.xml), found a damaged or truncated file (Corrupted zip: can't find end of central directory).\n  How to fix: download the report again, or open it in Word or LibreOffice and save it again as .docx",
  ],
  [
    "scan.pdf",
    "expected a PDF with a text layer (text that can be selected and copied), found 1 page without any text: a scan or an image of the report.\n  How to fix: run OCR on it first (e.g. ocrmypdf, or Adobe Acrobat's Recognize Text), or use the report's .docx or the PDF from the UN's documents system",
  ],
  [
    "locked.pdf",
    "expected a PDF that opens without a password, found a password-protected (encrypted) PDF.\n  How to fix: download the report again from the UN's documents system or the ISU's meeting page, or open it with its password and print it to a new PDF without one",
  ],
  [
    "dubrovnik.docx",
    'expected a Word document of a CCM Progress Report on the Lausanne Action Plan, with its LAP indicator tables (a header row LAP, INDICATORS, then one column per cycle such as 10MSP), found a report on the Dubrovnik Action Plan ("Convention on Cluster Munitions 9MSP Progress Report: Monitoring progress in implementing the Dubrovnik Action Plan") with 1 table, none headed LAP | INDICATORS | <cycles> (the first begins "Action | Indicator | 2018 | 2019").\n  How to fix: give the Progress Report of a Meeting of States Parties under the Lausanne Action Plan; if this is one and its tables look different, teach data-loaders/extract/published/ the new layout',
  ],
  [
    "no-tables.docx",
    'expected a Word document of a CCM Progress Report on the Lausanne Action Plan, with its LAP indicator tables (a header row LAP, INDICATORS, then one column per cycle such as 10MSP), found "Convention on Cluster Munitions 9MSP Progress Report: Monitoring progress in implementing the Lausanne Action Plan" with no table.\n  How to fix: give the Progress Report of a Meeting of States Parties under the Lausanne Action Plan; if this is one and its tables look different, teach data-loaders/extract/published/ the new layout',
  ],
  [
    "report.odt",
    "expected a progress report as published: a .docx (Word) or .pdf file, or a .txt export of its text, found a .odt file.\n  How to fix: give the report's .docx or .pdf as downloaded (a .doc or .odt must first be saved as .docx)",
  ],
];

describe("bad published files are refused in words", () => {
  it.each(REFUSALS)("%s", async (name, message) => {
    const file = join(BAD, name);
    await expect(readReportDocument(file)).rejects.toThrow(`${file}: ${message}`);
  });

  it("through the command line: exit 1, the message, no stack trace, sources/ untouched", async () => {
    const dir = mkdtempSync(join(tmpdir(), "ccm-published-bad-"));
    const sources = join(dir, "sources");
    cpSync("sources", sources, { recursive: true });
    const snapshot = () => {
      const files: Record<string, string> = {};
      const walk = (d: string) =>
        readdirSync(d).forEach((f) =>
          statSync(join(d, f)).isDirectory()
            ? walk(join(d, f))
            : (files[relative(sources, join(d, f))] = sha256(readFileSync(join(d, f)))),
        );
      walk(sources);
      return files;
    };
    const before = snapshot();
    for (const [name, message] of REFUSALS.filter(([n]) =>
      ["truncated.docx", "scan.pdf", "dubrovnik.docx"].includes(n),
    )) {
      const run = await ccm(["extract", join(BAD, name), "--out", sources]);
      expect(run.code, name).toBe(1);
      expect(run.stderr).toContain(`Input error (nothing was changed):\n${join(BAD, name)}: ${message}`);
      expect(run.stderr).not.toMatch(/\n\s+at .+:\d+:\d+/);
    }
    expect(snapshot()).toEqual(before);
  }, 240_000);
});
