/**
 * What the State pages and the States directory show, read once per build: the 197 page loaders
 * (src/states/[iso3].md.ts) each pick their State from one set of rows, cached in the system's temp folder under
 * the database's path, size and time (a rebuilt database is read again).
 */
import { existsSync, readFileSync, renameSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { createHash } from "node:crypto";
import { loadTableDocs } from "../dictionary.ts";
import { DEFAULT_DB } from "../lib/db.ts";
import { siteQuery, tableRows, withSiteDatabase } from "./site-db.ts";
import type { RecordIssue } from "./record-issues.ts";
import type { Contested } from "./contested.ts";
import type { MembershipSource } from "./edition.ts";

export interface StateRow {
  iso3: string;
  iso2: string | null;
  name_en: string;
  region: string | null;
  subregion: string | null;
  un_status: string | null;
  status: string;
  status_label: string | null;
}

export interface StatusPeriod {
  iso3: string;
  status_label: string | null;
  status: string;
  valid_from: string | null;
  valid_to: string | null;
  source: string | null;
}

export interface TreatyEvent {
  iso3: string;
  event: string;
  event_date: string | null;
  event_year: number | null;
  source: string | null;
  note: string | null;
}

export interface StateVote {
  iso3: string;
  resolution_id: string;
  vote: string;
  vote_label: string | null;
  source_file: string | null;
  source_line: number | null;
}

export interface ResolutionRow {
  resolution_id: string;
  year: number;
  topic: string;
  source_ref: string | null;
}

export interface StateFinding {
  finding_id: string;
  paragraph: string;
  pillar_code: string;
  statement: string;
  /** The indicator whose value the finding's count is, when it is one (a disputed value is flagged). */
  indicator_id: string | null;
  cycle: string;
  report_id: string | null;
}

export interface NamedState {
  finding_id: string;
  iso3: string;
  name_as_written: string;
  detail: string | null;
}

/** Another per-State table (Article 7 reporting, obligations, …): what it holds in words, and its rows by State. */
export interface RecordTable {
  name: string;
  caption: string;
  columns: Record<string, string>;
  byState: Record<string, Record<string, unknown>[]>;
}

export interface StatePagesData {
  states: StateRow[];
  status: StatusPeriod[];
  events: TreatyEvent[];
  documents: { file: string; document: string }[];
  resolutions: ResolutionRow[];
  votes: StateVote[];
  findings: StateFinding[];
  named: NamedState[];
  issues: RecordIssue[];
  records: RecordTable[];
  /** The disputed indicator values (view indicator_contested), flagged on the findings that count them. */
  contested: Contested[];
  /** The edition of the membership data the status today is read from (sql/site/membership_source.sql). */
  membership: MembershipSource;
}

/** A table's description up to its first full stop or colon: what a caption says. */
function captionOf(description: string | undefined, name: string): string {
  const text = description?.split(/(?<=[a-z)])[.:]\s|\. With more/)[0]?.trim();
  return text || name.replaceAll("_", " ");
}

/** The version of StatePagesData's shape, part of the cache's key. */
const SHAPE = "membership-1";

async function readAll(): Promise<StatePagesData> {
  const docs = loadTableDocs();
  return withSiteDatabase(async (db) => {
    const recordTables = await siteQuery<{ name: string }>(db, "state_record_tables", undefined, { allowEmpty: true });
    const records: RecordTable[] = [];
    for (const { name } of recordTables) {
      const byState: Record<string, Record<string, unknown>[]> = {};
      for (const row of await tableRows(db, name)) (byState[String(row["iso3"])] ??= []).push(row);
      records.push({
        name,
        caption: captionOf(docs.get(name)?.description, name),
        columns: docs.get(name)?.columns ?? {},
        byState,
      });
    }
    const latest = (await siteQuery<{ report_id: string; is_latest: boolean }>(db, "reports")).find(
      (r) => r.is_latest,
    )?.report_id;
    return {
      states: await siteQuery<StateRow>(db, "states"),
      status: await siteQuery<StatusPeriod>(db, "state_status"),
      events: await siteQuery<TreatyEvent>(db, "state_events"),
      documents: await siteQuery<{ file: string; document: string }>(db, "source_documents"),
      resolutions: await siteQuery<ResolutionRow>(db, "unga_resolutions"),
      votes: await siteQuery<StateVote>(db, "unga_votes"),
      findings: await siteQuery<StateFinding>(db, "findings"),
      named: await siteQuery<NamedState>(db, "finding_states"),
      issues: (
        await siteQuery<RecordIssue>(db, "report_record_issues_by_report", undefined, { allowEmpty: true })
      ).filter((i) => i.report_id === latest),
      records,
      contested: await siteQuery<Contested>(db, "indicator_contested", undefined, { allowEmpty: true }),
      membership: (await siteQuery<MembershipSource>(db, "membership_source"))[0]!,
    };
  });
}

/** In one process (the prerender renders every State page) the rows are read once and kept. */
const read = new Map<string, Promise<StatePagesData>>();

export function statePagesData(): Promise<StatePagesData> {
  const db = resolve(process.env.CCM_DB ?? DEFAULT_DB);
  const stat = existsSync(db) ? statSync(db) : undefined;
  // SHAPE changes when StatePagesData does, so a cache written by an older build is not read as the new shape.
  const key = `${SHAPE} ${db} ${stat?.size} ${stat?.mtimeMs}`;
  let data = read.get(key);
  if (!data) read.set(key, (data = cachedData(key)));
  return data;
}

async function cachedData(key: string): Promise<StatePagesData> {
  const cache = join(tmpdir(), `ccm-state-pages-${createHash("sha256").update(key).digest("hex").slice(0, 16)}.json`);
  if (existsSync(cache)) return JSON.parse(readFileSync(cache, "utf8")) as StatePagesData;
  const data = await readAll();
  const part = `${cache}.${process.pid}.tmp`;
  writeFileSync(part, JSON.stringify(data));
  renameSync(part, cache);
  return data;
}
