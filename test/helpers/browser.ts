/**
 * Real Chromium (Debian's /usr/bin/chromium, or the Chromium, Chrome or Edge found: data-loaders/lib/chromium.ts) through playwright-core, against dist/ served on 127.0.0.1.
 * Every page visit records console errors, page errors, failed requests and requests to any other host.
 */
import { mkdirSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { chromium, type Browser, type BrowserContext, type Page } from "playwright-core";

import { CHROMIUM_ARGS, chromiumPath } from "../../data-loaders/lib/chromium.ts";

export const ARTIFACTS = join(import.meta.dirname, "..", "..", "test-artifacts");

export interface BrowserSession {
  browser: BrowserContext;
  close(): Promise<void>;
}

/** A fresh headless Chromium; `javaScript: false` reads pages as a reader with scripts disabled does. */
export async function launchBrowser(options: { javaScript?: boolean } = {}): Promise<BrowserSession> {
  const profile = mkdtempSync(join(tmpdir(), "ccm-chromium-"));
  // A persistent context is how playwright passes --user-data-dir: a new, empty profile each run.
  const browser = await chromium.launchPersistentContext(profile, {
    executablePath: chromiumPath(),
    headless: true,
    args: CHROMIUM_ARGS,
    viewport: { width: 1280, height: 900 },
    javaScriptEnabled: options.javaScript ?? true,
    // Date inputs take keys in the locale's order (en-US: month, day, year); fixed so keyboard tests can type dates.
    locale: "en-US",
  });
  return {
    browser,
    async close() {
      await browser.close();
      rmSync(profile, { recursive: true, force: true });
    },
  };
}

export interface Visit {
  page: Page;
  consoleErrors: string[];
  failedRequests: string[];
  offHostRequests: string[];
  requests: string[];
}

/** Open `path` on the local server (at another viewport size if given) and wait until the network is idle; record everything that went wrong. */
export async function visit(
  context: BrowserContext,
  baseUrl: string,
  path: string,
  options: { viewport?: { width: number; height: number } } = {},
): Promise<Visit> {
  const page = await context.newPage();
  if (options.viewport) await page.setViewportSize(options.viewport);
  const host = new URL(baseUrl).host;
  const v: Visit = { page, consoleErrors: [], failedRequests: [], offHostRequests: [], requests: [] };
  page.on("console", (m) => {
    if (m.type() === "error") v.consoleErrors.push(m.text());
  });
  page.on("pageerror", (e) => v.consoleErrors.push(`pageerror: ${e.message}`));
  page.on("request", (r) => {
    v.requests.push(r.url());
    const url = new URL(r.url());
    if (!["data:", "blob:"].includes(url.protocol) && url.host !== host) v.offHostRequests.push(r.url());
  });
  page.on("requestfailed", (r) => v.failedRequests.push(`${r.url()} (${r.failure()?.errorText})`));
  page.on("response", (r) => {
    if (r.status() >= 400) v.failedRequests.push(`${r.url()} (HTTP ${r.status()})`);
  });
  // Block anything off-host so a regression cannot reach the internet from the test either.
  await page.route(
    (url) => url.host !== host && !["data:", "blob:"].includes(url.protocol),
    (route) => route.abort(),
  );
  await page.goto(`${baseUrl}${path}`, { waitUntil: "networkidle" });
  return v;
}

export async function screenshot(page: Page, name: string): Promise<string> {
  mkdirSync(ARTIFACTS, { recursive: true });
  const file = join(ARTIFACTS, `${name.replace(/[^\w.-]+/g, "_")}.png`);
  await page.screenshot({ path: file, fullPage: true });
  return file;
}

export type { Browser };

/**
 * Wait until the page has drawn: no Framework cell still loading, then the DOM unchanged for a moment
 * (charts that render asynchronously, such as vega-embed, add their SVG after the cell resolved).
 */
export async function settle(page: Page, timeout = 60_000): Promise<void> {
  await page.waitForFunction(() => !document.querySelector("observablehq-loading"), undefined, { timeout });
  let last = -1;
  for (let i = 0; i < 40; ++i) {
    const size = await page.evaluate(
      () => document.body.getElementsByTagName("*").length + document.body.innerHTML.length,
    );
    if (size === last) return;
    last = size;
    await page.waitForTimeout(250);
  }
}

/** Press Tab until `isTarget` holds for the focused element; false if it never does within `max` presses. */
export async function tabTo(page: Page, isTarget: (el: Element) => boolean, max = 80): Promise<boolean> {
  const test = `(${isTarget.toString()})(document.activeElement ?? document.body)`;
  for (let i = 0; i < max; ++i) {
    await page.keyboard.press("Tab");
    if (await page.evaluate(test)) return true;
  }
  return false;
}

/** Whether the focused element shows a focus indicator: an outline or a box shadow. */
export async function focusIsVisible(page: Page): Promise<boolean> {
  return page.evaluate(() => {
    const el = document.activeElement;
    if (!el || el === document.body) return false;
    const style = getComputedStyle(el);
    return (style.outlineStyle !== "none" && parseFloat(style.outlineWidth) > 0) || style.boxShadow !== "none";
  });
}

/**
 * Elements of the page's main column that stick out past the window's right edge, except inside a frame that
 * scrolls sideways (a wide data table): what a reader would have to scroll horizontally to read.
 */
export async function overflowingText(page: Page): Promise<string[]> {
  // No named helpers inside: the function runs in the page as its source text.
  return page.evaluate(() =>
    Array.from(document.querySelectorAll("#observablehq-main *"))
      .filter((el) => {
        if (el.getBoundingClientRect().right <= innerWidth + 1) return false;
        for (let p = el.parentElement; p; p = p.parentElement)
          if (["auto", "scroll"].includes(getComputedStyle(p).overflowX)) return false;
        return true;
      })
      .map((el) => `${el.tagName.toLowerCase()}: ${(el.textContent ?? "").trim().slice(0, 60)}`),
  );
}
