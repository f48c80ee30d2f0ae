/**
 * The rows of the queries the briefing and the site read (data-loaders/sql/briefing/*.sql, sql/site/*.sql), as
 * queryRows gives them. A column is typed once, by its relation's description (relations.generated.ts): a query
 * that returns a relation's rows is that relation's row type; one that picks, renames or joins columns is built
 * from those types here; only a value the query itself computes is typed here. Imports only types.
 */
import type {
  CcmStatusLabelsRow,
  ConsistencyIssuesRow,
  CyclesRow,
  CitedDatasetsRow,
  DatasetsRow,
  FindingRevisionsRow,
  FindingsRow,
  IndicatorContestedRow,
  IndicatorRevisionsRow,
  IndicatorTrendsRow,
  LargestMovementsRow,
  MembershipCountsRow,
  PillarTrendsRow,
  ReportRecordIssuesRow,
  ReportsRow,
  SourceDocumentsRow,
  StateEventsRow,
  StatesRow,
  StatusOnDatesRow,
  UngaLowestSinceRow,
  UngaResolutionVotesRow,
  UngaStateVotesRow,
  UngaVoteShiftsRow,
  UngaYesByStatusRow,
  VoteLabelsRow,
} from "./relations.generated.ts";

/** sql/briefing/cycle.sql: the briefing's cycle and the reported cycles up to it. */
export type CycleRow = Pick<
  CyclesRow,
  "cycle" | "ordinal" | "meeting" | "period_start" | "period_end" | "source_ref"
> & {
  /** Where the report names the cycle (its indicator tables' header), and where it states its period. */
  named_in: string;
  period_in: string | null;
  /** The briefing's own cycle. */
  is_target: boolean;
};

/** sql/briefing/indicator_trends.sql, sql/site/indicator_trends.sql. */
export type TrendRow = IndicatorTrendsRow;

/** sql/briefing/pillar_trends.sql, sql/site/pillar_trends.sql. */
export type PillarRow = PillarTrendsRow;

/** sql/briefing/largest_movements.sql. */
export type MovementRow = LargestMovementsRow;

/** sql/briefing/datasets.sql. */
export type DatasetRow = Pick<
  CitedDatasetsRow,
  "name" | "kind" | "title" | "producer" | "source" | "date" | "reference" | "file"
>;

/** sql/briefing/membership.sql: the counts on the last day of the briefing's reporting period. */
export interface MembershipRow {
  as_of: CyclesRow["period_end"];
  states_parties: number;
  signatories: number;
  /** The source of the state_events dataset. */
  sources: DatasetsRow["source"] | null;
}

/** sql/briefing/withdrawals.sql: withdrawals that took effect within the reporting period (so dated). */
export type WithdrawalRow = Pick<StateEventsRow, "iso3" | "source" | "note"> &
  Pick<StatesRow, "name_en"> & {
    event_date: string;
    /** The documents that date the withdrawal to the day (mart source_documents), in words. */
    dated_by: SourceDocumentsRow["document"] | null;
  };

/** sql/briefing/unga_totals.sql: unga_resolution_votes with the published totals' names. */
export type UngaRow = Pick<
  UngaResolutionVotesRow,
  "resolution_id" | "resolution" | "year" | "has_country_votes" | "source" | "source_ref"
> & {
  total_yes: UngaResolutionVotesRow["yes"];
  total_no: UngaResolutionVotesRow["no"];
  total_abstentions: UngaResolutionVotesRow["abstain"];
  total_non_voting: UngaResolutionVotesRow["non_voting"];
  total_ms: UngaResolutionVotesRow["member_states"];
};

/** sql/briefing/unga_lowest_since.sql: the years without data as text. */
export type LowestSinceRow = Pick<
  UngaLowestSinceRow,
  "year" | "yes" | "last_as_low_year" | "earlier_years" | "lowest_since_series_start" | "series_start" | "source"
> & {
  years_without_data: string | null;
};

