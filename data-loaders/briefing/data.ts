/**
 * Everything the briefing says, read from the database with the queries in data-loaders/sql/briefing/.
 * Parts built by other modules (UNGA, consistency checks) may be absent from a partial database: then the
 * field is null and the briefing says the part is missing, instead of inventing content.
 */
import type { DuckDBConnection } from "@duckdb/node-api";
import { queryRows, sqlText } from "../lib/db.ts";

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

export interface BriefingData {
  cycle: string;
  cycles: CycleRow[];
  trends: TrendRow[];
  pillars: PillarRow[];
  movements: MovementRow[];
  datasets: DatasetRow[];
  membership: MembershipRow | null;
  withdrawals: WithdrawalRow[] | null;
  unga: UngaRow[] | null;
  lowestSince: LowestSinceRow[] | null;
  yesByStatus: YesByStatusRow[] | null;
  voteShifts: VoteShiftRow[] | null;
  namedStates: NamedStatesRow[] | null;
  issues: IssueRow[] | null;
  contested: ContestedRow[] | null;
  /** Statements of the report that the UN's records contradict (view report_record_issues). */
  recordIssues: RecordIssueRow[] | null;
  /** Names of the relations the briefing wanted but the database lacks. */
  missing: string[];
}

export class BriefingDataError extends Error {
  override name = "BriefingDataError";
}

/** DATE values come back as objects; the briefing needs ISO strings (YYYY-MM-DD). */
function isoDates<T>(rows: T[]): T[] {
  for (const r of rows as Record<string, unknown>[]) {
    for (const [k, v] of Object.entries(r)) if (v instanceof Date) r[k] = v.toISOString().slice(0, 10);
  }
  return rows;
}

async function query<T>(conn: DuckDBConnection, file: string, cycle?: string): Promise<T[]> {
  return isoDates(await queryRows<T>(conn, sqlText(`briefing/${file}`), cycle === undefined ? undefined : { cycle }));
}

export async function loadBriefingData(conn: DuckDBConnection, cycle: string): Promise<BriefingData> {
  const relations = new Set((await query<{ table_name: string }>(conn, "relations.sql")).map((r) => r.table_name));
  const required = ["cycles", "indicators", "indicator_values", "indicator_trends", "pillar_trends", "largest_movements", "datasets"];
  const absent = required.filter((r) => !relations.has(r));
  if (absent.length) {
    throw new BriefingDataError(`The database lacks ${absent.join(", ")}, which the briefing needs. Run \`npm run pipeline\` once the indicator datasets exist in sources/.`);
  }
  const cycles = await query<CycleRow>(conn, "cycle.sql", cycle);
  if (!cycles.some((c) => c.is_target)) {
    const known = await queryRows<{ cycle: string }>(conn, "SELECT DISTINCT cycle FROM indicator_trends ORDER BY cycle");
    throw new BriefingDataError(`No indicator values for cycle "${cycle}". Cycles with values: ${known.map((k) => k.cycle).join(", ") || "none"}.`);
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
  // A briefing looks back from its cycle: UNGA votes (held each December) count only if taken before the
  // cycle's reporting period ended, so the 12MSP briefing does not report the 2024 vote.
  const periodEnd = cycles.find((c) => c.is_target)?.period_end ?? null;
  const before = <T extends { year: number }>(rows: T[] | null): T[] | null => (rows && periodEnd ? rows.filter((r) => r.year < Number(periodEnd.slice(0, 4))) : rows);
  return {
    cycle,
    cycles,
    trends: await query<TrendRow>(conn, "indicator_trends.sql", cycle),
    pillars: await query<PillarRow>(conn, "pillar_trends.sql", cycle),
    movements: await query<MovementRow>(conn, "largest_movements.sql", cycle),
    datasets: await query<DatasetRow>(conn, "datasets.sql"),
    membership: await optional(["state_status"], async () => (await query<MembershipRow>(conn, "membership.sql", cycle))[0] ?? null),
    withdrawals: await optional(["state_events", "states"], () => query<WithdrawalRow>(conn, "withdrawals.sql", cycle)),
    unga: before(await optional(["unga_resolution_votes"], () => query<UngaRow>(conn, "unga_totals.sql"))),
    lowestSince: before(await optional(["unga_lowest_since"], () => query<LowestSinceRow>(conn, "unga_lowest_since.sql"))),
    yesByStatus: before(await optional(["unga_yes_by_status"], () => query<YesByStatusRow>(conn, "unga_yes_by_status.sql"))),
    voteShifts: before(await optional(["unga_vote_shifts"], () => query<VoteShiftRow>(conn, "unga_vote_shifts.sql"))),
    namedStates: await optional(["findings", "finding_states"], () => query<NamedStatesRow>(conn, "named_states.sql", cycle)),
    issues: await optional(["consistency_issues"], () => query<IssueRow>(conn, "consistency_issues.sql")),
    contested: await optional(["indicator_contested"], () => query<ContestedRow>(conn, "indicator_contested.sql", cycle)),
    recordIssues: await optional(["report_record_issues"], () => query<RecordIssueRow>(conn, "report_record_issues.sql")),
    missing: missing.sort(),
  };
}
