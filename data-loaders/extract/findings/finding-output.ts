/**
 * The findings as curated datasets (sources/findings.csv, sources/finding_states.csv) for
 * write.ts, and the State resolver built from the curated states and aliases.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { readCuratedCsv } from "../../lib/csv.ts";
import { readMeta } from "../../lib/meta.ts";
import { StateResolver } from "../../lib/states.ts";
import { extractFindings, type FindingsResult } from "./findings.ts";
import { applyFindingLinks, readFindingLinks } from "./finding-links.ts";
import type { ExtractedDataset } from "../write.ts";

/** Contract columns first (docs/CONTRACTS.md), then the extractor's own. */
export const FINDING_COLUMNS = [
  "finding_id",
  "paragraph",
  "section",
  "pillar_code",
  "statement",
  "stated_count",
  "counted",
  "indicator_id",
  "cycle",
  "report_line",
  "segment",
  "of_count",
  "echo_count",
  "named_count",
  "list_kind",
  "named_as",
  "parent_finding_id",
  "subset_of_parent",
  "duplicate_names",
  "topic",
];
export const FINDING_STATE_COLUMNS = ["finding_id", "iso3", "name_as_written", "detail", "mark", "position"];

export function findingDatasets(result: FindingsResult): ExtractedDataset[] {
  return [
    { name: "findings", columns: FINDING_COLUMNS, rows: result.findings },
    { name: "finding_states", columns: FINDING_STATE_COLUMNS, rows: result.states },
  ];
}

/** StateResolver from sources/states.csv + sources/state_aliases.csv, validated against their metadata. */
export function loadStateResolver(sourcesDir: string): StateResolver {
  const read = (name: string) => {
    const meta = readMeta(join(sourcesDir, `${name}.meta.json`));
    const file = join(sourcesDir, `${name}.csv`);
    return readCuratedCsv(file, meta, readFileSync(file));
  };
  const states = read("states");
  const aliases = read("state_aliases");
  return new StateResolver(
    aliases.rows.map((r) => ({ alias: r.alias!, iso3: r.iso3! })),
    states.rows.map((r) => ({ iso3: r.iso3!, name: r.name_en! })),
  );
}

/** One line per kind of statement, for the extract command's summary on stderr. */
export function findingSummary(result: FindingsResult): string[] {
  const f = result.findings;
  const mismatched = f.filter((x) => x.stated_count !== null && x.named_count > 0 && x.stated_count !== x.named_count);
  return [
    `findings: ${f.length} statements (${f.filter((x) => x.named_count > 0).length} naming ${result.states.length} States, ${f.filter((x) => x.paragraph.startsWith("II.")).length} summary bullets)`,
    `findings: ${mismatched.length} stated counts differ from the States named (${mismatched.map((x) => x.finding_id).join(", ") || "none"}); see the consistency_issues view`,
  ];
}

/** The whole findings step of `ccm extract`: resolver, extraction, reviewed links, datasets and summary. */
export function extractReportFindings(
  report: string,
  options: { root: string; reportFile: string; cycle?: string; linksFile?: string },
): { datasets: ExtractedDataset[]; summary: string[] } {
  const linksFile = options.linksFile ?? FINDING_LINKS_FILE;
  const resolver = loadStateResolver(join(options.root, "sources"));
  const result = extractFindings(report, resolver, { cycle: options.cycle ?? "13MSP", file: options.reportFile });
  applyFindingLinks(
    result.findings,
    readFindingLinks(linksFile, readFileSync(join(options.root, linksFile))),
    linksFile,
  );
  return { datasets: findingDatasets(result), summary: findingSummary(result) };
}

export const FINDING_LINKS_FILE = "sources/overrides/finding_indicators.csv";
