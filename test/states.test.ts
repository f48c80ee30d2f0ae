/**
 * States, aliases and CCM status on a date, on a real in-memory DuckDB built from the committed curated
 * datasets (states, state_aliases, state_events, report_facts, membership_reconciliation), their staging
 * SQL and the model SQL; names from the real report text and the real UNDL vote file.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import {
  appendTextRows,
  closeDatabase,
  ident,
  openDatabase,
  queryRows,
  ROOT,
  runSqlFile,
  sqlText,
  type Database,
} from "../data-loaders/lib/db.ts";
import { readMeta } from "../data-loaders/lib/meta.ts";
import { readCuratedCsv, type CuratedTable } from "../data-loaders/lib/csv.ts";
import { StateResolver } from "../data-loaders/lib/states.ts";
import {
  buildStateSources,
  renderStateSources,
  STATE_INPUTS,
  STATE_OUTPUTS,
} from "../data-loaders/extract/membership/states-build.ts";
import {
  entryIntoForceFor,
  parseDayMonthYear,
  withdrawalEffectiveFor,
} from "../data-loaders/extract/membership/state-dates.ts";
import { stateListsInReport } from "../data-loaders/extract/membership/report-state-lists.ts";
import { PER_REPORT_DATASETS } from "../data-loaders/extract/reports/layout.ts";

const DATASETS = ["states", "state_aliases", "state_events", "report_facts", "membership_reconciliation"];
const REPORT = readFileSync(join(ROOT, STATE_INPUTS.report), "utf8");

function curated(name: string): CuratedTable {
  const meta = readMeta(join(ROOT, "sources", `${name}.meta.json`));
  return readCuratedCsv(`sources/${name}.csv`, meta, readFileSync(join(ROOT, "sources", `${name}.csv`)));
}

/**
 * An in-memory database with the membership datasets staged and the status model built. A dataset each report has
 * of its own (report_facts) is keyed by report, as the pipeline loads it (report-sources.ts): the files at the top
 * of sources/ are the 13MSP report's.
 */
async function membershipDb(): Promise<Database> {
  const db = await openDatabase();
  await db.conn.run("CREATE SCHEMA raw");
  for (const name of DATASETS) {
    const t = curated(name);
    const keyed = (PER_REPORT_DATASETS as readonly string[]).includes(name);
    const cols = [...(keyed ? ["report_id"] : []), ...t.meta.columns.map((c) => c.name)];
    await db.conn.run(`CREATE TABLE raw.${ident(name)} (${cols.map((c) => `${ident(c)} VARCHAR`).join(", ")})`);
    await appendTextRows(
      db.conn,
      `raw.${name}`,
      cols,
      keyed ? t.rows.map((r) => ({ report_id: "13MSP", ...r })) : t.rows,
    );
    await runSqlFile(db.conn, `staging/${name}.sql`);
  }
  await runSqlFile(db.conn, "models/010_state_status.sql");
  return db;
}

function resolver(): StateResolver {
  return new StateResolver(
    curated("state_aliases").rows.map((r) => ({ alias: r.alias!, iso3: r.iso3! })),
    curated("states").rows.map((r) => ({ iso3: r.iso3!, name: r.name_en! })),
  );
}

let db: Database;
const statusOn = async (iso3: string, date: string) =>
  (await queryRows<{ s: string | null }>(db.conn, "SELECT ccm_status($iso3, $d::DATE) AS s", { iso3, d: date }))[0]!.s;

beforeAll(async () => {
  db = await membershipDb();
});
afterAll(() => closeDatabase(db));

