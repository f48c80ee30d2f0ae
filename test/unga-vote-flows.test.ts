/**
 * unga_vote_flows (data-loaders/sql/models/077_unga_vote_flows.sql): where the votes went from one year to the
 * next, by CCM status on the vote date, with the States named. On a small fixture (a State that did not change
 * must not appear among the changes; one that joined the UN is 'not a member' before) and on the real record.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { closeDatabase, openDatabase, queryRows, runSqlFile, type Database } from "../data-loaders/lib/db.ts";
import { openBuiltDb } from "./helpers/db.ts";

type Flow = {
  previous_year: number;
  year: number;
  ccm_status: string;
  vote_before: string;
  vote_after: string;
  changed: boolean;
  states: number;
  state_names: string;
};

describe("unga_vote_flows on a fixture", () => {
  let db: Database;
  beforeAll(async () => {
    db = await openDatabase();
    await db.conn.run(`
      CREATE TABLE unga_state_votes (iso3 VARCHAR, name_en VARCHAR, ms_name VARCHAR, year INTEGER, topic VARCHAR, vote_label VARCHAR, ccm_status VARCHAR, has_country_votes BOOLEAN);
      INSERT INTO unga_state_votes VALUES
        ('AAA', 'Aland', 'ALAND', 2023, 'CCM', 'yes', 'state_party', true), ('AAA', 'Aland', 'ALAND', 2024, 'CCM', 'non-voting', 'state_party', true),
        ('BBB', 'Bland', 'BLAND', 2023, 'CCM', 'yes', 'state_party', true), ('BBB', 'Bland', 'BLAND', 2024, 'CCM', 'yes', 'state_party', true),
        ('CCC', 'Cland', 'CLAND', 2023, 'CCM', 'yes', 'not_party', true), ('CCC', 'Cland', 'CLAND', 2024, 'CCM', 'abstain', 'not_party', true),
        ('DDD', 'Dland', 'DLAND', 2024, 'CCM', 'yes', 'not_party', true),
        ('EEE', 'Eland', 'ELAND', 2023, 'APMBC', 'yes', 'not_party', true), ('EEE', 'Eland', 'ELAND', 2024, 'APMBC', 'no', 'not_party', true);
    `);
    await runSqlFile(db.conn, "models/077_unga_vote_flows.sql");
  });
  afterAll(() => closeDatabase(db));

  it("lists each move by status with the States, and unchanged votes as unchanged", async () => {
    const flows = await queryRows<Flow>(
      db.conn,
      "SELECT ccm_status, vote_before, vote_after, changed, states, state_names FROM unga_vote_flows ORDER BY ccm_status, state_names",
    );
    expect(flows).toEqual([
      {
        ccm_status: "not_party",
        vote_before: "yes",
        vote_after: "abstain",
        changed: true,
        states: 1,
        state_names: "Cland",
      },
      {
        ccm_status: "not_party",
        vote_before: "not a member",
        vote_after: "yes",
        changed: true,
        states: 1,
        state_names: "Dland",
      },
      {
        ccm_status: "state_party",
        vote_before: "yes",
        vote_after: "non-voting",
        changed: true,
        states: 1,
        state_names: "Aland",
      },
      {
        ccm_status: "state_party",
        vote_before: "yes",
        vote_after: "yes",
        changed: false,
        states: 1,
        state_names: "Bland",
      },
    ]);
  });
});

describe("unga_vote_flows on the UN record, 2023 → 2024", () => {
  let db: Database;
  beforeAll(async () => {
    db = await openBuiltDb();
  });
  afterAll(() => closeDatabase(db));
  const flows = (where: string) =>
    queryRows<Flow>(
      db.conn,
      `SELECT * FROM unga_vote_flows WHERE year = 2024 AND ${where} ORDER BY ccm_status, vote_before, vote_after`,
    );

  it("adds up to each year's yes votes by status (unga_yes_by_status): 148 → 121", async () => {
    const sums = await queryRows<{ ccm_status: string; before: number; after: number }>(
      db.conn,
      `SELECT ccm_status, sum(states) FILTER (WHERE vote_before = 'yes')::INTEGER AS before, sum(states) FILTER (WHERE vote_after = 'yes')::INTEGER AS after
       FROM unga_vote_flows WHERE year = 2024 GROUP BY ccm_status ORDER BY ccm_status`,
    );
    // South Sudan was 'deposited' in 2023 and is a State Party in 2024: grouped by its status on the later date.
    expect(sums).toEqual([
      { ccm_status: "not_party", before: 37, after: 25 },
      { ccm_status: "signatory", before: 10, after: 7 },
      { ccm_status: "state_party", before: 101, after: 89 },
    ]);
    const [yes] = await queryRows<{ y2024: number }>(
      db.conn,
      "SELECT sum(yes)::INTEGER AS y2024 FROM unga_yes_by_status WHERE year = 2024 AND topic = 'CCM'",
    );
    expect(yes?.y2024).toBe(121);
  });

  it("says where the States Parties' yes votes went: 13 did not vote, Lithuania abstained while still a party, Fiji and Samoa came back", async () => {
    const sp = await flows("ccm_status = 'state_party' AND changed AND (vote_before = 'yes' OR vote_after = 'yes')");
    expect(sp.map((f) => [f.vote_before, f.vote_after, f.states])).toEqual([
      ["non-voting", "yes", 2],
      ["yes", "abstain", 1],
      ["yes", "non-voting", 13],
    ]);
    expect(sp[0]!.state_names).toBe("Fiji, Samoa");
    expect(sp[1]!.state_names).toBe("Lithuania");
    expect(sp[2]!.state_names).toContain("Netherlands");
    const [absent] = await queryRows<{ n: number }>(
      db.conn,
      "SELECT sum(states)::INTEGER AS n FROM unga_vote_flows WHERE year = 2024 AND ccm_status = 'state_party' AND vote_after = 'non-voting'",
    );
    expect(absent?.n).toBe(18);
  });

  it("names the signatories and States not party that stopped voting yes", async () => {
    expect(
      (await flows("ccm_status = 'signatory' AND vote_before = 'yes' AND changed")).map(
        (f) => `${f.vote_after}: ${f.state_names}`,
      ),
    ).toEqual(["non-voting: Democratic Republic of the Congo, Haiti, Jamaica"]);
    const np = await flows("ccm_status = 'not_party' AND vote_before = 'yes' AND changed");
    expect(np.map((f) => `${f.vote_after}: ${f.states}`)).toEqual(["abstain: 2", "non-voting: 10"]);
    expect(np[1]!.state_names).toContain("Gabon");
  });
});
