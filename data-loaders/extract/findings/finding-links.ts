/**
 * The reviewed hand file that links findings to what they report on:
 * `sources/overrides/finding_indicators.csv` (finding_id, indicator_id, topic, reason).
 *   - indicator_id: the LAP indicator whose table value the statement reports (para 22 → 9.2,
 *     II.A.1 → 1.1). A judgement, so every row says why; the consistency checks compare the two.
 *   - topic: the per-State table the finding feeds (article7_on_time_2024, isu_contributor_2024, …).
 * A row whose finding_id the extractor no longer produces is an error: the report or the extractor
 * changed and the link must be reviewed, not silently lost.
 */
import { parse } from "csv-parse/sync";
import { InputError, show, type InputProblem } from "../../lib/errors.ts";
import { readUtf8Text } from "../../lib/csv.ts";
import type { Finding } from "./types.ts";

export interface FindingLink {
  finding_id: string;
  indicator_id: string | null;
  topic: string | null;
  reason: string;
  line: number;
}

export const LINK_COLUMNS = ["finding_id", "indicator_id", "topic", "reason"];
/** Topics the derived per-State models (data-loaders/sql/models/03x_*.sql) read. */
export const TOPICS = [
  "article7_on_time_2024",
  "article7_late_2024",
  "article7_initial_submitted",
  "article7_initial_overdue",
  "article7_overdue_annual_submitted",
  "isu_contributor_2024",
  "affected_article3_retention",
  "affected_article4_contamination",
  "affected_victims",
];

export function readFindingLinks(file: string, bytes: Buffer): FindingLink[] {
  const text = readUtf8Text(file, bytes);
  const records = parse(text, { relax_column_count: true, info: true, skip_empty_lines: true }) as unknown as {
    record: string[];
    info: { lines: number };
  }[];
  const header = records[0]?.record ?? [];
  if (header.join(",") !== LINK_COLUMNS.join(",")) {
    throw new InputError({
      file,
      line: 1,
      expected: `the header ${LINK_COLUMNS.join(",")}`,
      found: header.join(","),
      fix: "restore the header of the hand file",
    });
  }
  const problems: InputProblem[] = [];
  const links: FindingLink[] = [];
  for (const { record, info } of records.slice(1)) {
    const line = info.lines;
    if (record.length !== LINK_COLUMNS.length) {
      problems.push({
        file,
        line,
        expected: `${LINK_COLUMNS.length} fields`,
        found: `${record.length}`,
        fix: "quote a reason that contains a comma",
      });
      continue;
    }
    const [finding_id, indicator_id, topic, reason] = record.map((v) => v.trim()) as [string, string, string, string];
    if (indicator_id && !/^\d+\.\d+$/.test(indicator_id))
      problems.push({
        file,
        line,
        column: "indicator_id",
        expected: "an indicator id such as 9.2",
        found: show(indicator_id),
        fix: "use the id of sources/indicators.csv",
      });
    if (topic && !TOPICS.includes(topic))
      problems.push({
        file,
        line,
        column: "topic",
        expected: `one of ${TOPICS.join(", ")}`,
        found: show(topic),
        fix: "use a known topic or add it to TOPICS and its model",
      });
    if (!indicator_id && !topic)
      problems.push({
        file,
        line,
        expected: "an indicator_id or a topic",
        found: "neither",
        fix: "remove the row or fill one of them",
      });
    if (!reason)
      problems.push({
        file,
        line,
        column: "reason",
        expected: "why the finding reports on that indicator or topic",
        found: "an empty cell",
        fix: "write the reason",
      });
    links.push({ finding_id, indicator_id: indicator_id || null, topic: topic || null, reason, line });
  }
  if (problems.length) throw new InputError(problems);
  return links;
}

/** Set indicator_id and topic on the findings; every link must name an extracted finding. */
export function applyFindingLinks(findings: Finding[], links: FindingLink[], file: string): void {
  const byId = new Map(findings.map((f) => [f.finding_id, f]));
  const problems: InputProblem[] = [];
  const seen = new Set<string>();
  for (const link of links) {
    const f = byId.get(link.finding_id);
    if (!f) {
      const para = link.finding_id.replace(/^[^-]+-(.+)-\d+$/, "$1");
      const near = findings
        .filter((x) => x.paragraph === para)
        .map((x) => `${x.finding_id} (${x.stated_count ?? "no count"}: ${x.counted.slice(0, 50)})`);
      problems.push({
        file,
        line: link.line,
        column: "finding_id",
        expected: "a finding the extractor produces",
        found: `${show(link.finding_id)}${near.length ? `; paragraph ${para} has ${near.join("; ")}` : ""}`,
        fix: "review the link against the new findings and correct its finding_id",
      });
      continue;
    }
    if (seen.has(link.finding_id))
      problems.push({
        file,
        line: link.line,
        column: "finding_id",
        expected: "one row per finding",
        found: `${show(link.finding_id)} again`,
        fix: "merge the rows",
      });
    seen.add(link.finding_id);
    f.indicator_id = link.indicator_id;
    f.topic = link.topic;
  }
  if (problems.length) throw new InputError(problems);
}
