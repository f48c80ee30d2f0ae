/** The UNGA analysis views on the database built from the real sources/ (test/global-setup.ts). */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { closeDatabase, queryRows, type Database } from "../data-loaders/lib/db.ts";
import { openBuiltDb } from "./helpers/db.ts";

let db: Database;
beforeAll(async () => {
  db = await openBuiltDb();
});
afterAll(() => closeDatabase(db));

const rows = <T>(sql: string) => queryRows<T>(db.conn, sql);

describe("UNGA analyses", () => {
  it("lowest-since finds 2024 (121 yes, from the UN record) as the lowest since the series began in 2015, with no year missing", async () => {
    const lows = await rows<{
      year: number;
      yes: number;
      has_country_votes: boolean;
      series_start: number;
      years_without_data: number[] | null;
      statement: string;
    }>(
      "SELECT year, yes, has_country_votes, series_start, years_without_data, statement FROM unga_lowest_since WHERE lowest_since_series_start",
    );
    expect(lows).toHaveLength(1);
    expect(lows[0]).toMatchObject({
      year: 2024,
      yes: 121,
      has_country_votes: true,
      series_start: 2015,
      years_without_data: null,
    });
    expect(lows[0]!.statement).toBe("121 yes in 2024: the lowest since the series began in 2015");
  });

  it("2024 votes come from the UN record State by State, never from the report's prose", async () => {
    const [y2024] = await rows<{
      n: number;
      known: number;
      yes: number;
      has: boolean;
      not_party_yes: number;
      sources: string[];
    }>(
      `SELECT count(*)::INTEGER AS n, count(vote)::INTEGER AS known, count(*) FILTER (WHERE vote = 'Y')::INTEGER AS yes, bool_and(has_country_votes) AS has,
              count(*) FILTER (WHERE vote = 'Y' AND ccm_status = 'not_party')::INTEGER AS not_party_yes, list_distinct(list(vote_source)) AS sources
       FROM unga_state_votes WHERE year = 2024 AND topic = 'CCM'`,
    );
    expect(y2024).toEqual({
      n: 193,
      known: 193,
      yes: 121,
      has: true,
      not_party_yes: 25,
      sources: ["UN Digital Library voting data"],
    });
    // Gabon is named in para 67 as voting yes; the record has it non-voting, and that is its vote here.
    const [gab] = await rows<{ vote: string; source_file: string; source_line: number }>(
      "SELECT vote, source_file, source_line FROM unga_state_votes WHERE year = 2024 AND topic = 'CCM' AND iso3 = 'GAB'",
    );
    expect(gab).toMatchObject({ vote: "X", source_file: "sources/unga/undl-ccm-votes-2022-2024.csv" });
    const byStatus = await rows<{ ccm_status: string; yes: number; abstain: number }>(
      "SELECT ccm_status, yes, abstain FROM unga_yes_by_status WHERE year = 2024 ORDER BY ccm_status",
    );
    expect(byStatus).toEqual([
      { ccm_status: "not_party", yes: 25, abstain: 31 },
      { ccm_status: "signatory", yes: 7, abstain: 1 },
      { ccm_status: "state_party", yes: 89, abstain: 1 },
    ]);
  });

  it("splits the yes votes of A/RES/70/54 by CCM status on the vote date, adding up to the published 139", async () => {
    const split = await rows<{ ccm_status: string; yes: number }>(
      "SELECT ccm_status, yes FROM unga_yes_by_status WHERE resolution_id = 'A/RES/70/54'",
    );
    expect(split.reduce((n, r) => n + r.yes, 0)).toBe(139);
    expect(split.find((r) => r.ccm_status === "state_party")!.yes).toBeGreaterThan(50);
  });

  it("lists vote changes and yes-then-not-yes shifts that agree with the votes themselves", async () => {
    const changes = await rows<{
      iso3: string;
      from_year: number;
      from_vote: string;
      to_year: number;
      to_vote: string;
    }>("SELECT iso3, from_year, from_vote, to_year, to_vote FROM unga_ccm_vote_changes");
    expect(changes.length).toBeGreaterThan(0);
    for (const c of changes.slice(0, 20)) {
      const votes = await queryRows<{ year: number; vote: string }>(
        db.conn,
        "SELECT year, vote FROM unga_votes WHERE topic = 'CCM' AND iso3 = $iso3 AND year IN ($a, $b) ORDER BY year",
        { iso3: c.iso3, a: c.from_year, b: c.to_year },
      );
      expect(votes.map((v) => v.vote)).toEqual([c.from_vote, c.to_vote]);
    }
    const shifts = await rows<{ iso3: string; last_yes_year: number; year: number; vote: string }>(
      "SELECT iso3, last_yes_year, year, vote FROM unga_vote_shifts",
    );
    expect(shifts.length).toBeGreaterThan(0);
    for (const s of shifts) {
      expect(s.vote).not.toBe("Y");
      expect(s.last_yes_year).toBeLessThan(s.year);
    }
  });

  it("agreement with the States Parties' majority is 1 for a State that voted with them and 0 for one that voted against", async () => {
    const majority = await rows<{ resolution_id: string; majority_vote: string }>(
      "SELECT resolution_id, majority_vote FROM unga_sp_majority WHERE topic = 'CCM'",
    );
    expect(majority).toHaveLength(10);
    expect(new Set(majority.map((m) => m.majority_vote))).toEqual(new Set(["Y"]));
    const agreement = await rows<{ year: number; agreement: number; votes_cast: number }>(
      "SELECT year, agreement, votes_cast FROM unga_majority_agreement WHERE iso3 = 'RUS' AND topic = 'CCM' ORDER BY year",
    );
    const rus = await rows<{ year: number; vote: string }>(
      "SELECT year, vote FROM unga_votes WHERE iso3 = 'RUS' AND topic = 'CCM' ORDER BY year",
    );
    expect(agreement.map((a) => a.year)).toEqual(rus.map((r) => r.year));
    agreement.forEach((a, i) => expect(a.agreement).toBe(rus[i]!.vote === "Y" ? 1 : rus[i]!.vote === "X" ? null : 0));
  });
});
