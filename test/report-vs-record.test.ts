/**
 * The report read against the primary records (view report_vs_record, sql/models/080_report_vs_record.sql) on the
 * database built from the real sources/: for each kind of comparison one case that agrees and one that disagrees.
 * Membership statements all agree with the treaty record in the real data, so their disagreeing case is made by
 * changing the record in a copy of the database.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { copyFileSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { closeDatabase, openDatabase, queryRows, type Database } from "../data-loaders/lib/db.ts";
import { builtDbPath, openBuiltDb } from "./helpers/db.ts";

interface Check {
  check_id: string;
  agrees: boolean;
  agrees_alternative: boolean;
  severity: string | null;
  report_value: number | null;
  record_value: number | null;
  record_value_alternative: number | null;
  report_says: string;
  record_says: string;
  definition: string;
  report_source: string;
  record_source: string;
}

let db: Database;
beforeAll(async () => {
  db = await openBuiltDb();
});
afterAll(() => closeDatabase(db));

async function check(conn: Database, id: string): Promise<Check> {
  const [row] = await queryRows<Check>(conn.conn, "SELECT * FROM report_vs_record WHERE check_id = $id", { id });
  if (!row) throw new Error(`no comparison ${id}`);
  return row;
}

describe("indicator 11.2 (States not party voting yes) against each cycle's UNGA vote", () => {
  it("11MSP agrees: 32 printed, 32 States not party voted yes on A/RES/77/79", async () => {
    const c = await check(db, "indicator-11.2:11MSP");
    expect(c).toMatchObject({
      agrees: true,
      severity: null,
      report_value: 32,
      record_value: 32,
      record_value_alternative: 42,
    });
    expect(c.record_source).toContain("A/RES/77/79 of 7 December 2022 (https://digitallibrary.un.org/record/3996917)");
    expect(c.definition).toContain("assumed reporting period 2022-07-01 to 2023-06-30");
  });

  it("13MSP disagrees under both readings: 31 printed, 25 States not party (32 with signatories) on A/RES/79/58", async () => {
    const c = await check(db, "indicator-11.2:13MSP");
    expect(c).toMatchObject({
      agrees: false,
      agrees_alternative: false,
      severity: "error",
      report_value: 31,
      record_value: 25,
      record_value_alternative: 32,
    });
    expect(c.report_source).toBe("13MSP Progress Report, section VI.C table, Action 11, 13MSP column");
    expect(c.definition).toContain("within the reporting period 2024-07-01 to 2025-06-30");
  });
});

describe("para 67 on the 2024 vote", () => {
  it("the totals agree with the record: 121 in favour, 38 absent", async () => {
    expect(await check(db, "para-67:unga_2024_yes")).toMatchObject({
      agrees: true,
      report_value: 121,
      record_value: 121,
    });
    expect(await check(db, "para-67:unga_2024_absent")).toMatchObject({
      agrees: true,
      report_value: 38,
      record_value: 38,
    });
  });

  it("'31 States not party' disagrees with the record's 25 (32 counting signatories)", async () => {
    expect(await check(db, "para-67:unga_2024_yes_not_party")).toMatchObject({
      agrees: false,
      severity: "error",
      report_value: 31,
      record_value: 25,
      record_value_alternative: 32,
    });
  });

  it("State by State: Algeria voted yes as named; Gabon, named as voting yes, did not vote", async () => {
    expect(await check(db, "para-67:named:DZA")).toMatchObject({ agrees: true, severity: null });
    const gab = await check(db, "para-67:named:GAB");
    expect(gab).toMatchObject({
      agrees: false,
      severity: "error",
      report_says: "named as a State not party voting in favour",
    });
    expect(gab.record_says).toMatch(
      /^non-voting on A\/RES\/79\/58; CCM status on the vote date: not party \(sources\/unga\/undl-ccm-votes-2022-2024\.csv, line \d+\)$/,
    );
    const named = await queryRows<{ iso3: string }>(
      db.conn,
      "SELECT iso3 FROM report_record_issues WHERE check_id LIKE 'para-67:named:%' ORDER BY iso3",
    );
    expect(named.map((r) => r.iso3)).toEqual(["FSM", "GAB", "GNQ", "MHL", "SLB", "TLS"]);
  });

  it("a signatory that voted yes and is not named agrees with 'States not party' but not with the alternative reading", async () => {
    expect(await check(db, "para-67:named:AGO")).toMatchObject({
      agrees: true,
      agrees_alternative: false,
      severity: null,
    });
  });
});

describe("membership against the UN Treaty Collection record", () => {
  it("paras 63, 64 and 76 agree on 30 June 2025: 111 States Parties under both readings, 12 signatories, 123 committed", async () => {
    expect(await check(db, "para-63:states_parties")).toMatchObject({
      agrees: true,
      agrees_alternative: true,
      report_value: 111,
      record_value: 111,
      record_value_alternative: 111,
    });
    expect(await check(db, "para-63:signatories")).toMatchObject({ agrees: true, report_value: 12, record_value: 12 });
    expect(await check(db, "para-63:states_committed")).toMatchObject({
      agrees: true,
      report_value: 123,
      record_value: 123,
    });
    expect(await check(db, "para-76:states_parties_mid_2025")).toMatchObject({ agrees: true, record_value: 111 });
    expect(await check(db, "para-64:named:UGA")).toMatchObject({ agrees: true });
    expect((await check(db, "para-63:withdrawal:LTU")).record_says).toBe(
      "notification deposited 6 September 2024, effective 6 March 2025",
    );
  });

  it("indicator 10.1 counts deposits: 12MSP's one new State Party is South Sudan's accession (two entries into force fell in that period)", async () => {
    const c = await check(db, "indicator-10.1:12MSP");
    expect(c).toMatchObject({
      agrees: true,
      agrees_alternative: false,
      report_value: 1,
      record_value: 1,
      record_value_alternative: 2,
    });
    expect(c.record_says).toContain("SSD accession 3 August 2023");
  });

  describe("against a changed record", () => {
    let dir: string;
    let changed: Database;
    beforeAll(async () => {
      dir = mkdtempSync(join(tmpdir(), "ccm-record-"));
      copyFileSync(builtDbPath(), join(dir, "ccm.duckdb"));
      changed = await openDatabase(join(dir, "ccm.duckdb"));
      // As if Nigeria's ratification (28 Feb 2023) and Lithuania's withdrawal were missing from the UNTC table.
      await changed.conn.run(
        "DELETE FROM state_events WHERE iso3 = 'NGA' AND event IN ('ratification', 'entry_into_force')",
      );
      await changed.conn.run("DELETE FROM state_events WHERE iso3 = 'LTU' AND event LIKE 'withdrawal%'");
    });
    afterAll(() => {
      closeDatabase(changed);
      rmSync(dir, { recursive: true, force: true });
    });

    it("each membership statement the record no longer supports is listed with both sides", async () => {
      expect(await check(changed, "indicator-10.1:11MSP")).toMatchObject({
        agrees: false,
        severity: "error",
        report_value: 1,
        record_value: 0,
      });
      // Nigeria falls back to signatory and Lithuania stays committed: 124 committed States against the report's 123.
      expect(await check(changed, "para-63:states_committed")).toMatchObject({
        agrees: false,
        report_value: 123,
        record_value: 124,
      });
      expect(await check(changed, "para-63:withdrawal:LTU")).toMatchObject({ agrees: false, severity: "error" });
      const [issues] = await queryRows<{ n: number }>(
        changed.conn,
        "SELECT count(*)::INTEGER AS n FROM report_record_issues WHERE topic = 'membership'",
      );
      expect(issues!.n).toBeGreaterThanOrEqual(3);
    });
  });
});

describe("report_record_issues", () => {
  it("lists only disagreements, errors first, each with both sources and an explanation", async () => {
    const issues = await queryRows<{
      severity: string;
      explanation: string;
      report_source: string;
      record_source: string;
    }>(db.conn, "SELECT severity, explanation, report_source, record_source FROM report_record_issues");
    expect(issues.length).toBe(11);
    for (const i of issues) {
      expect(i.report_source).toContain("13MSP Progress Report");
      expect(i.record_source).toMatch(/UN Digital Library|UN Treaty Collection/);
      expect(i.explanation).toContain(" says ");
    }
    const [agreeing] = await queryRows<{ n: number }>(
      db.conn,
      "SELECT count(*)::INTEGER AS n FROM report_vs_record WHERE agrees AND check_id IN (SELECT check_id FROM report_record_issues)",
    );
    expect(agreeing!.n).toBe(0);
  });
});
