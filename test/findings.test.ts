/** Narrative findings: extraction from the real 13MSP report, with the real State resolver. */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { closeDatabase, queryRows, ROOT } from "../data-loaders/lib/db.ts";
import { InputError } from "../data-loaders/lib/errors.ts";
import type { StateResolver } from "../data-loaders/lib/states.ts";
import { extractFindings, type Finding, type FindingsResult } from "../data-loaders/extract/findings/findings.ts";
import { applyFindingLinks, readFindingLinks } from "../data-loaders/extract/findings/finding-links.ts";
import {
  FINDING_LINKS_FILE,
  findingDatasets,
  loadStateResolver,
} from "../data-loaders/extract/findings/finding-output.ts";
import { parseNumberWord } from "../data-loaders/presentation/number-words.ts";
import { parseNameList } from "../data-loaders/extract/findings/state-lists.ts";
import { splitReport } from "../data-loaders/extract/findings/paragraphs.ts";
import { renderCsv } from "../data-loaders/extract/write.ts";
import { openBuiltDb } from "./helpers/db.ts";

const REPORT = readFileSync(join(ROOT, "sources/reports/13MSP-progress-report.txt"), "utf8");

let resolver: StateResolver;
let result: FindingsResult;
const byId = (id: string): Finding => {
  const f = result.findings.find((x) => x.finding_id === id);
  if (!f) throw new Error(`no finding ${id}`);
  return f;
};
const isoOf = (id: string) => result.states.filter((s) => s.finding_id === id).map((s) => s.iso3);
const inParagraph = (p: string) => result.findings.filter((f) => f.paragraph === p);

beforeAll(() => {
  resolver = loadStateResolver(join(ROOT, "sources"));
  result = extractFindings(REPORT, resolver, { file: "sources/reports/13MSP-progress-report.txt" });
  applyFindingLinks(
    result.findings,
    readFindingLinks(FINDING_LINKS_FILE, readFileSync(join(ROOT, FINDING_LINKS_FILE))),
    FINDING_LINKS_FILE,
  );
});

describe("number words", () => {
  it("reads the report's number words and digits", () => {
    expect(
      ["One", "twelve", "Seventeen", "twenty-four", "Forty-six", "Sixty-three", "Seventy", "07", "111", "no"].map(
        parseNumberWord,
      ),
    ).toEqual([1, 12, 17, 24, 46, 63, 70, 7, 111, 0]);
    expect(parseNumberWord("several")).toBeNull();
  });
});

describe("name lists", () => {
  const known = new Set([
    "Bosnia and Herzegovina",
    "Somalia",
    "Lithuania",
    "Luxembourg",
    "the Philippines",
    "Trinidad and Tobago",
    "Australia",
    "Ireland",
    "Cabo Verde",
    "Comoros",
  ]);
  const isName = (n: string) => known.has(n);
  it("keeps names that contain 'and' whole and splits the 'and' between names", () => {
    expect(parseNameList("Bosnia and Herzegovina and Somalia", isName).map((n) => n.name)).toEqual([
      "Bosnia and Herzegovina",
      "Somalia",
    ]);
    expect(parseNameList("the Philippines and Trinidad and Tobago", isName).map((n) => n.name)).toEqual([
      "the Philippines",
      "Trinidad and Tobago",
    ]);
    expect(parseNameList("Australia and Ireland", isName).map((n) => n.name)).toEqual(["Australia", "Ireland"]);
  });
  it("moves a footnote mark after the comma back to its name and reads a detail in parentheses", () => {
    expect(parseNameList("Lithuania,⁵ Luxembourg", isName)).toEqual([
      { name: "Lithuania", mark: "⁵", detail: null },
      { name: "Luxembourg", mark: null, detail: null },
    ]);
    expect(parseNameList("Cabo Verde (2011), and Comoros (2011)", isName).map((n) => [n.name, n.detail])).toEqual([
      ["Cabo Verde", "2011"],
      ["Comoros", "2011"],
    ]);
  });
});

describe("paragraphs of the real report", () => {
  const units = splitReport(REPORT);
  it("finds paragraphs 1-272 in order and the 31 summary bullets", () => {
    const paragraphs = units.filter((u) => u.kind === "paragraph").map((u) => u.id);
    expect(paragraphs).toEqual(Array.from({ length: 272 }, (_, i) => String(i + 1)));
    expect(units.filter((u) => u.kind === "summary")).toHaveLength(31);
  });
  it("reads 'I. Transparency measures' inside section II as pillar I, not as section I", () => {
    const u = units.find((x) => x.id === "II.I.1")!;
    expect([u.section, u.pillarCode]).toEqual(["II.I", "I"]);
  });
  it("joins a paragraph split by a page break and footnotes (para 212)", () => {
    const u = units.find((x) => x.id === "212")!;
    expect(u.segments[0]!.text).toContain("Sri Lanka, and Trinidad and Tobago) submitted overdue annual reports");
    expect(u.segments[0]!.text).not.toContain("Footnote");
  });
});

