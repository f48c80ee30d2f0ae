/**
 * What the Universalization page's two explorers draw, read once for both the page loader (the chart of the
 * default choice, inlined as SVG) and the JSON loaders (the same spec with every choice's rows, which the browser
 * re-draws when the reader changes the date, the resolution or the grouping).
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { statusMapChart, voteBreakdownChart, type Chart } from "../charts/specs.ts";
import { ROOT, type Database } from "../lib/db.ts";
import type { MembershipCountRow, StateVoteRow, StatusOnDateRow } from "../lib/view-rows.ts";
import { siteQuery } from "./site-db.ts";

export interface StatusDate {
  as_of: string;
  kind: string;
  label: string;
}

export interface StatusMapData {
  chart: Chart;
  rows: StatusOnDateRow[];
  dates: StatusDate[];
  counts: MembershipCountRow[];
  /** The day drawn first: today. */
  initial: StatusDate;
}

/** World outlines: world-atlas countries-110m TopoJSON (Natural Earth, public domain) from node_modules, no network. */
export function readWorld(): unknown {
  const topology = JSON.parse(readFileSync(join(ROOT, "node_modules", "world-atlas", "countries-110m.json"), "utf8")) as {
    type?: string;
    objects?: { countries?: { geometries?: unknown[] } };
  };
  const count = topology.objects?.countries?.geometries?.length ?? 0;
  if (topology.type !== "Topology" || count < 100) throw new Error(`world-atlas countries-110m.json looks malformed (${count} countries)`);
  return topology;
}

export async function statusMapData(db: Database): Promise<StatusMapData> {
  const rows = await siteQuery<StatusOnDateRow>(db, "status_on_dates");
  const counts = await siteQuery<MembershipCountRow>(db, "membership_counts");
  const dates = [...new Map(counts.map((c) => [`${c.as_of} ${c.kind}`, { as_of: c.as_of, kind: c.kind, label: c.label }])).values()];
  const initial = dates.find((d) => d.kind === "today") ?? dates.at(-1)!;
  return { chart: statusMapChart(readWorld(), rows, initial), rows, dates, counts, initial };
}

export interface Resolution {
  resolution_id: string;
  year: number;
  topic: string;
  source_ref: string | null;
}

export interface VoteExplorerData {
  chart: Chart;
  rows: StateVoteRow[];
  resolutions: Resolution[];
  /** The vote codes present, with their words, in legend order (vote_labels). */
  votes: { vote: string; label: string }[];
  initial: Resolution;
}

export async function voteExplorerData(db: Database): Promise<VoteExplorerData> {
  const rows = await siteQuery<StateVoteRow>(db, "state_votes");
  const withVotes = new Set(rows.map((r) => r.resolution_id));
  const resolutions = (await siteQuery<Resolution>(db, "unga_resolutions")).filter((r) => withVotes.has(r.resolution_id));
  const initial = resolutions.at(-1);
  if (!initial) throw new Error("no resolution with recorded per-State votes (unga_state_votes)");
  const votes = [...new Map(rows.map((r) => [r.vote, r])).values()].sort((a, b) => a.vote_order - b.vote_order).map((r) => ({ vote: r.vote, label: r.vote_label }));
  const chart = voteBreakdownChart(rows, { resolution: initial.resolution_id, year: initial.year, groupBy: "region" });
  return { chart, rows, resolutions, votes, initial };
}
