/**
 * `ccm extract <report.txt> [--out sources] [--report-id 13MSP]` (also `npm run extract -- …`):
 * a progress report's text → the curated CSVs in sources/ (with their .meta.json checksums). The first
 * report's datasets are sources/*.csv; a later report's go to its own folder sources/reports/<id>/ with its
 * carried-over hand files and review list (extract/reports/), and nothing of another report is rewritten.
 * Each extractor is one entry of `extracts`; all datasets are written together at the end, so a
 * problem in any of them leaves every existing file untouched.
 */
import { existsSync, readFileSync } from "node:fs";
import { join, relative } from "node:path";
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
import type { Command } from "./types.ts";

/** The reviewed hand files, named relative to the repository root so the notes they leave in the output are stable. */
export const CLASSIFICATION_FILE = "sources/overrides/indicator_classification.csv";
export const VALUE_OVERRIDES_FILE = "sources/overrides/indicator_value_overrides.csv";

function readHandFile(name: string): Buffer {
  const path = join(ROOT, name);
  if (!existsSync(path)) throw new InputError({ file: name, expected: "the reviewed hand file (see sources/overrides/indicators.README.md)", found: "no such file", fix: `restore ${name} from git` });
  return readFileSync(path);
}

function readReport(file: string): string {
  let text: string;
  try {
    text = readFileSync(file, "utf8");
  } catch (e) {
    throw new InputError({ file, expected: "a progress report as a text file", found: (e as Error).message, fix: "give the path of the report's .txt export, e.g. sources/reports/13MSP-progress-report.txt" });
  }
  if (text.trim() === "") throw new InputError({ file, line: 1, expected: "the report's text", found: "an empty file", fix: "export the report's text again" });
  return text.replace(/^\uFEFF/, "");
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
  return written.map((w) => `  ${where(w.file)} (${w.rows} rows, sha256 ${w.sha256.slice(0, 12)}…${w.metaUpdated ? ", recorded in its .meta.json" : ", no .meta.json beside it"})`).join("\n");
}

export const command: Command = {
  name: "extract",
  usage: "extract <report.txt> [--out sources] [--report-id 13MSP]",
  summary: "Extract a progress report's indicator tables and findings into sources/ (a later report: into sources/reports/<id>/, with its review list).",
  async run(args) {
    const { values, positionals } = parseArgs({ args, allowPositionals: true, options: { out: { type: "string" }, "report-id": { type: "string" } } });
    const reportFile = positionals[0];
    if (!reportFile) throw new InputError({ file: "(command line)", expected: "the path of the report text", found: "no argument", fix: "run `npm run extract -- sources/reports/13MSP-progress-report.txt`" });
    const outDir = values.out ?? join(ROOT, "sources");
    const report = readReport(reportFile);
    const reportId = values["report-id"] ?? reportIdFromTitle(report, reportFile);

    if (isLaterReport(outDir, reportId)) {
      const later = extractLaterReport(report, { root: ROOT, sourcesDir: outDir, reportFile, reportId });
      const files = later.handFiles.length ? `\nWrote for review:\n${later.handFiles.map((f) => `  ${f}`).join("\n")}` : "";
      process.stderr.write(`${later.summary.join("\n")}\nWrote:\n${describeWritten(later.written)}${files}\n`);
      return;
    }
    const extracts: Extract[] = [
      indicatorExtract(report, reportFile, reportId),
      extractReportFindings(report, { root: ROOT, reportFile, cycle: reportId }),
    ];

    const written = writeDatasets(outDir, extracts.flatMap((e) => e.datasets));
    process.stderr.write(`${extracts.flatMap((e) => e.summary).join("\n")}\nWrote:\n${describeWritten(written)}\n`);
  },
};
