/**
 * The built site in a real browser: every page and a sample of State pages load without console errors,
 * failed or off-host requests; charts have marks; the map draws States; a State page shows that State's real
 * votes from the UNDL file; the SQL explorer answers a query; DuckDB-Wasm loads on the SQL page only.
 * Accessibility: axe-core (WCAG 2.0/2.1 A and AA) finds no serious or critical violation on any page type, the
 * briefing's HTML included; the interactive pages work from the keyboard alone with a visible focus; pages reflow
 * at 200% zoom without horizontal scrolling.
 * Reads the site test/global-setup.ts builds; needs an installed Chromium (data-loaders/lib/chromium.ts).
 * Screenshots go to test-artifacts/.
 */
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { parse } from "csv-parse/sync";
import { describe, expect, it } from "vitest";
import { axeViolations, expectAccessible, failing, formatFindings } from "./helpers/axe.ts";
import {
  focusIsVisible,
  launchBrowser,
  overflowingText,
  screenshot,
  settle,
  tabTo,
  visit,
  type Visit,
} from "./helpers/browser.ts";
import {
  ROOT,
  builtBriefingsDir,
  builtPage,
  builtSiteDir,
  pillarPages as builtPillarPages,
  useBuiltSite,
  builtOutputs,
} from "./helpers/site.ts";

// The site and the briefings are built while the database-only test files run: wait for them (global-setup.ts).
await builtOutputs();

const VOTES_FILES = ["undl-ccm-votes-2015-2021.csv", "undl-ccm-votes-2022-2024.csv"].map((f) =>
  join(ROOT, "sources", "unga", f),
);
const briefingHtml = () => join(builtBriefingsDir(), "13MSP", "briefing.html");

const site = useBuiltSite();

const pillarPages = builtPillarPages();
// A sample of State pages: parties, non-parties, a withdrawn State, a State named in findings.
const sampleStates = ["RUS", "LTU", "NOR", "USA", "AFG", "LAO"].filter((iso3) =>
  existsSync(builtPage(`states/${iso3}`)),
);
const pages = [
  "/",
  "/indicators",
  "/universalization",
  "/states/",
  "/data-quality",
  "/briefings",
  "/downloads",
  ...pillarPages,
  ...sampleStates.map((s) => `/states/${s}`),
];

/**
 * Open the page (with every collapsed part, data tables under charts and column lists, opened) and fail when axe
 * finds a serious or critical violation.
 */
async function openAllAndCheckAccessible(v: Visit, path: string): Promise<void> {
  await v.page.evaluate(() => document.querySelectorAll("details").forEach((d) => (d.open = true)));
  await settle(v.page);
  await expectAccessible(v.page, path);
}

// Each page is opened once for both checks: loading it is a good part of each check's time.
describe.concurrent(
  "every page loads cleanly and passes axe-core (WCAG 2.0/2.1 A and AA), a sample of State pages too",
  () => {
    it("has pages to test", () => {
      expect(pillarPages.length).toBeGreaterThanOrEqual(5);
      expect(sampleStates.length).toBeGreaterThanOrEqual(4);
    });

    for (const path of pages) {
      it(`${path}: no console errors, failed or off-host requests, no DuckDB-Wasm; no serious or critical axe violation`, async () => {
        const v = await visit(site.session.browser, site.baseUrl, path);
        try {
          // Framework shows a cell's error in the page itself, not only on the console.
          await settle(v.page);
          const cellErrors = await v.page.locator(".observablehq--error").allTextContents();
          await screenshot(v.page, `page${path === "/" ? "-index" : path}`);
          expect(v.consoleErrors).toEqual([]);
          expect(cellErrors).toEqual([]);
          expect(v.failedRequests).toEqual([]);
          expect(v.offHostRequests).toEqual([]);
          expect(v.requests.filter((u) => /duckdb/i.test(u))).toEqual([]);
          expect(await v.page.locator("h1").first().textContent()).toBeTruthy();
          // Every table drawn at build time is shown once read (style.css hides one until its .table-end arrives).
          const hiddenTables = await v.page
            .locator(".ends-marked > table")
            .evaluateAll((tables) => tables.filter((t) => getComputedStyle(t).visibility !== "visible").length);
          expect(hiddenTables).toBe(0);
          await openAllAndCheckAccessible(v, path);
        } finally {
          await v.close();
        }
      });
    }

    // The SQL explorer loads DuckDB-Wasm by design; its own tests below check that it loads from this site only.
    it("/sql: no serious or critical axe violation", async () => {
      const v = await visit(site.session.browser, site.baseUrl, "/sql");
      try {
        await settle(v.page);
        await openAllAndCheckAccessible(v, "/sql");
      } finally {
        await v.close();
      }
    });

    it("the briefing's HTML, from which the PDF is printed: no serious or critical violation", async () => {
      expect(existsSync(briefingHtml()), "briefings/13MSP/briefing.html was not written by the global setup").toBe(
        true,
      );
      const page = await site.session.browser.newPage();
      try {
        await page.setContent(readFileSync(briefingHtml(), "utf8"), { waitUntil: "load" });
        await expectAccessible(page, "briefings/13MSP/briefing.html");
      } finally {
        await page.close();
      }
    });

    it("the checker finds what it must: a page with known faults fails with rule, element and page", async () => {
      const page = await site.session.browser.newPage();
      try {
        await page.setContent(
          '<html><head><title>t</title></head><body><main><p style="color:#aaa">faint</p><ul><label>x</label></ul><svg><g aria-label="line"></g></svg></main></body></html>',
        );
        const findings = failing(await axeViolations(page, "fixture"));
        expect(findings.map((f) => f.rule).sort()).toEqual([
          "aria-prohibited-attr",
          "color-contrast",
          "html-has-lang",
          "list",
        ]);
        expect(formatFindings(findings)).toMatch(
          /^fixture: color-contrast \(serious, 1 element\).*\n\s+p\s+<p style="color:#aaa">faint<\/p>/m,
        );
        await expect(expectAccessible(page, "fixture")).rejects.toThrow(
          /4 serious or critical violations\n(.|\n)*fixture: list/,
        );
      } finally {
        await page.close();
      }
    });
  },
);