describe("findings of the real report", () => {
  it("para 22: seventy ISU contributors, all named, with the tricky names resolved", () => {
    const f = byId("13MSP-22-1");
    expect([f.stated_count, f.named_count, f.indicator_id, f.topic, f.pillar_code, f.section]).toEqual([
      70,
      70,
      "9.2",
      "isu_contributor_2024",
      "A",
      "VI.A.1",
    ]);
    expect(f.counted).toBe(
      "States Parties that contributed to the 2024 budget of the Implementation Support Unit (ISU)",
    );
    const iso = isoOf("13MSP-22-1");
    for (const code of ["BIH", "CIV", "CZE", "LAO", "PHL", "KNA", "PSE", "VAT", "MKD", "LTU", "URY"])
      expect(iso).toContain(code);
    expect(result.states.find((s) => s.finding_id === "13MSP-22-1" && s.iso3 === "PHL")!.name_as_written).toBe(
      "the Philippines",
    );
  });

  it("para 213: a colon list with the year each initial report was due", () => {
    const f = byId("13MSP-213-1");
    expect([f.stated_count, f.list_kind, f.topic]).toEqual([5, "colon", "article7_initial_overdue"]);
    expect(result.states.filter((s) => s.finding_id === "13MSP-213-1").map((s) => [s.iso3, s.detail])).toEqual([
      ["CPV", "2011"],
      ["COM", "2011"],
      ["COG", "2015"],
      ["GIN", "2015"],
      ["RWA", "2016"],
    ]);
  });

  it("para 187: the whole list and its four bullet sub-lists, three of which name one State more than they count", () => {
    expect(inParagraph("187").map((f) => [f.segment, f.stated_count, f.named_count])).toEqual([
      ["text", 24, 24],
      ["bullet", 2, 2],
      ["bullet", 22, 23],
      ["bullet", 19, 20],
      ["bullet", 18, 19],
    ]);
    expect(isoOf("13MSP-187-2")).toEqual(["AUS", "IRL"]);
    const lithuania = (id: string) => result.states.find((s) => s.finding_id === id && s.iso3 === "LTU");
    expect(lithuania("13MSP-187-1")!.mark).toBe("⁵");
    expect(lithuania("13MSP-187-3")!.mark).toBe("*");
    expect(byId("13MSP-187-1").indicator_id).toBe("3.1");
  });

  it("para 112: 'Of the nine …, only seven (…)' gives the whole and its part", () => {
    const [whole, part] = inParagraph("112");
    expect([whole!.stated_count, whole!.named_count, part!.stated_count, part!.named_count]).toEqual([9, 9, 7, 7]);
    expect(part!.parent_finding_id).toBe(whole!.finding_id);
    expect(part!.subset_of_parent).toBe(true);
    expect(part!.counted).toBe(
      "affected States Parties that had requested assistance for survey and clearance: of these, those that reported having received such support",
    );
  });

  it("para 130: '… while seven (…) reported having received such support' is a second finding, not a part of the first", () => {
    expect(inParagraph("130").map((f) => [f.stated_count, f.named_count, f.subset_of_parent])).toEqual([
      [6, 6, false],
      [7, 7, false],
    ]);
  });

  it("para 85: 'nine (all except Bosnia and Herzegovina)' names the ten minus one", () => {
    const f = byId("13MSP-85-2");
    expect([f.list_kind, f.stated_count, f.named_count]).toEqual(["all_except", 9, 9]);
    expect(isoOf("13MSP-85-2")).not.toContain("BIH");
    expect(isoOf("13MSP-85-1")).toContain("BIH");
  });

  it("signatories after a colon, States not party, a dash list without a count", () => {
    expect([byId("13MSP-64-1").named_as, byId("13MSP-64-1").named_count]).toEqual(["signatory", 12]);
    expect(isoOf("13MSP-64-1")).toEqual(expect.arrayContaining(["TZA", "COD", "CAF"]));
    expect([byId("13MSP-66-1").named_as, byId("13MSP-66-1").named_count]).toEqual(["not_party", 13]);
    expect(isoOf("13MSP-66-1")).toContain("TUR");
    const dash = byId("13MSP-70-2");
    expect([dash.stated_count, dash.list_kind, dash.named_count]).toEqual([null, "dash", 8]);
  });

  it("names joined by 'and' next to names containing 'and' (paras 154, 212, 228)", () => {
    expect(isoOf("13MSP-154-2")).toEqual(["BIH", "SOM"]);
    expect(isoOf("13MSP-212-2")).toEqual(["PHL", "TTO"]);
    expect(isoOf("13MSP-228-1")).toEqual(["BGR", "CHL", "ISL"]);
  });

  it("the Section II summary bullets with their echoed digits and wholes", () => {
    const summary = result.findings.filter((f) => f.paragraph.startsWith("II."));
    expect(summary).toHaveLength(31);
    expect(summary.every((f) => f.echo_count === f.stated_count)).toBe(true);
    expect([byId("13MSP-II.A.1-1").stated_count, byId("13MSP-II.A.1-1").indicator_id]).toEqual([7, "1.1"]);
    expect([byId("13MSP-II.I.1-1").stated_count, byId("13MSP-II.I.1-1").of_count]).toEqual([63, 105]);
    expect([byId("13MSP-II.I.2-1").stated_count, byId("13MSP-II.I.2-1").of_count]).toEqual([2, 7]);
    expect([
      byId("13MSP-II.K.1-1").stated_count,
      byId("13MSP-II.K.1-1").of_count,
      byId("13MSP-II.K.1-1").named_as,
    ]).toEqual([4, 5, "request"]);
    expect([byId("13MSP-II.J.2-1").stated_count, byId("13MSP-II.J.2-1").indicator_id]).toEqual([25, "47.2"]);
    expect(byId("13MSP-II.C.2-1").counted).toBe("States not yet party to the CCM that participated in the 12MSP");
  });

  it("counts without names and 'no State Party' as zero; years are never counts", () => {
    expect([byId("13MSP-224-1").stated_count, byId("13MSP-224-1").named_count]).toEqual([18, 0]);
    expect(byId("13MSP-185-1").stated_count).toBe(0);
    expect(result.findings.some((f) => (f.stated_count ?? 0) > 200)).toBe(false);
  });

  it("the committed sources/findings.csv and finding_states.csv are what the extractor writes", () => {
    const [findings, states] = findingDatasets(result);
    expect(readFileSync(join(ROOT, "sources/findings.csv"), "utf8")).toBe(renderCsv(findings!.columns, findings!.rows));
    expect(readFileSync(join(ROOT, "sources/finding_states.csv"), "utf8")).toBe(
      renderCsv(states!.columns, states!.rows),
    );
  });
});

