/**
 * Everything the briefing says, read from the database with the queries in data-loaders/sql/briefing/.
 * Parts built by other modules (UNGA, consistency checks) may be absent from a partial database: then the
 * field is null and the briefing says the part is missing, instead of inventing content.
 */
import type { DuckDBConnection } from "@duckdb/node-api";
import { queryRows, relationsOf, sqlText } from "../lib/db.ts";

import type {
  CycleRow,
  TrendRow,
  PillarRow,
  DatasetRow,
  MembershipRow,
  WithdrawalRow,
  UngaRow,
  LowestSinceRow,
  YesByStatusRow,
  VoteShiftRow,
  NamedStatesRow,
  IssueRow,
  RecordIssueRow,
  IndicatorRevisionRow,
  FindingRevisionRow,
} from "../lib/view-rows.ts";

/** A row of mart tallies: a cycle's counts of one pillar, or of all ('' ). */
export interface TallyRow extends PillarRow {
  not_measured: number;
  first_measured: number;
  no_better_direction: number;
  rose_every_cycle: number;
  fell_every_cycle: number;
}

/** A judgement or reason of a cycle with its count and words, for a pillar or all ('' ) (mart tally_terms). */
export interface TallyTermRow {
  pillar: string;
  term: string;
  kind: string;
  n: number;
  /** What the prose says after the count: "improved", "completed (fell because nobody is left to do it)". */
  phrase: string;
  /** Whether "none <phrase>" is news (none declined) or would mislead (none completed). */
  said_when_none: boolean;
  /** Whether a tally lists it (the judgements of a movement); the others get a clause of their own. */
  in_tally: boolean;
  indicator_ids: string[];
  /** The counted indicators whose judgement rests on a contested figure (mart contested_judgements). */
  contested_ids: string[];
  contested_reasons: string[];
  /** Those of them that the other figures would judge otherwise. */
  contested_overturned: string[];
}

/** Where the changed votes went between the last two votes the briefing looks back on (view unga_vote_flows). */
export interface VoteFlowRow {
  previous_year: number;
  year: number;
  vote_before: string;
  vote_after: string;
  did_before: string;
  did_after: string;
  ccm_status: string;
  noun_one: string;
  noun_many: string;
  states: number;
  state_names: string;
  flow_states: number;
}

/** An indicator's judgement in the briefing's cycle (mart judgements). */
export interface JudgementRow {
  indicator_id: string;
  judgement_key: string;
  basis_key: string | null;
  completion_group_label: string | null;
  completion_source: string | null;
  /** 'rose' or 'fell' when it moved that way in every change so far. */
  steady: "rose" | "fell" | null;
}

/** A move the summary names (mart highlights) or a pillar's section names (mart pillar_highlights). */
export interface HighlightRow {
  indicator_id: string;
  unit: string | null;
  judgement?: string;
  is_main_unit?: boolean;
  pillar_code?: string;
  /** Rank within the unit (equal moves share one): the summary says when a list names a tie. */
  rank_in_unit?: number;
}

/** A finding and the States it names (mart named_states): a thing a source cites whatever the figures are. */
export interface FindingRow {
  finding_id: string;
  cycle: string;
  indicator_id: string | null;
  paragraph: string;
  named: number;
  names: string | null;
  report_id: string;
  findings_dataset: string;
  finding_states_dataset: string;
}

/** A contested figure with both sources (mart contested_figures). */
export interface ContestedRow {
  indicator_id: string;
  cycle: string;
  /** 'report' (the report's own consistency annex) or 'records' (the UN's records annex). */
  against: string;
  other_figure: number | null;
  /** Where the other figure is given, as a reader finds it ("para 47", "summary item II.C.2"). */
  place: string;
  /** The numbered row of the annex that lists the point; null when no row does. */
  annex_item: number | null;
  /** The verdict of view figure_doubts: 'contested' (a real disagreement) or 'warning' (see warning_kind). */
  doubt: "contested" | "warning";
  /** 'difference of scope', 'stale sub-split' or 'possibly narrower count' for a warning; null when contested. */
  warning_kind: string | null;
  /** Why, in words ("summary item II.C.2's 17 counts a wider group, 13 (para 66) + 4 (para 65)"). */
  doubt_reason: string;
  previous_cycle: string | null;
  /** The UN's record's figure for the cycle and the previous measured cycle, and the change on the record. */
  record_value: number | null;
  record_previous_value: number | null;
  record_change: number | null;
}

export interface BriefingData {
  cycle: string;
  cycles: CycleRow[];
  trends: TrendRow[];
  /** Counts per pillar (mart tallies). */
  pillars: TallyRow[];
  /** Each indicator's judgement in the cycle (mart judgements), in report order. */
  judgements: JudgementRow[];
  /** Counts of all pillars (mart tallies, pillar ''). */
  tally: TallyRow;
  /** Each judgement and reason with its count and words, per pillar and for all ('' ) (mart tally_terms). */
  terms: TallyTermRow[];
  /** The summary's largest moves (mart highlights) and each pillar's (mart pillar_highlights). */
  highlights: HighlightRow[];
  pillarHighlights: HighlightRow[];
  datasets: DatasetRow[];
  membership: MembershipRow | null;
  withdrawals: WithdrawalRow[] | null;
  unga: UngaRow[] | null;
  lowestSince: LowestSinceRow[] | null;
  yesByStatus: YesByStatusRow[] | null;
  voteShifts: VoteShiftRow[] | null;
  /** The changed votes from the previous CCM vote to the cycle's, by CCM status on the later vote date. */
  voteFlows: VoteFlowRow[] | null;
  namedStates: NamedStatesRow[] | null;
  /** Every finding of the database (mart named_states), for the notes a source may place by finding id. */
  findings: FindingRow[] | null;
  issues: IssueRow[] | null;
  contested: ContestedRow[] | null;
  /** Statements of the report that the UN's records contradict (view report_record_issues). */
  recordIssues: RecordIssueRow[] | null;
  /**
   * What changed since the report before the briefing's (views indicator_revisions, finding_revisions): null
   * when the database holds no earlier report, so a briefing of the first report has no such section.
   */
  sinceLastReport: { previous: string; values: IndicatorRevisionRow[]; findings: FindingRevisionRow[] } | null;
  /** Names of the relations the briefing wanted but the database lacks. */
  missing: string[];
}