describe.concurrent("200% zoom: pages reflow without horizontal scrolling", () => {
  // 200% zoom of a 1280 × 900 window is a 640 × 450 CSS-pixel viewport.
  const zoomed = { width: 640, height: 450 };
  for (const path of [
    "/",
    "/universalization",
    "/states/",
    "/data-quality",
    "/briefings",
    "/downloads",
    pillarPages[0]!,
    `/states/${sampleStates[0]}`,
  ]) {
    it(`${path}: the page is no wider than the window; only data tables may scroll, inside their own frame`, async () => {
      const v = await visit(site.session.browser, site.baseUrl, path, { viewport: zoomed });
      try {
        await settle(v.page);
        await v.page.evaluate(() => document.querySelectorAll("details").forEach((d) => (d.open = true)));
        await settle(v.page);
        expect(await overflowingText(v.page)).toEqual([]);
        expect(await v.page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(zoomed.width);
        // A table that scrolls sideways can be scrolled from the keyboard.
        const frames = await v.page
          .locator(".table-wrap, .table-scroll")
          .evaluateAll((els) =>
            els
              .filter((e) => e.scrollWidth > e.clientWidth + 1)
              .map((e) => `${e.getAttribute("tabindex")} ${e.querySelector("caption")?.textContent}`),
          );
        expect(frames.filter((f) => !f.startsWith("0 "))).toEqual([]);
        await screenshot(v.page, `zoom200${path === "/" ? "-index" : path}`);
      } finally {
        await v.close();
      }
    });
  }
});

/**
 * The inline charts of a page's HTML as served (before any script runs): role, name, described-by, marks, and the
 * drawing ("wide" for a desktop column, "narrow" for a phone, "single" for a chart drawn once).
 */
function inlineCharts(
  html: string,
): { label: string; describedBy: string; paths: number; tableFound: boolean; layout: string }[] {
  return [
    ...html.matchAll(
      /<div class="chart-svg(?: chart-(wide|narrow))?"><svg role="img" aria-label="([^"]*)" aria-describedby="([^"]*)"[\s\S]*?<\/svg>/g,
    ),
  ].map((m) => ({
    layout: m[1] ?? "single",
    label: m[2]!,
    describedBy: m[3]!,
    paths: (m[0].match(/<path /g) ?? []).length,
    tableFound: html.includes(`<table class="data" id="${m[3]}"`),
  }));
}

/** The desktop drawing of each chart (a chart drawn once counts as its own). */
const wideCharts = (html: string) => inlineCharts(html).filter((c) => c.layout !== "narrow");

/**
 * The layout shifts of a page until it has settled (the Layout Instability API), none after an input, with what
 * moved. Framework's table-of-contents marker (a bar that slides to the heading in view) is left out: it moves by
 * design, by hundredths of a pixel as it starts.
 */
async function layoutShifts(page: Visit["page"], since: string): Promise<{ value: number; moved: string[] }[]> {
  return page.evaluate(
    (mark) =>
      new Promise<{ value: number; moved: string[] }[]>((resolve) => {
        const from = performance.getEntriesByName(mark)[0]?.startTime ?? 0;
        const found: { value: number; moved: string[] }[] = [];
        new PerformanceObserver((list) => {
          for (const entry of list.getEntries() as (PerformanceEntry & {
            value: number;
            hadRecentInput: boolean;
            sources: { node: Node | null; previousRect: DOMRectReadOnly; currentRect: DOMRectReadOnly }[];
          })[]) {
            const sources = entry.sources.filter(
              ({ node }) => !(node instanceof Element && node.matches(".observablehq-secondary-link-highlight")),
            );
            if (entry.hadRecentInput || !sources.length || entry.startTime < from) continue;
            const moved = sources.map(({ node, previousRect, currentRect }) => {
              const element = node instanceof Element ? node : node?.parentElement;
              const name = element
                ? `${element.localName}${element.id ? `#${element.id}` : element.className ? `.${String(element.className).split(" ")[0]}` : ""}`
                : "?";
              return `${node instanceof Text ? "text in " : ""}${name} from (${Math.round(previousRect.x)}, ${Math.round(previousRect.y)}) to (${Math.round(currentRect.x)}, ${Math.round(currentRect.y)})`;
            });
            found.push({ value: entry.value, moved });
          }
        }).observe({ type: "layout-shift", buffered: true });
        setTimeout(() => resolve(found), 100);
      }),
    since,
  );
}

describe.concurrent("nothing moves as a page loads and its scripts take it up", () => {
  // The page is held, for the test, just before the scripts at the end of its <body> (a script that the test's
  // server answers once the page has painted two frames): the browser paints the whole page first, then the table tools and Framework's
  // cells run. Whatever a script then inserts above something painted, or grows, moves it (the long tables' tools,
  // the map's date control, the citation's address were such). Without the pause the whole page is often parsed
  // and enhanced before its first paint, which hides those moves. Only the moves after the pause count: the moves
  // before it, of a long table painted while it is read, are the tests' below these.
  for (const path of [
    "/",
    "/indicators",
    "/universalization",
    "/states/",
    "/findings",
    "/data-quality",
    "/downloads",
    "/pillars/A",
    "/states/NOR",
  ]) {
    it(`${path}: no layout shift when the scripts run after the page was painted`, async () => {
      const page = await site.session.browser.newPage();
      try {
        // The page as built, read from its file (what the server sends), not fetched from the server by Node:
        // Node's fetch could meet a kept-alive connection the server was closing (ECONNRESET, once in a run).
        const html = readFileSync(builtPage(path.endsWith("/") ? `${path.slice(1)}index` : path.slice(1)), "utf8");
        const at = html.lastIndexOf("<script>");
        expect(at).toBeGreaterThan(html.indexOf("<body"));
        await page.route(`${site.baseUrl}${path}`, (route) =>
          route.fulfill({
            contentType: "text/html; charset=utf-8",
            body: `${html.slice(0, at)}<script src="/test-pause.js"></script>${html.slice(at)}`,
          }),
        );
        await page.route(`${site.baseUrl}/test-pause.js`, async (route) => {
          // Until the parser has reached it (the preload scanner asks for it earlier), then until the browser has
          // painted the page as parsed so far, whatever the machine's load: two frames.
          await page.waitForFunction(() => document.querySelector('script[src="/test-pause.js"]') !== null);
          await page.evaluate(
            () => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve))),
          );
          await route.fulfill({ contentType: "text/javascript", body: 'performance.mark("ccm-test-scripts");' });
        });
        await page.goto(`${site.baseUrl}${path}`, { waitUntil: "load" });
        await settle(page);
        const shifts = await layoutShifts(page, "ccm-test-scripts");
        expect(shifts.flatMap((s) => s.moved)).toEqual([]);
        // The moves this looks for could be seen: the scripts ran after the pause, which the browser's frames ended
        // (a frame is rendered only once the stylesheet is in: requestAnimationFrame waits for it).
        expect(await page.evaluate(() => performance.getEntriesByName("ccm-test-scripts").length)).toBe(1);
      } finally {
        await page.close();
      }
    });
  }

  // A long table painted before the browser has read all of it: the rows read after widen its columns. The page is
  // held, for the test, after the first rows of its first long table, until the browser has painted two frames.
  for (const path of ["/states/", "/findings"]) {
    it(`${path}: a long table is not shown until it has all arrived, so that no column widens in view`, async () => {
      const page = await site.session.browser.newPage();
      try {
        const html = readFileSync(builtPage(path.endsWith("/") ? `${path.slice(1)}index` : path.slice(1)), "utf8");
        const table = html.indexOf("<tbody>", html.indexOf(' ends-marked"'));
        let at = table;
        for (let row = 0; row < 12; row++) at = html.indexOf("</tr>", at) + "</tr>".length;
        expect(at).toBeGreaterThan(table);
        await page.route(`${site.baseUrl}${path}`, (route) =>
          route.fulfill({
            contentType: "text/html; charset=utf-8",
            body: `${html.slice(0, at)}<script src="/test-pause.js"></script>${html.slice(at)}`,
          }),
        );
        let hiddenWhileArriving: string[] = [];
        await page.route(`${site.baseUrl}/test-pause.js`, async (route) => {
          await page.waitForFunction(() => document.querySelector('script[src="/test-pause.js"]') !== null);
          await page.evaluate(
            () => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve))),
          );
          // The table being read, and the ones read whole before it.
          hiddenWhileArriving = await page.evaluate(() =>
            Array.from(document.querySelectorAll(".ends-marked > table")).map((t) => getComputedStyle(t).visibility),
          );
          await route.fulfill({ contentType: "text/javascript", body: "" });
        });
        await page.goto(`${site.baseUrl}${path}`, { waitUntil: "load" });
        await settle(page);
        expect(hiddenWhileArriving.at(-1)).toBe("hidden");
        expect(hiddenWhileArriving.slice(0, -1).every((v) => v === "visible")).toBe(true);
        const shown = await page.evaluate(() =>
          Array.from(document.querySelectorAll(".ends-marked > table")).map((t) => getComputedStyle(t).visibility),
        );
        expect(shown.length).toBeGreaterThan(0);
        expect(shown.every((v) => v === "visible")).toBe(true);
        const shifts = await layoutShifts(page, "(from the start)");
        expect(shifts.flatMap((s) => s.moved)).toEqual([]);
      } finally {
        await page.close();
      }
    });
  }

  it("the long tables' tools written at build time are the ones the script puts in their place", async () => {
    const v = await visit(site.session.browser, site.baseUrl, "/states/");
    try {
      const compared = await v.page.evaluate(async () => {
        // Each tools' markup without its ids, labels' targets and inert: what sizes it.
        const bare = (form: Element) => {
          const copy = form.cloneNode(true) as Element;
          for (const e of [copy, ...Array.from(copy.querySelectorAll("*"))])
            for (const a of ["id", "for", "inert"]) e.removeAttribute(a);
          return copy.outerHTML;
        };
        const written = new DOMParser().parseFromString(await (await fetch(location.href)).text(), "text/html");
        const pairs: { caption: string; written: string; live: string }[] = [];
        for (const form of Array.from(written.querySelectorAll(".table-tools[inert]"))) {
          const caption = form.nextElementSibling?.querySelector("caption")?.textContent ?? "";
          const live = Array.from(document.querySelectorAll<HTMLTableElement>("table.data")).find(
            (t) => t.caption?.textContent === caption,
          );
          const liveForm = live?.parentElement?.previousElementSibling;
          pairs.push({
            caption,
            written: bare(form),
            live: liveForm?.matches(".table-tools") ? bare(liveForm) : "(none)",
          });
        }
        return pairs;
      });
      expect(compared.length).toBeGreaterThan(0);
      for (const { caption, written, live } of compared) expect(live, caption).toBe(written);
      expect(await v.page.locator(".table-tools[inert]").count()).toBe(0);
    } finally {
      await v.close();
    }
  });
});

