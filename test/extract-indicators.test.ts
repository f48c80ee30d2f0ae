/**
 * The indicator extractor on the real 13MSP report text and the real hand files: every value,
 * the awkward table shapes (page breaks, revision marks, footnotes, N/A, the paired value), the
 * classification merge, reproducibility of the committed CSVs, and InputErrors on crafted text.
 */
import { describe, expect, it } from "vitest";
import { mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import {
  extractIndicators,
  type ExtractOptions,
  type IndicatorValueRow,
} from "../data-loaders/extract/indicators/indicators.ts";
import { readClassification, readValueOverrides } from "../data-loaders/extract/indicators/overrides.ts";
import { isoDate, LONG_DATE, longDate } from "../data-loaders/lib/dates.ts";
import { InputError } from "../data-loaders/lib/errors.ts";
import { readMeta, sha256 } from "../data-loaders/lib/meta.ts";
import { readCuratedCsv, type CuratedTable } from "../data-loaders/lib/csv.ts";
import { checkReferences } from "../data-loaders/sources.ts";
import { StateResolver } from "../data-loaders/lib/states.ts";
import {
  appendTextRows,
  closeDatabase,
  ident,
  openDatabase,
  queryRows,
  runSqlFile,
  sqlText,
} from "../data-loaders/lib/db.ts";
import { PER_REPORT_DATASETS } from "../data-loaders/extract/reports/layout.ts";
import { main } from "../data-loaders/cli.ts";

const REPORT = "sources/reports/13MSP-progress-report.txt";
const CLASSIFICATION = "sources/overrides/indicator_classification.csv";
const VALUE_OVERRIDES = "sources/overrides/indicator_value_overrides.csv";
const reportText = readFileSync(REPORT, "utf8");
const handFiles = (): Omit<ExtractOptions, "reportFile"> => ({
  classification: readClassification(CLASSIFICATION),
  classificationFile: CLASSIFICATION,
  valueOverrides: readValueOverrides(VALUE_OVERRIDES),
});
const result = extractIndicators(reportText, { reportFile: REPORT, ...handFiles() });

const indicator = (id: string) => {
  const found = result.indicators.find((i) => i.indicator_id === id);
  if (!found) throw new Error(`no indicator ${id}`);
  return found;
};
const value = (id: string, cycle: string): IndicatorValueRow => {
  const found = result.values.find((v) => v.indicator_id === id && v.cycle === cycle);
  if (!found) throw new Error(`no value ${id} ${cycle}`);
  return found;
};
const series = (id: string) => ["10MSP", "11MSP", "12MSP", "13MSP"].map((c) => value(id, c).value);

function inputErrorOf(fn: () => unknown): string {
  try {
    fn();
  } catch (e) {
    expect(e).toBeInstanceOf(InputError);
    return (e as Error).message;
  }
  throw new Error("no InputError was thrown");
}

describe("extractIndicators on the 13MSP Progress Report", () => {
  it("finds 80 indicators and one value per indicator and cycle (320)", () => {
    expect(result.reportId).toBe("13MSP");
    expect(result.cycles.map((c) => c.cycle)).toEqual(["10MSP", "11MSP", "12MSP", "13MSP"]);
    expect(result.indicators).toHaveLength(80);
    expect(new Set(result.indicators.map((i) => i.indicator_id)).size).toBe(80);
    expect(result.values).toHaveLength(320);
    expect(new Set(result.values.map((v) => `${v.indicator_id} ${v.cycle}`)).size).toBe(320);
    // The report's table rows: every tab line except the 17 headers and 3 page-break continuations.
    const tabLines = reportText.split("\n").filter((l) => l.includes("\t"));
    const headers = tabLines.filter((l) => /^(<i>)?LAP(<\/i>)?\t/.test(l));
    const continuations = tabLines.filter((l) => /^\t[^\t]+\t\t\t\t$/.test(l));
    expect([tabLines.length, headers.length, continuations.length]).toEqual([100, 17, 3]);
    expect(tabLines.length - headers.length - continuations.length).toBe(result.indicators.length);
  });

  it("joins indicator text that runs over a page break (Actions 24, 30, 47)", () => {
    expect(indicator("24.1")).toMatchObject({
      text: "Affected SPs reported providing disaggregated information on remaining cluster munition contaminated areas and on progress in survey and clearance efforts.",
      report_line: 553,
      continued_on_line: 556,
    });
    expect(indicator("30.1")).toMatchObject({
      text: "Affected SPs reported on national strategies and work plans that include capacity to address residual contamination and with a risk education component.",
      continued_on_line: 672,
    });
    expect(indicator("47.1").text).toBe(
      "SPs reported having adopted all national measures. (Since the entry into force of the Convention) of these 32 States parties have reported that they have adopted national legislation regarding the convention (Since the entry into force of the Convention) and 33 consider existing law to be sufficient (Since the entry into force of the Convention).",
    );
    expect(indicator("47.1").continued_on_line).toBe(1067);
    expect(series("24.1")).toEqual([8, 8, 9, 9]);
    expect(series("30.1")).toEqual([4, 6, 7, 10]);
    expect(series("47.1")).toEqual([63, 64, 65, 67]);
    // The row after a continuation is the next indicator of the same action, not part of the text.
    expect(indicator("47.2").text).toBe(
      "SPs reported having disseminated CCM obligations to all relevant national institutions particularly the armed forces.",
    );
    expect(result.indicators.filter((i) => i.continued_on_line !== null).map((i) => i.indicator_id)).toEqual([
      "24.1",
      "30.1",
      "47.1",
    ]);
  });

  it("gives the row with an empty action cell after a page break to the previous action (11.4)", () => {
    expect(indicator("11.4")).toMatchObject({
      action: 11,
      seq: 4,
      pillar_code: "C",
      pillar: "Universalization",
      text: "Dedicated meetings with States not party to the Convention still relying on cluster munitions.",
      unit: "meetings",
      source_ref: "13MSP Progress Report, section VI.C table, Action 11",
      report_line: 356,
    });
    expect(series("11.4")).toEqual([0, 0, 3, 0]);
    expect(result.indicators.filter((i) => i.action === 11).map((i) => i.indicator_id)).toEqual([
      "11.1",
      "11.2",
      "11.3",
      "11.4",
    ]);
  });

  it("keeps revision marks as flags with the footnote under the table (9.2, 39.1)", () => {
    expect(indicator("9.2").text).toBe("SPs that contribute to the Implementation Support Unit (ISU) budget.");
    const isu =
      "Figures updated to reflect the final number of States Parties that contributed to the ISU's annual budgets.";
    expect(
      ["10MSP", "11MSP", "12MSP", "13MSP"].map((c) => [
        value("9.2", c).value,
        value("9.2", c).revised,
        value("9.2", c).footnote,
        value("9.2", c).as_printed,
      ]),
    ).toEqual([
      [52, false, null, "52"],
      [61, true, isu, "61*"],
      [59, true, isu, "59*"],
      [70, false, null, "70"],
    ]);
    const coop =
      "Figures updated for consistency and include only reports of cooperation between States Parties, in accordance with Article 6 of the Convention.";
    expect(
      ["10MSP", "11MSP", "12MSP", "13MSP"].map((c) => [
        value("39.1", c).value,
        value("39.1", c).revised,
        value("39.1", c).footnote,
      ]),
    ).toEqual([
      [14, true, coop],
      [15, true, coop],
      [16, true, coop],
      [16, false, null],
    ]);
    expect(result.values.filter((v) => v.revised)).toHaveLength(5);
  });

  it("reads a footnote superscript as a footnote, not a revision (10.1, 12MSP: 01 ²)", () => {
    expect(value("10.1", "12MSP")).toMatchObject({ value: 1, revised: false, as_printed: "01 ²" });
    expect(value("10.1", "12MSP").footnote).toBe(
      "The new State Party acceded to the Convention on 3 August 2023, which falls within the 12MSP Progress Report cycle (1 July 2023-30 June 2024), but prior to the 11MSP (11-14 September 2023). Therefore, its accession was reported in the 11MSP Final Report.",
    );
    expect(series("10.1")).toEqual([0, 1, 1, 0]);
  });

  it("keeps N/A as missing with its reason, never 0 (45.1)", () => {
    for (const cycle of ["10MSP", "11MSP"]) {
      const v = value("45.1", cycle);
      expect(v).toMatchObject({ value: null, value_secondary: null, as_printed: "N/A", revised: false });
      expect(v.missing_reason).toMatch(
        /^not applicable: the adapted Article 7 reporting form was adopted only at the 11MSP/,
      );
      expect(v.override_note).toMatch(
        /^missing_reason set by hand \(sources\/overrides\/indicator_value_overrides\.csv line \d+; extracted "not applicable: the report prints N\/A"\)/,
      );
    }
    expect([value("45.1", "12MSP").value, value("45.1", "13MSP").value]).toEqual([24, 46]);
    expect(result.values.filter((v) => v.value === null).map((v) => `${v.indicator_id} ${v.cycle}`)).toEqual([
      "45.1 10MSP",
      "45.1 11MSP",
    ]);
    // Without the hand file the extractor still records the N/A as missing with the report's own reason.
    const bare = extractIndicators(reportText, { reportFile: REPORT, ...handFiles(), valueOverrides: [] });
    expect(bare.values.find((v) => v.indicator_id === "45.1" && v.cycle === "10MSP")).toMatchObject({
      value: null,
      missing_reason: "not applicable: the report prints N/A",
      override_note: null,
    });
    expect(bare.values.filter((v) => v.override_note !== null)).toHaveLength(0);
  });

  it("keeps both measures of the paired value (17.2)", () => {
    expect(indicator("17.2")).toMatchObject({
      text: "Retained cluster munitions and/or explosive submunitions destroyed by States Parties.",
      unit: "munitions",
      pillar_code: "D",
    });
    expect(
      ["10MSP", "11MSP", "12MSP", "13MSP"].map((c) => [
        value("17.2", c).value,
        value("17.2", c).value_secondary,
        value("17.2", c).as_printed,
      ]),
    ).toEqual([
      [226, 15497, "226 / 15,497"],
      [199, 15539, "199 / 15,539"],
      [41, 4034, "41 / 4,034"],
      [21, 1328, "21 / 1,328"],
    ]);
    expect(value("17.2", "13MSP")).toMatchObject({
      measure: "cluster munitions",
      secondary_measure: "explosive submunitions",
    });
    expect(value("17.1", "13MSP")).toMatchObject({
      value: 10,
      value_secondary: null,
      measure: "States Parties",
      secondary_measure: null,
    });
  });

  it.each([
    ["1.1", "12MSP", 7, "A", "Guiding Principles"],
    ["8.1", "13MSP", 4, "A", "Guiding Principles"],
    ["4.4", "10MSP", 104, "B", "Gender mainstreaming"],
    ["4.5", "13MSP", 25, "B", "Gender mainstreaming"],
    ["11.2", "13MSP", 31, "C", "Universalization"],
    ["12.1", "13MSP", 0, "D", "Stockpile destruction"],
    ["20.1", "13MSP", 5, "E", "Survey and clearance"],
    ["26.1", "13MSP", 13, "E", "Survey and clearance"],
    ["28.1", "11MSP", 6, "F", "Risk education"],
    ["36.1", "12MSP", 9, "G", "Victim assistance"],
    ["40.1", "12MSP", 35, "H", "International cooperation and assistance"],
    ["43.1", "10MSP", 51, "I", "Transparency measures"],
    ["48.1", "11MSP", 6, "J", "National implementation measures"],
    ["50.1", "13MSP", 4, "K", "Compliance"],
  ])("spot check: %s in %s is %i (pillar %s)", (id, cycle, expected, pillarCode, pillar) => {
    expect(value(id, cycle).value).toBe(expected);
    expect(indicator(id)).toMatchObject({ pillar_code: pillarCode, pillar });
  });

  it("records where each row is in the report", () => {
    expect(indicator("1.1")).toMatchObject({
      source_ref: "13MSP Progress Report, section VI.A table, Action 1",
      report_line: 170,
    });
    expect(value("9.2", "11MSP")).toMatchObject({
      source_ref: "13MSP Progress Report, section VI.A table, Action 9, 11MSP column",
      report_line: 184,
    });
    const lines = reportText.split("\n");
    for (const v of result.values) expect(lines[v.report_line - 1]).toContain(v.as_printed);
    expect(new Set(result.indicators.map((i) => i.pillar_code))).toEqual(new Set("ABCDEFGHIJK".split("")));
  });

  it("lists the cycles with the periods the report states, and leaves the others empty", () => {
    expect(result.cycles.map((c) => [c.cycle, c.ordinal, c.meeting, c.period_start, c.period_end])).toEqual([
      ["10MSP", 1, "Tenth Meeting of States Parties", null, null],
      ["11MSP", 2, "Eleventh Meeting of States Parties", null, null],
      ["12MSP", 3, "Twelfth Meeting of States Parties", "2023-07-01", "2024-06-30"],
      ["13MSP", 4, "Thirteenth Meeting of States Parties", "2024-07-01", "2025-06-30"],
    ]);
    expect(result.cycles[3]!.source_ref).toBe(
      "13MSP Progress Report, indicator table header (line 169); period: para 1 (line 22)",
    );
    expect(result.cycles[2]!.source_ref).toContain("period: footnote ² (line 353)");
  });

  it("reads a date as the documents print it and writes it back the same way, January to December", () => {
    expect(isoDate("1 July 2024")).toBe("2024-07-01");
    expect(isoDate("30 June 2025")).toBe("2025-06-30");
    expect(new RegExp(`^${LONG_DATE}$`).test("9 Sept 2025")).toBe(false);
    expect(() => isoDate("9 Sept 2025")).toThrow(/not a date such as "9 September 2025"/);
    for (let month = 1; month <= 12; month++) {
      const iso = `2025-${String(month).padStart(2, "0")}-09`;
      expect(isoDate(longDate(iso))).toBe(iso);
    }
  });

  it("reads unit and scope from the text and takes polarity from the reviewed hand file", () => {
    expect(indicator("2.1")).toMatchObject({
      unit: "States Parties",
      scope: "affected SPs",
      polarity: "higher_is_better",
      classification_note: null,
    });
    expect(indicator("3.1").scope).toBe("donor SPs");
    expect(indicator("12.1")).toMatchObject({
      scope: "SPs with outstanding Article 3 obligations",
      polarity: "neutral",
    });
    expect(indicator("44.1").scope).toBe(
      "SPs with Articles 3 and 4 obligations or that retain cluster munitions under Article 3.6",
    );
    expect(indicator("10.2").unit).toBe("States not party");
    expect(indicator("11.1")).toMatchObject({ unit: "cases", polarity: "lower_is_better" });
    expect(indicator("4.4")).toMatchObject({ unit: "people", scope: "SPs' delegations attending Convention meetings" });
    expect(indicator("4.4").classification_note).toMatch(
      /^scope set by hand \(the text gives none\) \(sources\/overrides\/indicator_classification\.csv line \d+\)$/,
    );
    for (const i of result.indicators) expect(i.polarity_note.length).toBeGreaterThan(20);
  });
});

describe("the committed datasets", () => {
  const names = ["cycles", "indicators", "indicator_values"];
  const tables = new Map<string, CuratedTable>(
    names.map((n) => [n, readCuratedCsv(`sources/${n}.csv`, readMeta(`sources/${n}.meta.json`))]),
  );

  it("are reproduced byte for byte by `ccm extract` into a temp folder", async () => {
    const out = mkdtempSync(join(tmpdir(), "ccm-extract-"));
    expect(await main(["extract", REPORT, "--out", out])).toBe(0);
    for (const n of names) {
      const committed = readFileSync(`sources/${n}.csv`);
      expect(
        readFileSync(join(out, `${n}.csv`)).equals(committed),
        `${n}.csv differs from the extractor's output`,
      ).toBe(true);
      expect(readMeta(`sources/${n}.meta.json`).sha256).toBe(sha256(committed));
    }
  });

  it("pass the curated-CSV validation against their metadata, references included", () => {
    expect(tables.get("indicators")!.rows).toHaveLength(80);
    expect(tables.get("indicator_values")!.rows).toHaveLength(320);
    expect(checkReferences(tables, new StateResolver([], []))).toEqual([]);
    // The report copy in sources/reports is the shared original, unchanged.
    const reportMeta = JSON.parse(readFileSync("sources/reports/13MSP-progress-report.meta.json", "utf8")) as {
      sha256: string;
    };
    expect(sha256(readFileSync(REPORT))).toBe(reportMeta.sha256);
  });

  it("stage into DuckDB, and the completeness data test finds nothing, then catches a missing row", async () => {
    const db = await openDatabase();
    try {
      await db.conn.run("CREATE SCHEMA raw");
      // A dataset each report has of its own is staged keyed by report_id (report_<name>); with one report, the
      // relation the checks read (a view of the session's report in the pipeline) is its rows.
      const keyed = new Set<string>(PER_REPORT_DATASETS);
      for (const [name, t] of tables) {
        const cols = [...(keyed.has(name) ? ["report_id"] : []), ...t.meta.columns.map((c) => c.name)];
        await db.conn.run(`CREATE TABLE raw.${ident(name)} (${cols.map((c) => `${ident(c)} VARCHAR`).join(", ")})`);
        await appendTextRows(
          db.conn,
          `raw.${name}`,
          cols,
          t.rows.map((r) => (keyed.has(name) ? { report_id: "13MSP", ...r } : r)),
        );
        await runSqlFile(db.conn, `staging/${name}.sql`);
        if (keyed.has(name))
          await db.conn.run(
            `CREATE TABLE ${ident(name)} AS SELECT * EXCLUDE (report_id) FROM ${ident(`report_${name}`)}`,
          );
      }
      const check = sqlText("checks/indicator_values_complete.sql");
      expect(await queryRows(db.conn, check)).toEqual([]);
      const [row] = await queryRows<{ value: number; revised: boolean; value_secondary: number }>(
        db.conn,
        "SELECT value, revised, value_secondary FROM indicator_values WHERE indicator_id = '17.2' AND cycle = '10MSP'",
      );
      expect(row).toEqual({ value: 226, revised: false, value_secondary: 15497 });
      await db.conn.run("DELETE FROM indicator_values WHERE indicator_id = '9.2' AND cycle = '11MSP'");
      await db.conn.run(
        "UPDATE indicator_values SET missing_reason = NULL WHERE indicator_id = '45.1' AND cycle = '10MSP'",
      );
      expect(await queryRows(db.conn, check)).toEqual([
        { problem: "indicator 9.2 has no value row for cycle 11MSP" },
        { problem: "indicator 45.1 10MSP has no value and no missing_reason" },
      ]);
    } finally {
      closeDatabase(db);
    }
  });
});

describe("next year's report shape", () => {
  it("takes the cycles from the header and handles the same shapes with other cycles", () => {
    const text = [
      "Convention on Cluster Munitions 14MSP Progress Report: Monitoring progress",
      "This report specifically covers the period from 1 July 2025 to 30 June 2026.",
      "VI. Monitoring progress",
      "B. **Gender mainstreaming**",
      "<i>LAP</i>\t<i>INDICATORS</i>\t<i>11MSP</i>\t<i>12MSP</i>\t<i>13MSP</i>\t<i>14MSP</i>",
      "Action 4\tSPs whose plans integrate\t01\t02*\tN/A\t1,204 / 3 ³",
      "",
      "LAP\tINDICATORS\t11MSP\t12MSP\t13MSP\t14MSP",
      "\tgender.\t\t\t\t",
      "\tWomen in delegations.\t81\t85\t98\t99",
      "",
      "* Figures updated.",
      "³ A footnote.",
      "",
      "1. Prose.",
    ].join("\n");
    const hand = (id: string, text_begins: string, extra: object = {}) => ({
      indicator_id: id,
      text_begins,
      unit: null,
      scope: null,
      polarity: "neutral" as const,
      polarity_note: "n",
      measure: null,
      secondary_measure: null,
      file: "hand.csv",
      line: 2,
      ...extra,
    });
    const r = extractIndicators(text, {
      reportFile: "next.txt",
      classification: [hand("4.1", "SPs whose", { measure: "a", secondary_measure: "b" }), hand("4.2", "Women")],
      classificationFile: "hand.csv",
      valueOverrides: [],
    });
    expect(r.reportId).toBe("14MSP");
    expect(r.cycles.map((c) => [c.cycle, c.ordinal, c.period_start])).toEqual([
      ["11MSP", 1, null],
      ["12MSP", 2, null],
      ["13MSP", 3, null],
      ["14MSP", 4, "2025-07-01"],
    ]);
    expect(r.indicators.map((i) => [i.indicator_id, i.text, i.pillar, i.unit, i.source_ref])).toEqual([
      [
        "4.1",
        "SPs whose plans integrate gender.",
        "Gender mainstreaming",
        "States Parties",
        "14MSP Progress Report, section VI.B table, Action 4",
      ],
      [
        "4.2",
        "Women in delegations.",
        "Gender mainstreaming",
        "people",
        "14MSP Progress Report, section VI.B table, Action 4",
      ],
    ]);
    expect(
      r.values
        .filter((v) => v.indicator_id === "4.1")
        .map((v) => [v.value, v.value_secondary, v.revised, v.footnote, v.missing_reason]),
    ).toEqual([
      [1, null, false, null, null],
      [2, null, true, "Figures updated.", null],
      [null, null, false, null, "not applicable: the report prints N/A"],
      [1204, 3, false, "A footnote.", null],
    ]);
  });

  it("a repeated header with other cycles than the first", () => {
    const text = [
      "VI. X",
      "A. Guiding Principles",
      "LAP\tINDICATORS\t10MSP\t11MSP",
      "Action 1\tSPs a.\t01\t02",
      "LAP\tINDICATORS\t11MSP\t12MSP",
    ].join("\n");
    expect(
      inputErrorOf(() =>
        extractIndicators(text, {
          reportFile: "x.txt",
          reportId: "11MSP",
          classification: [],
          classificationFile: "h.csv",
          valueOverrides: [],
        }),
      ),
    ).toContain(
      "x.txt:5:3: expected the same cycles as the first table header on line 3 (10MSP, 11MSP), found 11MSP, 12MSP.",
    );
  });
});

describe("unexpected input is an InputError naming the file and line", () => {
  const crafted = (rows: string[]) =>
    [
      "VI. Monitoring progress",
      "",
      "A. Guiding Principles",
      "",
      "LAP\tINDICATORS\t10MSP\t11MSP",
      ...rows,
      "",
      "1. Prose resumes.",
    ].join("\n");
  const options = (classification: ExtractOptions["classification"] = []): ExtractOptions => ({
    reportFile: "crafted.txt",
    reportId: "11MSP",
    classification,
    classificationFile: "hand.csv",
    valueOverrides: [],
  });

  it("a row with a missing cell", () => {
    const message = inputErrorOf(() =>
      extractIndicators(crafted(["Action 1\tSPs that do X.\t01\t02", "Action 2\tSPs that do Y.\t03"]), options()),
    );
    expect(message).toContain(
      "crafted.txt:7:4: expected 4 tab-separated cells (action, indicator, 10MSP, 11MSP), found 3 cells",
    );
  });

  it("a cell that is not a value", () => {
    const message = inputErrorOf(() => extractIndicators(crafted(["Action 1\tSPs that do X.\t01\tseven"]), options()));
    expect(message).toContain(
      'crafted.txt:6: column "11MSP": expected a value such as 07, 61*, 01 ², 226 / 15,497 or N/A, found "seven".',
    );
  });

  it("a row without values that does not follow a repeated header", () => {
    const message = inputErrorOf(() =>
      extractIndicators(crafted(["Action 1\tSPs that do X.\t01\t02", "\tand more text\t\t"]), options()),
    );
    expect(message).toMatch(
      /^crafted\.txt:7:3: expected values for every cycle, or \(after a repeated header\) the rest of the previous indicator's text/,
    );
  });

  it("a revision mark without its footnote", () => {
    const message = inputErrorOf(() => extractIndicators(crafted(["Action 1\tSPs that do X.\t01*\t02"]), options()));
    expect(message).toContain(
      'crafted.txt:6: column "10MSP": expected a footnote line starting with "*" under the table',
    );
  });

  it("an indicator without a row in the hand classification, and a stale hand row", () => {
    expect(inputErrorOf(() => extractIndicators(crafted(["Action 1\tSPs that do X.\t01\t02"]), options()))).toContain(
      'hand.csv: column "indicator_id": expected a row for indicator 1.1 ("SPs that do X.")',
    );
    const stale = {
      indicator_id: "1.1",
      text_begins: "Affected SPs",
      unit: null,
      scope: null,
      polarity: "neutral" as const,
      polarity_note: "n",
      measure: null,
      secondary_measure: null,
      file: "hand.csv",
      line: 2,
    };
    expect(
      inputErrorOf(() => extractIndicators(crafted(["Action 1\tSPs that do X.\t01\t02"]), options([stale]))),
    ).toContain('hand.csv:2: column "text_begins": expected the beginning of indicator 1.1\'s text');
    const good = { ...stale, text_begins: "SPs that" };
    expect(
      extractIndicators(crafted(["Action 1\tSPs that do X.\t01\t02"]), options([good])).values.map((v) => v.value),
    ).toEqual([1, 2]);
  });

  it("a value override whose cell the report no longer prints", () => {
    const overrides = readValueOverrides(VALUE_OVERRIDES).map((o) => ({ ...o, as_printed: "00" }));
    const message = inputErrorOf(() =>
      extractIndicators(reportText, { reportFile: REPORT, ...handFiles(), valueOverrides: overrides }),
    );
    expect(message).toContain(
      'sources/overrides/indicator_value_overrides.csv:2: column "as_printed": expected the cell as the report now prints it ("N/A"), found "00".',
    );
  });
});