/** sql/briefing/unga_yes_by_status.sql: with the status's words and legend order. */
export type YesByStatusRow = Pick<
  UngaYesByStatusRow,
  "year" | "resolution_id" | "ccm_status" | "yes" | "no" | "abstain" | "non_voting" | "has_country_votes" | "basis"
> & {
  /** The status in words for a group of States ("States Parties"), from ccm_status_labels. */
  status_plural: CcmStatusLabelsRow["plural"];
  /** Legend order of the status (ccm_status_labels.sort_order). */
  status_order: CcmStatusLabelsRow["sort_order"];
};

/** sql/briefing/unga_vote_shifts.sql: the years without per-country votes as text. */
export type VoteShiftRow = Pick<UngaVoteShiftsRow, "iso3" | "name_en" | "year" | "shift" | "ccm_status"> & {
  years_without_country_votes: string | null;
};

/** sql/briefing/named_states.sql: the finding that names the States an indicator counts. */
export type NamedStatesRow = Pick<FindingsRow, "indicator_id" | "finding_id" | "paragraph" | "stated_count"> & {
  /** How many States it names. */
  named: number;
  /** Names as the report writes them, joined with "; ". */
  names: string;
  /** The report the finding comes from, and its findings and finding_states datasets as the datasets table names them. */
  report_id: ReportsRow["report_id"];
  findings_dataset: string;
  finding_states_dataset: string;
};

/** sql/briefing/consistency_issues.sql. */
export type IssueRow = Pick<
  ConsistencyIssuesRow,
  "kind" | "severity" | "paragraph" | "related" | "expected" | "found" | "explanation"
>;

/** sql/briefing/indicator_contested.sql: an indicator value the report contradicts elsewhere. */
export type ContestedRow = Pick<
  IndicatorContestedRow,
  | "indicator_id"
  | "cycle"
  | "against"
  | "other_figure"
  | "kind"
  | "paragraph"
  | "related"
  | "expected"
  | "found"
  | "explanation"
>;

/** sql/briefing/report_record_issues.sql. */
export type RecordIssueRow = Pick<
  ReportRecordIssuesRow,
  | "topic"
  | "severity"
  | "subject"
  | "paragraph"
  | "report_says"
  | "record_says"
  | "definition"
  | "alternative_definition"
  | "report_source"
  | "record_source"
  | "explanation"
>;

/** sql/site/membership_counts.sql. */
export type MembershipCountRow = MembershipCountsRow;

/** sql/site/status_on_dates.sql: a State's status on a day of status_dates, with what the map needs to draw it. */
export type StatusOnDateRow = Pick<StatusOnDatesRow, "as_of" | "iso3" | "status" | "status_label"> &
  Pick<StatesRow, "m49" | "name_en" | "region"> &
  Pick<CcmStatusLabelsRow, "sort_order">;

/** sql/site/state_votes.sql: a recorded vote of one State, with its region and status in words. */
export type StateVoteRow = Pick<
  UngaStateVotesRow,
  "resolution_id" | "year" | "iso3" | "vote" | "ccm_status" | "source_file" | "source_line"
> & {
  /** The State's name (its ISO3 code when unknown). */
  name_en: string;
  /** Its region ('Unknown' when not known). */
  region: string;
  vote_label: VoteLabelsRow["label"];
  vote_order: VoteLabelsRow["sort_order"];
  /** The status in words (the code when it has none). */
  status_label: string;
};

/** sql/briefing/indicator_revisions.sql. */
export type IndicatorRevisionRow = Pick<
  IndicatorRevisionsRow,
  | "indicator_id"
  | "cycle"
  | "earlier_report"
  | "later_report"
  | "earlier_printed"
  | "later_printed"
  | "change"
  | "kind"
  | "footnote"
  | "earlier_source"
  | "later_source"
>;

/** sql/briefing/finding_revisions.sql. */
export type FindingRevisionRow = Pick<
  FindingRevisionsRow,
  | "earlier_report"
  | "later_report"
  | "earlier_paragraph"
  | "later_paragraph"
  | "counted"
  | "earlier_count"
  | "later_count"
  | "joined_names"
  | "left_names"
  | "earlier_source"
  | "later_source"
>;
