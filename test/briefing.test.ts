/**
 * The annual trend briefing from the real database (built by test/global-setup.ts with runPipeline into a
 * temp file): golden Markdown and HTML (date and time zone pinned; a missing golden file fails, and only
 * `npm run test:update-golden` writes them), the same bytes on a second run, a real PDF printed by Chromium with pages and the summary in its
 * text, tagged for screen readers with an outline, title and language (checked with poppler), and the failure paths (no database, no Chromium) that must leave the previous briefing intact.
 */
import { execFileSync } from "node:child_process";
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildBriefing, type BriefingResult } from "../data-loaders/briefing/build.ts";
import { pinStructureIds, printPdf, newPrinter } from "../data-loaders/briefing/pdf.ts";
import { closeDatabase, openDatabase, runSqlFile } from "../data-loaders/lib/db.ts";
import { createLogger } from "../data-loaders/lib/log.ts";
import { forgetDrawnCharts } from "../data-loaders/presentation/render.ts";
import { builtDbPath } from "./helpers/db.ts";
import { GOLDEN_DATE, expectGolden } from "./helpers/golden.ts";

const CYCLE = "13MSP";
const PINNED_DATE = GOLDEN_DATE;
const GOLDEN_DIR = join("test", "golden", "briefing", CYCLE);

let out: string;
let result: BriefingResult;

beforeAll(async () => {
  process.env.TZ = "UTC";
  out = mkdtempSync(join(tmpdir(), "ccm-briefing-test-"));
  result = await buildBriefing({
    cycle: CYCLE,
    dbPath: builtDbPath(),
    outDir: out,
    date: PINNED_DATE,
    source: false,
    log: createLogger({ quiet: true }),
  });
});
afterAll(() => rmSync(out, { recursive: true, force: true }));

function file(name: string): string {
  return readFileSync(join(result.dir, name), "utf8");
}

/** Compare with the golden file (a missing one fails; `npm run test:update-golden` writes them). */
function expectGoldenFile(name: string): void {
  expectGolden(file(name), join(GOLDEN_DIR, name));
}

/** Text as pdftotext gives it, with line breaks and hyphen breaks evened out. */
function normalize(s: string): string {
  return s.replace(/\s+/g, " ").replace(/- /g, "-").trim();
}

/** The summary's opening paragraph from the Markdown, cut into the runs of text between footnote marks. */
function summaryRuns(md: string): string[] {
  const summary = md.split("## Summary\n\n")[1]!.split("\n\n")[0]!;
  return summary
    .replace(/\\(.)/g, "$1")
    .split(/\[\^\d+\]/)
    .map((s) => normalize(s.replace(/^[.;,]\s*/, "")))
    .filter((s) => s.length > 20);
}

