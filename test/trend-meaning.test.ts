/**
 * Trends that mean what they say, on the real 13MSP report (the database test/global-setup.ts builds from
 * sources/): shares of the group an indicator counts among with the report's own count and paragraph, the
 * membership of the numerator's period, completion that is not decline, each measure of a paired value with its
 * own trend, rankings within a unit, contested figures pointing to their check, and the para 103 / 120 pair.
 * The briefing's sentences are composed from the same database, as `npm run briefing` does.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { generatedDocument } from "../data-loaders/briefing/build.ts";
import { renderMarkdown } from "../data-loaders/briefing/markdown.ts";
import { closeDatabase, openDatabase, queryRows, sqlString, sqlText, type Database } from "../data-loaders/lib/db.ts";
import { builtDbPath, openBuiltDb } from "./helpers/db.ts";

type Row = Record<string, unknown>;

let db: Database;
let md: string;

beforeAll(async () => {
  db = await openBuiltDb();
  const doc = await generatedDocument(db.conn, "13MSP", { date: "16 September 2025" });
  md = renderMarkdown(doc).replace(/\\(.)/g, "$1");
});
afterAll(() => closeDatabase(db));

async function row(indicatorId: string, cycle = "13MSP"): Promise<Row> {
  const rows = await queryRows<Row>(
    db.conn,
    "SELECT * FROM indicator_trends WHERE indicator_id = $id AND cycle = $cycle",
    { id: indicatorId, cycle },
  );
  expect(rows).toHaveLength(1);
  return rows[0]!;
}

const pick = (r: Row, cols: string[]) => Object.fromEntries(cols.map((c) => [c, r[c]]));
const SHARE = ["value", "denominator", "denominator_basis", "denominator_source", "share"];

/** The bullet (or paragraph) of the briefing that starts with these words. */
function line(start: string): string {
  const found = md.split("\n").find((l) => l.replace(/^- /, "").startsWith(start));
  expect(found, `no line of the briefing starts with "${start}"`).toBeDefined();
  return found!;
}

describe("denominators: the group the indicator counts among, sized for the numerator's period", () => {
  it("20.1 (Article 4 extension requests): five of the ten affected States Parties (para 104), not 4.5% of all", async () => {
    expect(pick(await row("20.1"), SHARE)).toEqual({
      value: 5,
      denominator: 10,
      denominator_basis: "affected States Parties",
      denominator_source: "para 104",
      share: 0.5,
    });
    expect(line("Five States Parties submitted Article 4 extension requests")).toContain(
      "50.0% of the 10 affected States Parties",
    );
  });

  it("32.1 and 36.2: of the twelve States Parties with cluster munition victims (para 153)", async () => {
    expect(pick(await row("32.1"), SHARE)).toEqual({
      value: 7,
      denominator: 12,
      denominator_basis: "States Parties with cluster munition victims",
      denominator_source: "para 153",
      share: 0.5833,
    });
    expect((await row("33.1")).denominator).toBe(12);
    expect((await row("36.2")).share).toBe(0.0833);
  });

  it("50.1: four of the five extension requests were timely (para 263), not 3.6% of all States Parties", async () => {
    expect(pick(await row("50.1"), SHARE)).toEqual({
      value: 4,
      denominator: 5,
      denominator_basis: "extension requests submitted in the cycle",
      denominator_source: "para 263",
      share: 0.8,
    });
    expect(line("Four States Parties submitted extension requests in a timely manner")).toContain(
      "80.0% of the 5 extension requests",
    );
  });

  it("para 22's 70 contributors (Lithuania among them) are a share of the 112 States Parties during the period, as para 264 counts them", async () => {
    const r = await row("9.2");
    expect(pick(r, ["value", "denominator", "denominator_basis", "share"])).toEqual({
      value: 70,
      denominator: 112,
      denominator_basis: "States Parties during the reporting period",
      share: 0.625,
    });
    expect(r.denominator_source).toBe(
      "view state_status: States Parties on at least one day from 1 July 2024 to 30 June 2025",
    );
    const [named] = await queryRows<{ n: number }>(
      db.conn,
      "SELECT count(*) AS n FROM finding_states WHERE finding_id = '13MSP-22-1' AND iso3 = 'LTU'",
    );
    expect(named?.n).toBe(1);
    expect(line("Seventy States Parties contribute")).toContain(
      "62.5% of the 112 States Parties during the reporting period",
    );
    expect(md).not.toMatch(/of the 111 States Parties/);
  });

  it("shows no share where the group's size is unknown (donor States Parties) or the indicator counts no group of States", async () => {
    for (const id of ["3.1", "4.4", "11.1", "17.2", "10.2"]) {
      const r = await row(id);
      expect([id, r.denominator, r.share]).toEqual([id, null, null]);
    }
  });
});

