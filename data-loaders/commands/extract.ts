/**
 * `ccm extract <report.docx|.pdf|.txt> [--out sources] [--report-id 13MSP]` (also `npm run extract -- …`):
 * a progress report as published (a .docx or .pdf, read into the same text as a .txt export: see
 * extract/published/) → the curated CSVs in sources/ (with their .meta.json checksums), and beside the
 * report's text its document record (symbol, date, meeting, … and where each line is in the document). The first
 * report's datasets are sources/*.csv; a later report's go to its own folder sources/reports/<id>/ with its
 * carried-over hand files and review list (extract/reports/), and nothing of another report is rewritten.
 * Each extractor is one entry of `extracts`; all datasets are written together at the end, so a
 * problem in any of them leaves every existing file untouched.
 */
import { copyFileSync, existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { basename, dirname, extname, join, relative, resolve } from "node:path";
import { parseArgs } from "node:util";
import { InputError } from "../lib/errors.ts";
import { ROOT } from "../lib/db.ts";
import { extractIndicators, reportIdFromTitle } from "../extract/indicators/indicators.ts";
import { indicatorDatasets, indicatorSummary } from "../extract/indicators/indicator-output.ts";
import { readClassification, readValueOverrides } from "../extract/indicators/overrides.ts";
import { extractReportFindings } from "../extract/findings/finding-output.ts";
import { writeDatasets, type Extract, type WrittenDataset } from "../extract/write.ts";
import { isLaterReport } from "../extract/reports/layout.ts";
import { extractLaterReport } from "../extract/reports/later-report.ts";
import { readReportDocument, type ReportDocument } from "../extract/published/read-report.ts";
import { documentRecord, withPlaces } from "../extract/published/report-document.ts";
import type { Command } from "./types.ts";

/** The reviewed hand files, named relative to the repository root so the notes they leave in the output are stable. */
export const CLASSIFICATION_FILE = "sources/overrides/indicator_classification.csv";
export const VALUE_OVERRIDES_FILE = "sources/overrides/indicator_value_overrides.csv";

function readHandFile(name: string): Buffer {
  const path = join(ROOT, name);
  if (!existsSync(path))
    throw new InputError({
      file: name,
      expected: "the reviewed hand file (see sources/overrides/indicators.README.md)",
      found: "no such file",
      fix: `restore ${name} from git`,
    });
  return readFileSync(path);
}

/**
 * Keeps the published file and its document record beside the report's text (textFile: …/report.txt or
 * reports/<id>-progress-report.txt): <name>.docx or .pdf as given, <name>.document.json. Returns the files written.
 */
function keepPublished(
  reportFile: string,
  doc: ReportDocument,
  reportId: string,
  cycles: Extract["datasets"][number] | undefined,
) {
  return (textFile: string): string[] => {
    const stem = textFile.replace(/\.txt$/, "");
    const written: string[] = [];
    const bytes = readFileSync(reportFile);
    if (doc.format !== "txt") {
      const copy = `${stem}${extname(reportFile).toLowerCase()}`;
      if (resolve(copy) !== resolve(reportFile)) copyFileSync(reportFile, copy);
      written.push(copy);
    }
    const record = `${stem}.document.json`;
    writeFileSync(record, JSON.stringify(documentRecord(reportId, reportFile, bytes, doc, cycles), null, 2) + "\n");
    written.push(record);
    return written;
  };
}

/** The LAP indicator tables → cycles, indicators, indicator_values (with the reviewed hand files merged). */
export function indicatorExtract(report: string, reportFile: string, reportId: string): Extract {
  const result = extractIndicators(report, {
    reportFile,
    reportId,
    classification: readClassification(CLASSIFICATION_FILE, readHandFile(CLASSIFICATION_FILE)),
    classificationFile: CLASSIFICATION_FILE,
    valueOverrides: readValueOverrides(VALUE_OVERRIDES_FILE, readHandFile(VALUE_OVERRIDES_FILE)),
  });
  return { datasets: indicatorDatasets(result), summary: indicatorSummary(result) };
}

function describeWritten(written: WrittenDataset[]): string {
  const where = (file: string) => relative(process.cwd(), file) || file;
  return written
    .map(
      (w) =>
        `  ${where(w.file)} (${w.rows} rows, sha256 ${w.sha256.slice(0, 12)}…${w.metaUpdated ? ", recorded in its .meta.json" : ", no .meta.json beside it"})`,
    )
    .join("\n");
}

export const command: Command = {
  name: "extract",
  usage: "extract <report.docx|.pdf|.txt> [--out sources] [--report-id 13MSP]",
  summary:
    "Extract a progress report (as published: .docx or .pdf; or a .txt export) into sources/: its indicator tables, findings and document record (a later report: into sources/reports/<id>/, with its review list).",
  async run(args) {
    const { values, positionals } = parseArgs({
      args,
      allowPositionals: true,
      options: { out: { type: "string" }, "report-id": { type: "string" } },
    });
    const reportFile = positionals[0];
    if (!reportFile)
      throw new InputError({
        file: "(command line)",
        expected: "the path of the report (.docx, .pdf or .txt)",
        found: "no argument",
        fix: "run `npm run extract -- ~/Downloads/14MSP-progress-report.docx`",
      });
    const outDir = values.out ?? join(ROOT, "sources");
    const doc = await readReportDocument(reportFile);
    const report = doc.text;
    // Line numbers in messages about a .docx or .pdf refer to the text read from it, which is written only on success.
    const textName = doc.format === "txt" ? reportFile : `${reportFile} (read as text)`;
    const reportId = values["report-id"] ?? reportIdFromTitle(report, textName);

    if (isLaterReport(outDir, reportId)) {
      const published = {
        text: report,
        withPlaces: (d: Extract["datasets"]) => withPlaces(d, doc),
        keep: (textFile: string) => keepPublished(reportFile, doc, reportId, undefined)(textFile),
      };
      const later = extractLaterReport(report, {
        root: ROOT,
        sourcesDir: outDir,
        reportFile: textName,
        reportId,
        published,
      });
      const files = later.handFiles.length
        ? `\nWrote for review:\n${later.handFiles.map((f) => `  ${f}`).join("\n")}`
        : "";
      const keptList = later.kept.length
        ? `\nKept with the report (${doc.format}, ${basename(reportFile)}):\n${later.kept.map((f) => `  ${f}`).join("\n")}`
        : "";
      process.stderr.write(
        `${later.summary.join("\n")}\nWrote:\n${describeWritten(later.written)}${files}${keptList}\n`,
      );
      return;
    }
    const extracts: Extract[] = [
      indicatorExtract(report, textName, reportId),
      extractReportFindings(report, { root: ROOT, reportFile: textName, cycle: reportId }),
    ];
    const datasets = withPlaces(
      extracts.flatMap((e) => e.datasets),
      doc,
    );
    // The first report's text is reports/<id>-progress-report.txt; a published file read into a folder that has
    // another text there already is refused before anything is written.
    const textFile = join(outDir, "reports", `${reportId}-progress-report.txt`);
    const keepText = doc.format !== "txt" || resolve(reportFile) === resolve(textFile);
    if (doc.format !== "txt" && existsSync(textFile) && readFileSync(textFile, "utf8") !== report) {
      throw new InputError({
        file: reportFile,
        expected: `a folder without another text of the ${reportId} report (${textFile})`,
        found: "a text there that differs from the one read from this file",
        fix: `extract into a new folder with --out, or move ${relative(process.cwd(), textFile) || textFile} away first if this published file is to replace it`,
      });
    }

    const written = writeDatasets(outDir, datasets);
    mkdirSync(dirname(textFile), { recursive: true });
    if (keepText && resolve(reportFile) !== resolve(textFile)) writeFileSync(textFile, report);
    const kept = keepText
      ? keepPublished(
          reportFile,
          doc,
          reportId,
          datasets.find((d) => d.name === "cycles"),
        )(textFile)
      : [];
    const where = (f: string) => relative(process.cwd(), f) || f;
    process.stderr.write(
      `${extracts.flatMap((e) => e.summary).join("\n")}\nWrote:\n${describeWritten(written)}\n${kept.length ? `Kept with the report (${doc.format}, ${basename(reportFile)}):\n${[...(keepText && resolve(reportFile) !== resolve(textFile) ? [textFile] : []), ...kept].map((f) => `  ${where(f)}`).join("\n")}\n` : ""}`,
    );
  },
};
