/**
 * The trend views (data-loaders/sql/models/1xx_*.sql) on small fixtures: contract-shaped input tables in an
 * in-memory DuckDB (test/fixtures/trends/contract-tables.sql), the real SQL files, expected rows written out.
 */
import { readFileSync } from "node:fs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { closeDatabase, openDatabase, queryRows, runSqlFile, type Database } from "../data-loaders/lib/db.ts";

const TREND_SQL = [
  "models/001_vocabulary.sql",
  "models/058_share_scope_mismatches.sql",
  "models/100_indicator_trends.sql",
  "models/110_pillar_trends.sql",
  "models/120_largest_movements.sql",
];

let db: Database;

beforeAll(async () => {
  db = await openDatabase();
  await db.conn.run(readFileSync("test/fixtures/trends/contract-tables.sql", "utf8"));
  for (const f of TREND_SQL) await runSqlFile(db.conn, f);
});
afterAll(() => closeDatabase(db));

type Row = Record<string, unknown>;

/** Rows of one indicator in cycle order, reduced to the named columns. */
async function trend(indicatorId: string, columns: string[]): Promise<Row[]> {
  const rows = await queryRows<Row>(
    db.conn,
    "SELECT * FROM indicator_trends WHERE indicator_id = $id ORDER BY ordinal",
    { id: indicatorId },
  );
  return rows.map((r) => Object.fromEntries(columns.map((c) => [c, r[c]])));
}

/** Build expected rows from column lists: cols(["a","b"], [1,2], [3,4]) → [{a:1,b:2},{a:3,b:4}]. */
function rowsOf(columns: string[], ...values: unknown[][]): Row[] {
  return values.map((v) => Object.fromEntries(columns.map((c, i) => [c, v[i]])));
}