describe("completion is not decline", () => {
  it("13.1 fell to zero because all 41 stockpiling States Parties have completed (para 82): completed, with that reason", async () => {
    const r = await row("13.1");
    expect(
      pick(r, ["value", "previous_value", "direction", "judgement", "judgement_basis", "completion_group_size"]),
    ).toEqual({
      value: 0,
      previous_value: 4,
      direction: "down",
      judgement: "completed",
      judgement_basis: "group exhausted",
      completion_group_size: 0,
    });
    expect(r.judgement_reason).toContain(
      "no States Parties with outstanding Article 3 stockpile destruction obligations are left (para 82)",
    );
    const completed = await queryRows<{ indicator_id: string }>(
      db.conn,
      "SELECT indicator_id FROM indicator_trends WHERE cycle = '13MSP' AND judgement = 'completed' ORDER BY action, seq",
    );
    expect(completed.map((c) => c.indicator_id)).toEqual(["12.1", "12.2", "13.1"]);
    // 16.1 counts the sharing of experience, which any State Party that had stockpiles can still do: Peru did in
    // the period (para 84), so its fall from 3 to 1 is a decline, not completion.
    expect(pick(await row("16.1"), ["value", "judgement", "completion_group"])).toEqual({
      value: 1,
      judgement: "declined",
      completion_group: null,
    });
    // Article 4 clearance is not exhausted (ten affected States Parties remain): 25.1's fall stays a decline.
    expect((await row("25.1")).judgement).toBe("declined");
  });

  it("the briefing lists none of them among the declines and calls none of them the lowest", () => {
    const declines = md.split("The largest declines")[1]!.split("\n\n").slice(1, 4).join("\n");
    expect(declines).not.toMatch(/having completed obligations/);
    expect(line("No States Parties having completed obligations")).toContain("completion, not decline");
    expect(line("No States Parties having completed obligations")).not.toMatch(/lowest/);
    expect(line("| 12.1 |")).toMatch(/completed \(group exhausted\) \|$/);
    expect(line("| 16.1 |")).toMatch(/declined, lowest \|$/);
  });
});

describe("paired values trend per measure", () => {
  it("17.2: cluster munitions fell in each cycle, explosive submunitions rose in 11MSP (15,497 → 15,539)", async () => {
    const rows = await queryRows<Row>(
      db.conn,
      "SELECT cycle, value_secondary, direction, secondary_direction, streak, secondary_streak FROM indicator_trends WHERE indicator_id = '17.2' ORDER BY ordinal",
    );
    expect(rows.map((r) => `${r.cycle} ${r.direction}/${r.secondary_direction}`)).toEqual([
      "10MSP first measured/first measured",
      "11MSP down/up",
      "12MSP down/down",
      "13MSP down/down",
    ]);
    expect(rows.map((r) => r.value_secondary)).toEqual([15497, 15539, 4034, 1328]);
    expect(pick(rows[3]!, ["streak", "secondary_streak"])).toEqual({ streak: 3, secondary_streak: 2 });
    expect(md).toContain(
      "(17.2, counting cluster munitions; its explosive submunitions fell only in the last two cycles)",
    );
    expect(line("| 17.2 |")).toContain(
      "cluster munitions: fell (3 in a row), lowest; explosive submunitions: fell (2 in a row), lowest",
    );
  });
});

