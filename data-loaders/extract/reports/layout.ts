/**
 * Where each progress report lives in sources/ (docs/sources.md, "One folder per later report"):
 *
 *   sources/reports/<base>-progress-report.txt   the first report; its datasets are the top-level curated
 *                                                 datasets (sources/indicator_values.csv, findings.csv, …) and
 *                                                 its reviewed hand files are sources/overrides/
 *   sources/reports/<id>/                         every later report: report.txt, its datasets
 *                                                 (cycles, indicator_values, findings, finding_states, each with its
 *                                                 .meta.json), its hand datasets (count_relations, list_relations,
 *                                                 scope_sizes, report_facts, report_figures), overrides/ (its own reviewed hand files) and
 *                                                 review.csv (what was carried over from the previous report)
 *
 * Adding a report writes only inside its own folder. The datasets shared by every report (indicators, States,
 * membership, UN votes) stay at the top of sources/. Report ids are cycle names (13MSP, 14MSP, 3RC…); their
 * order is the order of the meetings (see reportOrdinal).
 */
import { existsSync, readdirSync, statSync } from "node:fs";
import { join } from "node:path";
import { InputError } from "../../lib/errors.ts";

/** The datasets a later report has of its own; the other curated datasets are shared by every report. */
export const REPORT_DATASETS = ["cycles", "indicator_values", "findings", "finding_states"] as const;
/**
 * The reviewed hand datasets each report has of its own: relations between its statements, the group sizes and
 * the facts and figures it states, each naming its finding ids or paragraphs. The first report's are the
 * top-level sources/<name>.csv; a later report's are carried over by the extract command (carry-hand.ts).
 */
export const HAND_DATASETS = [
  "count_relations",
  "list_relations",
  "scope_sizes",
  "report_facts",
  "report_figures",
] as const;
/** Every dataset keyed by report in the database (report_<name>). */
export const PER_REPORT_DATASETS = [...REPORT_DATASETS, ...HAND_DATASETS] as const;
export const OVERRIDES_DIR = "overrides";
export const VALUE_OVERRIDES_NAME = "indicator_value_overrides.csv";
export const FINDING_LINKS_NAME = "finding_indicators.csv";
export const REVIEW_FILE = "review.csv";
/** The first report's text at the top of sources/reports/. */
const FIRST_REPORT_TEXT = /^\d+(MSP|RC)-progress-report\.txt$/;

/**
 * Position of a report among the meetings: the nth Meeting of States Parties is 10n; the nth Review
 * Conference comes after the (4n+1)th MSP (1RC after the 5MSP, 2RC after the 9MSP, 3RC after the 13MSP).
 */
export function reportOrdinal(id: string, file = "(report id)"): number {
  const msp = /^(\d+)MSP$/.exec(id);
  if (msp) return Number(msp[1]) * 10;
  const rc = /^(\d+)RC$/.exec(id);
  if (rc) return (Number(rc[1]) * 4 + 1) * 10 + 5;
  throw new InputError({
    file,
    expected: "a report id such as 13MSP or 3RC",
    found: id,
    fix: "pass --report-id with the meeting's short name",
  });
}

/** The first report: the one whose text sits at the top of sources/reports/ (its datasets are sources/*.csv). */
export function baseReportId(sourcesDir: string): string {
  const dir = join(sourcesDir, "reports");
  const texts = existsSync(dir) ? readdirSync(dir).filter((f) => FIRST_REPORT_TEXT.test(f)) : [];
  if (texts.length !== 1) {
    throw new InputError({
      file: dir,
      expected: "exactly one <id>-progress-report.txt: the report whose datasets are sources/*.csv",
      found: texts.join(", ") || "none",
      fix: "keep the first report's text there; later reports go in sources/reports/<id>/report.txt",
    });
  }
  return texts[0]!.replace(/-progress-report\.txt$/, "");
}

/**
 * Whether a report with this id goes in as a later report: the folder already has a first report and this is
 * another one. A folder without reports (e.g. an empty --out folder) takes the report as its first.
 */
export function isLaterReport(sourcesDir: string, id: string): boolean {
  const dir = join(sourcesDir, "reports");
  if (!existsSync(dir) || !readdirSync(dir).some((f) => FIRST_REPORT_TEXT.test(f))) return false;
  return baseReportId(sourcesDir) !== id;
}

export interface ReportSource {
  id: string;
  ordinal: number;
  /** Folder of the report's datasets (sources/ for the base report). */
  datasetsDir: string;
  /** Folder of its reviewed hand files. */
  overridesDir: string;
  base: boolean;
}

/** Every report in sources/, base first, in meeting order; with `asOf`, only the reports up to that one. */
export function listReports(sourcesDir: string, asOf?: string): ReportSource[] {
  const base = baseReportId(sourcesDir);
  const dir = join(sourcesDir, "reports");
  const later = readdirSync(dir)
    .filter((f) => /^\d+(MSP|RC)$/.test(f) && statSync(join(dir, f)).isDirectory())
    .map((id) => ({
      id,
      ordinal: reportOrdinal(id, join(dir, id)),
      datasetsDir: join(dir, id),
      overridesDir: join(dir, id, OVERRIDES_DIR),
      base: false,
    }));
  const all = [
    {
      id: base,
      ordinal: reportOrdinal(base),
      datasetsDir: sourcesDir,
      overridesDir: join(sourcesDir, OVERRIDES_DIR),
      base: true,
    },
    ...later,
  ];
  all.sort((a, b) => a.ordinal - b.ordinal);
  if (asOf === undefined) return all;
  if (!all.some((r) => r.id === asOf)) {
    throw new InputError({
      file: dir,
      expected: `a report ${asOf} to build the database as of`,
      found: all.map((r) => r.id).join(", "),
      fix: "pass --as-of with one of the reports in sources/",
    });
  }
  return all.filter((r) => r.ordinal <= reportOrdinal(asOf));
}

/** The folder a report's own files go to. */
export function reportFolder(sourcesDir: string, id: string): string {
  return id === baseReportId(sourcesDir) ? sourcesDir : join(sourcesDir, "reports", id);
}
