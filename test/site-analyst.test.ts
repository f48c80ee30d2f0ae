/**
 * The site as an analyst's tool, in real Chromium against the site the global setup built: the site search finds an indicator
 * and a State; long tables sort and filter (the overview's "declined" card opens the declined indicators); a
 * deep link lands on its row; a finding and a consistency issue lead to their paragraph's full sentence; the
 * briefing page shows no escaped underscore; no page is wider than a 390 px phone and the sidebar closes
 * after navigating; the SQL explorer's example questions run and show dates as dates; downloads save under
 * stable names.
 * Reads the site test/global-setup.ts builds; needs an installed Chromium (data-loaders/lib/chromium.ts).
 */
import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { overflowingText, screenshot, settle, visit } from "./helpers/browser.ts";
import { closeDatabase, queryRows } from "../data-loaders/lib/db.ts";
import { openBuiltDb } from "./helpers/db.ts";
import { pillarPages, useBuiltSite, builtOutputs } from "./helpers/site.ts";

// The site and the briefings are built while the database-only test files run: wait for them (global-setup.ts).
await builtOutputs();

const PHONE = { width: 390, height: 844 };
const site = useBuiltSite();

/** The visible rows' cells of the first sortable table of the page, as text. */
async function visibleRows(page: Page, selector = "table.data[data-tools]"): Promise<string[][]> {
  return page
    .locator(selector)
    .first()
    .locator("tbody tr:not([hidden])")
    .evaluateAll((trs) =>
      trs.map((tr) => Array.from((tr as HTMLTableRowElement).cells, (td) => td.textContent?.trim() ?? "")),
    );
}

describe("search", () => {
  async function search(words: string): Promise<{ title: string; href: string }[]> {
    const v = await visit(site.session.browser, site.baseUrl, "/");
    try {
      const box = v.page.getByRole("searchbox", { name: "Search pages, indicators and States" });
      await box.fill(words);
      const results = v.page.locator("#observablehq-search-results li a");
      await results.first().waitFor();
      return await results.evaluateAll((as) =>
        as.map((a) => ({ title: a.textContent?.trim() ?? "", href: (a as HTMLAnchorElement).href })),
      );
    } finally {
      await v.close();
    }
  }

  it("finds a State by name, leading to its page", async () => {
    const results = await search("Lithuania");
    expect(results[0]).toEqual({ title: "Lithuania", href: `${site.baseUrl}/states/LTU` });
  });

  it("finds an indicator by its words, leading to its row on its pillar's page", async () => {
    // The indicators page's first row: its id and text as the site shows them.
    const v = await visit(site.session.browser, site.baseUrl, "/indicators");
    const [id, , text] = (await visibleRows(v.page))[0]!;
    await v.close();
    const results = await search(text!.split(/\s+/).slice(0, 6).join(" "));
    expect(results.slice(0, 5).map((r) => r.title)).toContain(`Indicator ${id}: ${text}`);
    expect(results.find((r) => r.title.startsWith(`Indicator ${id}:`))!.href).toMatch(
      new RegExp(`/pillars/[A-K]#indicator-${id!.replace(".", "\\.")}$`),
    );
  });
});