describe("rankings within a unit", () => {
  it("ranks improvements in States Parties apart from women, delegations and cases", async () => {
    const rows = await queryRows<Row>(
      db.conn,
      "SELECT indicator_id, unit, rank_in_unit FROM largest_movements WHERE cycle = '13MSP' AND judgement = 'improved' AND rank_in_unit = 1 ORDER BY unit",
    );
    expect(rows.map((r) => `${r.unit}: ${r.indicator_id}`).sort()).toEqual([
      "States Parties: 45.1",
      "States not party: 10.2",
      "cases: 11.1",
      "delegations: 4.5",
      "people: 4.4",
    ]);
    const sp = await queryRows<Row>(
      db.conn,
      "SELECT indicator_id FROM largest_movements WHERE cycle = '13MSP' AND judgement = 'improved' AND unit = 'States Parties' AND rank_in_unit <= 3 ORDER BY rank_in_unit",
    );
    expect(sp.map((r) => r.indicator_id)).toEqual(["45.1", "9.2", "26.1"]);
  });

  it("the briefing says how it ranks, keeps 4.4's women out of the States Parties list and says 4.4 is still below 10MSP", () => {
    const improvements = md
      .split("The largest improvements in the 13MSP cycle, ranked by the change in the number of States Parties:")[1]!
      .split("\n\n")[1]!;
    expect(improvements.split("\n").map((l) => l.slice(2, 30))).toEqual([
      "Forty-six States Parties hav",
      "Seventy States Parties contr",
      "Thirteen States Parties repo",
    ]);
    expect(line("Ninety-eight women")).toContain("still below the 10MSP cycle's 104");
  });
});

describe("cycles, records and contested figures", () => {
  it("compares with the 12MSP cycle, not the 12MSP meeting, and says which meeting 10.2 counts (para 66)", () => {
    const s = line("Thirteen States not party took part in the Meeting of States Parties");
    expect(s).toContain("up from 12 in the 12MSP cycle");
    expect(s).toContain("the 13MSP cycle counts the States not party at the 12MSP, para 66");
    expect(md).not.toMatch(/ in 12MSP[ ,;)]/);
  });

  it("gives no record of four cycles to 45.1, measured in two", () => {
    const s = line("Forty-six States Parties have instituted the adapted Article 7 reporting form");
    expect(s).toContain("measured in only two of the four cycles since 10MSP");
    expect(s).not.toMatch(/highest of the four/);
  });

  it("explains the indicators that cannot be compared with reasons true for each", async () => {
    const rows = await queryRows<Row>(
      db.conn,
      "SELECT indicator_id, judgement_basis FROM indicator_trends WHERE cycle = '13MSP' AND judgement = 'not comparable' ORDER BY action, seq",
    );
    expect(rows.map((r) => `${r.indicator_id} ${r.judgement_basis}`)).toEqual([
      "14.1 no better direction",
      "17.2 no better direction",
      "20.1 no better direction",
      "46.1 no better direction",
      "48.1 no better direction",
      "48.2 no better direction",
    ]);
    expect(md).toContain(
      "Six indicators (14.1, 17.2, 20.1, 46.1, 48.1, and 48.2) cannot be compared: they moved, but neither direction is better for them",
    );
    expect(md).not.toMatch(/were not measured, were measured for the first time, or have no better direction/);
  });

  it("47.2's 26 says that para 239 and the summary give 25, and points to both annex items", async () => {
    const contested = await queryRows<Row>(
      db.conn,
      "SELECT against, paragraph, value, other_figure FROM indicator_contested WHERE indicator_id = '47.2' ORDER BY paragraph",
    );
    expect(contested).toEqual([
      { against: "report", paragraph: "239", value: 26, other_figure: 25 },
      { against: "report", paragraph: "II.J.2", value: 26, other_figure: 25 },
    ]);
    const s = line("Twenty-six States Parties reported having disseminated CCM obligations");
    const items =
      /contested: para 239 and summary item II\.J\.2 give 25 \(consistency annex, items (\d+) and (\d+)\)/.exec(s);
    expect(items, s).not.toBeNull();
    const annex = md.split("## Annex")[1]!;
    expect(line(`| ${items![1]} | 239 / indicator 47.2 |`)).toContain("parts vs whole");
    expect(annex).toContain(`| ${items![2]} | II.J.2 / indicator 47.2 |`);
  });

  it("11.2's 31 says that the UN's voting records give 25 and points to the records annex", () => {
    const s = line("Thirty-one States not party voted in favour of the CCM UNGA resolution");
    const item = /contested: the UN's records give 25 \(records annex, item (\d+)\)/.exec(s);
    expect(item, s).not.toBeNull();
    expect(line(`| ${item![1]} | indicator 11.2, 13MSP column |`)).toContain("31 (printed");
  });
});

