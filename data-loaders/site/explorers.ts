/**
 * What the Universalization page's two explorers draw, read once for both the page loader (the chart of the
 * default choice, inlined as SVG) and the JSON loaders (the same spec with every choice's rows, which the browser
 * re-draws when the reader changes the date, the resolution or the grouping).
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { statusMapChart, voteBreakdownChart } from "../presentation/charts.ts";
import type { ChartPair } from "./page.ts";
import { ROOT, type Database } from "../lib/db.ts";
import type { MembershipCountRow, StateVoteRow, StatusOnDateRow } from "../lib/view-rows.ts";
import type { UngaResolutionsRow } from "../lib/relations.generated.ts";
import { siteQuery } from "./site-db.ts";
import { withHouseStyle } from "../presentation/render.ts";
import type { TopLevelSpec } from "vega-lite";

export interface StatusDate {
  as_of: string;
  kind: string;
  label: string;
}

export interface StatusMapData {
  /** Drawn for a desktop column and for a phone (the browser re-draws the one that fits, explorers.js). */
  chart: ChartPair;
  rows: StatusOnDateRow[];
  dates: StatusDate[];
  counts: MembershipCountRow[];
  /** The day drawn first: today. */
  initial: StatusDate;
  changes: StatusChanges;
}

/**
 * Every State's status on each day a status changed (sql/site/status_change_days.sql), compactly: the map's date
 * control shows any day from the first signature to today as the latest of these days on or before it.
 */
export interface StatusChanges {
  /** The States, in the order of each day's codes, with what the map draws. */
  states: Pick<StatusOnDateRow, "iso3" | "m49" | "name_en" | "region">[];
  /** The statuses in legend order: the code i of a State on a day is statuses[i]. */
  statuses: Pick<StatusOnDateRow, "status" | "status_label" | "sort_order">[];
  /** Each day on which a status changed: every State's status code (one digit each) and the States per status. */
  days: { as_of: string; codes: string; counts: number[] }[];
  /** The first such day (the first signature) and the last day offered (today). */
  first: string;
  last: string;
}

interface ChangeDayRow {
  as_of: string;
  status: StatusOnDateRow["status"];
  states: number;
  iso3s: string[];
}

function statusChanges(rows: StatusOnDateRow[], changeRows: ChangeDayRow[], today: string): StatusChanges {
  const states = [
    ...new Map(rows.map((r) => [r.iso3, { iso3: r.iso3, m49: r.m49, name_en: r.name_en, region: r.region }])).values(),
  ];
  const statuses = [
    ...new Map(
      rows.map((r) => [r.status, { status: r.status, status_label: r.status_label, sort_order: r.sort_order }]),
    ).values(),
  ].sort((a, b) => a.sort_order - b.sort_order);
  if (statuses.length > 10) throw new Error(`the map's status codes are one digit each: ${statuses.length} statuses`);
  const index = new Map(states.map((s, i) => [s.iso3, i]));
  const code = new Map(statuses.map((s, i) => [s.status, String(i)]));
  const days = [...new Set(changeRows.map((r) => r.as_of))].map((as_of) => {
    const codes = new Array<string>(states.length).fill("");
    const counts = statuses.map(() => 0);
    for (const r of changeRows.filter((x) => x.as_of === as_of)) {
      const c = code.get(r.status);
      if (c === undefined)
        throw new Error(`status_change_days: status ${r.status} on ${as_of} is not one the map draws`);
      counts[Number(c)] = r.states;
      for (const iso3 of r.iso3s) codes[index.get(iso3) ?? -1] = c;
    }
    if (codes.some((c) => c === "")) throw new Error(`status_change_days: not every State has a status on ${as_of}`);
    return { as_of, codes: codes.join(""), counts };
  });
  return { states, statuses, days, first: days[0]!.as_of, last: today };
}

/** World outlines: world-atlas countries-110m TopoJSON (Natural Earth, public domain) from node_modules, no network. */
export function readWorld(): unknown {
  const topology = JSON.parse(
    readFileSync(join(ROOT, "node_modules", "world-atlas", "countries-110m.json"), "utf8"),
  ) as {
    type?: string;
    objects?: { countries?: { geometries?: unknown[] } };
  };
  const count = topology.objects?.countries?.geometries?.length ?? 0;
  if (topology.type !== "Topology" || count < 100)
    throw new Error(`world-atlas countries-110m.json looks malformed (${count} countries)`);
  return topology;
}

export async function statusMapData(db: Database): Promise<StatusMapData> {
  const rows = await siteQuery<StatusOnDateRow>(db, "status_on_dates");
  const counts = await siteQuery<MembershipCountRow>(db, "membership_counts");
  const dates = [
    ...new Map(counts.map((c) => [`${c.as_of} ${c.kind}`, { as_of: c.as_of, kind: c.kind, label: c.label }])).values(),
  ];
  const initial = dates.find((d) => d.kind === "today") ?? dates.at(-1)!;
  const changes = statusChanges(rows, await siteQuery<ChangeDayRow>(db, "status_change_days"), initial.as_of);
  const world = readWorld();
  const chart = {
    wide: statusMapChart(world, rows, initial, "wide"),
    narrow: statusMapChart(world, rows, initial, "narrow"),
  };
  return { chart, rows, dates, counts, initial, changes };
}

/** sql/site/unga_resolutions.sql, with the UN Digital Library record of the vote (from the UN vote files) as text. */
export type Resolution = Pick<UngaResolutionsRow, "resolution_id" | "year" | "topic" | "source_ref"> & {
  undl_id: string | null;
};

export interface VoteExplorerData {
  chart: ChartPair;
  rows: StateVoteRow[];
  resolutions: Resolution[];
  /** The vote codes present, with their words, in legend order (vote_labels). */
  votes: { vote: string; label: string }[];
  initial: Resolution;
}

export async function voteExplorerData(db: Database): Promise<VoteExplorerData> {
  const rows = await siteQuery<StateVoteRow>(db, "state_votes");
  const withVotes = new Set(rows.map((r) => r.resolution_id));
  const resolutions = (await siteQuery<Resolution>(db, "unga_resolutions"))
    .filter((r) => withVotes.has(r.resolution_id))
    .map(({ resolution_id, year, topic, undl_id, source_ref }) => ({
      resolution_id,
      year,
      topic,
      undl_id: undl_id === null ? null : String(undl_id),
      source_ref,
    }));
  const initial = resolutions.at(-1);
  if (!initial) throw new Error("no resolution with recorded per-State votes (unga_state_votes)");
  const votes = [...new Map(rows.map((r) => [r.vote, r])).values()]
    .sort((a, b) => a.vote_order - b.vote_order)
    .map((r) => ({ vote: r.vote, label: r.vote_label }));
  const choice = { resolution: initial.resolution_id, year: initial.year, groupBy: "region" } as const;
  const chart = { wide: voteBreakdownChart(rows, choice, "wide"), narrow: voteBreakdownChart(rows, choice, "narrow") };
  return { chart, rows, resolutions, votes, initial };
}

/**
 * The phone's drawing of an explorer's chart for the browser, without its datasets: the browser re-draws it with
 * the desktop spec's (components/explorers.js), so the rows and outlines are shipped once.
 */
export function narrowSpec(spec: TopLevelSpec): TopLevelSpec {
  const copy: Record<string, unknown> = { ...withHouseStyle(spec) };
  delete copy["datasets"];
  return copy as unknown as TopLevelSpec;
}
