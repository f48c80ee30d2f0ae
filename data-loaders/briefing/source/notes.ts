/**
 * The source notes a briefing may place by key ({note <key>}), one for each thing the database holds: every
 * indicator's value in every cycle (`value 9.2`, `value 9.2 12MSP`), every finding (`finding 13MSP-22-1`), every
 * pillar's counts (`pillar A`), and the notes of the briefing's parts (`trends`, `cycles`, `membership`, `unga`, …)
 * when the database holds that part. A key is never a note the draft happened to make: an analyst's {note finding
 * <id>} resolves as long as the finding exists, whatever its count is. The generated draft places the same notes by
 * the same keys (Context.note), so one text per key serves both.
 */
import type { BriefingData } from "../data.ts";
import type { TrendRow } from "../../lib/view-rows.ts";
import { compactCells } from "../sources.ts";
import { longDate } from "../../lib/dates.ts";
import { listNames } from "../text.ts";

/** The note of the datasets table and of the count of datasets. */
export const DATASETS_NOTE =
  "View cited_datasets of the ccm-trends database: the curated datasets (view datasets, recorded by the pipeline from sources/*.meta.json) and the UN Digital Library voting files (table undl_files; sources/unga/PROVENANCE.md).";

/** Short citation of a curated dataset; the "About the data" section gives each one in full. */
export function datasetCitation(data: BriefingData, name: string): string {
  return data.datasets.some((x) => x.name === name) ? `dataset ${name}` : `${name} (not in this database)`;
}

export function refOf(r: TrendRow): string {
  return r.source_ref ?? `no ${r.cycle} value in the report's table`;
}

/** "para 22" for a numbered paragraph, "item II.C.2" for a summary item. */
export function paragraphPlace(paragraph: string): string {
  return /^\d+$/.test(paragraph) ? `para ${paragraph}` : `item ${paragraph}`;
}

/** Where a denominator comes from: the report's own count of the group (with its paragraph) or the membership history. */
function denominatorSource(data: BriefingData, r: TrendRow): string {
  const src = r.denominator_source ?? "source not recorded";
  // A group size the report states is stated by the report of its own cycle (scope_sizes: each report sizes its
  // own cycle, and the 13MSP report is the 13MSP cycle's), so its paragraph is that report's.
  return src.startsWith("para ")
    ? `${r.cycle} Progress Report ${src} (${datasetCitation(data, "scope_sizes")}, scope from ${datasetCitation(data, "indicator_scopes")})`
    : `${src}`;
}

export function ungaRef(r: {
  year: number;
  resolution: string | null;
  resolution_id: string;
  source: string | null;
  source_ref: string | null;
}): string {
  return `UNGA ${r.year} (${r.resolution ?? r.resolution_id}): ${[r.source, r.source_ref].filter(Boolean).join(", ") || "table unga_resolutions"}`;
}

/** The key of an indicator's value note: `value 9.2` in the briefing's cycle, `value 9.2 12MSP` in another. */
export function valueKey(data: BriefingData, r: TrendRow): string {
  return `value ${r.indicator_id}${r.cycle === data.cycle ? "" : ` ${r.cycle}`}`;
}

/**
 * The reporting cycles in words: where the report names them, once, and each cycle's period with where it is
 * stated ("12MSP: 1 July 2023 to 30 June 2024, footnote ² (line 353)"), the cycles without one said together.
 */
function cyclesNote(data: BriefingData): string {
  const cs = data.cycles;
  const names = (list: typeof cs) => listNames(list.map((c) => c.cycle));
  const named = [...new Set(cs.map((c) => c.named_in))].map((where) => {
    const these = cs.filter((c) => c.named_in === where);
    const [first, last] = [these[0]!.meeting, these.at(-1)!.meeting];
    const meetings =
      these.length === 1 ? `the ${last}` : `the ${first.replace(/ Meeting of States Parties$/, "")} to the ${last}`;
    return `${names(these)} (${meetings}), the columns of the indicator tables: ${where}`;
  });
  const dated = cs
    .filter((c) => c.period_start && c.period_end)
    .map(
      (c) =>
        `${c.cycle}: ${longDate(c.period_start!)} to ${longDate(c.period_end!)}, ${c.period_in ?? "source not recorded"}`,
    );
  const undated = cs.filter((c) => !(c.period_start && c.period_end));
  const periods = [...dated, ...(undated.length ? [`${names(undated)}: not stated in the report`] : [])];
  return `Reporting cycles (${datasetCitation(data, "cycles")}): ${named.join("; ")}. Reporting periods: ${periods.join("; ")}.`;
}