describe("briefing 13MSP from the real database", () => {
  it("writes the Markdown, HTML, PDF and one SVG chart per pillar plus the UNGA chart", () => {
    const charts = readdirSync(join(result.dir, "charts")).sort();
    expect(charts.filter((c) => c.startsWith("pillar-")).length).toBeGreaterThanOrEqual(11);
    expect(charts).toContain("unga-votes.svg");
    for (const c of charts)
      expect(readFileSync(join(result.dir, "charts", c), "utf8")).toMatch(/^<svg role="img" aria-label="[^"]{20,}"/);
    expect(existsSync(join(result.dir, "briefing.pdf"))).toBe(true);
  });

  it("says the summary in the report's style, every sentence from the database", () => {
    const md = file("briefing.md");
    expect(md).toContain(
      "Seventy States Parties contribute to the Implementation Support Unit (ISU) budget, up from 59 in the 12MSP cycle",
    );
    expect(md).toMatch(/111 States were party to the Convention/);
    expect(md).toContain(`Published ${PINNED_DATE}`);
  });

  it("says where the 2024 votes went, by CCM status on the vote date, with the States named (view unga_vote_flows)", () => {
    const md = file("briefing.md");
    // 148 yes in 2023 → 121 in 2024: 26 did not vote, three abstained, two came back (Fiji, Samoa).
    expect(md).toContain(
      "From 2023 to 2024, by CCM status on the 2024 vote date: 26 States that voted yes did not vote (13 States Parties: Afghanistan,",
    );
    expect(md).toContain(
      "three that voted yes abstained (one State Party: Lithuania; two States not party: Kuwait and Sudan)",
    );
    expect(md).toContain("two that did not vote voted yes (two States Parties: Fiji and Samoa)");
  });

  it("gives a numbered source note for every note mark, and every mark has its note", () => {
    const md = file("briefing.md");
    const used = new Set([...md.matchAll(/\[\^(\d+)\](?!:)/g)].map((m) => Number(m[1])));
    const defined = [...md.matchAll(/^\[\^(\d+)\]: (.+)$/gm)].map((m) => Number(m[1]));
    expect(defined).toEqual(Array.from({ length: defined.length }, (_, i) => i + 1));
    expect([...used].sort((a, b) => a - b)).toEqual(defined);
    // Notes are numbered in reading order: the first mark in the text is note 1.
    expect(md.match(/\[\^(\d+)\](?!:)/)?.[1]).toBe("1");
  });

  it("puts a source note on every paragraph, list item and caption that has a figure", () => {
    const body = file("briefing.md").split("## Notes and sources")[0]!.split("## Summary")[1]!;
    const lines = body
      .split("\n")
      .filter((l) => l.trim() && !l.startsWith("#") && !l.startsWith("|") && !l.startsWith("!["));
    // Cycle names (13MSP), pillar letters and table names are labels, not figures.
    const withFigures = lines.filter((l) => /\d/.test(l.replace(/\d+MSP|\[\^\d+\]|Table [A-Z]\b/g, "")));
    expect(withFigures.length).toBeGreaterThan(50);
    expect(withFigures.filter((l) => !/\[\^\d+\]/.test(l))).toEqual([]);
  });

  it("matches the golden Markdown", () => expectGoldenFile("briefing.md"));
  it("matches the golden HTML", () => expectGoldenFile("briefing.html"));

  it("gives the same bytes, PDF included, when built again from the same database", async () => {
    const again = mkdtempSync(join(tmpdir(), "ccm-briefing-again-"));
    // Each chart drawn again, not read from the process's cache of drawn charts: Vega's drawing is checked too.
    forgetDrawnCharts();
    try {
      const second = await buildBriefing({
        cycle: CYCLE,
        dbPath: builtDbPath(),
        outDir: again,
        date: PINNED_DATE,
        source: false,
        log: createLogger({ quiet: true }),
      });
      expect(second.files).toEqual(result.files);
      for (const f of second.files) {
        expect(
          readFileSync(join(second.dir, f)).equals(readFileSync(join(result.dir, f))),
          `${f} differs between two builds`,
        ).toBe(true);
      }
    } finally {
      rmSync(again, { recursive: true, force: true });
    }
  });

  it("prints an A4 PDF with pages whose text contains the summary", () => {
    const pdf = join(result.dir, "briefing.pdf");
    const info = execFileSync("pdfinfo", [pdf], { encoding: "utf8" });
    const pages = Number(/^Pages:\s+(\d+)/m.exec(info)?.[1]);
    expect(pages).toBeGreaterThanOrEqual(10);
    expect(info).toMatch(/Page size:\s+59[45]\.\d+ x 84[12]\.\d+ pts \(A4\)/);
    const text = normalize(
      execFileSync("pdftotext", ["-layout", "-nopgbrk", pdf, "-"], { encoding: "utf8" }).replace(/\s+/g, " "),
    );
    const plain = normalize(execFileSync("pdftotext", [pdf, "-"], { encoding: "utf8" }));
    const runs = summaryRuns(file("briefing.md"));
    expect(runs.length).toBeGreaterThan(1);
    for (const run of runs) expect(plain.includes(run) || text.includes(run), `PDF text lacks: ${run}`).toBe(true);
    expect(plain).toContain(`Page 1 of ${pages}`);
    // The print date inside the PDF is the pinned briefing date, not the time of printing.
    expect(info).toMatch(/CreationDate:\s+Tue Sep 16 00:00:00 2025 UTC/);
  });
});

