/**
 * The same fact stated twice (data-loaders/sql/models/058_consistency_same_fact.sql): dates of one event in
 * different paragraphs, and a table value below the instances the narrative describes. Fixtures that must fire and
 * fixtures that must stay silent, then the real report's rows.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { closeDatabase, openDatabase, queryRows, runSqlFile, type Database } from "../data-loaders/lib/db.ts";
import { openBuiltDb } from "./helpers/db.ts";

type Issue = {
  kind: string;
  severity: string;
  paragraph: string;
  related: string;
  expected: string;
  found: string;
  explanation: string;
};

describe("same-fact checks on fixtures", () => {
  let db: Database;
  beforeAll(async () => {
    db = await openDatabase();
    await db.conn.run(`
      CREATE MACRO session_report() AS '13MSP';
      CREATE TABLE report_event_dates (report_id VARCHAR DEFAULT '13MSP', mention_id VARCHAR, event VARCHAR, paragraph VARCHAR, as_written VARCHAR, date_from DATE, date_to DATE, statement VARCHAR);
      INSERT INTO report_event_dates (mention_id, event, paragraph, as_written, date_from, date_to, statement) VALUES
        -- fires once: 7-8 April (twice) against 8-9 April
        ('m-a1', 'meeting', '6', '7-8 April 2025', '2025-04-07', '2025-04-08', 'held on 7-8 April 2025'),
        ('m-a2', 'meeting', '140', '8–9 April 2025', '2025-04-08', '2025-04-09', 'held on 8–9 April 2025'),
        ('m-a3', 'meeting', '173', '7-8 April 2025', '2025-04-07', '2025-04-08', 'held on 7-8 April 2025'),
        -- silent: a month that contains the days, and the same day written two ways
        ('m-a4', 'meeting', '195', 'April 2025', '2025-04-01', '2025-04-30', 'in April 2025'),
        ('w-1', 'withdrawal', '63', '6 March 2025', '2025-03-06', '2025-03-06', 'took effect on 6 March 2025'),
        ('w-2', 'withdrawal', '76', '06 March 2025', '2025-03-06', '2025-03-06', 'withdrawal on 06 March 2025'),
        -- silent: another event on other days
        ('x-1', 'workshop', '69', '18 to 19 March 2025', '2025-03-18', '2025-03-19', 'from 18 to 19 March 2025');
      CREATE TABLE indicators (indicator_id VARCHAR, text VARCHAR);
      INSERT INTO indicators VALUES ('11.4', 'Dedicated meetings with States not party'), ('42.1', 'Country coalition');
      CREATE TABLE report_indicator_values (report_id VARCHAR DEFAULT '13MSP', indicator_id VARCHAR, cycle VARCHAR, value INTEGER);
      INSERT INTO report_indicator_values (indicator_id, cycle, value) VALUES ('11.4', '13MSP', 0), ('42.1', '13MSP', 1);
      CREATE TABLE indicator_instances (report_id VARCHAR DEFAULT '13MSP', indicator_id VARCHAR, cycle VARCHAR, paragraph VARCHAR, instance VARCHAR, statement VARCHAR);
      INSERT INTO indicator_instances (indicator_id, cycle, paragraph, instance, statement) VALUES
        -- fires: zero in the table, two described
        ('11.4', '13MSP', '68', 'a discussion', 'q'), ('11.4', '13MSP', '74', 'an event', 'q'),
        -- silent: one in the table, one described
        ('42.1', '13MSP', '114', 'a coalition', 'q');
    `);
    await runSqlFile(db.conn, "models/058_consistency_same_fact.sql");
  });
  afterAll(() => closeDatabase(db));

  it("lists each pair of dates of one event that cannot both be right, once, with both paragraphs", async () => {
    const rows = await queryRows<Issue>(db.conn, "SELECT * FROM consistency_event_dates");
    expect(rows.map((r) => [r.kind, r.paragraph, r.related, r.expected, r.found])).toEqual([
      ["event_dates_differ", "6", "140", "7-8 April 2025 (para 6)", "8–9 April 2025 (para 140)"],
    ]);
    expect(rows[0]!.explanation).toBe(
      'Both date the same event (meeting): para 6 "held on 7-8 April 2025", but para 140 "held on 8–9 April 2025". As printed: 7-8 April 2025 against 8–9 April 2025.',
    );
  });

  it("lists a table value below the instances the narrative describes, and nothing where they agree", async () => {
    const rows = await queryRows<Issue>(db.conn, "SELECT * FROM consistency_table_instances");
    expect(rows.map((r) => [r.kind, r.severity, r.paragraph, r.related, r.expected, r.found])).toEqual([
      [
        "table_vs_instances",
        "warning",
        "indicator 11.4",
        "68, 74",
        "0 (table, indicator 11.4, 13MSP column)",
        "2 described (paras 68, 74)",
      ],
    ]);
  });
});

describe("same-fact checks on the real 13MSP report", () => {
  it("find the Intersessional Meeting's two dates and 11.4's zero beside paras 68, 69 and 74, and nothing else", async () => {
    const db = await openBuiltDb();
    try {
      const dates = await queryRows<Issue>(db.conn, "SELECT * FROM consistency_event_dates");
      expect(dates.map((r) => [r.paragraph, r.related, r.expected, r.found])).toEqual([
        ["140", "173", "8–9 April 2025 (para 140)", "7-8 April 2025 (para 173)"],
      ]);
      const inst = await queryRows<Issue>(db.conn, "SELECT * FROM consistency_table_instances");
      expect(inst.map((r) => [r.paragraph, r.found])).toEqual([["indicator 11.4", "3 described (paras 68, 69, 74)"]]);
    } finally {
      closeDatabase(db);
    }
  });
});