export class BriefingDataError extends Error {
  override name = "BriefingDataError";
}

async function query<T>(conn: DuckDBConnection, file: string, cycle?: string): Promise<T[]> {
  return queryRows<T>(conn, sqlText(`briefing/${file}`), cycle === undefined ? undefined : { cycle });
}

async function sinceLastReport(
  conn: DuckDBConnection,
  cycle: string,
  relations: Set<string>,
): Promise<BriefingData["sinceLastReport"]> {
  if (!["reports", "indicator_revisions", "finding_revisions"].every((r) => relations.has(r))) return null;
  const [previous] = await query<{ report_id: string }>(conn, "previous_report.sql", cycle);
  if (!previous) return null;
  return {
    previous: previous.report_id,
    values: await query<IndicatorRevisionRow>(conn, "indicator_revisions.sql", cycle),
    findings: await query<FindingRevisionRow>(conn, "finding_revisions.sql", cycle),
  };
}

export async function loadBriefingData(conn: DuckDBConnection, cycle: string): Promise<BriefingData> {
  const relations = new Set((await relationsOf(conn)).map((r) => r.name));
  const required = [
    "cycles",
    "indicators",
    "indicator_values",
    "indicator_trends",
    "datasets",
    "cited_datasets",
    "tallies",
    "tally_terms",
    "judgements",
    "highlights",
    "pillar_highlights",
  ];
  const absent = required.filter((r) => !relations.has(r));
  if (absent.length) {
    throw new BriefingDataError(
      `The database lacks ${absent.join(", ")}, which the briefing needs. Run \`npm run pipeline\` once the indicator datasets exist in sources/.`,
    );
  }
  const cycles = await query<CycleRow>(conn, "cycle.sql", cycle);
  if (!cycles.some((c) => c.is_target)) {
    const known = await query<{ cycle: string }>(conn, "known_cycles.sql");
    throw new BriefingDataError(
      `No indicator values for cycle "${cycle}". Cycles with values: ${known.map((k) => k.cycle).join(", ") || "none"}.`,
    );
  }
  const missing: string[] = [];
  const optional = async <T>(needs: string[], load: () => Promise<T>): Promise<T | null> => {
    const lacking = needs.filter((n) => !relations.has(n));
    if (lacking.length) {
      missing.push(...lacking.filter((l) => !missing.includes(l)));
      return null;
    }
    return load();
  };
  const tallies = await query<TallyRow>(conn, "tallies.sql", cycle);
  return {
    cycle,
    cycles,
    trends: await query<TrendRow>(conn, "indicator_trends.sql", cycle),
    pillars: tallies.filter((t) => t.pillar_code !== ""),
    tally: tallies.find((t) => t.pillar_code === "")!,
    terms: await query<TallyTermRow>(conn, "refs/terms.sql", cycle),
    judgements: await query<JudgementRow>(conn, "judgements.sql", cycle),
    highlights: await query<HighlightRow>(conn, "highlights.sql", cycle),
    pillarHighlights: await query<HighlightRow>(conn, "pillar_highlights.sql", cycle),
    datasets: await query<DatasetRow>(conn, "datasets.sql"),
    membership: await optional(
      ["membership_counts"],
      async () => (await query<MembershipRow>(conn, "membership.sql", cycle))[0] ?? null,
    ),
    withdrawals: await optional(["state_events", "states"], () => query<WithdrawalRow>(conn, "withdrawals.sql", cycle)),
    // Each UNGA query keeps the votes up to the cycle's own (mart cycle_votes).
    unga: await optional(["unga_resolution_votes"], () => query<UngaRow>(conn, "unga_totals.sql", cycle)),
    lowestSince: await optional(["unga_lowest_since"], () =>
      query<LowestSinceRow>(conn, "unga_lowest_since.sql", cycle),
    ),
    yesByStatus: await optional(["unga_yes_by_status"], () =>
      query<YesByStatusRow>(conn, "unga_yes_by_status.sql", cycle),
    ),
    voteShifts: await optional(["unga_vote_shifts"], () => query<VoteShiftRow>(conn, "unga_vote_shifts.sql", cycle)),
    voteFlows: await optional(["unga_vote_flows"], () => query<VoteFlowRow>(conn, "unga_vote_flows.sql", cycle)),
    // Both read the mart named_states (the findings with the States they name).
    namedStates: await optional(["named_states"], () => query<NamedStatesRow>(conn, "named_states.sql", cycle)),
    findings: await optional(["named_states"], () => query<FindingRow>(conn, "findings.sql")),
    issues: await optional(["consistency_issues"], () => query<IssueRow>(conn, "consistency_issues.sql")),
    contested: await optional(["contested_figures"], () => query<ContestedRow>(conn, "indicator_contested.sql", cycle)),
    recordIssues: await optional(["report_record_issues"], () =>
      query<RecordIssueRow>(conn, "report_record_issues.sql"),
    ),
    sinceLastReport: await sinceLastReport(conn, cycle, relations),
    missing: missing.sort(),
  };
}
