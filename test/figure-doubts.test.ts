/**
 * figure_doubts (data-loaders/sql/models/131_figure_doubts.sql): contested vs warning, decided in one place.
 * First on small tables shaped like its inputs (cases that must be called contested and cases that must not),
 * then on the real 13MSP report (the database test/global-setup.ts builds).
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { closeDatabase, openDatabase, queryRows, runSqlFile, type Database } from "../data-loaders/lib/db.ts";
import { openBuiltDb } from "./helpers/db.ts";

type Row = Record<string, unknown>;

const FIXTURE = `
CREATE TABLE indicator_contested (indicator_id VARCHAR, cycle VARCHAR, against VARCHAR, value INTEGER, other_figure INTEGER, kind VARCHAR,
  severity VARCHAR, paragraph VARCHAR, related VARCHAR, expected VARCHAR, found VARCHAR, explanation VARCHAR);
INSERT INTO indicator_contested VALUES
  -- must be a stale sub-split: the whole is the table's 67, the split gives the previous cycle's 65, two statements confirm 67
  ('47.1', '13MSP', 'report', 67, 65, 'parts_vs_whole', 'warning', 'VI.J table (Action 47)', 'indicator 47.1', '67 (table, indicator 47.1)', '32 (VI.J table (Action 47)) + 33 (VI.J table (Action 47)) = 65', 'split'),
  -- must be contested: the same shape, but no other statement gives the table's figure
  ('5.1', '13MSP', 'report', 9, 8, 'parts_vs_whole', 'warning', 'VI.A table (Action 5)', 'indicator 5.1', '9 (table, indicator 5.1)', '4 (x) + 4 (y) = 8', 'split'),
  -- must be a difference of scope: a relation that holds explains the summary's wider figure
  ('10.2', '13MSP', 'report', 13, 17, 'summary_vs_table', 'warning', 'II.C.2', 'indicator 10.2', '13 (table, indicator 10.2, 13MSP column)', '17 (summary bullet)',
   'Summary item II.C.2 gives 17 … Its 17 equals 13 (para 66) + 4 (para 65) (relation R13: wider).'),
  -- must be contested: a summary figure nothing explains
  ('47.2', '13MSP', 'report', 26, 25, 'summary_vs_table', 'error', 'II.J.2', 'indicator 47.2', '26 (table, indicator 47.2, 13MSP column)', '25 (summary bullet)', 'Summary item II.J.2 gives 25 …'),
  -- must be contested, with the change on the record: 37 → 25
  ('11.2', '13MSP', 'records', 31, 25, 'unga_vote', 'error', 'indicator 11.2, 13MSP column', NULL, '31 (printed "31")', '25 States not party voted yes', 'record');
CREATE TABLE indicator_trends (indicator_id VARCHAR, cycle VARCHAR, previous_cycle VARCHAR, previous_value INTEGER, change_since_previous INTEGER);
INSERT INTO indicator_trends VALUES ('47.1', '13MSP', '12MSP', 65, 2), ('5.1', '13MSP', '12MSP', 9, 0), ('10.2', '13MSP', '12MSP', 12, 1),
  ('47.2', '13MSP', '12MSP', 22, 4), ('11.2', '13MSP', '12MSP', 36, -5);
CREATE TABLE indicator_values (indicator_id VARCHAR, cycle VARCHAR, value INTEGER);
INSERT INTO indicator_values VALUES ('47.1', '13MSP', 67), ('5.1', '13MSP', 9), ('10.2', '13MSP', 13), ('47.2', '13MSP', 26), ('11.2', '13MSP', 31);
CREATE TABLE findings (finding_id VARCHAR, paragraph VARCHAR, cycle VARCHAR, indicator_id VARCHAR, stated_count INTEGER, named_count INTEGER);
INSERT INTO findings VALUES ('f1', '265', '13MSP', '47.1', 67, 0), ('f2', 'II.J.1', '13MSP', '47.1', 67, 0),
  ('f3', 'II.A.5', '13MSP', '5.1', 8, 0), ('f4', 'II.J.2', '13MSP', '47.2', 25, 0);
CREATE TABLE report_vs_record (check_id VARCHAR, record_value INTEGER);
INSERT INTO report_vs_record VALUES ('indicator-11.2:12MSP', 37), ('indicator-11.2:13MSP', 25);
CREATE TABLE count_relation_terms (relation_id VARCHAR, side VARCHAR, position INTEGER, term_kind VARCHAR, ref VARCHAR, value INTEGER, source_label VARCHAR);
`;

describe("figure_doubts on fixtures", () => {
  let db: Database;
  let rows: Row[];
  beforeAll(async () => {
    db = await openDatabase();
    await db.conn.run(FIXTURE);
    await runSqlFile(db.conn, "models/131_figure_doubts.sql");
    rows = await queryRows<Row>(
      db.conn,
      "SELECT indicator_id, doubt, warning_kind, doubt_reason, figure_doubt, record_change, change_doubt FROM figure_doubts ORDER BY indicator_id",
    );
  });
  afterAll(() => closeDatabase(db));
  const of = (id: string) => rows.find((r) => r.indicator_id === id)!;

  it("names a stale sub-split a warning only when other statements confirm the figure", () => {
    expect(of("47.1")).toMatchObject({
      doubt: "warning",
      warning_kind: "stale sub-split",
      figure_doubt: "warning",
      change_doubt: null,
    });
    expect(of("47.1").doubt_reason).toBe(
      "67 is confirmed by para 265 and summary item II.J.1; only the split in the indicator's own text in the table (32 + 33 = 65, the 12MSP value) was not updated",
    );
    expect(of("5.1")).toMatchObject({ doubt: "contested", warning_kind: null, figure_doubt: "contested" });
  });

  it("names a difference of scope a warning only when a relation that holds explains it", () => {
    expect(of("10.2")).toMatchObject({
      doubt: "warning",
      warning_kind: "difference of scope",
      doubt_reason: "summary item II.C.2's 17 counts a wider group, 13 (para 66) + 4 (para 65)",
    });
    expect(of("47.2")).toMatchObject({
      doubt: "contested",
      doubt_reason:
        "summary item II.J.2 gives 25, not 26, for the same quantity, and nothing in the report explains the difference",
      change_doubt: "contested",
    });
  });

  it("calls a figure the record contradicts contested and gives the change on the record", () => {
    expect(of("11.2")).toMatchObject({
      doubt: "contested",
      doubt_reason: "the UN's records give 25 for the 13MSP cycle, not 31",
      record_change: -12,
      change_doubt: "contested",
    });
  });
});

describe("figure_doubts on the real 13MSP report", () => {
  it("contests 47.2 and 11.2, and names 10.2 and 47.1 as what they are", async () => {
    const db = await openBuiltDb();
    try {
      const rows = await queryRows<Row>(
        db.conn,
        "SELECT indicator_id, cycle, doubt, warning_kind, record_value, record_previous_value, report_change, record_change FROM figure_doubts WHERE cycle = '13MSP' ORDER BY indicator_id, paragraph",
      );
      expect(rows.map((r) => [r.indicator_id, r.doubt, r.warning_kind])).toEqual([
        ["10.2", "warning", "difference of scope"],
        ["11.2", "contested", null],
        // 11.4's zero beside the three events of paras 68, 69 and 74 (consistency_table_instances).
        ["11.4", "warning", "possibly narrower count"],
        ["47.1", "warning", "stale sub-split"],
        ["47.2", "contested", null],
        ["47.2", "contested", null],
      ]);
      expect(rows.find((r) => r.indicator_id === "11.2")).toMatchObject({
        record_value: 25,
        record_previous_value: 37,
        report_change: -5,
        record_change: -12,
      });
    } finally {
      closeDatabase(db);
    }
  });
});
