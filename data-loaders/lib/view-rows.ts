/**
 * The shapes of the rows that the views in data-loaders/sql/ return, as the briefing and the site read them
 * (queryRows gives JSON-ready values: numbers, ISO dates). A leaf module: it imports nothing.
 */
export interface CycleRow {
  cycle: string;
  ordinal: number;
  meeting: string | null;
  period_start: string | null;
  period_end: string | null;
  source_ref: string | null;
  is_target: boolean;
}

export interface TrendRow {
  indicator_id: string;
  action: number;
  seq: number;
  pillar_code: string;
  pillar: string;
  text: string;
  unit: string | null;
  polarity: string;
  cycle: string;
  ordinal: number;
  value: number | null;
  value_secondary: number | null;
  measure: string | null;
  secondary_measure: string | null;
  missing_reason: string | null;
  revised: boolean | null;
  footnote?: string | null;
  as_printed: string | null;
  previous_cycle: string | null;
  previous_value: number | null;
  change_since_previous: number | null;
  secondary_change_since_previous: number | null;
  secondary_direction: string | null;
  secondary_streak: number | null;
  secondary_record_to_date: string | null;
  first_cycle: string;
  first_value: number | null;
  change_since_first: number | null;
  direction: string;
  streak: number | null;
  measured_to_date: number;
  record_to_date: string | null;
  scope_group: string | null;
  denominator: number | null;
  denominator_basis: string | null;
  denominator_source: string | null;
  share: number | null;
  completion_group_label: string | null;
  completion_source: string | null;
  cycle_note: string | null;
  /** improved, declined, held, completed or not comparable: judged once, in indicator_trends. */
  judgement: string;
  judgement_basis: string;
  judgement_reason: string;
  is_latest?: boolean;
  source_ref: string | null;
}

export interface PillarRow {
  pillar_code: string;
  pillar: string;
  indicators: number;
  measured: number;
  improved: number;
  declined: number;
  held: number;
  completed: number;
  not_comparable: number;
}

export interface MovementRow {
  indicator_id: string;
  pillar_code: string;
  rank_overall: number;
  rank_in_pillar: number;
  unit: string | null;
  /** Rank among the cycle's moves with the same unit and judgement. */
  rank_in_unit: number;
  /** Rank within the pillar among moves with the same unit. */
  rank_in_pillar_unit: number;
  judgement: string;
}

export interface DatasetRow {
  name: string;
  title: string;
  producer: string;
  source: string;
  date: string;
  reference: string;
  file: string;
}

export interface MembershipRow {
  as_of: string | null;
  states_parties: number;
  signatories: number;
  sources: string | null;
}

export interface WithdrawalRow {
  iso3: string;
  name_en: string;
  event_date: string;
  source: string | null;
  note: string | null;
}

export interface UngaRow {
  resolution_id: string;
  resolution: string | null;
  year: number;
  total_yes: number | null;
  total_no: number | null;
  total_abstentions: number | null;
  total_non_voting: number | null;
  total_ms: number | null;
  has_country_votes: boolean;
  source: string | null;
  source_ref: string | null;
}

export interface LowestSinceRow {
  year: number;
  yes: number;
  last_as_low_year: number | null;
  earlier_years: number;
  lowest_since_series_start: boolean;
  series_start: number;
  years_without_data: string | null;
  source: string | null;
}

export interface YesByStatusRow {
  year: number;
  resolution_id: string;
  ccm_status: string;
  /** The status in words for a group of States ("States Parties"), from ccm_status_labels. */
  status_plural: string;
  /** Legend order of the status (ccm_status_labels.sort_order). */
  status_order: number;
  yes: number | null;
  has_country_votes: boolean;
  basis: string | null;
}

export interface VoteShiftRow {
  iso3: string;
  name_en: string;
  year: number;
  shift: string;
  ccm_status: string;
  years_without_country_votes: string | null;
}

export interface NamedStatesRow {
  indicator_id: string;
  finding_id: string;
  paragraph: string;
  stated_count: number | null;
  named: number;
  /** Names as the report writes them, joined with "; ". */
  names: string;
  /** The report the finding comes from, and its findings and finding_states datasets as the datasets table names them. */
  report_id: string;
  findings_dataset: string;
  finding_states_dataset: string;
}

export interface IssueRow {
  kind: string;
  severity: string;
  paragraph: string | null;
  related: string | null;
  expected: string | null;
  found: string | null;
  explanation: string;
}

/** An indicator value the report contradicts elsewhere (view indicator_contested). */
export interface ContestedRow {
  indicator_id: string;
  cycle: string;
  /** 'report' (a consistency issue of the report itself) or 'records' (the UN's records, report_record_issues). */
  against: string;
  /** The other figure the report gives for the same quantity, when the issue states one. */
  other_figure: number | null;
  kind: string;
  paragraph: string | null;
  related: string | null;
  expected: string | null;
  found: string | null;
  explanation: string;
}

export interface RecordIssueRow {
  topic: string;
  severity: string;
  subject: string;
  paragraph: string;
  report_says: string;
  record_says: string;
  definition: string;
  alternative_definition: string | null;
  report_source: string;
  record_source: string;
  explanation: string;
}

export interface MembershipCountRow {
  as_of: string;
  kind: string;
  cycle: string | null;
  label: string;
  status: string;
  status_label: string;
  status_plural: string;
  sort_order: number;
  states: number;
}

/** A State's status on a day of status_dates, with what the map needs to draw it (its UN M49 code). */
export interface StatusOnDateRow {
  as_of: string;
  iso3: string;
  m49: string | null;
  name_en: string;
  region: string | null;
  status: string;
  status_label: string;
  sort_order: number;
}

/** A recorded vote of one State on a resolution (unga_state_votes), with its region and status in words. */
export interface StateVoteRow {
  resolution_id: string;
  year: number;
  iso3: string;
  name_en: string;
  region: string;
  vote: string;
  vote_label: string;
  vote_order: number;
  ccm_status: string;
  status_label: string;
  source_file: string | null;
  source_line: number | null;
}

/** A value the briefing's report prints differently from the report before it (view indicator_revisions). */
export interface IndicatorRevisionRow {
  indicator_id: string;
  cycle: string;
  earlier_report: string;
  later_report: string;
  earlier_printed: string;
  later_printed: string;
  change: number | null;
  kind: "value" | "newly_marked_revised" | "printed_form";
  footnote: string | null;
  earlier_source: string;
  later_source: string;
}

/** A statement whose count or named States changed from the report before (view finding_revisions). */
export interface FindingRevisionRow {
  earlier_report: string;
  later_report: string;
  earlier_paragraph: string;
  later_paragraph: string;
  counted: string;
  earlier_count: number | null;
  later_count: number | null;
  joined_names: string[] | null;
  left_names: string[] | null;
  earlier_source: string;
  later_source: string;
}
