/**
 * Consistency checks: crafted report texts with known mismatches and tricky but correct names, run through
 * the real extractor, the real curated sources (states, events, indicators, cycles) and the real SQL views;
 * then the real report's issues, asserted as the exact set verified by reading the paragraphs.
 */
import { existsSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  appendTextRows,
  closeDatabase,
  ident,
  openDatabase,
  queryRows,
  runSqlFile,
  SQL_DIR,
  sqlText,
  type Database,
} from "../data-loaders/lib/db.ts";
import { readCuratedSources, SOURCES_DIR, type CuratedSources } from "../data-loaders/sources.ts";
import { extractFindings, type FindingsResult } from "../data-loaders/extract/findings/findings.ts";
import { applyFindingLinks } from "../data-loaders/extract/findings/finding-links.ts";
import { FINDING_COLUMNS, FINDING_STATE_COLUMNS } from "../data-loaders/extract/findings/finding-output.ts";
import { PER_REPORT_SQL } from "../data-loaders/steps/report-checks.ts";
import { PER_REPORT_DATASETS } from "../data-loaders/extract/reports/layout.ts";
import { openBuiltDb } from "./helpers/db.ts";

type TextRow = Record<string, string | null>;

interface Issue {
  kind: string;
  severity: string;
  paragraph: string;
  related: string | null;
  expected: string;
  found: string;
  explanation: string;
  finding_id: string | null;
}

/** state_status, then the consistency checks the pipeline runs for each report (models/05x). */
const CHECK_SQL = ["models/010_state_status.sql", ...PER_REPORT_SQL.filter((f) => f.startsWith("models/05"))];

function textRows(rows: object[], columns: string[]): TextRow[] {
  return rows.map((r) =>
    Object.fromEntries(
      columns.map((c) => {
        const v = (r as Record<string, unknown>)[c];
        return [c, v === null || v === undefined ? null : typeof v === "boolean" ? (v ? "true" : "false") : String(v)];
      }),
    ),
  );
}

let sources: CuratedSources;

/**
 * A database with the real curated sources, except the findings (and relations) given, and the check views.
 * Staging and view SQL are the pipeline's own files.
 */
async function checkDb(result: FindingsResult, replace: Record<string, TextRow[]> = {}): Promise<Database> {
  const db = await openDatabase();
  await db.conn.run("CREATE SCHEMA raw");
  const own: Record<string, TextRow[]> = {
    findings: textRows(result.findings, FINDING_COLUMNS),
    finding_states: textRows(result.states, FINDING_STATE_COLUMNS),
    count_relations: [],
    list_relations: [],
    // Hand datasets about the real report's paragraphs: a crafted report has none of those paragraphs.
    report_event_dates: [],
    indicator_instances: [],
    ...replace,
  };
  // One report, 13MSP: the datasets each report has of its own are keyed by report_id, as the pipeline loads them.
  await db.conn.run(
    "CREATE TABLE raw.report_editions (report_id VARCHAR, ordinal VARCHAR, folder VARCHAR, field VARCHAR, value VARCHAR, source VARCHAR)",
  );
  await db.conn.run("INSERT INTO raw.report_editions VALUES ('13MSP', '130', 'sources', NULL, NULL, NULL)");
  const keyed = new Set<string>(PER_REPORT_DATASETS);
  for (const [name, table] of sources.tables) {
    const columns = [...(keyed.has(name) ? ["report_id"] : []), ...table.meta.columns.map((c) => c.name)];
    await db.conn.run(`CREATE TABLE raw.${ident(name)} (${columns.map((c) => `${ident(c)} VARCHAR`).join(", ")})`);
    const rows = (own[name] ?? table.rows).map((r) => (keyed.has(name) ? { report_id: "13MSP", ...r } : r));
    if (rows.length) await appendTextRows(db.conn, `raw.${name}`, columns, rows);
    if (existsSync(join(SQL_DIR, `staging/${name}.sql`))) await runSqlFile(db.conn, `staging/${name}.sql`);
  }
  for (const file of [
    "staging/report_editions.sql",
    "models/000_datasets.sql",
    "models/002_reports.sql",
    "models/003_report_datasets.sql",
  ])
    await runSqlFile(db.conn, file);
  for (const file of CHECK_SQL) await runSqlFile(db.conn, file);
  return db;
}