describe("indicator_trends", () => {
  it("has one row per indicator and reported cycle, leaving out a cycle with no values yet (3RC)", async () => {
    const [r] = await queryRows<{ n: number; cycles: string }>(
      db.conn,
      "SELECT count(*) AS n, string_agg(DISTINCT cycle, ',' ORDER BY cycle) AS cycles FROM indicator_trends",
    );
    expect(r).toEqual({ n: 9 * 4, cycles: "10MSP,11MSP,12MSP,13MSP" });
  });

  it("orders cycles by cycles.ordinal, not by insertion or name, and computes changes, direction, streak and records", async () => {
    const cols = [
      "cycle",
      "value",
      "previous_cycle",
      "change_since_previous",
      "change_since_first",
      "direction",
      "streak",
      "record_to_date",
      "judgement",
    ];
    expect(await trend("9.2", cols)).toEqual(
      rowsOf(
        cols,
        ["10MSP", 52, null, null, 0, "first measured", null, null, "not comparable"],
        ["11MSP", 61, "10MSP", 9, 9, "up", 1, "highest", "improved"],
        ["12MSP", 59, "11MSP", -2, 7, "down", 1, null, "declined"],
        ["13MSP", 70, "12MSP", 11, 18, "up", 1, "highest", "improved"],
      ),
    );
  });

  it("counts streaks of consecutive moves in the same direction and restarts them on a change", async () => {
    expect((await trend("2.1", ["streak"])).map((r) => r.streak)).toEqual([null, 1, 2, 3]);
    expect((await trend("17.2", ["direction", "streak"])).map((r) => `${r.direction}:${r.streak}`)).toEqual([
      "first measured:null",
      "down:1",
      "down:2",
      "down:3",
    ]);
    expect((await trend("1.1", ["direction", "streak"])).map((r) => `${r.direction}:${r.streak}`)).toEqual([
      "first measured:null",
      "up:1",
      "up:2",
      "flat:1",
    ]);
  });

  it("marks ties for the highest and lowest as joint", async () => {
    expect((await trend("1.1", ["record_to_date"])).map((r) => r.record_to_date)).toEqual([
      null,
      "highest",
      "highest",
      "joint highest",
    ]);
    expect((await trend("11.1", ["record_to_date"])).map((r) => r.record_to_date)).toEqual([
      null,
      "lowest",
      "joint highest",
      "joint lowest",
    ]);
  });

  it("keeps N/A as not measured (never 0), skips it when comparing, and does not compare with a missing first cycle", async () => {
    const cols = [
      "cycle",
      "value",
      "missing_reason",
      "previous_cycle",
      "change_since_previous",
      "change_since_first",
      "direction",
      "streak",
      "judgement",
    ];
    expect(await trend("45.1", cols)).toEqual(
      rowsOf(
        cols,
        ["10MSP", null, "N/A in the report", null, null, null, "not measured", null, "not comparable"],
        ["11MSP", null, "N/A in the report", null, null, null, "not measured", null, "not comparable"],
        ["12MSP", 24, null, null, null, null, "first measured", null, "not comparable"],
        ["13MSP", 46, null, "12MSP", 22, null, "up", 1, "improved"],
      ),
    );
    const gap = [
      "cycle",
      "value",
      "previous_cycle",
      "previous_value",
      "change_since_previous",
      "change_since_first",
      "direction",
      "record_to_date",
    ];
    expect(await trend("2.2", gap)).toEqual(
      rowsOf(
        gap,
        ["10MSP", 5, null, null, null, 0, "first measured", null],
        ["11MSP", null, "10MSP", 5, null, null, "not measured", null],
        ["12MSP", 7, "10MSP", 5, 2, 2, "up", "highest"],
        ["13MSP", 7, "12MSP", 7, 0, 2, "flat", "joint highest"],
      ),
    );
  });

  it("judges movements by polarity: lower is better reverses, neutral is never improved or declined", async () => {
    expect((await trend("11.1", ["judgement"])).map((r) => r.judgement)).toEqual([
      "not comparable",
      "improved",
      "declined",
      "improved",
    ]);
    expect((await trend("4.4", ["direction", "judgement"])).map((r) => `${r.direction}:${r.judgement}`)).toEqual([
      "first measured:not comparable",
      "down:not comparable",
      "up:not comparable",
      "flat:held",
    ]);
  });

  it("gives each measure of a paired value its own trend: munitions fell in every cycle, submunitions rose once", async () => {
    const cols = [
      "cycle",
      "value",
      "value_secondary",
      "change_since_previous",
      "secondary_change_since_previous",
      "direction",
      "streak",
      "secondary_direction",
      "secondary_streak",
      "judgement",
    ];
    expect(await trend("17.2", cols)).toEqual(
      rowsOf(
        cols,
        ["10MSP", 226, 15497, null, null, "first measured", null, "first measured", null, "not comparable"],
        ["11MSP", 199, 15539, -27, 42, "down", 1, "up", 1, "declined"],
        ["12MSP", 41, 4034, -158, -11505, "down", 2, "down", 1, "declined"],
        ["13MSP", 21, 1328, -20, -2706, "down", 3, "down", 2, "declined"],
      ),
    );
    expect((await trend("17.2", ["secondary_record_to_date"])).map((r) => r.secondary_record_to_date)).toEqual([
      null,
      "highest",
      "lowest",
      "lowest",
    ]);
    expect((await trend("1.1", ["secondary_direction"])).every((r) => r.secondary_direction === null)).toBe(true);
  });

  it("judges a fall to zero as completed when the group it follows is exhausted, and says why", async () => {
    const cols = ["cycle", "value", "direction", "judgement", "judgement_basis", "completion_group_size"];
    expect(await trend("13.1", cols)).toEqual(
      rowsOf(
        cols,
        ["10MSP", 0, "first measured", "not comparable", "first measured", null],
        ["11MSP", 1, "up", "improved", "polarity", null],
        // The group still had 4 members: a rise is progress.
        ["12MSP", 4, "up", "improved", "polarity", 4],
        ["13MSP", 0, "down", "completed", "group exhausted", 0],
      ),
    );
    const [r] = await trend("13.1", ["judgement_reason"]).then((rows) => rows.slice(3));
    expect(r?.judgement_reason).toBe(
      "Fell from 4 to 0 because the group it follows is exhausted: no States Parties with outstanding obligations are left (para 82). A fall here is completion, not decline.",
    );
    // A fall with the group not exhausted stays a decline (9.2 in 12MSP has no completion group).
    expect((await trend("9.2", ["judgement"])).map((r) => r.judgement)).toEqual([
      "not comparable",
      "improved",
      "declined",
      "improved",
    ]);
  });

  it("divides by the States Parties during the cycle's period (a State that withdrew in it counts), only where the count is complete", async () => {
    const cols = ["cycle", "value", "denominator", "denominator_basis", "share"];
    expect(await trend("1.1", cols)).toEqual(
      rowsOf(
        cols,
        // The unknown State is never a party but unknown during these periods: the count would be a lower bound.
        ["10MSP", 0, null, null, null],
        ["11MSP", 2, null, null, null],
        // 100 + the State that joined on 3 Aug 2023 + the one that withdrew later.
        ["12MSP", 7, 102, "States Parties during the reporting period", 0.0686],
        // Still 102: the State whose withdrawal took effect on 6 Mar 2025 was a party during the period.
        ["13MSP", 7, 102, "States Parties during the reporting period", 0.0686],
      ),
    );
    expect((await trend("45.1", ["share"])).map((r) => r.share)).toEqual([null, null, 0.2353, 0.451]);
  });

  it("divides by the group the indicator counts among, as the report sizes it for that cycle, and never by all States Parties", async () => {
    const cols = ["cycle", "denominator", "denominator_basis", "denominator_source", "share"];
    expect(await trend("2.1", cols)).toEqual(
      rowsOf(
        cols,
        ["10MSP", null, null, null, null],
        ["11MSP", null, null, null, null],
        ["12MSP", null, null, null, null],
        ["13MSP", 10, "affected States Parties", "para 104", 0.4],
      ),
    );
    // Donor States Parties: the size is unknown, so there is no share; counts of cases or people have none either.
    for (const id of ["9.2", "11.1", "4.4", "17.2"])
      expect((await trend(id, ["denominator", "share"])).every((r) => r.denominator === null && r.share === null)).toBe(
        true,
      );
    // A group of size 0 is no denominator.
    expect((await trend("13.1", ["denominator"])).map((r) => r.denominator)).toEqual([null, null, 4, null]);
  });

  it("gives no denominator (NULL, not 0) when the membership history is empty", async () => {
    const empty = await openDatabase();
    try {
      await empty.conn.run(readFileSync("test/fixtures/trends/contract-tables.sql", "utf8"));
      await empty.conn.run("DELETE FROM state_status");
      for (const f of TREND_SQL.slice(0, 3)) await runSqlFile(empty.conn, f);
      const rows = await queryRows<Row>(
        empty.conn,
        "SELECT denominator, share FROM indicator_trends WHERE indicator_id = '1.1'",
      );
      expect(rows).toHaveLength(4);
      expect(rows.every((r) => r.denominator === null && r.share === null)).toBe(true);
    } finally {
      closeDatabase(empty);
    }
  });

  it("flags the latest reported cycle", async () => {
    const rows = await queryRows<{ cycle: string }>(
      db.conn,
      "SELECT DISTINCT cycle FROM indicator_trends WHERE is_latest",
    );
    expect(rows).toEqual([{ cycle: "13MSP" }]);
  });
});

