/**
 * The trend views (data-loaders/sql/analyses/1xx_*.sql) on small fixtures: contract-shaped input tables in an
 * in-memory DuckDB (test/fixtures/trends/contract-tables.sql), the real SQL files, expected rows written out.
 */
import { readFileSync } from "node:fs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { closeDatabase, openDatabase, queryRows, runSqlFile, type Database } from "../data-loaders/lib/db.ts";

const TREND_SQL = ["analyses/100_indicator_trends.sql", "analyses/110_pillar_trends.sql", "analyses/120_largest_movements.sql"];

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
  const rows = await queryRows<Row>(db.conn, "SELECT * FROM indicator_trends WHERE indicator_id = $id ORDER BY ordinal", { id: indicatorId });
  return rows.map((r) => Object.fromEntries(columns.map((c) => [c, r[c]])));
}

/** Build expected rows from column lists: cols(["a","b"], [1,2], [3,4]) → [{a:1,b:2},{a:3,b:4}]. */
function rowsOf(columns: string[], ...values: unknown[][]): Row[] {
  return values.map((v) => Object.fromEntries(columns.map((c, i) => [c, v[i]])));
}

describe("indicator_trends", () => {
  it("has one row per indicator and reported cycle, leaving out a cycle with no values yet (3RC)", async () => {
    const [r] = await queryRows<{ n: number; cycles: string }>(db.conn, "SELECT count(*) AS n, string_agg(DISTINCT cycle, ',' ORDER BY cycle) AS cycles FROM indicator_trends");
    expect(r).toEqual({ n: 8 * 4, cycles: "10MSP,11MSP,12MSP,13MSP" });
  });

  it("orders cycles by cycles.ordinal, not by insertion or name, and computes changes, direction, streak and records", async () => {
    const cols = ["cycle", "value", "previous_cycle", "change_since_previous", "change_since_first", "direction", "streak", "record_to_date", "judgement"];
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
    expect((await trend("17.2", ["direction", "streak"])).map((r) => `${r.direction}:${r.streak}`)).toEqual(["first measured:null", "down:1", "down:2", "down:3"]);
    expect((await trend("1.1", ["direction", "streak"])).map((r) => `${r.direction}:${r.streak}`)).toEqual(["first measured:null", "up:1", "up:2", "flat:1"]);
  });

  it("marks ties for the highest and lowest as joint", async () => {
    expect((await trend("1.1", ["record_to_date"])).map((r) => r.record_to_date)).toEqual([null, "highest", "highest", "joint highest"]);
    expect((await trend("11.1", ["record_to_date"])).map((r) => r.record_to_date)).toEqual([null, "lowest", "joint highest", "joint lowest"]);
  });

  it("keeps N/A as not measured (never 0), skips it when comparing, and does not compare with a missing first cycle", async () => {
    const cols = ["cycle", "value", "missing_reason", "previous_cycle", "change_since_previous", "change_since_first", "direction", "streak", "judgement"];
    expect(await trend("45.1", cols)).toEqual(
      rowsOf(
        cols,
        ["10MSP", null, "N/A in the report", null, null, null, "not measured", null, "not comparable"],
        ["11MSP", null, "N/A in the report", null, null, null, "not measured", null, "not comparable"],
        ["12MSP", 24, null, null, null, null, "first measured", null, "not comparable"],
        ["13MSP", 46, null, "12MSP", 22, null, "up", 1, "improved"],
      ),
    );
    const gap = ["cycle", "value", "previous_cycle", "previous_value", "change_since_previous", "change_since_first", "direction", "record_to_date"];
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
    expect((await trend("11.1", ["judgement"])).map((r) => r.judgement)).toEqual(["not comparable", "improved", "declined", "improved"]);
    expect((await trend("4.4", ["direction", "judgement"])).map((r) => `${r.direction}:${r.judgement}`)).toEqual([
      "first measured:not comparable",
      "down:not comparable",
      "up:not comparable",
      "flat:held",
    ]);
  });

  it("computes the trend on the primary measure of a paired value and carries the secondary", async () => {
    const cols = ["cycle", "value", "value_secondary", "change_since_previous", "secondary_change_since_previous", "judgement"];
    expect(await trend("17.2", cols)).toEqual(
      rowsOf(
        cols,
        ["10MSP", 226, 15497, null, null, "not comparable"],
        ["11MSP", 199, 15539, -27, 42, "declined"],
        ["12MSP", 41, 4034, -158, -11505, "declined"],
        ["13MSP", 21, 1328, -20, -2706, "declined"],
      ),
    );
  });

  it("divides by the States Parties on the cycle's end date only where the count is complete", async () => {
    const cols = ["cycle", "value", "denominator", "denominator_basis", "share"];
    expect(await trend("1.1", cols)).toEqual(
      rowsOf(
        cols,
        ["10MSP", 0, null, null, null],
        ["11MSP", 2, null, null, null],
        ["12MSP", 7, 102, "States Parties on 30 June 2024", 0.0686],
        ["13MSP", 7, 101, "States Parties on 30 June 2025", 0.0693],
      ),
    );
    expect((await trend("45.1", ["share"])).map((r) => r.share)).toEqual([null, null, 0.2353, 0.4554]);
    // Until 1 July 2023 one State's status is unknown, so 101 would be a lower bound, not the denominator.
    expect((await trend("45.1", ["denominator"])).map((r) => r.denominator)).toEqual([null, null, 102, 101]);
    expect((await trend("9.2", ["denominator", "share"])).every((r) => r.denominator === null && r.share === null)).toBe(true);
  });

  it("gives no denominator (NULL, not 0) when the membership history is empty", async () => {
    const empty = await openDatabase();
    try {
      await empty.conn.run(readFileSync("test/fixtures/trends/contract-tables.sql", "utf8"));
      await empty.conn.run("DELETE FROM state_status");
      await runSqlFile(empty.conn, TREND_SQL[0]!);
      const rows = await queryRows<Row>(empty.conn, "SELECT denominator, share FROM indicator_trends WHERE indicator_id = '1.1'");
      expect(rows).toHaveLength(4);
      expect(rows.every((r) => r.denominator === null && r.share === null)).toBe(true);
    } finally {
      closeDatabase(empty);
    }
  });

  it("flags the latest reported cycle", async () => {
    const rows = await queryRows<{ cycle: string }>(db.conn, "SELECT DISTINCT cycle FROM indicator_trends WHERE is_latest");
    expect(rows).toEqual([{ cycle: "13MSP" }]);
  });
});