async function issuesOf(db: Database): Promise<Issue[]> {
  return queryRows<Issue>(db.conn, "SELECT * FROM consistency_issues ORDER BY paragraph, kind, found");
}

const crafted = (paragraphs: string[], summary: string[] = []) =>
  [
    "I. Executive Summary",
    "",
    ...paragraphs.map((p, i) => `${i + 1}. ${p}\n`),
    "II. Report summary: 1 July 2024 - 30 June 2025",
    "",
    "A. Guiding principles",
    "",
    ...summary.map((s) => `- ${s}`),
    "",
  ].join("\n");

beforeAll(() => {
  sources = readCuratedSources(SOURCES_DIR, { checkChecksums: false });
});

describe("no false alarms on tricky but correct names", () => {
  let db: Database;
  beforeAll(async () => {
    const text = crafted([
      "Four States Parties (Bosnia and Herzegovina, Lithuania,⁵ the Philippines, and Saint Kitts and Nevis) reported having integrated activities into national plans.",
      "Three States Parties (Antigua and Barbuda, Trinidad and Tobago and Lithuania*) submitted their initial reports.",
      "Two States Parties (the Philippines and Trinidad and Tobago) submitted multi-year reports.",
      "Two signatories (Angola and the United Republic of Tanzania) participated at the 12MSP.",
      "Twelve affected States Parties (Afghanistan, Albania, Bosnia and Herzegovina, Chad, Croatia, Iraq, Lao PDR, Lebanon, Mauritania, Montenegro, Somalia, and South Sudan) reported victims. Of these, eleven (all except Montenegro) submitted their 2024 annual reports by 30 April 2025.",
    ]);
    db = await checkDb(extractFindings(text, loadResolver()));
  });
  afterAll(() => closeDatabase(db));

  it("finds no issue, and the names were read as States", async () => {
    expect(await issuesOf(db)).toEqual([]);
    const [named] = await queryRows<{ n: number }>(db.conn, "SELECT count(*) AS n FROM finding_states");
    expect(named!.n).toBe(4 + 3 + 2 + 2 + 12 + 11);
    // Lithuania was a State Party until 6 March 2025, inside the period: not a membership issue.
    const [lithuania] = await queryRows<{ n: number }>(
      db.conn,
      "SELECT count(*) AS n FROM finding_states WHERE iso3 = 'LTU'",
    );
    expect(lithuania!.n).toBe(2);
  });
});

