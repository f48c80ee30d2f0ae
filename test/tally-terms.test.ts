/**
 * The briefing's tallies follow from the marts (sql/marts/043_contested_judgements.sql, 044_tally_terms.sql,
 * 045_tallies.sql) with no list kept by hand: the judgements, their words and order come from table
 * judgement_labels, and a tally names the judgements that rest on a contested figure, with whether the other figures
 * give the same judgement. First on small tables shaped like the marts' inputs (cases that must be marked and cases
 * that must not), then on the real 13MSP report (the database test/global-setup.ts builds).
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { closeDatabase, openDatabase, queryRows, runSqlFile, type Database } from "../data-loaders/lib/db.ts";
import { tally, type TallyTerm } from "../data-loaders/briefing/context.ts";
import { openBuiltDb } from "./helpers/db.ts";

type Row = Record<string, unknown>;

// One pillar, cycle C2 after C1. Judgements as mart judgements gives them; figures as indicator_trends does.
const FIXTURE = `
CREATE TABLE judgements AS SELECT * FROM (VALUES
  -- must be marked, and stands: the record also falls (37 → 25 against the report's 36 → 31)
  ('C2', 2, TRUE, 'X', 'Pillar X', 1, 1, '1.1', TRUE, 'declined', 'declined', 'polarity', 'polarity', NULL),
  -- must be marked, and overturned: the report's other statement gives 20, below the previous 22
  ('C2', 2, TRUE, 'X', 'Pillar X', 1, 2, '1.2', TRUE, 'improved', 'improved', 'polarity', 'polarity', NULL),
  -- must be marked: only the previous cycle's figure is contested (by the records), and the change uses it
  ('C2', 2, TRUE, 'X', 'Pillar X', 2, 1, '2.1', TRUE, 'held', 'held', 'unchanged', 'unchanged', NULL),
  -- must stay unmarked: its doubt is a warning (a difference of scope), not a contradiction
  ('C2', 2, TRUE, 'X', 'Pillar X', 2, 2, '2.2', TRUE, 'improved', 'improved', 'polarity', 'polarity', NULL),
  -- must stay unmarked in the tally: first measured, so no change uses the previous cycle's contested figure
  ('C2', 2, TRUE, 'X', 'Pillar X', 3, 1, '3.1', TRUE, 'not comparable', 'not_comparable', 'first measured', 'first_measured', NULL),
  ('C2', 2, TRUE, 'X', 'Pillar X', 3, 2, '3.2', TRUE, 'improved', 'improved', 'polarity', 'polarity', 'rose')
) AS t (cycle, ordinal, is_latest, pillar_code, pillar, action, seq, indicator_id, measured, judgement, judgement_key,
  judgement_basis, basis_key, steady);
CREATE TABLE indicator_trends AS SELECT * FROM (VALUES
  ('1.1', 'C2', 'higher_is_better', 31, 'C1', 36),
  ('1.2', 'C2', 'higher_is_better', 26, 'C1', 22),
  ('2.1', 'C2', 'higher_is_better', 5, 'C1', 5),
  ('2.2', 'C2', 'higher_is_better', 13, 'C1', 12),
  ('3.1', 'C2', 'neutral', 4, NULL, NULL),
  ('3.2', 'C2', 'lower_is_better', 1, 'C1', 3)
) AS t (indicator_id, cycle, polarity, value, previous_cycle, previous_value);
CREATE TABLE figure_doubts AS SELECT * FROM (VALUES
  ('1.1', 'C2', 'records', 25, 'contested'),
  ('1.1', 'C1', 'records', 37, 'contested'),
  ('1.2', 'C2', 'report', 20, 'contested'),
  ('2.1', 'C1', 'records', 6, 'contested'),
  ('2.2', 'C2', 'report', 17, 'warning'),
  ('3.1', 'C1', 'records', 2, 'contested')
) AS t (indicator_id, cycle, against, other_figure, doubt);
`;

describe("tally_terms and contested_judgements on fixtures", () => {
  let db: Database;
  let terms: (TallyTerm & Row)[];
  let judged: Row[];
  beforeAll(async () => {
    db = await openDatabase();
    await db.conn.run(FIXTURE);
    for (const f of [
      "models/001_vocabulary.sql",
      "marts/043_contested_judgements.sql",
      "marts/044_tally_terms.sql",
      "marts/045_tallies.sql",
    ])
      await runSqlFile(db.conn, f);
    terms = await queryRows(
      db.conn,
      "SELECT * EXCLUDE (n, contested_n), n::INTEGER AS n FROM tally_terms WHERE pillar_code = '' ORDER BY sort_order",
    );
    judged = await queryRows(db.conn, "SELECT * FROM contested_judgements ORDER BY indicator_id");
  });
  afterAll(() => closeDatabase(db));
  const term = (t: string) => terms.find((r) => r.term === t)!;

  it("marks a judgement whose figure, or whose previous figure, is contested, and judges the other figures by the same rule", () => {
    expect(judged.map((r) => [r.indicator_id, r.judgement, r.other_judgement, r.contested_by_words])).toEqual([
      ["1.1", "declined", "declined", "the UN's records"],
      ["1.2", "improved", "declined", "the report itself"],
      ["2.1", "held", "declined", "the UN's records"],
    ]);
    expect(judged[0]!.reason).toBe(
      "1.1 declined on the report's figures (36 → 31); the UN's records give 37 → 25, on which it declined too",
    );
    expect(judged[1]!.reason).toBe(
      "1.2 improved on the report's figures (22 → 26); the report also gives 22 → 20, on which it declined",
    );
  });

  it("stays silent on a warning, and on a first measurement beside a contested previous figure", () => {
    expect(term("improved").contested_ids).toEqual(["1.2"]);
    expect(term("not_comparable").contested_ids).toEqual([]);
    expect(judged.some((r) => r.indicator_id === "2.2" || r.indicator_id === "3.1")).toBe(false);
  });

  it("counts every term of judgement_labels, zeros included, in its order, and tallies pivots the same counts", async () => {
    expect(terms.map((t) => [t.term, t.n])).toEqual([
      ["improved", 3],
      ["declined", 1],
      ["held", 1],
      ["completed", 0],
      ["not_comparable", 1],
      ["not_measured", 0],
      ["first_measured", 1],
      ["no_better_direction", 0],
    ]);
    const [all] = await queryRows<Row>(db.conn, "SELECT * FROM tallies WHERE pillar_code = ''");
    expect(all).toMatchObject({ indicators: 6, improved: 3, declined: 1, held: 1, first_measured: 1, contested: 3 });
  });

  it("says the marked judgements in the tally, and which the other figures would judge otherwise", () => {
    expect(tally(terms.filter((t) => t.in_tally))).toBe(
      "three improved (one on a contested figure, 1.2, which the other figures would judge otherwise), " +
        "one declined (one on a contested figure, 1.1, which the other figures judge the same) and " +
        "one held (one on a contested figure, 2.1, which the other figures would judge otherwise)",
    );
  });
});

describe("tallies of the 13MSP report", () => {
  let db: Database;
  beforeAll(async () => {
    db = await openBuiltDb();
  });
  afterAll(() => closeDatabase(db));

  it("mark 11.2 (the UN's records give 37 → 25) and 47.2 (para 239 and the summary give 25), each judged the same on the other figures", async () => {
    const rows = await queryRows<{ term: string; contested_ids: string[]; contested_overturned: string[] }>(
      db.conn,
      "SELECT term, contested_ids, contested_overturned FROM tally_terms WHERE cycle = '13MSP' AND pillar_code = '' AND contested_n > 0 ORDER BY sort_order",
    );
    expect(rows).toEqual([
      { term: "improved", contested_ids: ["47.2"], contested_overturned: [] },
      { term: "declined", contested_ids: ["11.2"], contested_overturned: [] },
    ]);
  });

  it("add up: the judgements a tally lists and the ones it leaves out make every indicator of every cycle", async () => {
    const rows = await queryRows<Row>(
      db.conn,
      `SELECT t.cycle, t.pillar_code FROM tallies t JOIN (
         SELECT cycle, pillar_code, sum(n) FILTER (WHERE kind = 'judgement') AS judged,
           sum(n) FILTER (WHERE kind = 'reason') AS reasons,
           sum(n) FILTER (WHERE term = 'not_comparable') AS not_comparable
         FROM tally_terms GROUP BY ALL) s USING (cycle, pillar_code)
       WHERE s.judged <> t.indicators OR s.reasons <> s.not_comparable`,
    );
    expect(rows).toEqual([]);
  });
});
