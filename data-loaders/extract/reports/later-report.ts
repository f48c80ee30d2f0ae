/**
 * `ccm extract` for a report after the first one: its datasets, its hand files and its review list, all in
 * its own folder sources/reports/<id>/ (layout.ts). The previous report's files are read, never written.
 *
 * First run (no overrides/ in the folder yet): the previous report's reviewed hand files are carried over
 * by the text they rest on (carry-over.ts), written to the folder's overrides/ marked as carried, and every
 * one of them is listed in review.csv. Later runs (after review): the folder's own overrides/ are the
 * reviewed hand files and are applied as they are, like the first report's.
 */
import { copyFileSync, existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { dirname, join, relative, resolve } from "node:path";
import { isoDate, LONG_DATE } from "../../lib/dates.ts";
import { InputError } from "../../lib/errors.ts";
import { readCuratedCsv } from "../../lib/csv.ts";
import { readMeta, type DatasetMeta } from "../../lib/meta.ts";
import { extractIndicators, type ExtractResult } from "../indicators/indicators.ts";
import { indicatorDatasets, indicatorSummary } from "../indicators/indicator-output.ts";
import {
  readClassification,
  readValueOverrides,
  VALUE_OVERRIDES_SCHEMA,
  type ValueOverride,
} from "../indicators/overrides.ts";
import { extractFindings } from "../findings/findings.ts";
import { applyFindingLinks, LINK_COLUMNS, readFindingLinks, type FindingLink } from "../findings/finding-links.ts";
import { findingDatasets, findingSummary, loadStateResolver } from "../findings/finding-output.ts";
import { renderCsv, writeDatasets, type ExtractedDataset, type WrittenDataset } from "../write.ts";
import { parse } from "csv-parse/sync";
import { carryFindingLinks, carryValueOverrides, REVIEW_COLUMNS, type ReviewRow } from "./carry-over.ts";
import { carryHandDatasets, type HandTable } from "./carry-hand.ts";
import {
  FINDING_LINKS_NAME,
  HAND_DATASETS,
  listReports,
  OVERRIDES_DIR,
  REPORT_DATASETS,
  reportFolder,
  reportOrdinal,
  REVIEW_FILE,
  VALUE_OVERRIDES_NAME,
} from "./layout.ts";

export interface LaterReportOptions {
  root: string;
  sourcesDir: string;
  reportFile: string;
  reportId: string;
  /** A report read from a .docx or .pdf: the text to keep as report.txt, and the datasets' source references with its places. */
  published?: {
    text: string;
    withPlaces: (datasets: ExtractedDataset[]) => ExtractedDataset[];
    /** Writes the published file and its document record beside report.txt (after every check has passed). */
    keep: (textFile: string) => string[];
  };
}

export interface LaterReportResult {
  written: WrittenDataset[];
  /** Hand files and review list written (empty on a rerun after review). */
  handFiles: string[];
  /** The published file and its document record, kept beside report.txt. */
  kept: string[];
  review: ReviewRow[];
  summary: string[];
}

function readHand(file: string): Buffer {
  if (!existsSync(file))
    throw new InputError({
      file,
      expected: "a reviewed hand file",
      found: "no such file",
      fix: "restore it from git, or write its header row for 'no overrides'",
    });
  return readFileSync(file);
}

const TITLES: Record<string, (id: string) => string> = {
  cycles: (id) =>
    `Reporting cycles of the LAP indicator tables of the ${id} Progress Report, with their reporting periods where it states them`,
  indicator_values: (id) =>
    `Values of the Lausanne Action Plan indicators per reporting cycle, as printed in the ${id} Progress Report`,
  findings: (id) =>
    `Narrative findings of the ${id} Progress Report: every statement that counts and/or names States, and every summary bullet`,
  finding_states: (id) =>
    `States named in the narrative findings of the ${id} Progress Report, one row per finding and State`,
};

/** A line that holds only a date, "9 September 2025". */
const DATE_LINE = new RegExp(String.raw`^\s*(${LONG_DATE})\s*$`);

/** The report's date: the first "9 September 2025" line before its title, as YYYY-MM-DD. */
export function reportDate(report: string, reportFile: string): string {
  const head = report.split("\n").slice(0, 40);
  for (const line of head) {
    const m = DATE_LINE.exec(line);
    if (m) return isoDate(m[1]!);
  }
  throw new InputError({
    file: reportFile,
    line: 1,
    expected: 'the report\'s date on a line of its own near the top, e.g. "9 September 2025"',
    found: "no such line in the first 40 lines",
    fix: "restore the date line of the report's first page",
  });
}

/** Where a dataset of one report came from, and where the same file of another report is. */
interface ReportPlace {
  /** Its datasets' folder, relative to the project root (sources for the first report). */
  datasets: string;
  /** Its reviewed overrides folder, relative to the project root. */
  overrides: string;
  /** Its text, relative to the project root. */
  text: string;
}

/**
 * A dataset's derived_from for this report: the other report's text, datasets and per-report overrides replaced
 * by this report's own (so the provenance names what the rows rest on); shared files such as states.csv and the
 * indicator classification stay as they are.
 */
function retarget(paths: string[] | undefined, from: ReportPlace, to: ReportPlace): string[] | undefined {
  const own = new Set<string>([...REPORT_DATASETS, ...HAND_DATASETS]);
  return paths?.map((p) => {
    if (p === from.text || (p.startsWith("sources/reports/") && p.endsWith(".txt"))) return to.text;
    const override = p.startsWith(`${from.overrides}/`) ? p.slice(from.overrides.length + 1) : null;
    if (override === VALUE_OVERRIDES_NAME || override === FINDING_LINKS_NAME) return `${to.overrides}/${override}`;
    const name = p.startsWith(`${from.datasets}/`) ? p.slice(from.datasets.length + 1).replace(/\.csv$/, "") : null;
    return name !== null && own.has(name) ? `${to.datasets}/${name}.csv` : p;
  });
}

/** Who published a report and where its text is, as a dataset's metadata says it. */
function origin(reportId: string, textFile: string): Pick<DatasetMeta, "producer" | "source"> {
  return {
    producer: `${reportId} Presidency, Convention on Cluster Munitions`,
    source: `Convention on Cluster Munitions ${reportId} Progress Report (${textFile})`,
  };
}

/** The dataset's metadata for this report: the first report's columns and method, this report's origin. */
function reportMeta(
  baseMeta: DatasetMeta,
  reportId: string,
  textFile: string,
  date: string,
  places: { from: ReportPlace; to: ReportPlace },
): DatasetMeta {
  return {
    ...baseMeta,
    title: TITLES[baseMeta.name]?.(reportId) ?? `${baseMeta.name} of the ${reportId} Progress Report`,
    ...origin(reportId, textFile),
    derived_from: retarget(baseMeta.derived_from, places.from, places.to),
    date,
    reference: `The ${reportId} Progress Report, read where the first report's dataset was read (the indicator tables of section VI and their footnotes; the narrative for findings)`,
    method: `Generated by \`npm run extract -- ${textFile}\` like the first report's dataset; hand corrections from the overrides/ folder beside it.`,
    sha256: "",
  };
}

/** A hand dataset's metadata for this report: the previous report's columns, carried over. */
function handMeta(
  previousMeta: DatasetMeta,
  reportId: string,
  previousId: string,
  textFile: string,
  date: string,
  places: { from: ReportPlace; to: ReportPlace },
): DatasetMeta {
  const title = previousMeta.title.replace(/ \(the \S+ report's rows.*\)$/, "").replaceAll(previousId, reportId);
  return {
    ...previousMeta,
    title: `${title} (the ${reportId} report's rows)`,
    ...origin(reportId, textFile),
    // A reviewed dataset's producer may be its reviewers ("ccm-trends maintainers, from the 13MSP Progress Report").
    ...(/^\S+ Presidency/.test(previousMeta.producer)
      ? {}
      : {
          producer: `${previousMeta.producer.split(",")[0]}, from the ${reportId} Progress Report (${origin(reportId, textFile).producer})`,
        }),
    derived_from: retarget(previousMeta.derived_from, places.from, places.to),
    date,
    reference: `The ${reportId} Progress Report (${textFile}), the statements each row rests on`,
    method: `Carried from ${previousId} (unchanged text) by \`npm run extract -- ${textFile}\`: the rows of the ${previousId} report's file whose statements the ${reportId} report prints again word for word, with the ${reportId} finding ids, paragraph numbers and cycle (reasons and notes begin "Carried from ${previousId} (unchanged text)"); review.csv beside it lists every row of the ${previousId} file as carried, needs_look or no_longer_applies. Rows added after review are the reviewer's.`,
    sha256: "",
  };
}

export function extractLaterReport(report: string, options: LaterReportOptions): LaterReportResult {
  const { root, sourcesDir, reportFile, reportId } = options;
  const rel = (p: string) => relative(root, p) || p;
  const ordinal = reportOrdinal(reportId, reportFile);
  const reports = listReports(sourcesDir);
  const previous = reports.filter((r) => r.ordinal < ordinal).at(-1);
  if (!previous) {
    throw new InputError({
      file: reportFile,
      expected: `a report after the first one (${reports[0]!.id})`,
      found: reportId,
      fix: "reports older than the first one are not supported: extract the older report as the first one instead",
    });
  }
  const folder = reportFolder(sourcesDir, reportId);
  const ownOverrides = join(folder, OVERRIDES_DIR);
  const reviewed = existsSync(ownOverrides);
  const classificationFile = join(sourcesDir, OVERRIDES_DIR, "indicator_classification.csv");
  const classification = readClassification(rel(classificationFile), readHand(classificationFile));
  const valueFile = join(ownOverrides, VALUE_OVERRIDES_NAME);
  const linksFile = join(ownOverrides, FINDING_LINKS_NAME);
  const indicatorsWith = (valueOverrides: ValueOverride[]): ExtractResult =>
    extractIndicators(report, {
      reportFile,
      reportId,
      classification,
      classificationFile: rel(classificationFile),
      valueOverrides,
    });

  const date = reportDate(report, reportFile);
  const resolver = loadStateResolver(sourcesDir);
  const findings = extractFindings(report, resolver, { cycle: reportId, file: reportFile });
  let indicators: ExtractResult;
  let review: ReviewRow[] = [];
  let carriedValues: ValueOverride[] = [];
  let carriedLinks: FindingLink[] = [];
  const prevFindingsFile = join(previous.datasetsDir, "findings.csv");
  const prevFindings = readCuratedCsv(
    rel(prevFindingsFile),
    readMeta(join(previous.datasetsDir, "findings.meta.json")),
    readHand(prevFindingsFile),
  );
  const statements = new Map(
    prevFindings.rows.map((r) => [
      r.finding_id!,
      { statement: r.statement ?? "", counted: r.counted ?? "", paragraph: r.paragraph ?? "" },
    ]),
  );
  if (reviewed) {
    indicators = indicatorsWith(readValueOverrides(rel(valueFile), readHand(valueFile)));
    applyFindingLinks(findings.findings, readFindingLinks(rel(linksFile), readHand(linksFile)), rel(linksFile));
  } else {
    const prevValueFile = join(previous.overridesDir, VALUE_OVERRIDES_NAME);
    const prevLinksFile = join(previous.overridesDir, FINDING_LINKS_NAME);
    const values = carryValueOverrides(
      readValueOverrides(rel(prevValueFile), readHand(prevValueFile)),
      indicatorsWith([]).values,
      previous.id,
      rel(valueFile),
    );
    const links = carryFindingLinks(
      readFindingLinks(rel(prevLinksFile), readHand(prevLinksFile)),
      statements,
      findings.findings,
      previous.id,
      rel(linksFile),
    );
    carriedValues = values.carried;
    carriedLinks = links.carried;
    indicators = indicatorsWith(carriedValues);
    applyFindingLinks(findings.findings, carriedLinks, rel(linksFile));
    review = [...values.review, ...links.review];
  }

  // The hand datasets: carried over on the first run, and later whenever the folder has none of one (a folder
  // extracted before they were carried); a reviewed one is left as it is.
  const handToCarry = HAND_DATASETS.filter((n) => !reviewed || !existsSync(join(folder, `${n}.csv`)));
  // Every hand dataset of the previous report is matched (a relation rests on the facts and figures it names);
  // only those to carry are written and listed.
  const allHandTables: (HandTable & { meta: DatasetMeta })[] = HAND_DATASETS.map((name) => {
    const file = join(previous.datasetsDir, `${name}.csv`);
    const table = readCuratedCsv(rel(file), readMeta(join(previous.datasetsDir, `${name}.meta.json`)), readHand(file));
    return { name, file: rel(join(folder, `${name}.csv`)), rows: table.rows, lines: table.lines, meta: table.meta };
  });
  const handTables = allHandTables.filter((t) => (handToCarry as string[]).includes(t.name));
  const handFilesToCarry = new Set(handTables.map((t) => t.file));
  const matched = carryHandDatasets(allHandTables, {
    fromReport: previous.id,
    toReport: reportId,
    previousFindings: statements,
    findings: findings.findings,
    reportText: report,
    tableTexts: indicators.indicators.map((i) => i.text),
  });
  const hand = { carried: matched.carried, review: matched.review.filter((r) => handFilesToCarry.has(r.hand_file)) };
  review = [...review, ...hand.review];

  const extracted: ExtractedDataset[] = [...indicatorDatasets(indicators), ...findingDatasets(findings)].filter((d) =>
    (REPORT_DATASETS as readonly string[]).includes(d.name),
  );
  const datasets = options.published ? options.published.withPlaces(extracted) : extracted;
  // Everything is extracted and checked; only now is anything written, and only inside the report's folder.
  mkdirSync(folder, { recursive: true });
  const textFile = join(folder, "report.txt");
  if (options.published) writeFileSync(textFile, options.published.text);
  else if (resolve(reportFile) !== resolve(textFile)) copyFileSync(reportFile, textFile);
  const kept = options.published ? options.published.keep(textFile) : [];
  // derived_from names files as "sources/…", from the folder that holds sources/ (the project root, or where --out points).
  const srel = (p: string) => relative(dirname(resolve(sourcesDir)), resolve(p));
  const place = (r: { datasetsDir: string; overridesDir: string }, text: string): ReportPlace => ({
    datasets: srel(r.datasetsDir),
    overrides: srel(r.overridesDir),
    text: srel(text),
  });
  const here = place({ datasetsDir: folder, overridesDir: ownOverrides }, textFile);
  const first = reports[0]!;
  const firstText = join(sourcesDir, "reports", `${first.id}-progress-report.txt`);
  const previousText = previous.base ? firstText : join(previous.datasetsDir, "report.txt");
  for (const d of datasets) {
    const metaPath = join(folder, `${d.name}.meta.json`);
    if (!existsSync(metaPath))
      writeFileSync(
        metaPath,
        JSON.stringify(
          reportMeta(readMeta(join(sourcesDir, `${d.name}.meta.json`)), reportId, rel(textFile), date, {
            from: place(first, firstText),
            to: here,
          }),
          null,
          2,
        ) + "\n",
      );
  }
  const written = writeDatasets(folder, datasets);
  for (const t of handTables) {
    const metaPath = join(folder, `${t.name}.meta.json`);
    if (!existsSync(metaPath))
      writeFileSync(
        metaPath,
        JSON.stringify(
          handMeta(t.meta, reportId, previous.id, rel(textFile), date, {
            from: place(previous, previousText),
            to: here,
          }),
          null,
          2,
        ) + "\n",
      );
  }
  const handWritten = writeDatasets(
    folder,
    handTables.map((t) => ({
      name: t.name,
      columns: t.meta.columns.map((c) => c.name),
      rows: hand.carried.get(t.name) ?? [],
    })),
  );
  const handFiles: string[] = handWritten.map((w) => rel(w.file));
  if (!reviewed) {
    mkdirSync(ownOverrides, { recursive: true });
    const valueColumns = VALUE_OVERRIDES_SCHEMA.columns.map((c) => c.name);
    writeFileSync(valueFile, renderCsv(valueColumns, carriedValues));
    writeFileSync(linksFile, renderCsv(LINK_COLUMNS, carriedLinks));
    writeFileSync(join(folder, REVIEW_FILE), renderCsv(REVIEW_COLUMNS, review));
    handFiles.push(rel(valueFile), rel(linksFile), rel(join(folder, REVIEW_FILE)));
  } else if (handToCarry.length > 0) {
    // A reviewed folder that lacked some hand datasets: their rows join the review list, the others stay.
    const reviewFile = join(folder, REVIEW_FILE);
    const kept = existsSync(reviewFile)
      ? (parse(readFileSync(reviewFile, "utf8"), { columns: true }) as Record<string, string>[]).filter(
          (r) => !handFilesToCarry.has(r.hand_file ?? ""),
        )
      : [];
    writeFileSync(reviewFile, renderCsv(REVIEW_COLUMNS, [...kept, ...hand.review]));
    handFiles.push(rel(reviewFile));
  }
  const count = (s: string) => review.filter((r) => r.status === s).length;
  const summary = [
    ...indicatorSummary(indicators),
    ...findingSummary(findings),
    reviewed
      ? `overrides: applied the reviewed hand files in ${rel(ownOverrides)}${handToCarry.length ? `; carried ${handToCarry.join(", ")} of ${previous.id} (the folder had none): ${hand.review.filter((r) => r.status === "carried").length} rows carried, ${hand.review.filter((r) => r.status === "needs_look").length} need a look` : ""}`
      : `overrides of ${previous.id}: ${count("carried")} carried over unchanged, ${count("needs_look")} need a look (their text changed), ${count("no_longer_applies")} no longer apply; see ${rel(join(folder, REVIEW_FILE))}`,
    ...review
      .filter((r) => r.status !== "carried")
      .map(
        (r) =>
          `  - ${r.status}: ${r.hand_file} (${r.previous_key}, line ${r.previous_line} of ${previous.id}'s file): ${r.what_to_do}`,
      ),
  ];
  return { written, handFiles, kept: kept.map(rel), review, summary };
}
