/**
 * The analyst's site, round 2 (issue 23), in real Chromium against the built dist/: every source can be followed
 * (the vote explorer cites the chosen year's UN record, Data quality links each disagreement with the record to its
 * paragraph, indicator and record), the SQL explorer agrees with the rest of the site, findings have a page and
 * search finds them, pages read without scripts.
 * Needs dist/ (`npm run site:build`) and an installed Chromium (data-loaders/lib/chromium.ts).
 */
import { execFileSync } from "node:child_process";
import { appendFileSync, cpSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { launchBrowser, visit } from "./helpers/browser.ts";
import { closeDatabase, queryRows } from "../data-loaders/lib/db.ts";
import { openBuiltDb } from "./helpers/db.ts";
import { builtPage, useBuiltSite } from "./helpers/site.ts";
import { afterStatusWords } from "../data-loaders/site/edition.ts";
import { siteQuery, withSiteDatabase } from "../data-loaders/site/site-db.ts";
import { buildDatabase } from "../data-loaders/pipeline.ts";
import { createLogger } from "../data-loaders/lib/log.ts";

const site = useBuiltSite();

/** Rows of a query on the database the tests built from sources/. */
async function dbRows<T>(sql: string): Promise<T[]> {
  const db = await openBuiltDb();
  try {
    return await queryRows<T>(db.conn, sql);
  } finally {
    closeDatabase(db);
  }
}

describe("the vote explorer cites the chosen resolution's record", () => {
  it("each year's UN Digital Library record is the link under the chart, and the caption follows year and grouping", async () => {
    const records = await dbRows<{
      resolution_id: string;
      year: number;
      topic: string;
      undl_id: string;
      source_ref: string;
    }>(
      "SELECT resolution_id, year, topic, undl_id::VARCHAR AS undl_id, source_ref FROM unga_resolutions WHERE has_country_votes AND year IN (2022, 2023, 2024) ORDER BY year",
    );
    expect(records.map((r) => r.undl_id)).toEqual(["3996917", "4029001", "4068499"]);
    const v = await visit(site.session.browser, site.baseUrl, "/universalization");
    try {
      const source = v.page.locator("#vote-source a");
      const caption = v.page.locator("#vote-caption");
      // As built (before any choice): the latest year's record.
      expect(await source.getAttribute("href")).toBe(records.at(-1)!.source_ref);
      for (const r of records) {
        await v.page.getByLabel("Resolution").selectOption({ label: `${r.year} · ${r.resolution_id} (${r.topic})` });
        await expect.poll(() => source.getAttribute("href")).toBe(r.source_ref);
        expect(await source.textContent()).toContain(r.undl_id);
        await expect.poll(() => caption.textContent()).toContain(`${r.resolution_id} (${r.year}) by region`);
      }
      await v.page.getByRole("radio", { name: "CCM status at the vote" }).check();
      await expect
        .poll(() => caption.textContent())
        .toContain(`${records.at(-1)!.resolution_id} (${records.at(-1)!.year}) by CCM status at the vote`);
      await v.page
        .getByLabel("Resolution")
        .selectOption({ label: `${records[0]!.year} · ${records[0]!.resolution_id} (${records[0]!.topic})` });
      await expect
        .poll(() => caption.textContent())
        .toContain(`${records[0]!.resolution_id} (${records[0]!.year}) by CCM status at the vote`);
      expect(await source.getAttribute("href")).toBe(records[0]!.source_ref);
      expect(v.consoleErrors).toEqual([]);
    } finally {
      await v.close();
    }
  });
});

describe("Data quality: every disagreement with the UN's records can be followed", () => {
  it("each row links to the report's paragraph or indicator row and to the record's public address, written into the HTML", async () => {
    const issues = await dbRows<{ check_id: string; record_source: string }>(
      "SELECT check_id, record_source FROM report_record_issues ORDER BY check_id",
    );
    expect(issues.length).toBeGreaterThan(5);
    const noScript = await launchBrowser({ javaScript: false });
    try {
      const v = await visit(noScript.browser, site.baseUrl, "/data-quality");
      const table = v.page.locator("table.data", {
        has: v.page.locator("caption", { hasText: "disagreements between the report and the records" }),
      });
      const rows = await table.locator("tbody tr").evaluateAll((trs) =>
        trs.map((tr) => ({
          text: tr.textContent ?? "",
          hrefs: Array.from(tr.querySelectorAll("a"), (a) => a.getAttribute("href") ?? ""),
        })),
      );
      expect(rows.length).toBe(issues.length);
      for (const row of rows) {
        // The report's side: a paragraph's row among the findings, or the indicator's row.
        expect(
          row.hrefs.some((h) => /#(para|indicator)-[\d.]+$/.test(h)),
          row.text,
        ).toBe(true);
        // The record: its address, as a link and as text.
        const record = row.hrefs.find((h) => h.startsWith("https://digitallibrary.un.org/record/"));
        expect(record, row.text).toBeDefined();
        expect(row.text).toContain(record);
      }
      expect(issues.every((i) => rows.some((r) => r.hrefs.some((h) => i.record_source.includes(h))))).toBe(true);
      // Indicator 11.2's disagreements point at its row; para 67's at the paragraph.
      expect(rows.filter((r) => r.hrefs.some((h) => h.endsWith("#indicator-11.2"))).length).toBe(
        issues.filter((i) => i.check_id.startsWith("indicator-11.2:")).length,
      );
      expect(rows.filter((r) => r.hrefs.some((h) => h.endsWith("#para-67"))).length).toBe(
        issues.filter((i) => i.check_id.startsWith("para-67:")).length,
      );
      await v.close();
    } finally {
      await noScript.close();
    }
  });

  it("a paragraph link of a disagreement lands on the paragraph's text", async () => {
    const v = await visit(site.session.browser, site.baseUrl, "/data-quality");
    try {
      const link = v.page.locator("table.data tbody a[href$='#para-67']").first();
      const href = await link.getAttribute("href");
      await link.click();
      await v.page.waitForURL((url) => url.hash === "#para-67");
      const row = v.page.locator('[id="para-67"]');
      await expect.poll(() => row.textContent()).toMatch(/67.{40,}/);
      expect(href).toMatch(/#para-67$/);
    } finally {
      await v.close();
    }
  });
});

describe("the SQL explorer agrees with the rest of the site", () => {
  /** The rows of the result table once a query ran (its caption: "<n> rows"). */
  async function resultRows(page: import("playwright-core").Page): Promise<string[][]> {
    const table = page.locator("table.data", { has: page.locator("caption", { hasText: / rows$/ }) });
    return table
      .locator("tbody tr")
      .evaluateAll((trs) =>
        trs.map((tr) => Array.from((tr as HTMLTableRowElement).cells, (td) => td.textContent?.trim() ?? "")),
      );
  }

  it("Run works on arrival; the 2024 example counts status on the vote date (as the Data quality page); a code/label mix-up says the valid values", async () => {
    // What the rest of the site says: States not party on the vote date that voted yes on the 2024 resolution.
    const [expected] = await dbRows<{ n: number }>(
      "SELECT count(*)::INTEGER AS n FROM unga_state_votes WHERE year = 2024 AND vote = 'Y' AND ccm_status = 'not_party'",
    );
    expect(expected!.n).toBe(25);
    const v = await visit(site.session.browser, site.baseUrl, "/sql");
    try {
      const caption = v.page.locator("table.data caption", { hasText: / rows$/ });
      await caption.waitFor({ timeout: 60_000 });
      // Run on arrival, without editing: enabled, and it runs what the editor holds.
      const run = v.page.getByRole("button", { name: "Run", exact: true });
      expect(await run.isEnabled()).toBe(true);
      // Only the table the first query names was fetched, not the 120-odd others.
      const arrowFiles = () =>
        v.requests.map((u) => /\/tables\/([a-z0-9_]+)\.[0-9a-f]+\.arrow$/.exec(u)?.[1]).filter(Boolean);
      expect(arrowFiles()).toEqual(["unga_resolutions"]);
      await v.page.getByLabel("SQL", { exact: true }).fill("SELECT 42 AS answer");
      await run.click();
      await expect.poll(() => resultRows(v.page), { timeout: 30_000 }).toEqual([["42"]]);

      await v.page.getByRole("button", { name: "States not party that voted Yes in 2024" }).click();
      await expect.poll(async () => (await resultRows(v.page)).length, { timeout: 30_000 }).toBe(expected!.n);

      // The pages' words against a code column: nothing found, and the explorer says what the column holds.
      await v.page.getByLabel("SQL", { exact: true }).fill("SELECT * FROM unga_votes WHERE vote = 'Yes'");
      await run.click();
      const hint = v.page.locator(".code-hint");
      await expect
        .poll(() => hint.first().textContent(), { timeout: 30_000 })
        .toContain("'Yes' is how the pages show the vote code 'Y'");
      expect(await hint.first().textContent()).toContain("'Y', 'A', 'N', 'X'");
      await v.page.getByLabel("SQL", { exact: true }).fill("SELECT * FROM state_status WHERE status = 'State Party'");
      await run.click();
      await expect.poll(() => hint.first().textContent(), { timeout: 30_000 }).toContain("status code 'state_party'");
      // The words work where the explorer gives them.
      await v.page
        .getByLabel("SQL", { exact: true })
        .fill(
          "SELECT count(*) AS n FROM votes_in_words WHERE year = 2024 AND vote_label = 'Yes' AND status_label = 'Not party'",
        );
      await v.page.getByLabel("SQL", { exact: true }).press("Control+Enter");
      await expect.poll(() => resultRows(v.page), { timeout: 30_000 }).toEqual([[String(expected!.n)]]);
      expect(await hint.count()).toBe(0);
      // The view's tables were fetched when a query first named it.
      expect(arrowFiles()).toContain("unga_state_votes");
      // A misspelt table that was never loaded: DuckDB's own suggestion, which knows every table.
      await v.page.getByLabel("SQL", { exact: true }).fill("SELECT * FROM status_on_date");
      await run.click();
      await expect
        .poll(() => v.page.locator("p[role=alert]").first().textContent(), { timeout: 30_000 })
        .toMatch(/status_on_date does not exist[\s\S]*Did you mean "status_on_dates"/);
      expect(v.consoleErrors).toEqual([]);
    } finally {
      await v.close();
    }
  });
});

describe("findings: a page of every finding, and search finds paragraphs", () => {
  it("lists every finding with its paragraph, statement, count and named States; #para-<n> lands on the paragraph; sorting and filtering work", async () => {
    const [counts] = await dbRows<{ findings: number; paragraphs: number }>(
      "SELECT count(*)::INTEGER AS findings, count(DISTINCT paragraph)::INTEGER AS paragraphs FROM findings",
    );
    const [chad] = await dbRows<{ statement: string; paragraph: string }>(
      "SELECT f.statement, f.paragraph FROM findings f JOIN finding_states s USING (finding_id) WHERE s.iso3 = 'TCD' ORDER BY TRY_CAST(f.paragraph AS INTEGER) LIMIT 1",
    );
    const html = await (await fetch(`${site.baseUrl}/findings`)).text();
    // Written into the page: a row per finding, an anchor per paragraph, each once.
    expect(html.match(/<tr[ >]/g)?.length).toBe(counts!.findings + 1);
    const anchors = [...html.matchAll(/<tr id="(para-[^"]+)"/g)].map((m) => m[1]);
    expect(anchors.length).toBe(counts!.paragraphs);
    expect(new Set(anchors).size).toBe(anchors.length);
    const v = await visit(site.session.browser, site.baseUrl, "/findings#para-21");
    try {
      const row = v.page.locator('[id="para-21"]');
      expect(await row.locator("td").first().textContent()).toBe("para 21");
      const top = await row.evaluate((tr) => tr.getBoundingClientRect().top);
      expect(top).toBeGreaterThanOrEqual(0);
      expect(top).toBeLessThan(400);
      // Filter by a State's name: the rows that name it, Chad's first finding among them.
      await v.page.getByRole("searchbox", { name: /^Filter rows of/ }).fill("Chad");
      const shown = await v.page
        .locator("table.data tbody tr:not([hidden])")
        .evaluateAll((trs) => trs.map((tr) => tr.textContent ?? ""));
      expect(shown.length).toBeGreaterThan(5);
      expect(shown.every((t) => t.includes("Chad"))).toBe(true);
      expect(shown.some((t) => t.includes(chad!.statement))).toBe(true);
      await v.page.getByRole("searchbox", { name: /^Filter rows of/ }).fill("");
      // Paragraphs sort as numbers: 18 before 184, and back.
      await v.page.getByRole("button", { name: "Paragraph" }).click();
      const order = (await v.page.locator("table.data tbody tr td:first-child").allTextContents())
        .map((t) => t.replace("para ", ""))
        .filter((p) => /^\d+$/.test(p))
        .map(Number);
      expect(order.length).toBeGreaterThan(100);
      expect(order).toEqual([...order].sort((a, b) => a - b));
    } finally {
      await v.close();
    }
  });

  async function search(words: string): Promise<string[]> {
    const v = await visit(site.session.browser, site.baseUrl, "/");
    try {
      await v.page.getByRole("searchbox", { name: "Search pages, indicators and States" }).fill(words);
      const results = v.page.locator("#observablehq-search-results li a");
      await results.first().waitFor();
      await v.page.waitForTimeout(200);
      return await results.evaluateAll((as) => as.map((a) => a.getAttribute("href") ?? ""));
    } finally {
      await v.close();
    }
  }

  it("search: 'para 21' and '21' lead to paragraph 21 first, a State named in a finding finds the finding, '2.1' puts indicator 2.1 first", async () => {
    expect((await search("para 21"))[0]).toMatch(/findings#para-21$/);
    expect((await search("21"))[0]).toMatch(/findings#para-21$/);
    expect((await search("2.1"))[0]).toMatch(/#indicator-2\.1$/);
    const [named] = await dbRows<{ paragraph: string }>(
      "SELECT f.paragraph FROM findings f JOIN finding_states s USING (finding_id) WHERE s.iso3 = 'TCD' ORDER BY TRY_CAST(f.paragraph AS INTEGER) LIMIT 1",
    );
    expect(await search("Chad")).toEqual(
      expect.arrayContaining([expect.stringMatching(new RegExp(`findings#para-${named!.paragraph}$`))]),
    );
  });
});

describe("pages read without scripts: State pages, the States directory, Data quality", () => {
  it("their tables are in the HTML; Chad's card counts the rows of its findings table; paragraphs sort as numbers; words, not database names", async () => {
    const [chad] = await dbRows<{ statements: number }>(
      "SELECT count(DISTINCT (f.paragraph, f.statement))::INTEGER AS statements FROM finding_states s JOIN findings f USING (finding_id) WHERE s.iso3 = 'TCD'",
    );
    const [states] = await dbRows<{ n: number }>("SELECT count(*)::INTEGER AS n FROM states");
    const noScript = await launchBrowser({ javaScript: false });
    try {
      const directory = await visit(noScript.browser, site.baseUrl, "/states/");
      expect(await directory.page.locator("table.data tbody tr").count()).toBe(states!.n);
      await directory.close();
      const v = await visit(noScript.browser, site.baseUrl, "/states/TCD");
      const table = v.page.locator("table.data", {
        has: v.page.locator("caption", { hasText: "Findings of the progress report" }),
      });
      const rows = await table.locator("tbody tr").count();
      expect(rows).toBe(chad!.statements);
      const card = v.page.locator(".kpi", { hasText: "Statements of the report naming it" }).locator(".value");
      expect(Number(await card.textContent())).toBe(rows);
      const paragraphs = (await table.locator("tbody tr td:first-child").allTextContents()).map((t) =>
        Number(t.replace("para ", "")),
      );
      expect(paragraphs).toEqual([...paragraphs].sort((a, b) => a - b));
      // Words where a reader expects words: no table, column or file names of the database.
      const text = await v.page.locator("#observablehq-main").innerText();
      expect(text).not.toMatch(/\b[a-z0-9]+_[a-z0-9_]+\b/);
      expect(text).not.toMatch(/\.csv\b/);
      expect(await v.page.locator("h1").getAttribute("id")).not.toBe("");
      await v.close();
      const quality = await visit(noScript.browser, site.baseUrl, "/data-quality");
      expect(
        await quality.page
          .locator("table.data", { has: quality.page.locator("caption", { hasText: "consistency issues" }) })
          .locator("tbody tr")
          .count(),
      ).toBeGreaterThan(5);
      await quality.close();
    } finally {
      await noScript.close();
    }
  });

  it("with scripts, the State page's findings sort by paragraph as numbers", async () => {
    const v = await visit(site.session.browser, site.baseUrl, "/states/TCD");
    try {
      const table = v.page.locator("table.data", {
        has: v.page.locator("caption", { hasText: "Findings of the progress report" }),
      });
      await table.getByRole("button", { name: "Paragraph" }).click();
      await table.getByRole("button", { name: "Paragraph" }).click();
      const paragraphs = (await table.locator("tbody tr td:first-child").allTextContents()).map((t) =>
        Number(t.replace("para ", "")),
      );
      expect(paragraphs.length).toBeGreaterThan(10);
      expect(paragraphs).toEqual([...paragraphs].sort((a, b) => b - a));
    } finally {
      await v.close();
    }
  });
});

describe("the briefing page", () => {
  it("has a contents panel, unique ids, notes that link back to each place citing them, words before machine references, and a PDF with a meaningful name", async () => {
    const html = await (await fetch(`${site.baseUrl}/briefings`)).text();
    const ids = [...html.matchAll(/\sid="([^"]+)"/g)].map((m) => m[1]!);
    expect(ids.filter((id, i) => ids.indexOf(id) !== i)).toEqual([]);
    const v = await visit(site.session.browser, site.baseUrl, "/briefings");
    try {
      const contents = v.page.getByRole("navigation", { name: /^Contents of the .+ briefing$/ }).first();
      const targets = await contents.locator("a").evaluateAll((as) => as.map((a) => a.getAttribute("href")!.slice(1)));
      expect(targets.length).toBeGreaterThan(10);
      for (const id of targets) expect(await v.page.locator(`[id="${id}"]`).count(), id).toBe(1);
      // Every reference in the text is linked back from its note, and every note cited links back.
      const refs = await v.page
        .locator("sup.fn a[id]")
        .evaluateAll((as) => as.map((a) => ({ id: a.id, note: a.getAttribute("href")!.slice(1) })));
      expect(refs.length).toBeGreaterThan(20);
      for (const ref of refs.slice(0, 40)) {
        const back = v.page.locator(`[id="${ref.note}"] a.backlink[href="#${ref.id}"]`);
        expect(await back.count(), ref.id).toBe(1);
      }
      // Words first: a note's technical reference (views, datasets, lines) comes after its words.
      const note2 = await v.page.locator('li[id$="-note-2"]').first().innerText();
      expect(note2.indexOf("Technical reference")).toBeGreaterThan(10);
      const pdf = v.page.getByRole("link", { name: /Download the .+ briefing as PDF/ }).first();
      const [download] = await Promise.all([v.page.waitForEvent("download"), pdf.click()]);
      expect(download.suggestedFilename()).toMatch(/^ccm-\d+MSP-trend-briefing\.pdf$/);
    } finally {
      await v.close();
    }
  });
});

describe("a disputed figure is flagged wherever it is shown", () => {
  it("each value of view indicator_contested carries a flag with the other figure and a link to its explanation on the overview, the Indicators page and its pillar page", async () => {
    const contested = await dbRows<{
      indicator_id: string;
      cycle: string;
      pillar_code: string;
      against: string;
      other_figure: number | null;
      is_latest: boolean;
    }>(
      `SELECT c.indicator_id, c.cycle, i.pillar_code, c.against, c.other_figure, c.cycle = (SELECT cycle FROM indicator_trends WHERE is_latest LIMIT 1) AS is_latest
       FROM indicator_contested c JOIN indicators i USING (indicator_id) ORDER BY c.indicator_id, c.cycle`,
    );
    expect(contested.some((c) => c.indicator_id === "11.2" && c.against === "records" && c.other_figure === 25)).toBe(
      true,
    );
    const flagsIn = async (path: string, rowSelector: (c: (typeof contested)[number]) => string) => {
      const v = await visit(site.session.browser, site.baseUrl, path);
      try {
        for (const c of contested.filter((c) => c.is_latest || path.startsWith("/pillars/"))) {
          const row = v.page.locator(rowSelector(c));
          if (!(await row.count())) continue;
          const flags = await row
            .first()
            .locator(".contested")
            .evaluateAll((fs) =>
              fs.map((f) => ({ text: f.textContent ?? "", href: f.querySelector("a")?.getAttribute("href") ?? "" })),
            );
          expect(flags.length, `${path} ${c.indicator_id} ${c.cycle}`).toBeGreaterThan(0);
          if (c.other_figure !== null) expect(flags.map((f) => f.text).join(" ")).toContain(String(c.other_figure));
          for (const f of flags) expect(f.href).toMatch(/data-quality#/);
        }
      } finally {
        await v.close();
      }
    };
    await flagsIn("/indicators", (c) => `[id="indicator-${c.indicator_id}"]`);
    for (const pillar of [...new Set(contested.map((c) => c.pillar_code))])
      await flagsIn(`/pillars/${pillar}`, (c) => `[id="indicator-${c.indicator_id}"]`);
    // The overview's table of largest movements shows 11.2: flagged, and its link lands on the record's row.
    const v = await visit(site.session.browser, site.baseUrl, "/");
    try {
      const row = v.page.locator("table.data tbody tr", { has: v.page.locator("a", { hasText: /^11\.2$/ }) });
      const flag = row.locator(".contested");
      expect(await flag.textContent()).toContain("the UN record gives 25");
      await flag.locator("a").click();
      // The row's id needs no percent-encoding (Framework encoded "%3A" again, and the link led to no row).
      await v.page.waitForURL(/data-quality#record-indicator-11\.2-13MSP$/);
      expect(await v.page.evaluate(() => document.querySelector(":target")?.id)).toBe("record-indicator-11.2-13MSP");
      expect(
        await v.page.locator(`[id="${decodeURIComponent(new URL(v.page.url()).hash.slice(1))}"]`).textContent(),
      ).toContain("25 States not party");
    } finally {
      await v.close();
    }
  });

  it("a pillar chart rings each disputed value it draws and lists it under the chart with the other figure and a link", async () => {
    const disputed = await dbRows<{ indicator_id: string; cycle: string }>(
      `SELECT DISTINCT c.indicator_id, c.cycle FROM indicator_contested c JOIN indicators i USING (indicator_id)
       WHERE i.pillar_code = 'C' ORDER BY 1, 2`,
    );
    expect(disputed).toContainEqual({ indicator_id: "11.2", cycle: "13MSP" });
    const v = await visit(site.session.browser, site.baseUrl, "/pillars/C");
    try {
      const figure = v.page.locator("figure.chart").first();
      const notes = figure.locator(".chart-notes li");
      expect(await notes.allTextContents()).toEqual(
        disputed.map((d) =>
          expect.stringMatching(new RegExp(`^Indicator ${d.indicator_id.replace(".", "\\.")}, ${d.cycle}: `)),
        ),
      );
      const note = notes.filter({ hasText: "Indicator 11.2, 13MSP" });
      expect(await note.textContent()).toContain("disputed: the UN record gives 25");
      // The chart says so too: in its accessible name, and as a ring per disputed value in the drawing shown.
      const svg = figure.locator(".chart-svg svg:visible");
      expect(await svg.getAttribute("aria-label")).toContain("Ringed, the disputed values: ");
      await note.locator("a").click();
      await v.page.waitForURL(/data-quality#record-indicator-11\.2-13MSP$/);
      expect(await v.page.locator(":target").textContent()).toContain("25 States not party");
    } finally {
      await v.close();
    }
  });

  it("a State page flags a finding whose count is a disputed value", async () => {
    // A State named by a finding that counts a value the UN's records dispute (11.2: States not party voting yes).
    const [named] = await dbRows<{ iso3: string; paragraph: string }>(
      `SELECT fs.iso3, f.paragraph FROM findings f JOIN finding_states fs USING (finding_id)
       JOIN indicator_contested c ON c.indicator_id = f.indicator_id AND c.cycle = f.cycle AND c.against = 'records'
       ORDER BY fs.iso3 LIMIT 1`,
    );
    expect(named).toBeDefined();
    const v = await visit(site.session.browser, site.baseUrl, `/states/${named!.iso3}`);
    try {
      const row = v.page.locator("table.data tbody tr", {
        has: v.page.locator("a", { hasText: new RegExp(`^para ${named!.paragraph}$`) }),
      });
      const flag = row.locator(".contested").first();
      expect(await flag.textContent()).toMatch(/disputed: the UN record gives \d+ \(why\)/);
      expect(await flag.locator("a").getAttribute("href")).toMatch(/data-quality#record-indicator-/);
    } finally {
      await v.close();
    }
  });
});

describe("a count of today says what the membership table it is read from cannot hold", () => {
  it("the overview's counts of today, and its membership chart, say a treaty action after the table's day is not in the data", async () => {
    const [table] = await dbRows<{ status_as_at: string; today: string }>(
      "SELECT date AS status_as_at, current_date::VARCHAR AS today FROM datasets WHERE name = 'state_events'",
    );
    // The UN Treaty Collection's table of 3 February 2026: every day after it is a day it cannot know of.
    expect(table!.today > table!.status_as_at).toBe(true);
    const html = readFileSync(builtPage("index"), "utf8");
    const cards = [...html.matchAll(/Source: UN Treaty Collection, status as at 3 February 2026([^(<]*)/g)].map(
      (m) => m[1],
    );
    expect(cards).toEqual([
      "; a treaty action after that day is not in the data ",
      "; a treaty action after that day is not in the data",
    ]);
    expect(html).toContain(
      "so the counts on every date up to then are exact (entry into force under Article 17), and later ones hold the entries into force it schedules; a treaty action after that day is not in the data.",
    );
  });

  it("a State page's status today names the table and its day, and says the same", () => {
    const html = readFileSync(builtPage("states/LAO"), "utf8");
    expect(html).toContain(
      '<div class="label">CCM status today</div><div class="source">Source: UN Treaty Collection, status as at 3 February 2026; a treaty action after that day is not in the data</div>',
    );
  });

  it("the Universalization page's map, which offers any day to today, names the table's day and says the same", () => {
    const html = readFileSync(builtPage("universalization"), "utf8");
    expect(html).toContain(
      "(UN Treaty Collection, MTDSG XXVI-6, status as at 3 February 2026; a treaty action after that day is not in the data; withdrawal of Lithuania",
    );
  });

  it("a State whose entry into force is to come is not yet a State Party today: in the directory, on its page, in search", async () => {
    // The UN's table as a later one may give it: the United States accede, and the Convention enters into force for
    // them on the first day of the sixth month after (Article 17), both after today.
    const dir = mkdtempSync(join(tmpdir(), "ccm-status-today-"));
    try {
      const sources = join(dir, "sources");
      cpSync("sources", sources, { recursive: true });
      appendFileSync(
        join(sources, "state_events.csv"),
        "USA,accession,2098-12-01,2098,day,2098-12-01,untc-ccm-participants-2026-02-03.csv,\n" +
          "USA,entry_into_force,2099-06-01,2099,day,2099-06-01,derived: CCM Article 17,\n",
      );
      const dbPath = join(dir, "ccm.duckdb");
      await buildDatabase({
        sourcesDir: sources,
        dbPath,
        logger: createLogger({ quiet: true }),
        checkChecksums: false,
      });
      const { periods, states, search } = await withSiteDatabase(
        async (db) => ({
          periods: await queryRows<{ status: string; valid_from: string | null }>(
            db.conn,
            "SELECT status, valid_from::VARCHAR AS valid_from FROM state_status WHERE iso3 = 'USA' ORDER BY valid_from NULLS FIRST",
          ),
          states: await siteQuery<{ iso3: string; status: string; status_label: string }>(db, "states"),
          search: await siteQuery<{ path: string; text: string }>(db, "search_entries"),
        }),
        dbPath,
        { snapshot: false },
      );
      // Its last period, open-ended, is State Party from 1 June 2099: the status from then on, not today's.
      expect(periods.map((p) => [p.status, p.valid_from])).toEqual([
        ["not_party", null],
        ["deposited", "2098-12-01"],
        ["state_party", "2099-06-01"],
      ]);
      expect(states.find((s) => s.iso3 === "USA")).toMatchObject({ status: "not_party", status_label: "Not party" });
      expect(search.find((e) => e.path === "/states/USA")?.text).toMatch(/Not party$/);
      // Its page: not party today, and the periods to come listed as such, the last one without an end.
      const page = execFileSync("node", ["--import", "tsx", "src/states/[iso3].md.ts", "--iso3=USA"], {
        env: { ...process.env, CCM_DB: dbPath },
        encoding: "utf8",
      });
      expect(page).toContain('<div class="value">Not party</div><div class="label">CCM status today</div>');
      const periodRows = (/Status periods[\s\S]*?<\/table>/.exec(page)?.[0] ?? "").match(/<tr>[\s\S]*?<\/tr>/g) ?? [];
      expect(
        periodRows.slice(1).map((r) =>
          r
            .replace(/<[^>]+>/g, "|")
            .split("|")
            .filter(Boolean)
            .slice(0, 3),
        ),
      ).toEqual([
        ["Not party", "before the first recorded action", "2098-12-01"],
        ["Deposited, not yet in force", "2098-12-01", "2099-06-01"],
        ["State Party", "2099-06-01", "no end recorded"],
      ]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }, 120_000);

  it("says nothing of the kind for a day the table knows, or a table dated by its year only", () => {
    const table = { producer_name: "UN Treaty Collection", status_as_at: "2026-02-03" };
    expect(afterStatusWords({ ...table, read_on: "2026-02-03" })).toBe("");
    expect(afterStatusWords({ ...table, read_on: "2025-06-30" })).toBe("");
    expect(afterStatusWords({ ...table, read_on: "2026-02-04" })).toBe(
      "; a treaty action after that day is not in the data",
    );
    expect(afterStatusWords({ ...table, status_as_at: "2026", read_on: "2026-12-07" })).toBe("");
  });
});