describe("crafted mismatches are found", () => {
  let db: Database;
  let issues: Issue[];
  beforeAll(async () => {
    const text = crafted(
      [
        "Five States Parties (Chad, Chile, Iraq, and Peru) reported progress.",
        "Two States Parties (Angola and Chad) reported contributions.",
        "Three States Parties (Chad, Chile, and Chad) reported assistance.",
        "Of the three States Parties (Chad, Chile, and Iraq) that requested assistance, only two (Chad and Peru) reported having received it.",
        "Ten States Parties submitted their 2024 annual reports by the due date of 30 April 2024.",
        "Two States not party (Finland and Chad) participated at the 12MSP.",
      ],
      [
        "Nine (09) States Parties reported having integrated Convention implementation activities into various national plans;",
        "Seven (08) States Parties updated national standards;",
      ],
    );
    const result = extractFindings(text, loadResolver());
    // The summary bullet reports indicator 1.1, whose 13MSP table value (sources/indicator_values.csv) is 7.
    applyFindingLinks(
      result.findings,
      [{ finding_id: "13MSP-II.A.1-1", indicator_id: "1.1", topic: null, reason: "crafted", line: 2 }],
      "crafted-links.csv",
    );
    db = await checkDb(result, {
      count_relations: [
        {
          relation_id: "R1",
          cycle: "13MSP",
          kind: "sum",
          whole: "finding:13MSP-1-1",
          parts: "finding:13MSP-2-1 + finding:13MSP-3-1",
          paragraph: "1",
          related: "2, 3",
          severity: "error",
          reason: "crafted: 5 = 2 + 3 holds",
        },
        {
          relation_id: "R2",
          cycle: "13MSP",
          kind: "equal",
          whole: "finding:13MSP-1-1",
          parts: "finding:13MSP-4-1",
          paragraph: "1",
          related: "4",
          severity: "warning",
          reason: "crafted: 5 against 3 does not hold",
        },
        {
          relation_id: "R3",
          cycle: "13MSP",
          kind: "equal",
          whole: "finding:13MSP-1-1",
          parts: "union:13MSP-2-1|13MSP-3-1",
          paragraph: "1",
          related: "2, 3",
          severity: "warning",
          reason: "crafted: Angola, Chad + Chad, Chile are three States, not five",
        },
      ],
    });
    issues = await issuesOf(db);
    issues.sort((x, y) =>
      byParagraphKindFound([x.kind, x.paragraph, x.expected, x.found], [y.kind, y.paragraph, y.expected, y.found]),
    );
  });
  afterAll(() => closeDatabase(db));

  it("lists exactly the planted issues", () => {
    expect(issues.map((i) => [i.kind, i.paragraph, i.expected, i.found])).toEqual(
      [
        ["count_vs_names", "1", "5 States (the stated count)", "4 States named"],
        ["count_vs_names", "3", "3 States (the stated count)", "2 States named"],
        ["same_count_differs", "1", "5 (para 1)", "3 (para 4)"],
        ["same_count_differs", "1", "5 (para 1)", "3 (States named in paras 2, 3)"],
        ["duplicate_name", "3", "2 distinct names", "also printed twice: Chad"],
        ["not_in_parent_list", "4", "a State of the list in para 4", "Peru"],
        ["report_date", "5", "a date after calendar year 2024", "30 April 2024"],
        ["status_mismatch", "2", "a State Party at some time from 2024-07-01 to 2025-06-30", "Angola: signatory"],
        ["status_mismatch", "6", "a State not party at some time from 2024-07-01 to 2025-06-30", "Chad: state_party"],
        ["summary_vs_table", "II.A.1", "7 (table, indicator 1.1, 13MSP column)", "9 (summary bullet)"],
        ["echo_mismatch", "II.A.2", "7 (the number word)", "(8) in digits"],
      ].sort(byParagraphKindFound),
    );
  });

  it("a relation that holds is not an issue, one that does not hold is (with its severity)", () => {
    expect(issues.filter((i) => i.kind === "parts_vs_whole")).toEqual([]);
    expect(issues.filter((i) => i.kind === "same_count_differs").map((i) => i.severity)).toEqual([
      "warning",
      "warning",
    ]);
  });
});

describe("the data test on relation terms", () => {
  it("fails the build for a relation term or list member that does not exist", async () => {
    const result = extractFindings(crafted(["Two States Parties (Chad and Chile) reported progress."]), loadResolver());
    const db = await checkDb(result, {
      count_relations: [
        {
          relation_id: "R1",
          cycle: "13MSP",
          kind: "equal",
          whole: "finding:13MSP-1-1",
          parts: "finding:13MSP-9-9",
          paragraph: "1",
          related: "9",
          severity: "error",
          reason: "crafted",
        },
      ],
      list_relations: [
        {
          relation_id: "L1",
          cycle: "13MSP",
          subset: "13MSP-1-1",
          superset: "13MSP-1-1 + 13MSP-7-7",
          paragraph: "1",
          related: "7",
          severity: "error",
          reason: "crafted",
        },
      ],
    });
    try {
      const problems = await queryRows<{ problem: string }>(db.conn, sqlText("checks/count_relation_terms.sql"));
      expect(problems.map((p) => p.problem).sort()).toEqual([
        "count_relations R1: term finding:13MSP-9-9 does not exist (or has no value)",
        "list_relations L1: finding 13MSP-7-7 does not exist",
      ]);
    } finally {
      closeDatabase(db);
    }
  });
});

function byParagraphKindFound(a: string[], b: string[]): number {
  return a[1]!.localeCompare(b[1]!) || a[0]!.localeCompare(b[0]!) || a[3]!.localeCompare(b[3]!);
}

function loadResolver() {
  return sources.resolver;
}