describe("pillar_trends", () => {
  it("counts improved, declined, held, completed and not comparable indicators per pillar and cycle", async () => {
    const cols = [
      "pillar_code",
      "cycle",
      "indicators",
      "measured",
      "improved",
      "declined",
      "held",
      "completed",
      "not_comparable",
    ];
    const rows = await queryRows<Row>(
      db.conn,
      `SELECT ${cols.join(", ")} FROM pillar_trends WHERE cycle IN ('11MSP', '13MSP') ORDER BY pillar_code, ordinal`,
    );
    expect(rows).toEqual(
      rowsOf(
        cols,
        ["A", "11MSP", 4, 3, 3, 0, 0, 0, 1],
        ["A", "13MSP", 4, 4, 2, 0, 2, 0, 0],
        ["B", "11MSP", 1, 1, 0, 0, 0, 0, 1],
        ["B", "13MSP", 1, 1, 0, 0, 1, 0, 0],
        ["C", "11MSP", 1, 1, 1, 0, 0, 0, 0],
        ["C", "13MSP", 1, 1, 1, 0, 0, 0, 0],
        ["D", "11MSP", 2, 2, 1, 1, 0, 0, 0],
        ["D", "13MSP", 2, 2, 0, 1, 0, 1, 0],
        ["I", "11MSP", 1, 0, 0, 0, 0, 0, 1],
        ["I", "13MSP", 1, 1, 1, 0, 0, 0, 0],
      ),
    );
  });

  it("adds up: every indicator is counted exactly once per cycle", async () => {
    const bad = await queryRows(
      db.conn,
      "SELECT * FROM pillar_trends WHERE improved + declined + held + completed + not_comparable <> indicators",
    );
    expect(bad).toEqual([]);
    const [n] = await queryRows<{ n: number }>(db.conn, "SELECT count(*) AS n FROM pillar_trends");
    expect(n?.n).toBe(5 * 4);
  });
});