describe("status on a date", () => {
  it("Lithuania is a State Party the day before its withdrawal takes effect and withdrawn from that day (para 63)", async () => {
    expect(await statusOn("LTU", "2025-03-05")).toBe("state_party");
    expect(await statusOn("LTU", "2025-03-06")).toBe("withdrawn");
    expect(await statusOn("LTU", "2030-01-01")).toBe("withdrawn");
  });

  it("ccm_status works inside a caller's query whatever its aliases (a short alias such as s does not clash with the macro's own)", async () => {
    const rows = await queryRows<{ iso3: string; status: string | null }>(
      db.conn,
      "SELECT s.iso3, ccm_status(s.iso3, DATE '2025-03-06') AS status FROM states s WHERE s.iso3 IN ('LTU', 'NOR') ORDER BY s.iso3",
    );
    expect(rows).toEqual([
      { iso3: "LTU", status: "withdrawn" },
      { iso3: "NOR", status: "state_party" },
    ]);
  });

  it("every status is dated by the UNTC participation table: Lithuania, Samoa, Nigeria, South Sudan, Vanuatu around entry into force and withdrawal", async () => {
    // Lithuania ratified on 24 Mar 2011 (in force 1 Sep 2011), notified its withdrawal on 6 Sep 2024, effective 6 Mar 2025 (Article 20(3)).
    expect(await statusOn("LTU", "2011-03-23")).toBe("signatory");
    expect(await statusOn("LTU", "2011-03-24")).toBe("deposited");
    expect(await statusOn("LTU", "2011-09-01")).toBe("state_party");
    expect(await statusOn("LTU", "2015-12-07")).toBe("state_party");
    expect(await statusOn("LTU", "2024-09-06")).toBe("state_party"); // notified, still bound for six months
    // Samoa ratified on 28 Apr 2010, after the thirtieth deposit: in force on 1 Oct 2010 (Article 17(2)).
    expect(await statusOn("WSM", "2010-04-27")).toBe("signatory");
    expect(await statusOn("WSM", "2010-04-28")).toBe("deposited");
    expect(await statusOn("WSM", "2010-09-30")).toBe("deposited");
    expect(await statusOn("WSM", "2010-10-01")).toBe("state_party");
    // Nigeria ratified on 28 Feb 2023: in force on 1 Aug 2023 (first day of the sixth month after deposit).
    expect(await statusOn("NGA", "2023-02-27")).toBe("signatory");
    expect(await statusOn("NGA", "2023-07-31")).toBe("deposited");
    expect(await statusOn("NGA", "2023-08-01")).toBe("state_party");
    // South Sudan acceded on 3 Aug 2023 without signing: not party, then deposited, in force on 1 Feb 2024.
    expect(await statusOn("SSD", "2023-08-02")).toBe("not_party");
    expect(await statusOn("SSD", "2023-08-03")).toBe("deposited");
    expect(await statusOn("SSD", "2024-02-01")).toBe("state_party");
    // Vanuatu acceded on 5 Sep 2025 (after the 13MSP period): in force on 1 Mar 2026.
    expect(await statusOn("VUT", "2025-06-30")).toBe("not_party");
    expect(await statusOn("VUT", "2025-09-05")).toBe("deposited");
    expect(await statusOn("VUT", "2026-03-01")).toBe("state_party");
  });

  it("has no unknown period and no status resting on a year-only or undated event (data test state_status_complete)", async () => {
    const [n] = await queryRows<{ unknown: number; imprecise: number }>(
      db.conn,
      "SELECT count(*) FILTER (WHERE status = 'unknown')::INTEGER AS unknown, count(*) FILTER (WHERE from_precision <> 'day')::INTEGER AS imprecise FROM state_status",
    );
    expect(n).toEqual({ unknown: 0, imprecise: 0 });
    const broken = await membershipDb();
    try {
      await broken.conn.run(
        "UPDATE state_events SET precision = 'year', event_date = NULL, known_by = DATE '2008-12-31' WHERE iso3 = 'WSM' AND event = 'signature'",
      );
      const problems = await queryRows<{ problem: string }>(broken.conn, sqlText("checks/state_status_complete.sql"));
      expect(problems.map((p) => p.problem)).toEqual([
        expect.stringContaining('state_status: WSM is "signatory" from 2008-12-31'),
      ]);
    } finally {
      closeDatabase(broken);
    }
  });

  it("counts States Parties both ways: in force (Article 17) and consent deposited", async () => {
    const [on] = await queryRows(db.conn, "SELECT * FROM ccm_states_parties_on(DATE '2025-09-05')");
    expect(on).toEqual({ in_force: 111, consent_deposited: 112 }); // Vanuatu deposited that day: the '112th State Party'
    const [before] = await queryRows(db.conn, "SELECT * FROM ccm_states_parties_on(DATE '2025-06-30')");
    expect(before).toEqual({ in_force: 111, consent_deposited: 111 });
  });

  it("a State that deposited its instrument is not a party before entry into force (Article 17)", async () => {
    // Afghanistan ratified on 8 Sep 2011: in force on 1 March 2012.
    expect(await statusOn("AFG", "2011-09-07")).toBe("signatory");
    expect(await statusOn("AFG", "2011-09-08")).toBe("deposited");
    expect(await statusOn("AFG", "2012-02-29")).toBe("deposited");
    expect(await statusOn("AFG", "2012-03-01")).toBe("state_party");
    // The Holy See signed and ratified on 3 Dec 2008, among the first 30: in force with the Convention on 1 Aug 2010.
    expect(await statusOn("VAT", "2010-07-31")).toBe("deposited");
    expect(await statusOn("VAT", "2010-08-01")).toBe("state_party");
  });

  it("a signatory stays a signatory from the day it signed", async () => {
    expect(await statusOn("AGO", "2008-12-02")).toBe("not_party");
    expect(await statusOn("AGO", "2008-12-03")).toBe("signatory");
    expect(await statusOn("AGO", "2025-06-30")).toBe("signatory");
    expect(await statusOn("HTI", "2009-10-27")).toBe("not_party");
    expect(await statusOn("HTI", "2009-10-28")).toBe("signatory");
  });

  it("a State with no event is not_party for all time, in a single open period", async () => {
    const rows = await queryRows(db.conn, "SELECT status, valid_from, valid_to FROM state_status WHERE iso3 = 'USA'");
    expect(rows).toEqual([{ status: "not_party", valid_from: null, valid_to: null }]);
    expect(await statusOn("USA", "2025-06-30")).toBe("not_party");
    expect(await statusOn("XXX", "2025-06-30")).toBeNull();
  });

  it("covers every State in states with contiguous periods (the data tests find nothing)", async () => {
    const [n] = await queryRows<{ states: number; covered: number }>(
      db.conn,
      "SELECT (SELECT count(*) FROM states) AS states, (SELECT count(DISTINCT iso3) FROM state_status) AS covered",
    );
    expect(n).toEqual({ states: 197, covered: 197 });
    for (const check of [
      "checks/state_status_periods.sql",
      "checks/state_events_order.sql",
      "checks/state_status_complete.sql",
    ]) {
      expect(await queryRows(db.conn, sqlText(check)), check).toEqual([]);
    }
  });
});