/** Every note a briefing of the data's cycle may place by key, by key. */
export function noteCatalog(data: BriefingData): Map<string, string> {
  const notes = new Map<string, string>();
  const dataset = (name: string) => datasetCitation(data, name);

  // An indicator's value, the value it is compared with, and the group its share is of.
  const byIndicatorCycle = new Map(data.trends.map((r) => [`${r.indicator_id} ${r.cycle}`, r]));
  for (const r of data.trends) {
    const refs = [refOf(r)];
    const prev = r.previous_cycle ? byIndicatorCycle.get(`${r.indicator_id} ${r.previous_cycle}`) : undefined;
    if (prev && r.previous_value !== null) refs.push(refOf(prev));
    const computed = refs.length > 1 ? " Change and record computed by ccm-trends (view indicator_trends)." : "";
    const share =
      r.share !== null && r.denominator_basis && r.value
        ? ` Denominator: ${r.denominator} ${r.denominator_basis}, ${denominatorSource(data, r)}.`
        : "";
    notes.set(
      valueKey(data, r),
      `Indicator ${r.indicator_id}: ${compactCells(refs).join("; ")} (${dataset("indicator_values")}).${computed}${share}`,
    );
  }
  for (const f of data.findings ?? []) {
    notes.set(
      `finding ${f.finding_id}`,
      `${f.report_id} Progress Report, ${paragraphPlace(f.paragraph)} (as extracted in finding ${f.finding_id}: ${dataset(f.findings_dataset)}, ${dataset(f.finding_states_dataset)}).`,
    );
  }
  // The judgements a count rests on that use a contested figure, each with the other figures (mart tally_terms).
  const contested = (pillar: string): string => {
    const reasons = data.terms.filter((t) => t.pillar === pillar && t.in_tally).flatMap((t) => t.contested_reasons);
    return reasons.length ? ` On a contested figure (mart contested_judgements): ${reasons.join("; ")}.` : "";
  };
  for (const p of data.pillars)
    notes.set(
      `pillar ${p.pillar_code}`,
      `Counts for pillar ${p.pillar_code} computed by ccm-trends (mart tally_terms) from the values of Table ${p.pillar_code}.${contested(p.pillar_code)}`,
    );
  notes.set(
    "trends",
    `Counts computed by ccm-trends (mart tally_terms) from ${dataset("indicator_values")} and ${dataset("indicators")}.${contested("")}`,
  );
  notes.set("cycles", cyclesNote(data));
  notes.set("datasets", DATASETS_NOTE);

  const m = data.membership;
  if (m && m.as_of && m.states_parties > 0) {
    notes.set(
      "membership",
      `Counted by ccm-trends on ${longDate(m.as_of)} from the membership history (view state_status over ${dataset("state_events")}: ${m.sources ?? "source not recorded"}).`,
    );
  }
  const w = data.withdrawals;
  if (w && w.length)
    notes.set(
      "withdrawals",
      `Withdrawals (table state_events): ${w.map((x) => `${x.name_en}, effective ${longDate(x.event_date)}: ${x.dated_by ?? "no document dates it to the day"}${x.note ? ` (${x.note.replace(/\.$/, "")})` : ""}`).join("; ")}.`,
    );

  const unga = data.unga ?? [];
  const voted = unga.filter((r) => r.total_yes !== null);
  const last = voted.at(-1);
  if (last) {
    const prev = voted.at(-2);
    const refs = [ungaRef(last), ...(prev ? [ungaRef(prev)] : [])];
    if (data.lowestSince?.some((l) => l.year === last.year))
      refs.push(`comparison with every earlier year by ccm-trends (view unga_lowest_since)`);
    notes.set("unga", `${refs.join("; ")}.`);
  }
  if (unga.length) notes.set("unga-votes", `UNGA votes on the CCM resolution: ${unga.map(ungaRef).join("; ")}.`);
  const yes = data.yesByStatus;
  if (yes && yes.length) {
    const basis =
      [
        ...new Set(yes.filter((r) => !r.has_country_votes).map((r) => `${r.year}: ${r.basis ?? "published total"}`)),
      ].join("; ") || "all years from per-country votes";
    notes.set(
      "yes-by-status",
      `Votes (yes, no, abstain, non-voting) by CCM status on the vote date, computed by ccm-trends (view unga_yes_by_status) from the per-country votes (table unga_votes) and the membership history (view state_status); ${basis}.`,
    );
  }
  if (data.voteFlows)
    notes.set(
      "flows",
      "Votes of each State on the CCM resolution in consecutive years, by its CCM status on the later vote date, computed by ccm-trends (view unga_vote_flows) from the per-country votes (table unga_votes, UN Digital Library) and the membership history (view state_status).",
    );
  if (data.voteShifts)
    notes.set(
      "shifts",
      "States that voted yes in an earlier year and later did not, computed by ccm-trends (view unga_vote_shifts) from the per-country votes (table unga_votes, UN Digital Library).",
    );

  if (data.issues) {
    notes.set(
      "issues",
      `Consistency checks of ccm-trends (view consistency_issues) over ${dataset("findings")} and ${dataset("indicator_values")}.`,
    );
    notes.set(
      "annex",
      `Consistency checks of ccm-trends (view consistency_issues) over ${dataset("findings")} and ${dataset("indicator_values")}; paragraph numbers are those of the progress report.`,
    );
  }
  if (data.recordIssues) {
    notes.set(
      "annex-records",
      `Comparisons of ccm-trends (view report_vs_record) of ${dataset("report_facts")}, ${dataset("indicator_values")} and ${dataset("findings")} with the UN Digital Library voting records (table unga_votes) and ${dataset("state_events")}.`,
    );
  }

  const since = data.sinceLastReport;
  if (since) {
    const [report, previous] = [data.cycle, since.previous];
    const values = since.values.map(
      (v) => `indicator ${v.indicator_id}, ${v.cycle}: ${v.earlier_source}; ${v.later_source}`,
    );
    notes.set(
      "revisions figures",
      `Comparison of the ${report} and ${previous} Progress Reports' indicator tables by ccm-trends (view indicator_revisions)${values.length ? `: ${values.join("; ")}` : ""}.`,
    );
    notes.set(
      "revisions statements",
      `Comparison of the ${report} and ${previous} Progress Reports' findings by ccm-trends (view finding_revisions).`,
    );
  }
  return notes;
}