describe("bad input", () => {
  const wrap = (p: string) => `I. Executive Summary\n\n1. ${p}\n`;
  it("an unknown name is an error that lists the closest known names, never a silent drop", () => {
    let error: unknown;
    try {
      extractFindings(
        wrap("Three States Parties (Afghanistan, Bosnia and Herzegovna, and Chad) reported progress."),
        resolver,
        { file: "crafted.txt" },
      );
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(InputError);
    const message = (error as InputError).message;
    expect(message).toContain('"Bosnia and Herzegovna"');
    expect(message).toContain("Bosnia and Herzegovina (BIH)");
    expect(message).toContain("crafted.txt:3");
  });
  it("a hand-file link to a finding the extractor no longer produces is an error naming the paragraph's findings", () => {
    const links = readFindingLinks(
      "links.csv",
      Buffer.from("finding_id,indicator_id,topic,reason\n13MSP-22-9,9.2,,ISU\n"),
    );
    expect(() => applyFindingLinks(result.findings, links, "links.csv")).toThrow(
      /13MSP-22-9.*paragraph 22 has 13MSP-22-1/s,
    );
  });
});

describe("per-State tables derived from the findings (built database)", () => {
  it("Article 7 status of the 2024 reports, ISU contributors 2024, affected States by obligation", async () => {
    const db = await openBuiltDb();
    try {
      const status = await queryRows<{ status: string; n: number }>(
        db.conn,
        "SELECT status, count(*) AS n FROM article7_report_status GROUP BY status ORDER BY status",
      );
      expect(status).toEqual([
        { status: "initial_overdue", n: 5 },
        { status: "initial_submitted", n: 2 },
        { status: "late", n: 17 },
        { status: "on_time", n: 46 },
        { status: "overdue_annual_submitted", n: 11 },
      ]);
      const overdue = await queryRows<{ iso3: string; due_year: number }>(
        db.conn,
        "SELECT iso3, due_year FROM article7_report_status WHERE status = 'initial_overdue' ORDER BY due_year, iso3",
      );
      expect(overdue.map((r) => `${r.iso3} ${r.due_year}`)).toEqual([
        "COM 2011",
        "CPV 2011",
        "COG 2015",
        "GIN 2015",
        "RWA 2016",
      ]);
      const andorra = await queryRows<{ status: string }>(
        db.conn,
        "SELECT status FROM article7_report_status WHERE iso3 = 'AND' ORDER BY status",
      );
      expect(andorra.map((r) => r.status)).toEqual(["on_time", "overdue_annual_submitted"]);

      const isu = await queryRows<{ n: number; years: string }>(
        db.conn,
        "SELECT count(DISTINCT iso3) AS n, string_agg(DISTINCT CAST(budget_year AS VARCHAR), ',') AS years FROM isu_contributors",
      );
      expect(isu).toEqual([{ n: 70, years: "2024" }]);

      const affected = await queryRows<{ obligation: string; n: number }>(
        db.conn,
        "SELECT obligation, count(*) AS n FROM affected_states GROUP BY obligation ORDER BY obligation",
      );
      expect(affected).toEqual([
        { obligation: "article3_6_retention", n: 10 },
        { obligation: "article4_contamination", n: 10 },
        { obligation: "victims", n: 12 },
      ]);
      const bih = await queryRows<{ obligation: string }>(
        db.conn,
        "SELECT obligation FROM affected_states WHERE iso3 = 'BIH' ORDER BY obligation",
      );
      expect(bih.map((r) => r.obligation)).toEqual(["article3_6_retention", "victims"]);
    } finally {
      closeDatabase(db);
    }
  });
});