describe("counts on 30 June 2025 against the report (paras 63-64)", () => {
  it("111 States Parties, 12 signatories, 123 committed, as report_facts states", async () => {
    const facts = Object.fromEntries(
      (
        await queryRows<{ fact_id: string; value: number }>(
          db.conn,
          "SELECT fact_id, value FROM report_report_facts WHERE report_id = '13MSP'",
        )
      ).map((f) => [f.fact_id, f.value]),
    );
    const counts = Object.fromEntries(
      (
        await queryRows<{ status: string; n: number }>(
          db.conn,
          "SELECT status, count(*) AS n FROM ccm_status_on(DATE '2025-06-30') GROUP BY status",
        )
      ).map((c) => [c.status, c.n]),
    );
    expect(facts.states_parties).toBe(111);
    expect(counts.state_party).toBe(facts.states_parties);
    expect(counts.signatory).toBe(facts.signatories);
    expect((counts.signatory ?? 0) + (counts.deposited ?? 0) + (counts.state_party ?? 0)).toBe(facts.states_committed);
  });

  it("the signatories on 30 June 2025 are exactly the twelve named in para 64", async () => {
    const para64 = stateListsInReport(REPORT).find((l) => l.paragraph === "64");
    expect(para64?.items).toHaveLength(12);
    const r = resolver();
    const named = para64!.items.map((n) => r.require(n, "para 64")).sort();
    const rows = await queryRows<{ iso3: string }>(
      db.conn,
      "SELECT iso3 FROM ccm_status_on(DATE '2025-06-30') WHERE status = 'signatory' ORDER BY iso3",
    );
    expect(rows.map((x) => x.iso3)).toEqual(named);
  });
});

