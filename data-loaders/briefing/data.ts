/**
 * Everything the briefing says, read from the database with the queries in data-loaders/sql/briefing/.
 * Parts built by other modules (UNGA, consistency checks) may be absent from a partial database: then the
 * field is null and the briefing says the part is missing, instead of inventing content.
 */
import type { DuckDBConnection } from "@duckdb/node-api";
import { queryRows, sqlText } from "../lib/db.ts";

import type { CycleRow, TrendRow, PillarRow, MovementRow, DatasetRow, MembershipRow, WithdrawalRow, UngaRow, LowestSinceRow, YesByStatusRow, VoteShiftRow, NamedStatesRow, IssueRow, ContestedRow, RecordIssueRow, IndicatorRevisionRow, FindingRevisionRow } from "../lib/view-rows.ts";

export type { CycleRow, TrendRow, PillarRow, MovementRow, DatasetRow, MembershipRow, WithdrawalRow, UngaRow, LowestSinceRow, YesByStatusRow, VoteShiftRow, NamedStatesRow, IssueRow, ContestedRow, RecordIssueRow, IndicatorRevisionRow, FindingRevisionRow };

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

async function sinceLastReport(conn: DuckDBConnection, cycle: string, relations: Set<string>): Promise<BriefingData["sinceLastReport"]> {
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
    membership: await optional(["membership_counts"], async () => (await query<MembershipRow>(conn, "membership.sql", cycle))[0] ?? null),
    withdrawals: await optional(["state_events", "states"], () => query<WithdrawalRow>(conn, "withdrawals.sql", cycle)),
    unga: before(await optional(["unga_resolution_votes"], () => query<UngaRow>(conn, "unga_totals.sql"))),
    lowestSince: before(await optional(["unga_lowest_since"], () => query<LowestSinceRow>(conn, "unga_lowest_since.sql"))),
    yesByStatus: before(await optional(["unga_yes_by_status"], () => query<YesByStatusRow>(conn, "unga_yes_by_status.sql"))),
    voteShifts: before(await optional(["unga_vote_shifts"], () => query<VoteShiftRow>(conn, "unga_vote_shifts.sql"))),
    namedStates: await optional(["findings", "finding_states", "datasets"], () => query<NamedStatesRow>(conn, "named_states.sql", cycle)),
    issues: await optional(["consistency_issues"], () => query<IssueRow>(conn, "consistency_issues.sql")),
    contested: await optional(["indicator_contested", "figure_doubts"], () => query<ContestedRow>(conn, "indicator_contested.sql", cycle)),
    recordIssues: await optional(["report_record_issues"], () => query<RecordIssueRow>(conn, "report_record_issues.sql")),
    sinceLastReport: await sinceLastReport(conn, cycle, relations),
    missing: missing.sort(),
  };
}