describe("the real 13MSP report", () => {
  it("has exactly the issues verified by reading the paragraphs", async () => {
    const db = await openBuiltDb();
    try {
      const issues = await queryRows<Issue>(db.conn, "SELECT * FROM consistency_issues");
      expect(
        issues.map((i) => [i.kind, i.severity, i.paragraph, i.expected, i.found]).sort(byParagraphKindFoundFull),
      ).toEqual(
        [
          // Para 187's sub-lists: each names one State more than its count (read and counted by hand).
          ["count_vs_names", "error", "187", "22 States (the stated count)", "23 States named"],
          ["count_vs_names", "error", "187", "19 States (the stated count)", "20 States named"],
          ["count_vs_names", "error", "187", "18 States (the stated count)", "19 States named"],
          // Summary C.2 says 17 States not yet party attended the 12MSP; the table (10.2) and para 66 say 13 (17 = 13 + the 4 signatories of para 65).
          ["summary_vs_table", "warning", "II.C.2", "13 (table, indicator 10.2, 13MSP column)", "17 (summary bullet)"],
          // Summary J.2 says 25 SPs disseminated their obligations; the table (47.2) says 26.
          ["summary_vs_table", "error", "II.J.2", "26 (table, indicator 47.2, 13MSP column)", "25 (summary bullet)"],
          // Para 239: "four States Parties … from 22 to 25", but 22 + 4 = 26.
          ["parts_vs_whole", "error", "239", "25 (para 239)", "22 (para 239) + 4 (para 239) = 26"],
          // Para 120: 28 ever with Article 4 obligations, 17 completed, but para 104 lists 10 still contaminated (footnote 4: approximate).
          ["parts_vs_whole", "warning", "120", "28 (para 120)", "17 (para 120) + 10 (para 104) = 27"],
          // Paras 103 and 120 count the same SPs: ever with Article 4 obligations (18 against 28) and completed (8 against 17).
          ["same_count_differs", "error", "103", "18 (para 103)", "28 (para 120)"],
          ["same_count_differs", "error", "103", "8 (para 103)", "17 (para 120)"],
          // Para 262: seven retaining SPs did not reduce their stocks; para 89 names six.
          ["same_count_differs", "warning", "262", "7 (para 262)", "6 (para 89)"],
          // Para 214: outreach to six SPs with overdue initial reports; para 213 lists five.
          ["same_count_differs", "warning", "214", "6 (para 214)", "5 (para 213)"],
          // The text of indicator 47.1 splits its SPs into 32 with legislation + 33 with sufficient law = 65 (the 12MSP value), against 67.
          [
            "parts_vs_whole",
            "warning",
            "VI.J table (Action 47)",
            "67 (table, indicator 47.1)",
            "32 (VI.J table (Action 47)) + 33 (VI.J table (Action 47)) = 65",
          ],
          // Paras 207, 209, 210 date the 2024 annual reports in 2024 (30 June 2024, 30 April 2024).
          ["report_date", "error", "207", "a date after calendar year 2024", "30 June 2024"],
          ["report_date", "error", "209", "a date after calendar year 2024", "30 April 2024"],
          ["report_date", "error", "210", "a date after calendar year 2024", "30 April 2024"],
          // Para 85: Cameroon is among the nine retaining SPs that submitted their 2024 annual report, but neither para 209 nor 210 names it.
          ["not_in_related_list", "error", "85", "Cameroon named in para 209, 210", "Cameroon named in para 85 only"],
          // Para 128 counts Bosnia and Herzegovina among seven affected SPs (indicator 29.1); para 104's ten affected SPs do not include it.
          // The CCM Intersessional Meeting: 7-8 April 2025 in paras 6 and 173, 8–9 April 2025 in para 140.
          ["event_dates_differ", "error", "140", "8–9 April 2025 (para 140)", "7-8 April 2025 (para 173)"],
          // 11.4 prints zero dedicated meetings; paras 68, 69 and 74 describe three events with States not party.
          [
            "table_vs_instances",
            "warning",
            "indicator 11.4",
            "0 (table, indicator 11.4, 13MSP column)",
            "3 described (paras 68, 69, 74)",
          ],
          [
            "share_scope",
            "warning",
            "128",
            "States within the affected States Parties of indicator 29.1",
            "Bosnia and Herzegovina named in para 128",
          ],
        ].sort(byParagraphKindFoundFull),
      );
      for (const i of issues) expect(i.explanation.length).toBeGreaterThan(40);
    } finally {
      closeDatabase(db);
    }
  });
});

function byParagraphKindFoundFull(a: string[], b: string[]): number {
  return a[2]!.localeCompare(b[2]!) || a[0]!.localeCompare(b[0]!) || a[4]!.localeCompare(b[4]!);
}