describe("builder", () => {
  it("regenerates the committed datasets byte for byte from sources/raw and sources/overrides", () => {
    const rendered = renderStateSources(buildStateSources(ROOT));
    expect([...rendered.keys()]).toEqual(Object.values(STATE_OUTPUTS));
    for (const [file, text] of rendered) {
      expect(text, `${file} is stale: run npm run ccm -- build-states`).toBe(readFileSync(join(ROOT, file), "utf8"));
    }
  });

  it("reads both date styles and applies Article 17", () => {
    expect(parseDayMonthYear("3 Dec 08")).toBe("2008-12-03");
    expect(parseDayMonthYear("16 Jul 2010")).toBe("2010-07-16");
    expect(parseDayMonthYear("31 Feb 2010")).toBeNull();
    const rules = { entryIntoForce: "2010-08-01", monthsAfterDeposit: 6, withdrawalMonths: 6 };
    expect(entryIntoForceFor("2008-12-03", rules)).toBe("2010-08-01");
    expect(entryIntoForceFor("2010-02-16", rules)).toBe("2010-08-01");
    expect(entryIntoForceFor("2010-08-23", rules)).toBe("2011-02-01");
    expect(entryIntoForceFor("2011-09-08", rules)).toBe("2012-03-01");
    expect(entryIntoForceFor("2025-12-31", rules)).toBe("2026-06-01");
    // Article 20(3): six months after the notification, on the same day (or the month's last day).
    expect(withdrawalEffectiveFor("2024-09-06", rules)).toBe("2025-03-06");
    expect(withdrawalEffectiveFor("2024-08-31", rules)).toBe("2025-02-28");
  });

  it("keeps the older lists as corroboration: their gaps and their one disagreement with the UNTC table are listed", () => {
    const recon = curated("membership_reconciliation").rows;
    // Parties missing from the UNTC status list, dated by the participation table.
    for (const iso3 of ["WSM", "VCT", "NIU", "COK"])
      expect(
        recon.some((r) => r.iso3 === iso3 && r.kind === "gap"),
        iso3,
      ).toBe(true);
    // Guinea-Bissau's signature: 4 Dec 2008 at UNTC, 3 Dec 2008 in the Monitor 2022 list (UNTC kept).
    const disagreements = recon.filter((r) => r.kind === "disagreement");
    expect(disagreements.map((r) => r.issue_id)).toEqual([
      "disagreement:GNB:second-source",
      "disagreement:GNB:signature",
    ]);
    expect(disagreements[1]!.description).toContain("signature on 2008-12-04");
    expect(disagreements[1]!.description).toContain("signature on 2008-12-03");
    // Every event of the older lists that agrees adds that list to the event's sources.
    const events = curated("state_events").rows;
    const afg = events.find((e) => e.iso3 === "AFG" && e.event === "ratification")!;
    expect(afg.source).toBe(
      "untc-ccm-participants-2026-02-03.csv; untc-ccm-dates-A-to-El-Salvador.csv; monitor-2022-dates-A-to-Hungary.csv; untc-ccm-status-years.csv",
    );
  });
});