describe("statements of the same quantity", () => {
  it("para 103 and para 120 disagree on the States Parties with Article 4 obligations (18 vs 28) and those that completed (8 vs 17)", async () => {
    const rows = await queryRows<Row>(
      db.conn,
      "SELECT kind, severity, expected, found FROM consistency_issues WHERE paragraph = '103' AND related = '120' ORDER BY expected",
    );
    expect(rows).toEqual([
      { kind: "same_count_differs", severity: "error", expected: "18 (para 103)", found: "28 (para 120)" },
      { kind: "same_count_differs", severity: "error", expected: "8 (para 103)", found: "17 (para 120)" },
    ]);
  });

  it("the pairs that agree raise nothing: each is evaluated and equal", async () => {
    const rows = await queryRows<Row>(
      db.conn,
      "SELECT relation_id, count(DISTINCT value) AS values, count(value) AS terms FROM count_relation_terms WHERE relation_id IN ('R36','R37','R38','R39','R40','R41','R42','R43','R44') GROUP BY relation_id ORDER BY relation_id",
    );
    expect(rows.map((r) => `${r.relation_id}:${r.values}/${r.terms}`)).toEqual([
      "R36:1/2",
      "R37:1/2",
      "R38:1/2",
      "R39:1/2",
      "R40:1/2",
      "R41:1/2",
      "R42:1/2",
      "R43:1/2",
      "R44:1/2",
    ]);
  });
});

describe("the data tests of scopes and denominators (checks/indicator_scopes.sql, checks/scope_size_terms.sql)", () => {
  /** The check on copies of the built tables, after `change` has edited them. */
  async function problems(change: string): Promise<string[]> {
    const scratch = await openDatabase();
    try {
      await scratch.conn.run(`ATTACH ${sqlString(builtDbPath())} AS built (READ_ONLY)`);
      // report_findings: the States Parties check reads the 13MSP report's own finding, whichever report is the latest.
      // report_scope_sizes: the group sizes check reads the session's report's own sizes (the built database's one report).
      for (const t of [
        "indicators",
        "indicator_scopes",
        "scope_groups",
        "scope_sizes",
        "report_scope_sizes",
        "findings",
        "report_findings",
        "indicator_trends",
      ]) {
        await scratch.conn.run(`CREATE TABLE ${t} AS SELECT * FROM built.${t}`);
      }
      await scratch.conn.run("CREATE MACRO session_report() AS '13MSP'");
      if (change) await scratch.conn.run(change);
      const problems: string[] = [];
      for (const file of ["checks/indicator_scopes.sql", "checks/scope_size_terms.sql"]) {
        problems.push(...(await queryRows<{ problem: string }>(scratch.conn, sqlText(file))).map((r) => r.problem));
      }
      return problems;
    } finally {
      closeDatabase(scratch);
    }
  }

  it("passes on the real sources", async () => {
    expect(await problems("")).toEqual([]);
  });

  it("fails when a hand-typed group size drifts from the paragraph's count, or an indicator has no scope", async () => {
    expect(await problems("UPDATE report_scope_sizes SET size = 11 WHERE scope_group = 'affected'")).toEqual([
      "scope_sizes: affected in 13MSP is 11 (para 104), but finding:13MSP-104-1 counts 10: correct sources/scope_sizes.csv or the term",
    ]);
    expect(await problems("DELETE FROM indicator_scopes WHERE indicator_id = '20.1'")).toEqual([
      "indicator 20.1 has no row in sources/indicator_scopes.csv: add its scope group",
    ]);
  });

  it("fails when the 13MSP States Parties denominator is not para 264's 112", async () => {
    expect(
      await problems(
        "UPDATE indicator_trends SET denominator = 111 WHERE scope_group = 'states_parties' AND cycle = '13MSP'",
      ),
    ).toEqual([
      "indicator_trends divides 13MSP cycle shares by 111 States Parties, but para 264 counts 112 States Parties during the period (finding 13MSP-264-1): check state_status for the period",
    ]);
  });
});