describe("charts are in the HTML, drawn at build time", () => {
  const html = (path: string) =>
    readFileSync(join(builtSiteDir(), `${path === "/" ? "index" : path.slice(1)}.html`), "utf8");

  it("the overview's HTML holds the pillar movements, membership and UNGA charts, each described by its data table", () => {
    const charts = wideCharts(html("/"));
    expect(charts.map((c) => c.describedBy)).toEqual([
      "table-pillar-movements",
      "table-membership",
      "table-unga-votes",
    ]);
    for (const c of charts) {
      expect(c.paths).toBeGreaterThan(3);
      expect(c.label.length).toBeGreaterThan(40);
      expect(c.tableFound).toBe(true);
    }
  });

  it("every pillar page holds its chart and a table row per indicator, without running a script", () => {
    for (const path of pillarPages) {
      const page = html(path);
      const charts = wideCharts(page);
      expect(charts.length, path).toBe(1);
      expect(charts[0]!.label).toMatch(/^Small line charts of the \d+ indicators of pillar [A-K]/);
      expect(charts[0]!.tableFound).toBe(true);
      expect((page.match(/<tr id="indicator-/g) ?? []).length, path).toBeGreaterThan(0);
    }
  });

  it("the universalization page holds the map (a shape per State) and the vote chart", () => {
    const charts = wideCharts(html("/universalization"));
    expect(charts.map((c) => c.describedBy)).toEqual(["table-status-on-date", "table-votes"]);
    expect(charts[0]!.paths).toBeGreaterThan(150);
    expect(charts[1]!.paths).toBeGreaterThan(5);
  });

  it("every chart of the overview, the pillar pages and Universalization is drawn twice, for a desktop column and for a phone", () => {
    for (const path of ["/", "/universalization", ...pillarPages]) {
      const charts = inlineCharts(html(path));
      const wide = charts.filter((c) => c.layout === "wide").map((c) => c.describedBy);
      expect(wide.length, path).toBeGreaterThan(0);
      expect(
        charts.filter((c) => c.layout === "narrow").map((c) => c.describedBy),
        path,
      ).toEqual(wide);
    }
  });

  it("with JavaScript disabled, a reader still sees the charts and their numbers", async () => {
    const noScript = await launchBrowser({ javaScript: false });
    try {
      for (const path of ["/", "/universalization", pillarPages[0]!]) {
        const v = await visit(noScript.browser, site.baseUrl, path);
        try {
          const charts = v.page.locator("figure.chart svg[role=img]");
          expect(await charts.count(), path).toBeGreaterThan(0);
          const box = await charts.first().boundingBox();
          expect(box?.width ?? 0, path).toBeGreaterThan(200);
          expect(await v.page.locator("table.data").count(), path).toBeGreaterThan(0);
          await screenshot(v.page, `no-js${path === "/" ? "-index" : path}`);
        } finally {
          await v.close();
        }
      }
    } finally {
      await noScript.close();
    }
  });
});

describe("charts fit their column and stay legible, desktop and phone", () => {
  /** Each chart shown: its drawn width, its width on screen, its column's, and its smallest text in CSS px. */
  const shownCharts = (v: Visit) =>
    v.page.evaluate(() =>
      Array.from(document.querySelectorAll<SVGSVGElement>("figure.chart .chart-svg svg"))
        .filter((svg) => svg.getBoundingClientRect().width > 0)
        .map((svg) => {
          const sizes = Array.from(svg.querySelectorAll("text"))
            .filter((t) => t.textContent?.trim())
            .map((t) => {
              const m = t.getScreenCTM();
              return parseFloat(getComputedStyle(t).fontSize) * (m ? Math.hypot(m.a, m.b) : 1);
            });
          return {
            chart: svg.getAttribute("aria-describedby"),
            label: svg.getAttribute("aria-label") ?? "",
            drawn: Number(svg.getAttribute("width")),
            shown: svg.getBoundingClientRect().width,
            column: svg.closest("figure")!.getBoundingClientRect().width,
            smallest: Math.min(...sizes),
          };
        }),
    );

  for (const [width, name] of [
    [1280, "desktop"],
    [390, "phone"],
  ] as const)
    it(`${name}, ${width} px: every chart is shown at the size it was drawn, within its column, its text at least 10 px`, async () => {
      for (const path of ["/", "/universalization", ...pillarPages.slice(0, 3)]) {
        const v = await visit(site.session.browser, site.baseUrl, path, { viewport: { width, height: 900 } });
        try {
          const charts = await shownCharts(v);
          expect(charts.length, path).toBeGreaterThan(0);
          for (const c of charts) {
            const where = `${path} ${c.chart}: drawn ${c.drawn} px, shown ${c.shown} px in ${c.column} px`;
            expect(c.shown, where).toBeLessThanOrEqual(c.column + 0.5);
            expect(Math.abs(c.shown - c.drawn), where).toBeLessThan(1);
            expect(c.smallest, where).toBeGreaterThanOrEqual(9.95);
          }
          // On a phone the map shows Europe enlarged, where the world map's States are a few pixels wide.
          if (path === "/universalization") expect(charts[0]!.label).toContain("and Europe enlarged below it");
          expect(await v.page.evaluate(() => document.documentElement.scrollWidth), path).toBeLessThanOrEqual(width);
          await screenshot(v.page, `charts-${name}${path === "/" ? "-index" : path}`);
        } finally {
          await v.close();
        }
      }
    });
});

describe("interaction on top of the drawn charts", () => {
  it("the map's date control re-draws the map and its counts for another day", async () => {
    const v = await visit(site.session.browser, site.baseUrl, "/universalization");
    try {
      const parties = () =>
        v.page
          .locator("#status-on-date table.data")
          .first()
          .locator("tbody tr")
          .first()
          .locator("td")
          .nth(1)
          .textContent();
      const today = Number(await parties());
      // The map's own list, by its id: the page's first select is whichever control's data arrived first (the vote
      // explorer's list came first on a loaded CI machine, and had no such day).
      await v.page.locator("#status-day").selectOption({ label: "31 December 2010" });
      await expect.poll(async () => Number(await parties())).toBeLessThan(today);
      const shapes = v.page.locator("#status-on-date svg path");
      await expect.poll(() => shapes.count()).toBeGreaterThan(150);
      expect(await v.page.locator("#status-on-date svg").first().getAttribute("aria-label")).toMatch(
        /31 December 2010/,
      );
      expect(v.consoleErrors).toEqual([]);
      await screenshot(v.page, "universalization-2010");
    } finally {
      await v.close();
    }
  });

  it("the vote explorer re-draws the chart grouped by CCM status at the vote", async () => {
    const v = await visit(site.session.browser, site.baseUrl, "/universalization");
    try {
      await v.page.getByRole("radio", { name: "CCM status at the vote" }).check();
      const label = () => v.page.locator("#vote-explorer svg").first().getAttribute("aria-label");
      await expect.poll(label).toMatch(/by CCM status at the vote/);
      const groups = await v.page.locator("#vote-explorer svg .mark-rect path").count();
      expect(groups).toBeGreaterThan(2);
      expect(v.consoleErrors).toEqual([]);
    } finally {
      await v.close();
    }
  });
});

describe("State pages show real data", () => {
  it("the Russian Federation page lists its recorded votes 2015–2024 exactly as in the UNDL files", async () => {
    const rows = VOTES_FILES.flatMap(
      (f) => parse(readFileSync(f), { columns: true }) as { ms_code: string; resolution: string; ms_vote: string }[],
    );
    const expected = rows
      .filter((r) => r.ms_code === "RUS")
      .map((r) => [r.resolution, { Y: "Yes", N: "No", A: "Abstain", X: "Non-voting" }[r.ms_vote]]);
    expect(expected.length).toBe(10);
    expect(expected.map(([resolution]) => resolution)).toContain("A/RES/79/58");
    const v = await visit(site.session.browser, site.baseUrl, "/states/RUS");
    try {
      const table = v.page.locator("table.data", { has: v.page.locator("caption", { hasText: "Recorded votes" }) });
      const shown = await table
        .locator("tbody tr")
        .evaluateAll((trs) =>
          trs.map((tr) => [tr.children[1]?.textContent?.trim(), tr.children[3]?.textContent?.trim()]),
        );
      expect(shown).toEqual(expect.arrayContaining(expected));
      expect(shown.length).toBeGreaterThanOrEqual(expected.length);
      await screenshot(v.page, "state-RUS");
    } finally {
      await v.close();
    }
  });
});

describe("the report against the UN's records", () => {
  it("the Data quality page lists each disagreement with both sides and both sources", async () => {
    const v = await visit(site.session.browser, site.baseUrl, "/data-quality");
    try {
      const table = v.page.locator("table.data", {
        has: v.page.locator("caption", { hasText: "disagreements between the report and the records" }),
      });
      const rows = await table.locator("tbody tr").evaluateAll((trs) => trs.map((tr) => tr.textContent ?? ""));
      expect(rows.length).toBe(11);
      const gabon = rows.find((r) => r.includes("Gabon"));
      expect(gabon).toContain("named as a State not party voting in favour (13MSP Progress Report, para 67)");
      expect(gabon).toContain("non-voting on A/RES/79/58");
      expect(gabon).toContain("https://digitallibrary.un.org/record/4068499");
    } finally {
      await v.close();
    }
  });

  it("the Data quality page has a Revisions section, which says there is one report to compare", async () => {
    const v = await visit(site.session.browser, site.baseUrl, "/data-quality");
    try {
      await v.page.locator("h2", { hasText: "Revisions between reports" }).waitFor();
      const text = await v.page.locator("main").textContent();
      expect(text).toContain(
        "The database holds one progress report (13MSP): there is no earlier printing to compare with yet.",
      );
    } finally {
      await v.close();
    }
  });

  it("Gabon's State page shows its 2024 vote from the UN record and the report's contrary statement", async () => {
    const v = await visit(site.session.browser, site.baseUrl, "/states/GAB");
    try {
      const votes = v.page.locator("table.data", { has: v.page.locator("caption", { hasText: "Recorded votes" }) });
      const y2024 = await votes.locator("tbody tr", { hasText: "A/RES/79/58" }).textContent();
      expect(y2024).toContain("Non-voting");
      const issues = v.page.locator("table.data", {
        has: v.page.locator("caption", { hasText: "disagree with the UN's records" }),
      });
      expect(await issues.locator("tbody tr").count()).toBe(1);
    } finally {
      await v.close();
    }
  });
});

describe("accessible and printable", () => {
  it("the States directory works from the keyboard alone: Tab to its one filter box, type, Tab to the State, Enter", async () => {
    const v = await visit(site.session.browser, site.baseUrl, "/states/");
    try {
      const page = v.page;
      let onSearch = false;
      for (let i = 0; i < 60 && !onSearch; ++i) {
        await page.keyboard.press("Tab");
        // The directory's filter box (the site's search in the sidebar comes first).
        onSearch = await page.evaluate(
          () =>
            document.activeElement instanceof HTMLInputElement &&
            document.activeElement.type === "search" &&
            document.activeElement.closest("#observablehq-main") !== null,
        );
      }
      expect(onSearch).toBe(true);
      // One box, labelled, and it is the first thing in the page that takes words.
      const boxes = page.locator("#observablehq-main input[type=search]");
      expect(await boxes.count()).toBe(1);
      expect(
        await page.evaluate(() => (document.activeElement as HTMLInputElement).labels?.[0]?.textContent?.trim()),
      ).toBe("Filter");
      await page.keyboard.type("Norway");
      await expect.poll(() => page.locator("table.data tbody tr:not([hidden])").count()).toBe(1);
      let onLink = false;
      for (let i = 0; i < 20 && !onLink; ++i) {
        await page.keyboard.press("Tab");
        onLink = await page.evaluate(() => document.activeElement?.textContent === "Norway");
      }
      expect(onLink).toBe(true);
      // The focused link shows a visible outline.
      expect(await page.evaluate(() => getComputedStyle(document.activeElement!).outlineStyle)).not.toBe("none");
      await Promise.all([page.waitForURL(/\/states\/NOR$/), page.keyboard.press("Enter")]);
      await expect.poll(() => page.locator("h1").first().textContent()).toBe("Norway");
    } finally {
      await v.close();
    }
  });

  it("the universalization page works from the keyboard alone: the map's date, then the vote explorer's resolution, grouping and vote filter", async () => {
    const v = await visit(site.session.browser, site.baseUrl, "/universalization");
    const page = v.page;
    try {
      await settle(page);
      const countsCaption = () =>
        page.locator("#status-on-date table.data caption", { hasText: "States by status" }).textContent();
      const partiesNow = () =>
        page
          .locator("#status-on-date table.data", { has: page.locator("caption", { hasText: "States by status" }) })
          .locator("tbody tr")
          .first()
          .locator("td")
          .nth(1)
          .textContent();
      const today = Number(await partiesNow());

      // The map's date control: Tab to it, then arrow keys to the day it lists. Arrow keys, not typed text: a
      // select's type-to-find starts again after a pause between keys, and a loaded machine made one (CI chose
      // "31 December 2008" from the typed "31 December 2010").
      expect(await tabTo(page, (el) => el instanceof HTMLSelectElement && el.id === "status-day")).toBe(true);
      expect(await focusIsVisible(page)).toBe(true);
      const steps = await page.evaluate(() => {
        const select = document.activeElement as HTMLSelectElement;
        const target = Array.from(select.options).findIndex((o) => o.text === "31 December 2010");
        return target < 0 ? Number.NaN : target - select.selectedIndex;
      });
      expect(steps).not.toBeNaN();
      for (let i = 0; i < Math.abs(steps); ++i) await page.keyboard.press(steps > 0 ? "ArrowDown" : "ArrowUp");
      // The map is drawn again for each of the steps: 1.0–1.9 s in all here, over the poll's default second.
      await expect.poll(countsCaption, { timeout: 10_000 }).toContain("31 December 2010");
      expect(Number(await partiesNow())).toBeLessThan(today);
      await expect.poll(() => page.locator("[role=img][aria-label*='31 December 2010']").count()).toBe(1);

      // The vote explorer: the resolution list answers the arrow keys.
      const votesCaption = () => page.locator("table.data caption", { hasText: / votes$/ }).textContent();
      const before = await votesCaption();
      expect(await tabTo(page, (el) => el instanceof HTMLSelectElement)).toBe(true);
      expect(await focusIsVisible(page)).toBe(true);
      await page.keyboard.press("ArrowUp");
      await expect.poll(votesCaption).not.toBe(before);

      // Group by: Tab reaches the checked radio button, an arrow key chooses the other one.
      expect(await tabTo(page, (el) => el instanceof HTMLInputElement && el.type === "radio")).toBe(true);
      expect(await focusIsVisible(page)).toBe(true);
      await page.keyboard.press("ArrowDown");
      await expect
        .poll(() => page.locator("#vote-explorer details.alt summary").textContent())
        .toContain("by CCM status at the vote");

      // The vote filter: Space on "Yes" leaves no yes vote in the table.
      const voteColumn = () =>
        page
          .locator("table.data", { has: page.locator("caption", { hasText: / votes$/ }) })
          .locator("tbody tr td:nth-child(4)")
          .allTextContents();
      expect(await voteColumn()).toContain("Yes");
      expect(
        await tabTo(
          page,
          (el) =>
            el instanceof HTMLInputElement && el.type === "checkbox" && el.labels?.[0]?.textContent?.trim() === "Yes",
        ),
      ).toBe(true);
      expect(await focusIsVisible(page)).toBe(true);
      await page.keyboard.press("Space");
      await expect.poll(voteColumn).not.toContain("Yes");
      await settle(page);
      // One filter box for the votes, the table's own, labelled with what it filters.
      const boxes = page.locator("#observablehq-main input[type=search]");
      expect(await boxes.count()).toBe(1);
      expect(await boxes.first().getAttribute("aria-label")).toMatch(/^Filter rows of: .* votes$/);

      // And the page as the keyboard left it still passes axe.
      await expectAccessible(page, "/universalization after the keyboard walk");
      await screenshot(page, "universalization-keyboard");
    } finally {
      await page.close();
    }
  });

  it("every chart is one image with a name, pointing to its data table", async () => {
    for (const path of ["/", pillarPages[0]!, "/universalization"]) {
      const v = await visit(site.session.browser, site.baseUrl, path);
      try {
        await settle(v.page);
        const charts = await v.page.locator("[role=img]").evaluateAll((els) =>
          els.map((el) => ({
            name: el.getAttribute("aria-label") ?? "",
            table: document.getElementById(el.getAttribute("aria-details") ?? "")?.querySelector("table") != null,
          })),
        );
        expect(charts.length, path).toBeGreaterThan(0);
        for (const c of charts) {
          expect(c.name.length, `${path}: a chart without a name`).toBeGreaterThan(10);
          expect(c.table, `${path}: "${c.name}" points to no data table`).toBe(true);
        }
      } finally {
        await v.close();
      }
    }
  });

  it("shows where the focus is at every Tab stop of the overview, sidebar and table of contents included", async () => {
    const v = await visit(site.session.browser, site.baseUrl, "/");
    try {
      await settle(v.page);
      const stops: string[] = [];
      for (let i = 0; i < 120; ++i) {
        await v.page.keyboard.press("Tab");
        const where = await v.page.evaluate(() => {
          const el = document.activeElement;
          // Controls without text (the sidebar toggle, the search box) are told apart by their name or id.
          return el && el !== document.body
            ? `${el.tagName.toLowerCase()} ${(el.textContent?.trim() || el.getAttribute("aria-label") || el.id || "").trim().slice(0, 40)}`
            : "";
        });
        if (!where || stops.includes(where)) break; // back at the start
        stops.push(where);
        expect(await focusIsVisible(v.page), `no visible focus on ${where}`).toBe(true);
      }
      expect(stops.length).toBeGreaterThan(10);
    } finally {
      await v.close();
    }
  });

  for (const path of ["/data-quality", "/universalization", `/states/${sampleStates[0]}`]) {
    it(`${path} prints on A4 without text cut off at the right edge`, async () => {
      // 190 mm of printable width at 96 dpi.
      const v = await visit(site.session.browser, site.baseUrl, path, { viewport: { width: 718, height: 1000 } });
      try {
        await settle(v.page);
        await v.page.evaluate(() => dispatchEvent(new Event("beforeprint")));
        await v.page.emulateMedia({ media: "print" });
        await settle(v.page);
        expect(await overflowingText(v.page)).toEqual([]);
      } finally {
        await v.close();
      }
    });
  }

  it("prints without the sidebar and with every chart's data table", async () => {
    const v = await visit(site.session.browser, site.baseUrl, pillarPages[0]!);
    try {
      await v.page.evaluate(() => dispatchEvent(new Event("beforeprint")));
      await v.page.emulateMedia({ media: "print" });
      expect(await v.page.locator("#observablehq-sidebar").evaluate((el) => getComputedStyle(el).display)).toBe("none");
      const alternatives = v.page.locator("details.alt");
      expect(await alternatives.count()).toBeGreaterThan(0);
      // Charts re-render at the print width; their data tables must come back open.
      await expect
        .poll(() => alternatives.evaluateAll((ds) => ds.every((d) => (d as HTMLDetailsElement).open)))
        .toBe(true);
      await screenshot(v.page, `print${pillarPages[0]}`);
    } finally {
      await v.close();
    }
  });
});

describe("SQL explorer", () => {
  it("loads DuckDB-Wasm from this site only and answers a query over the UNGA votes, typed from the keyboard", async () => {
    const v = await visit(site.session.browser, site.baseUrl, "/sql");
    try {
      const result = v.page.locator("table.data caption", { hasText: "rows" });
      await result.waitFor({ timeout: 60_000 });
      // The answer comes from the real UNDL files: their row count over their ten resolutions.
      const rows = VOTES_FILES.flatMap((f) => parse(readFileSync(f), { columns: true }) as { resolution: string }[]);
      const resolutions = [...new Set(rows.map((r) => r.resolution))];
      expect(resolutions.length).toBe(10);
      // From the keyboard alone: Tab to the editor, replace the query, Ctrl+Enter.
      expect(await tabTo(v.page, (el) => el instanceof HTMLTextAreaElement)).toBe(true);
      expect(await focusIsVisible(v.page)).toBe(true);
      await v.page.keyboard.press("Control+A");
      await v.page.keyboard.type(
        `SELECT count(*) AS n FROM unga_votes WHERE resolution_id IN (${resolutions.map((r) => `'${r}'`).join(", ")})`,
      );
      await v.page.keyboard.press("Control+Enter");
      const cell = v.page
        .locator("table.data", { has: v.page.locator("caption", { hasText: / rows$/ }) })
        .locator("tbody tr td")
        .first();
      await expect.poll(() => cell.textContent(), { timeout: 30_000 }).toBe(String(rows.length));
      expect(v.offHostRequests).toEqual([]);
      expect(v.failedRequests).toEqual([]);
      expect(v.consoleErrors).toEqual([]);
      expect(v.requests.some((u) => u.endsWith(".wasm"))).toBe(true);
      await screenshot(v.page, "sql-explorer");
    } finally {
      await v.close();
    }
  });
});

describe("the visits of these tests", () => {
  it("a page given back by a visit starts the next one clean: screen media, the default size, no earlier listener, storage or document", async () => {
    const first = await visit(site.session.browser, site.baseUrl, "/", { viewport: { width: 390, height: 800 } });
    await first.page.emulateMedia({ media: "print" });
    await first.page.evaluate(() => {
      sessionStorage.setItem("left-behind", "1");
      (window as unknown as { leftBehind: number }).leftBehind = 1;
      console.error("from the first visit");
    });
    const page = first.page;
    await first.close();
    const next = await visit(site.session.browser, site.baseUrl, "/indicators");
    try {
      // The same page (a new one is a new renderer process: what the reuse saves), in its default state.
      expect(next.page).toBe(page);
      expect(await next.page.evaluate(() => matchMedia("print").matches)).toBe(false);
      expect(next.page.viewportSize()).toEqual({ width: 1280, height: 900 });
      expect(
        await next.page.evaluate(() => [
          sessionStorage.getItem("left-behind"),
          "leftBehind" in window,
          location.pathname,
        ]),
      ).toEqual([null, false, "/indicators"]);
      // Each visit records only its own page's errors.
      await next.page.evaluate(() => console.error("from the second visit"));
      expect(next.consoleErrors).toEqual(["from the second visit"]);
      expect(first.consoleErrors).toEqual(["from the first visit"]);
    } finally {
      await next.close();
    }
  });

  it("a request to another host is listed and stopped in the browser: it never leaves the machine", async () => {
    const v = await visit(site.session.browser, site.baseUrl, "/");
    try {
      // 192.0.2.1 is reserved for documentation (RFC 5737). Unblocked, the request goes out to the network (here it
      // is refused, net::ERR_CONNECTION_REFUSED; elsewhere it may hang); the proxy's error says the browser stopped it.
      const outcome = await v.page.evaluate(() =>
        fetch("http://192.0.2.1/beacon.js").then(
          () => "answered",
          (e: unknown) => `failed: ${String(e)}`,
        ),
      );
      expect(outcome).toMatch(/^failed: /);
      expect(v.offHostRequests).toEqual(["http://192.0.2.1/beacon.js"]);
      expect(v.failedRequests).toEqual(["http://192.0.2.1/beacon.js (net::ERR_PROXY_CONNECTION_FAILED)"]);
      // The site's own requests still go straight to the local server.
      expect(await v.page.evaluate(() => fetch("/").then((r) => r.status))).toBe(200);
    } finally {
      await v.close();
    }
  });
});