describe("largest_movements", () => {
  it("ranks the moves of the latest cycle by size, ties sharing a rank, flat and unmeasured left out", async () => {
    const cols = [
      "indicator_id",
      "change_since_previous",
      "size",
      "relative_change",
      "rank_overall",
      "rank_in_pillar",
      "judgement",
    ];
    const rows = await queryRows<Row>(db.conn, `SELECT ${cols.join(", ")} FROM largest_movements WHERE is_latest`);
    expect(rows).toEqual(
      rowsOf(
        cols,
        ["45.1", 22, 22, 0.9167, 1, 1, "improved"],
        ["17.2", -20, 20, -0.4878, 2, 1, "declined"],
        ["9.2", 11, 11, 0.1864, 3, 1, "improved"],
        ["13.1", -4, 4, -1, 4, 2, "completed"],
        ["2.1", 1, 1, 0.3333, 5, 2, "improved"],
        ["11.1", -1, 1, -0.5, 5, 1, "improved"],
      ),
    );
  });

  it("ranks within a unit and relative to the group, so cases and munitions are not ranked against States Parties", async () => {
    const cols = [
      "indicator_id",
      "unit",
      "judgement",
      "rank_in_unit",
      "rank_in_pillar_unit",
      "change_relative_to_scope",
      "rank_relative_to_scope",
    ];
    const rows = await queryRows<Row>(
      db.conn,
      `SELECT ${cols.join(", ")} FROM largest_movements WHERE is_latest ORDER BY indicator_id`,
    );
    expect(rows).toEqual(
      rowsOf(
        cols,
        ["11.1", "cases", "improved", 1, 1, null, null],
        ["13.1", "States Parties", "completed", 1, 1, null, null],
        ["17.2", "cluster munitions", "declined", 1, 1, null, null],
        // Among improvements counted in States Parties: 45.1 (+22), 9.2 (+11), 2.1 (+1); 2.1 is +1 of 10 affected.
        ["2.1", "States Parties", "improved", 3, 2, 0.1, 2],
        ["45.1", "States Parties", "improved", 1, 1, 0.2157, 1],
        ["9.2", "States Parties", "improved", 2, 1, null, null],
      ),
    );
  });

  it("gives no ratio for a move from zero", async () => {
    const rows = await queryRows<Row>(
      db.conn,
      "SELECT relative_change FROM largest_movements WHERE indicator_id = '1.1' AND cycle = '11MSP'",
    );
    expect(rows).toEqual([{ relative_change: null }]);
  });
});