describe("pillar_trends", () => {
  it("counts improved, declined, held and not comparable indicators per pillar and cycle", async () => {
    const cols = ["pillar_code", "cycle", "indicators", "measured", "improved", "declined", "held", "not_comparable"];
    const rows = await queryRows<Row>(db.conn, `SELECT ${cols.join(", ")} FROM pillar_trends WHERE cycle IN ('11MSP', '13MSP') ORDER BY pillar_code, ordinal`);
    expect(rows).toEqual(
      rowsOf(
        cols,
        ["A", "11MSP", 4, 3, 3, 0, 0, 1],
        ["A", "13MSP", 4, 4, 2, 0, 2, 0],
        ["B", "11MSP", 1, 1, 0, 0, 0, 1],
        ["B", "13MSP", 1, 1, 0, 0, 1, 0],
        ["C", "11MSP", 1, 1, 1, 0, 0, 0],
        ["C", "13MSP", 1, 1, 1, 0, 0, 0],
        ["D", "11MSP", 1, 1, 0, 1, 0, 0],
        ["D", "13MSP", 1, 1, 0, 1, 0, 0],
        ["I", "11MSP", 1, 0, 0, 0, 0, 1],
        ["I", "13MSP", 1, 1, 1, 0, 0, 0],
      ),
    );
  });

  it("adds up: every indicator is counted exactly once per cycle", async () => {
    const bad = await queryRows(db.conn, "SELECT * FROM pillar_trends WHERE improved + declined + held + not_comparable <> indicators");
    expect(bad).toEqual([]);
    const [n] = await queryRows<{ n: number }>(db.conn, "SELECT count(*) AS n FROM pillar_trends");
    expect(n?.n).toBe(5 * 4);
  });
});

describe("largest_movements", () => {
  it("ranks the moves of the latest cycle by size, ties sharing a rank, flat and unmeasured left out", async () => {
    const cols = ["indicator_id", "change_since_previous", "size", "relative_change", "rank_overall", "rank_in_pillar", "judgement"];
    const rows = await queryRows<Row>(db.conn, `SELECT ${cols.join(", ")} FROM largest_movements WHERE is_latest`);
    expect(rows).toEqual(
      rowsOf(
        cols,
        ["45.1", 22, 22, 0.9167, 1, 1, "improved"],
        ["17.2", -20, 20, -0.4878, 2, 1, "declined"],
        ["9.2", 11, 11, 0.1864, 3, 1, "improved"],
        ["2.1", 1, 1, 0.3333, 4, 2, "improved"],
        ["11.1", -1, 1, -0.5, 4, 1, "improved"],
      ),
    );
  });

  it("gives no ratio for a move from zero", async () => {
    const rows = await queryRows<Row>(db.conn, "SELECT relative_change FROM largest_movements WHERE indicator_id = '1.1' AND cycle = '11MSP'");
    expect(rows).toEqual([{ relative_change: null }]);
  });
});