describe("tables sort and filter", () => {
  it("the overview's 'declined' card opens the indicators that declined, and only those", async () => {
    const v = await visit(site.session.browser, site.baseUrl, "/");
    try {
      const card = v.page.locator(".kpi a", { hasText: "declined" });
      const declined = Number((await card.textContent())!.match(/\d+/)![0]);
      expect(declined).toBeGreaterThan(0);
      await Promise.all([v.page.waitForURL(/\/indicators#declined$/), card.click()]);
      await settle(v.page);
      const rows = await visibleRows(v.page);
      expect(rows.length).toBe(declined);
      expect(new Set(rows.map((r) => r[5]))).toEqual(new Set(["declined"]));
      expect(await v.page.getByLabel("Judgement", { exact: true }).inputValue()).toBe("declined");
      // Back to all judgements: more rows, other judgements among them.
      await v.page.getByLabel("Judgement", { exact: true }).selectOption("");
      const all = await visibleRows(v.page);
      expect(all.length).toBeGreaterThan(declined);
      expect(new Set(all.map((r) => r[5])).size).toBeGreaterThan(2);
    } finally {
      await v.close();
    }
  });

  it("typing in the filter box keeps the rows holding every word; a column's name sorts the rows, twice reverses", async () => {
    const v = await visit(site.session.browser, site.baseUrl, "/indicators");
    try {
      const all = await visibleRows(v.page);
      await v.page.getByRole("searchbox", { name: /^Filter rows of/ }).fill("States Parties");
      const filtered = await visibleRows(v.page);
      expect(filtered.length).toBeGreaterThan(0);
      expect(filtered.length).toBeLessThan(all.length);
      for (const r of filtered) expect(r.join(" ").toLowerCase()).toContain("states parties");
      await v.page.getByRole("searchbox", { name: /^Filter rows of/ }).fill("");

      // The cell's first number: a disputed value's flag follows it with the other figure ("31 ⚠ disputed: … 25").
      const value = (r: string[]) =>
        r[3] === "not measured" ? null : Number(/-?\d+(\.\d+)?/.exec(r[3]!.replace(/[,\s]/g, ""))![0]);
      const header = v.page.getByRole("button", { name: /^13MSP/ });
      await header.click();
      const up = (await visibleRows(v.page)).map(value).filter((n) => n !== null);
      expect(up).toEqual([...up].sort((a, b) => a - b));
      expect(await v.page.locator("th", { has: header }).getAttribute("aria-sort")).toBe("ascending");
      await header.click();
      const down = (await visibleRows(v.page)).map(value).filter((n) => n !== null);
      expect(down).toEqual([...up].reverse());
      expect(down[0]).toBeGreaterThan(down.at(-1)!);
    } finally {
      await v.close();
    }
  });

  it("names sort by name in the reader's language, not by code", async () => {
    const v = await visit(site.session.browser, site.baseUrl, "/states/");
    try {
      await settle(v.page);
      const names = async () => (await visibleRows(v.page)).map((r) => r[0]!);
      await v.page.locator("table.data[data-tools] th").first().getByRole("button").click();
      const sorted = await names();
      expect(sorted.indexOf("Bahamas")).toBeLessThan(sorted.indexOf("Bangladesh"));
      expect(sorted.indexOf("Côte d'Ivoire")).toBeLessThan(sorted.indexOf("Croatia"));
    } finally {
      await v.close();
    }
  });
});

describe("links land on their target", () => {
  it("a link to an indicator's row scrolls the pillar page to that row", async () => {
    const v = await visit(site.session.browser, site.baseUrl, "/indicators");
    const href = await v.page
      .locator("table.data[data-tools] tbody tr")
      .nth(40)
      .locator("a")
      .first()
      .getAttribute("href");
    await v.close();
    expect(href).toMatch(/^\.\/pillars\/[A-K]#indicator-/);
    const w = await visit(site.session.browser, site.baseUrl, href!.slice(1));
    try {
      await settle(w.page);
      const id = decodeURIComponent(href!.split("#")[1]!);
      const where = await w.page.evaluate((target) => {
        const box = document.getElementById(target)!.getBoundingClientRect();
        return { top: box.top, scrolled: scrollY, height: innerHeight };
      }, id);
      expect(where.scrolled).toBeGreaterThan(0);
      expect(where.top).toBeGreaterThanOrEqual(0);
      expect(where.top).toBeLessThan(where.height / 2);
    } finally {
      await w.close();
    }
  });

  it("a State page's finding links to its paragraph on the findings page, which holds the full sentence", async () => {
    const v = await visit(site.session.browser, site.baseUrl, "/states/TCD");
    try {
      await settle(v.page);
      const table = v.page.locator("table.data", {
        has: v.page.locator("caption", { hasText: "Findings of the progress report" }),
      });
      const rows = await table
        .locator("tbody tr")
        .evaluateAll((trs) => trs.map((tr) => `${tr.children[0]?.textContent} ${tr.children[2]?.textContent}`));
      // One row per paragraph and sentence: no sentence twice.
      expect(rows.length).toBeGreaterThan(5);
      expect(new Set(rows).size).toBe(rows.length);
      const link = table.locator("tbody tr a", { hasText: /^para \d+$/ }).first();
      const sentence = await table.locator("tbody tr").first().locator("td").nth(2).textContent();
      await Promise.all([v.page.waitForURL(/\/findings#para-\d+$/), link.click()]);
      await settle(v.page);
      const target = decodeURIComponent(new URL(v.page.url()).hash.slice(1));
      expect(await v.page.locator(`[id="${target}"]`).textContent()).toContain(sentence!.trim());
    } finally {
      await v.close();
    }
  });
});

describe("a pillar page with one report in the database", () => {
  it("has no report selector: one view of the values, the footer naming the report they come from", async () => {
    const v = await visit(site.session.browser, site.baseUrl, "/pillars/A");
    try {
      expect(await v.page.locator("select[data-report-choice], [data-report-view], [data-row-id]").count()).toBe(0);
      expect(await v.page.locator('[id="indicator-1.1"]').isVisible()).toBe(true);
      expect(await v.page.locator("#observablehq-footer").innerText()).toMatch(
        /^Data: indicator values from the CCM 13MSP Progress Report; findings from the CCM 13MSP Progress Report\./,
      );
    } finally {
      await v.close();
    }
  });
});

describe("the map on any day", () => {
  it("shows the status on a day the list does not offer (1 August 2010, the entry into force) as the database counts it, typed in the date field", async () => {
    const db = await openBuiltDb();
    let expected: { status_label: string; n: number }[];
    try {
      expected = await queryRows(
        db.conn,
        "SELECT l.label AS status_label, count(st.iso3)::INTEGER AS n FROM ccm_status_labels l LEFT JOIN (SELECT x.iso3, coalesce(ccm_status(x.iso3, DATE '2010-08-01'), 'not_party') AS status FROM states x) st USING (status) GROUP BY ALL ORDER BY ALL",
      );
    } finally {
      closeDatabase(db);
    }
    const v = await visit(site.session.browser, site.baseUrl, "/universalization");
    const page = v.page;
    try {
      await settle(page);
      const counted = page.getByLabel("Status on", { exact: true });
      const field = page.getByLabel("or any day from 3 December 2008 to today", { exact: true });
      expect(await field.getAttribute("min")).toBe("2008-12-03");
      const counts = page.locator("#status-on-date table.data", {
        has: page.locator("caption", { hasText: "States by status" }),
      });
      await field.focus();
      await page.keyboard.type("08012010"); // month, day, year: the browser's en-US order
      await expect.poll(() => counts.locator("caption").textContent()).toBe("States by status, 1 August 2010");
      const shown = await counts
        .locator("tbody tr")
        .evaluateAll((trs) =>
          trs.map((tr) => ({ status_label: tr.children[0]!.textContent!, n: Number(tr.children[1]!.textContent) })),
        );
      expect(shown.sort((a, b) => a.status_label.localeCompare(b.status_label))).toEqual(
        expected
          .filter((r) => shown.some((x) => x.status_label === r.status_label))
          .sort((a, b) => a.status_label.localeCompare(b.status_label)),
      );
      expect(shown.find((r) => r.status_label === "State Party")?.n).toBe(30);
      await expect.poll(() => page.locator("#status-on-date [role=img][aria-label*='1 August 2010']").count()).toBe(1);
      expect(await counted.inputValue()).toBe(""); // the list says "another day"
      await screenshot(page, "universalization-any-day");
      // Back to a counted day from the list: the field follows.
      await counted.selectOption({ label: "31 December 2010" });
      await expect.poll(() => counts.locator("caption").textContent()).toBe("States by status, 31 December 2010");
      expect(await field.inputValue()).toBe("2010-12-31");
      expect(v.consoleErrors).toEqual([]);
    } finally {
      await page.close();
    }
  });
});

describe("a contradiction and its paragraph", () => {
  it("every consistency issue's paragraph link on the Data quality page leads to a row holding the paragraph's text", async () => {
    const v = await visit(site.session.browser, site.baseUrl, "/data-quality");
    try {
      await settle(v.page);
      const table = v.page.locator("table.data", { has: v.page.locator("caption", { hasText: "consistency issues" }) });
      const hrefs = [
        ...new Set(
          await table
            .locator("tbody a", { hasText: /^para / })
            .evaluateAll((as) => as.map((a) => (a as HTMLAnchorElement).href)),
        ),
      ];
      expect(hrefs.length).toBeGreaterThan(3);
      for (const href of hrefs) {
        const url = new URL(href);
        const html = await (await fetch(`${site.baseUrl}${url.pathname}`)).text();
        const id = decodeURIComponent(url.hash.slice(1));
        expect(html, href).toMatch(
          new RegExp(`<tr id="${id.replaceAll(".", "\\.")}"><td>para [^<]+</td><td>[^<]{20,}`),
        );
      }
    } finally {
      await v.close();
    }
  });
});

describe("the briefing on the site", () => {
  it("shows no escaped underscore (\\_) to the reader, and links its PDF", async () => {
    const v = await visit(site.session.browser, site.baseUrl, "/briefings");
    try {
      const text = await v.page.locator("#observablehq-main").innerText();
      expect(text.length).toBeGreaterThan(5000);
      expect(text).not.toContain("\\_");
      expect(await v.page.locator('a[href$=".pdf"]').count()).toBeGreaterThan(0);
    } finally {
      await v.close();
    }
  });
});

describe("a phone, 390 px wide", () => {
  const paths = [
    "/",
    "/indicators",
    "/universalization",
    "/states/",
    "/data-quality",
    "/briefings",
    "/downloads",
    "/sql",
    pillarPages()[0] ?? "/pillars/A",
    "/states/TCD",
  ];
  // Independent visits, in flight together: each one's waits overlap the others' work.
  for (const path of paths) {
    it.concurrent(`${path}: no wider than the screen; only data tables scroll, in their own frame`, async () => {
      const v = await visit(site.session.browser, site.baseUrl, path, { viewport: PHONE });
      try {
        await settle(v.page);
        expect(await overflowingText(v.page)).toEqual([]);
        expect(await v.page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(PHONE.width);
        await screenshot(v.page, `phone${path === "/" ? "-index" : path}`);
      } finally {
        await v.close();
      }
    });
  }

  it("lets the reader zoom, and the sidebar closes after following one of its links", async () => {
    const v = await visit(site.session.browser, site.baseUrl, "/", { viewport: PHONE });
    try {
      expect(await v.page.locator('meta[name="viewport"]').getAttribute("content")).not.toMatch(
        /maximum-scale|user-scalable=no/,
      );
      const sidebar = v.page.locator("#observablehq-sidebar");
      const visible = () =>
        sidebar.evaluate((el) => el.getBoundingClientRect().right > 0 && getComputedStyle(el).visibility !== "hidden");
      expect(await visible()).toBe(false);
      await v.page.locator("#observablehq-sidebar-toggle").click();
      await expect.poll(visible).toBe(true);
      await Promise.all([v.page.waitForURL(/\/downloads$/), sidebar.getByRole("link", { name: "Downloads" }).click()]);
      await settle(v.page);
      expect(await visible()).toBe(false);
    } finally {
      await v.close();
    }
  });
});

describe("the SQL explorer helps", () => {
  it("an example question runs, dates show as dates, the result exports as CSV, codes and columns are explained", async () => {
    const v = await visit(site.session.browser, site.baseUrl, "/sql");
    try {
      await v.page.locator("table.data caption", { hasText: "rows" }).waitFor({ timeout: 60_000 });
      await v.page.getByRole("button", { name: /status history/ }).click();
      const table = v.page.locator("table.data", { has: v.page.locator("caption", { hasText: "rows" }) });
      await expect
        .poll(() => table.locator("th").allTextContents(), { timeout: 30_000 })
        .toEqual(expect.arrayContaining(["valid_from"]));
      const from = await table.locator("tbody tr td:nth-child(2)").allTextContents();
      expect(from.length).toBeGreaterThan(1);
      for (const d of from.filter((d) => d !== "—")) expect(d).toMatch(/^\d{4}-\d{2}-\d{2}$/);
      expect(from.filter((d) => d !== "—").length).toBeGreaterThan(0);

      const [download] = await Promise.all([
        v.page.waitForEvent("download"),
        v.page.getByRole("link", { name: /as CSV$/ }).click(),
      ]);
      expect(download.suggestedFilename()).toBe("ccm-query.csv");
      let csv = "";
      for await (const chunk of await download.createReadStream()) csv += String(chunk);
      expect(csv.split("\r\n")[0]).toBe("status,valid_from,valid_to,event,source");
      expect(csv).toMatch(/\r\n[a-z_]+,\d{4}-\d{2}-\d{2},/);

      // The codes the data holds beside the words the pages show; each table's columns with their meaning.
      const codes = await v.page
        .locator("table.data", { has: v.page.locator("caption", { hasText: "Codes in the data" }) })
        .locator("tbody tr")
        .allTextContents();
      expect(codes).toEqual(expect.arrayContaining(["status'not_party'Not party", "vote'Y'Yes"]));
      const columns = v.page.locator("table.data", {
        has: v.page.locator("caption", { hasText: "Columns of state_status" }),
      });
      expect(await columns.locator("tbody tr", { hasText: "valid_from" }).locator("td").nth(2).textContent()).toMatch(
        /^\S.{20,}/,
      );
      expect(v.consoleErrors).toEqual([]);
    } finally {
      await v.close();
    }
  });
});

describe("downloads for people", () => {
  it("files save under their own names; the tidy file carries the indicator's text beside its id; the citation has the address and version", async () => {
    const v = await visit(site.session.browser, site.baseUrl, "/downloads");
    try {
      const link = v.page.getByRole("link", { name: "tidy_indicators.csv" });
      const [download] = await Promise.all([v.page.waitForEvent("download"), link.click()]);
      expect(download.suggestedFilename()).toBe("tidy_indicators.csv");
      const header = await v.page.evaluate(
        async (href) => (await (await fetch(href)).text()).split("\n")[0],
        (await link.getAttribute("href")) ?? "",
      );
      expect(header).toMatch(/^indicator_id,pillar_code,pillar,indicator_text,/);
      expect(
        await v.page.getByRole("link", { name: "indicator_values.csv", exact: true }).getAttribute("download"),
      ).toBe("indicator_values.csv");
      const citation = await v.page.locator("blockquote.citation").textContent();
      expect(citation).toContain(`${site.baseUrl}/downloads`);
      expect(citation).toMatch(/version [0-9a-f]{7}/);
      // The index at the top leads to the tables.
      await v.page
        .getByRole("navigation", { name: "Tables on this page" })
        .getByRole("link", { name: "Findings with the States they name" })
        .click();
      await expect.poll(() => v.page.evaluate(() => scrollY)).toBeGreaterThan(0);
    } finally {
      await v.close();
    }
  });
});
