/**
 * End to end: the real sources/ build the database (test/global-setup.ts ran the pipeline once);
 * row counts of the core tables and the per-resolution UNGA totals are what the sources say.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { closeDatabase, queryRows, type Database } from "../data-loaders/lib/db.ts";
import { openBuiltDb } from "./helpers/db.ts";

let db: Database;
beforeAll(async () => {
  db = await openBuiltDb();
});
afterAll(() => closeDatabase(db));

const count = async (table: string) =>
  (await queryRows<{ n: number }>(db.conn, `SELECT count(*) AS n FROM ${table}`))[0]!.n;

describe("pipeline from sources/", () => {
  it("loads every curated dataset with its provenance", async () => {
    const datasets = await queryRows<{ name: string; rows: number; sha256: string }>(
      db.conn,
      "SELECT name, rows, sha256 FROM datasets ORDER BY name",
    );
    expect(datasets.map((d) => d.name)).toEqual(
      expect.arrayContaining([
        "cycles",
        "indicators",
        "indicator_values",
        "states",
        "state_aliases",
        "state_events",
        "unga_vote_totals",
        "findings",
        "finding_states",
      ]),
    );
    for (const d of datasets) {
      expect(await count(d.name), `${d.name}: table rows = rows recorded in datasets`).toBe(d.rows);
      expect(d.sha256).toMatch(/^[0-9a-f]{64}$/);
    }
  });

  it.each([
    ["indicators", 80],
    ["indicator_values", 320],
    ["cycles", 4],
    ["states", 197],
    ["unga_votes", 1930], // 10 CCM resolutions (2015–2024) × 193 Member States
    ["isu_contributors", 70],
  ])("%s has %i rows", async (table, rows) => {
    expect(await count(table)).toBe(rows);
  });

  it("per-resolution UNGA totals equal the published ones and the per-country rows", async () => {
    const rows = await queryRows<{
      resolution_id: string;
      total_yes: number;
      total_no: number;
      total_abstentions: number;
      total_non_voting: number;
      y: number;
      n: number;
      a: number;
      x: number;
    }>(
      db.conn,
      `SELECT r.resolution_id, r.total_yes, r.total_no, r.total_abstentions, r.total_non_voting,
              count(*) FILTER (WHERE v.vote = 'Y') AS y, count(*) FILTER (WHERE v.vote = 'N') AS n,
              count(*) FILTER (WHERE v.vote = 'A') AS a, count(*) FILTER (WHERE v.vote = 'X') AS x
         FROM unga_resolutions r JOIN unga_votes v USING (resolution_id)
        WHERE r.topic = 'CCM' GROUP BY ALL ORDER BY r.resolution_id`,
    );
    expect(rows.map((r) => r.resolution_id)).toEqual([
      "A/RES/70/54",
      "A/RES/71/45",
      "A/RES/72/54",
      "A/RES/73/54",
      "A/RES/74/62",
      "A/RES/75/62",
      "A/RES/76/47",
      "A/RES/77/79",
      "A/RES/78/32",
      "A/RES/79/58",
    ]);
    expect(rows[0]).toMatchObject({ total_yes: 139, total_no: 2, total_abstentions: 40, total_non_voting: 12 });
    // The three records of sources/unga/undl-ccm-votes-2022-2024.csv, with their own published totals.
    expect(
      rows.slice(7).map((r) => [r.resolution_id, r.total_yes, r.total_no, r.total_abstentions, r.total_non_voting]),
    ).toEqual([
      ["A/RES/77/79", 144, 1, 37, 11],
      ["A/RES/78/32", 148, 1, 36, 8],
      ["A/RES/79/58", 121, 1, 33, 38],
    ]);
    for (const r of rows)
      expect([r.y, r.n, r.a, r.x]).toEqual([r.total_yes, r.total_no, r.total_abstentions, r.total_non_voting]);
  });

  it("every CCM vote 2015–2024 comes from a UN record, State by State: no totals-only year, no vote inferred from the report", async () => {
    const rows = await queryRows<{
      year: number;
      has_country_votes: boolean;
      votes: number;
      unknown: number;
      sources: string[];
    }>(
      db.conn,
      `SELECT year, bool_and(has_country_votes) AS has_country_votes, count(vote)::INTEGER AS votes, count(*) FILTER (WHERE vote IS NULL)::INTEGER AS unknown,
              list_sort(list_distinct(list(vote_source))) AS sources
         FROM unga_state_votes WHERE topic = 'CCM' GROUP BY year ORDER BY year`,
    );
    expect(rows.map((r) => r.year)).toEqual([2015, 2016, 2017, 2018, 2019, 2020, 2021, 2022, 2023, 2024]);
    for (const r of rows)
      expect(r).toMatchObject({
        has_country_votes: true,
        votes: 193,
        unknown: 0,
        sources: ["UN Digital Library voting data"],
      });
    // The 2023 plenary total published by the CCM website agrees with the UN record.
    const [check] = await queryRows<{ agree: boolean }>(
      db.conn,
      "SELECT agree FROM unga_totals_crosscheck WHERE year = 2023",
    );
    expect(check!.agree).toBe(true);
  });

  it("state_status answers 'status of X on D' in one query, with 111 States Parties on 30 June 2025 (para 63)", async () => {
    const [r] = await queryRows<{ n: number; ltu: string }>(
      db.conn,
      "SELECT (SELECT count(*) FROM ccm_status_on(DATE '2025-06-30') WHERE status = 'state_party') AS n, ccm_status('LTU', DATE '2025-06-30') AS ltu",
    );
    expect(r).toEqual({ n: 111, ltu: "withdrawn" });
  });
});
