/**
 * Judgements by meaning, on small fixtures (test/fixtures/trends/contract-tables.sql + meaning-cases.sql) and the
 * real SQL: a fall is completion only when nobody is left who could do what the indicator counts and nobody did
 * it; a share is taken only when the States the report names behind the value lie inside the denominator's group.
 * Each rule has cases that must fire and cases that must stay silent.
 */
import { readFileSync } from "node:fs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { closeDatabase, openDatabase, queryRows, runSqlFile, sqlText, type Database } from "../data-loaders/lib/db.ts";

let db: Database;

beforeAll(async () => {
  db = await openDatabase();
  await db.conn.run(readFileSync("test/fixtures/trends/contract-tables.sql", "utf8"));
  await db.conn.run(readFileSync("test/fixtures/trends/meaning-cases.sql", "utf8"));
  for (const f of [
    "models/001_vocabulary.sql",
    "models/058_share_scope_mismatches.sql",
    "models/100_indicator_trends.sql",
  ])
    await runSqlFile(db.conn, f);
});
afterAll(() => closeDatabase(db));

type Row = Record<string, unknown>;
const latest = (id: string) =>
  queryRows<Row>(db.conn, "SELECT * FROM indicator_trends WHERE indicator_id = $id AND cycle = '13MSP'", { id }).then(
    (r) => r[0]!,
  );

describe("completion: nobody left who could do it, and nobody did", () => {
  it("fires: 13.1 fell to zero with its group exhausted", async () => {
    const r = await latest("13.1");
    expect([r.judgement, r.judgement_basis]).toEqual(["completed", "group exhausted"]);
    expect(r.judgement_reason).toMatch(
      /^Fell from 4 to 0 because the group it follows is exhausted: no States Parties with outstanding obligations are left \(para 82\)/,
    );
  });

  it("stays silent: 12.2 fell to one although its group is exhausted (somebody did it), so it is a decline read through its polarity", async () => {
    const r = await latest("12.2");
    expect([r.value, r.completion_group_size, r.judgement, r.judgement_basis]).toEqual([1, 0, "declined", "polarity"]);
    expect(r.judgement_reason).toBe("Fell from 4 to 1 (higher is better): Polarity note of 12.2.");
  });

  it("the completion check fires on 12.2 (a value while the group is exhausted) and on a completion group narrower than the scope, and is silent on 13.1", async () => {
    await db.conn.run("CREATE TEMP TABLE saved_scopes AS SELECT * FROM indicator_scopes");
    try {
      await db.conn.run("INSERT INTO indicator_scopes VALUES ('16.1', 'affected', 'outstanding', NULL, 'fixture')");
      const problems = (
        await queryRows<{ problem: string }>(db.conn, sqlText("checks/indicator_completion_groups.sql"))
      ).map((p) => p.problem);
      expect(problems).toEqual([
        "indicator 16.1: completion group outstanding is not its scope group affected in sources/indicator_scopes.csv: a fall is completion only when the States that can do what it counts are exhausted; set completion_group to affected or leave it empty",
        "indicator 12.2, 13MSP cycle: the table prints 1 although its completion group (outstanding) has size 0 (para 82): somebody did what nobody is left to do, so the completion group in sources/indicator_scopes.csv is wrong; leave it empty",
      ]);
    } finally {
      await db.conn.run(
        "DELETE FROM indicator_scopes; INSERT INTO indicator_scopes SELECT * FROM saved_scopes; DROP TABLE saved_scopes",
      );
    }
  });
});

describe("shares: the named States behind the value lie inside the denominator's group", () => {
  it("fires on a State outside the report's own list of the group, and on one that was no State Party in the period", async () => {
    const rows = await queryRows<Row>(
      db.conn,
      "SELECT indicator_id, paragraph, group_paragraph, outside_names, reason FROM share_scope_mismatches ORDER BY indicator_id",
    );
    expect(rows).toEqual([
      {
        indicator_id: "1.1",
        paragraph: "18",
        group_paragraph: null,
        outside_names: "Unknownia",
        reason:
          "Para 18 names Unknownia behind indicator 1.1's 13MSP value, but it is not among the States Parties from 1 July 2024 to 30 June 2025 (state_status): the value counts a wider group than the denominator, so no share is shown.",
      },
      {
        indicator_id: "2.2",
        paragraph: "21",
        group_paragraph: "104",
        outside_names: "Newland",
        reason:
          "Para 21 names Newland behind indicator 2.2's 13MSP value, but it is not among para 104's 10 affected States Parties: the value counts a wider group than the denominator, so no share is shown.",
      },
    ]);
    const r = await latest("2.2");
    expect([r.denominator, r.share, r.share_withheld_reason]).toEqual([10, null, rows[1]!.reason]);
    expect((await latest("1.1")).share).toBeNull();
  });

  it("stays silent where every named State is inside the group, or the group is not listed", async () => {
    expect([(await latest("2.1")).share, (await latest("2.1")).share_withheld_reason]).toEqual([0.4, null]);
    expect((await latest("45.1")).share).toBe(0.451);
    expect((await latest("45.1")).share_withheld_reason).toBeNull();
    expect((await latest("9.2")).share_withheld_reason).toBeNull();
  });
});