describe("the briefing PDF is accessible (tagged, with an outline, a title and a language)", () => {
  const pdf = () => join(result.dir, "briefing.pdf");

  it("is a tagged PDF whose structure has the headings, lists, tables and figures of the HTML", () => {
    expect(execFileSync("pdfinfo", [pdf()], { encoding: "utf8" })).toMatch(/^Tagged:\s+yes$/m);
    const struct = execFileSync("pdfinfo", ["-struct", pdf()], { encoding: "utf8", maxBuffer: 64 * 1024 * 1024 });
    const count = (tag: string) =>
      struct.split("\n").filter((l) => l.trim().startsWith(`${tag} `) || l.trim() === tag).length;
    const html = file("briefing.html");
    expect(count("H1")).toBe(1);
    expect(count("H2")).toBe((html.match(/<h2>/g) ?? []).length);
    expect(count("Table")).toBe((html.match(/<table\b/g) ?? []).length);
    expect(count("L")).toBeGreaterThan(0);
  });

  it("points every table cell's /Headers at a header cell's /ID, numbered from 1 whatever ids Chromium chose", () => {
    const raw = readFileSync(pdf()).toString("latin1");
    const ids = new Set([...raw.matchAll(/\/ID \((node\d{8})\)/g)].map((m) => m[1]));
    const headers = [...raw.matchAll(/\/Headers \[\((node\d{8})\)\]/g)].map((m) => m[1]);
    expect(ids.size).toBeGreaterThan(20);
    expect(headers.length).toBeGreaterThan(ids.size);
    expect(headers.filter((h) => !ids.has(h))).toEqual([]);
    expect([...ids].sort()[0]).toBe("node00000001");
  });

  it("renumbers structure ids by rank, keeping their order and the file's length", () => {
    const dir = mkdtempSync(join(tmpdir(), "ccm-pdf-ids-"));
    try {
      // The same structure as Chromium writes it twice, with the node ids shifted by 26 (as happens under load).
      const body = (a: number, b: number) =>
        `<</S /TH /ID (node${String(a).padStart(8, "0")})>> <</S /TD /Headers [(node${String(b).padStart(8, "0")})]>> /Names [(node${String(a).padStart(8, "0")}) 5 0 R (node${String(b).padStart(8, "0")}) 6 0 R]`;
      const files = [body(104, 1005), body(78, 979)].map((text, i) => {
        const f = join(dir, `${i}.pdf`);
        writeFileSync(f, text);
        pinStructureIds(f);
        return readFileSync(f, "latin1");
      });
      expect(files[0]).toBe(files[1]);
      expect(files[0]).toBe(body(1, 2));
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it("gives every chart its description as alternative text", () => {
    const raw = readFileSync(pdf()).toString("latin1");
    const alts = [...raw.matchAll(/\/S \/Figure\n\/Alt \(((?:[^()\\]|\\.)*)\)/g)].map((m) => m[1]!);
    const charts = [...file("briefing.html").matchAll(/<svg role="img" aria-label="([^"]+)"/g)].map((m) =>
      m[1]!.replaceAll("&quot;", '"').replaceAll("&lt;", "<").replaceAll("&amp;", "&"),
    );
    expect(charts.length).toBeGreaterThan(10);
    expect(alts.map((a) => a.replace(/\\(.)/g, "$1"))).toEqual(charts);
  });

  it("has an outline: the title, then every section and pillar in reading order, each on its page", () => {
    const xml = execFileSync("pdftohtml", ["-xml", "-i", "-stdout", "-q", pdf()], {
      encoding: "utf8",
      maxBuffer: 64 * 1024 * 1024,
    });
    const items = [...xml.matchAll(/<item page="(\d+)">([^<]*)<\/item>/g)].map((m) => ({
      page: Number(m[1]),
      title: m[2]!.replace(/\s+/g, " ").trim(),
    }));
    const sections = [...file("briefing.html").matchAll(/<h2>([^<]*)<\/h2>/g)].map((m) =>
      m[1]!.replaceAll("&amp;", "&"),
    );
    expect(sections).toContain("A. Guiding Principles");
    expect(sections).toContain("K. Compliance");
    // pdftohtml joins a title's wrapped line without a space ("trendbriefing"); compare without spaces.
    const squash = (s: string) => s.replace(/\s+/g, "");
    expect(squash(items[0]!.title)).toBe(squash("Convention on Cluster Munitions: annual trend briefing, 13MSP"));
    expect(items.slice(1).map((i) => i.title)).toEqual(sections);
    const pages = items.map((i) => i.page);
    expect(pages).toEqual([...pages].sort((a, b) => a - b));
    expect(pages.at(-1)).toBeGreaterThan(10);
  });

  it("has the document title and the language of the HTML, and viewers show the title", () => {
    expect(execFileSync("pdfinfo", [pdf()], { encoding: "utf8" })).toMatch(
      /^Title:\s+Convention on Cluster Munitions: annual trend briefing, 13MSP$/m,
    );
    const raw = readFileSync(pdf()).toString("latin1");
    expect(raw).toContain("/Lang (en)");
    expect(raw).toMatch(/\/DisplayDocTitle true/);
    expect(file("briefing.html")).toContain('<html lang="en">');
  });
});

describe("briefing failures leave the previous briefing intact", () => {
  it("says to run the pipeline when the database is missing", async () => {
    await expect(
      buildBriefing({
        cycle: CYCLE,
        dbPath: join(out, "nowhere.duckdb"),
        outDir: out,
        log: createLogger({ quiet: true }),
      }),
    ).rejects.toThrow(/No database at .*nowhere\.duckdb: run `npm run pipeline` first/);
  });

  it("says how to install Chromium when it is missing, and keeps the old files", async () => {
    const before = file("briefing.md");
    await expect(
      buildBriefing({
        cycle: CYCLE,
        dbPath: builtDbPath(),
        outDir: out,
        chromiumPath: join(out, "no-chromium"),
        log: createLogger({ quiet: true }),
      }),
    ).rejects.toThrow(/names .*no-chromium, which is not an executable file[\s\S]*apt-get install chromium/);
    expect(file("briefing.md")).toBe(before);
    expect(readdirSync(out).filter((f) => f.includes("building"))).toEqual([]);
  });

  it("prints several PDFs in one started Chromium, each the same bytes as a print in a Chromium of its own", async () => {
    const dir = mkdtempSync(join(tmpdir(), "ccm-printer-"));
    try {
      // A small page with what makes the bytes vary: a table (its cells' ids in the tags), headings (the outline).
      const html = `<!doctype html><html lang="en"><title>T</title><h1>Title</h1><h2>Part</h2><table><tr><th>State</th><th>Votes</th></tr>${["Norway", "Peru"].map((s, i) => `<tr><td>${s}</td><td>${i + 3}</td></tr>`).join("")}</table>`;
      const options = {
        header: "CCM annual trend briefing · 13MSP",
        footer: "ccm-trends",
        timestamp: "20261127000000",
      };
      const printer = newPrinter();
      try {
        await printer.print(html, join(dir, "first.pdf"), options);
        await printer.print(html, join(dir, "second.pdf"), options);
      } finally {
        await printer.close();
      }
      await printPdf(html, join(dir, "alone.pdf"), options);
      const alone = readFileSync(join(dir, "alone.pdf"));
      expect(execFileSync("pdfinfo", [join(dir, "alone.pdf")], { encoding: "utf8" })).toMatch(/^Pages:\s+\d+$/m);
      expect(readFileSync(join(dir, "first.pdf")).equals(alone)).toBe(true);
      expect(readFileSync(join(dir, "second.pdf")).equals(alone)).toBe(true);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it("a Chromium that fails to start fails the print that needs it, with the browser's error, and closes cleanly", async () => {
    const dir = mkdtempSync(join(tmpdir(), "ccm-printer-"));
    try {
      const printer = newPrinter("/bin/false");
      await expect(printer.print("<p>x</p>", join(dir, "x.pdf"), { header: "h", footer: "f" })).rejects.toThrow(
        /launch|exited|closed/i,
      );
      await expect(printer.close()).resolves.toBeUndefined();
      expect(existsSync(join(dir, "x.pdf"))).toBe(false);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it("rejects a cycle that has no values", async () => {
    await expect(
      buildBriefing({ cycle: "9MSP", dbPath: builtDbPath(), outDir: out, log: createLogger({ quiet: true }) }),
    ).rejects.toThrow(/No indicator values for cycle "9MSP"/);
  });
});

describe("briefing from a partial database (contract fixtures only)", () => {
  let dir: string;
  let md: string;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), "ccm-briefing-fixture-"));
    const dbPath = join(dir, "fixture.duckdb");
    const db = await openDatabase(dbPath);
    try {
      await db.conn.run(readFileSync("test/fixtures/trends/contract-tables.sql", "utf8"));
      await runSqlFile(db.conn, "models/000_datasets.sql");
      await runSqlFile(db.conn, "models/001_vocabulary.sql");
      // A database of one report: its datasets are every file's provenance (sql/models/002_reports.sql gives the
      // session's report's when there are several); no UN vote file was loaded, so the votes tables are empty.
      await db.conn.run(`CREATE VIEW datasets AS SELECT * EXCLUDE (report_id) FROM dataset_provenance;
        CREATE TABLE undl_files (source_file VARCHAR);
        CREATE TABLE undl_votes (source_file VARCHAR, vote_date DATE, resolution VARCHAR);
        -- No check ran on these tables, so no figure is doubted.
        CREATE TABLE figure_doubts (indicator_id VARCHAR, cycle VARCHAR, against VARCHAR, other_figure INTEGER,
          doubt VARCHAR);`);
      for (const f of [
        "models/058_share_scope_mismatches.sql",
        "models/100_indicator_trends.sql",
        "models/110_pillar_trends.sql",
        "models/120_largest_movements.sql",
      ])
        await runSqlFile(db.conn, f);
      // The marts the briefing reads that these tables allow (the others need findings, checks and votes).
      for (const f of [
        "marts/010_judgements.sql",
        "marts/020_highlights.sql",
        "marts/021_pillar_highlights.sql",
        "marts/043_contested_judgements.sql",
        "marts/044_tally_terms.sql",
        "marts/045_tallies.sql",
        "marts/060_cited_datasets.sql",
      ])
        await runSqlFile(db.conn, f);
      await db.conn.run("CHECKPOINT");
    } finally {
      closeDatabase(db);
    }
    const built = await buildBriefing({
      cycle: CYCLE,
      dbPath,
      outDir: join(dir, "out"),
      pdf: false,
      source: false,
      log: createLogger({ quiet: true }),
    });
    md = readFileSync(join(built.dir, "briefing.md"), "utf8");
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it("says which parts the database lacks instead of inventing them", () => {
    expect(md).toContain(
      "Not covered, because the database does not contain them yet: consistency_issues, contested_figures, membership_counts, named_states, report_record_issues, state_events, states, unga_lowest_since, unga_resolution_votes, unga_vote_flows, unga_vote_shifts, unga_yes_by_status.".replaceAll(
        "_",
        "\\_",
      ),
    );
    expect(md).toContain(
      "The database has no UNGA resolution votes (unga\\_resolutions), so the UNGA trend is not given here.",
    );
  });

  it("prints a value the report gives as N/A as not measured, never as 0", () => {
    const row = md.split("\n").find((l) => l.startsWith("| 45.1 |"));
    // Two measured values make no record: "highest" would count the cycles without a value.
    expect(row).toBe("| 45.1 | Not measured at first | N/A | N/A | 24 | 46 | +22 | – | improved |");
    expect(md).toContain("*Table I. Transparency: indicator values, 10MSP to 13MSP (N/A: not measured)");
  });

  it("carries no date unless one is pinned", () => {
    expect(md).toContain("Generated from the ccm-trends database");
    expect(md).not.toMatch(/Published/);
  });
});
