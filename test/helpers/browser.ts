/**
 * Real Chromium (Debian's chromium-headless-shell or /usr/bin/chromium, or the Chromium, Chrome or Edge found:
 * data-loaders/lib/chromium.ts) through playwright-core, against dist/ served on 127.0.0.1.
 * Every page visit records console errors, page errors, failed requests and requests to any other host.
 */
import { mkdirSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { chromium, type Browser, type BrowserContext, type Page } from "playwright-core";

import { CHROMIUM_ARGS, chromiumPath } from "../../data-loaders/lib/chromium.ts";

export const ARTIFACTS = join(import.meta.dirname, "..", "..", "test-artifacts");

const DEFAULT_VIEWPORT = { width: 1280, height: 900 };

/**
 * Every request to another host goes to a proxy that is not there (port 9 of this machine), so a regression cannot
 * reach the internet from a test: Chromium fails it at once (net::ERR_PROXY_CONNECTION_FAILED), and a visit still
 * lists it (`offHostRequests`). Chromium never sends the loopback addresses the site is served on through a proxy.
 * Not Playwright's request routing, which did the same before: routing turns off Chromium's HTTP cache and stops
 * every request for Node to decide on (20 page loads: 8.6 s of CPU with routing, 7.6 s with this proxy).
 */
export const OFF_HOST_BLOCK = ["--proxy-server=127.0.0.1:9"];

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
    args: [...CHROMIUM_ARGS, ...OFF_HOST_BLOCK],
    viewport: DEFAULT_VIEWPORT,
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
  /** Done with the page: it goes back to its browser's idle pages for the next visit (or is closed if it cannot). */
  close(): Promise<void>;
}

/**
 * Pages done with, per browser, for the next visit: a new page is a new renderer process, which cost more CPU than
 * most pages' own loading (8 visits: 7.3–8.3 s of the machine's CPU in new pages, 4.2–5.8 s in one page reused).
 */
const idlePages = new WeakMap<BrowserContext, Page[]>();

/** Give a page back clean: no listeners or routes of its visit, screen media, empty session storage, about:blank. */
async function release(context: BrowserContext, page: Page): Promise<void> {
  try {
    page.removeAllListeners();
    await page.unrouteAll({ behavior: "ignoreErrors" });
    await page.emulateMedia({ media: null });
    await page.evaluate(() => sessionStorage.clear()).catch(() => {});
    await page.goto("about:blank");
  } catch {
    await page.close().catch(() => {});
    return;
  }
  const idle = idlePages.get(context) ?? [];
  idlePages.set(context, idle);
  idle.push(page);
}

/**
 * Open `path` on the local server (at another viewport size if given) and wait until the network is quiet; record
 * everything that went wrong. The page may be one an earlier visit gave back (see release above): end the visit
 * with `close()`, not `page.close()`.
 */
export async function visit(
  context: BrowserContext,
  baseUrl: string,
  path: string,
  options: { viewport?: { width: number; height: number } } = {},
): Promise<Visit> {
  const page = idlePages.get(context)?.pop() ?? (await context.newPage());
  const viewport = options.viewport ?? DEFAULT_VIEWPORT;
  const size = page.viewportSize();
  if (size?.width !== viewport.width || size.height !== viewport.height) await page.setViewportSize(viewport);
  const host = new URL(baseUrl).host;
  const v: Visit = {
    page,
    consoleErrors: [],
    failedRequests: [],
    offHostRequests: [],
    requests: [],
    close: () => release(context, page),
  };
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
  // Every request counted until it finished or failed, so the visit returns once nothing is in flight (below).
  let inFlight = 0;
  let lastChange = performance.now();
  const pending = new Set<string>();
  page.on("request", (r) => {
    inFlight += 1;
    pending.add(r.url());
    lastChange = performance.now();
  });
  const finished = (r: { url(): string }) => {
    inFlight -= 1;
    pending.delete(r.url());
    lastChange = performance.now();
  };
  page.on("requestfinished", finished);
  page.on("requestfailed", finished);
  await page.goto(`${baseUrl}${path}`, { waitUntil: "load" });
  await networkQuiet(() => ({ inFlight, since: performance.now() - lastChange, pending }), path);
  return v;
}

/**
 * Wait until no request of the page has been in flight for QUIET_MS: what Playwright's "networkidle" does with a
 * fixed 500 ms, which cost every visit half a second on pages that are done when they load (the charts are in the
 * HTML). Scripts that start a request after a pause (none of ours) would need their own wait.
 */
const QUIET_MS = 200;
async function networkQuiet(
  state: () => { inFlight: number; since: number; pending: Set<string> },
  path: string,
  timeout = 60_000,
): Promise<void> {
  const started = performance.now();
  for (;;) {
    const { inFlight, since, pending } = state();
    if (inFlight <= 0 && since >= QUIET_MS) return;
    if (performance.now() - started > timeout)
      throw new Error(`${path}: requests still in flight after ${timeout} ms: ${[...pending].join(", ")}`);
    await new Promise((r) => setTimeout(r, 25));
  }
}

/**
 * A full-page screenshot into test-artifacts/, to look at with one's own eyes, when CCM_SCREENSHOTS=1 (they check
 * nothing, and a long page takes seconds to capture: the Downloads page 7 s); null otherwise.
 */
export async function screenshot(page: Page, name: string): Promise<string | null> {
  if (process.env.CCM_SCREENSHOTS !== "1") return null;
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
  // In the page: resolves once no mutation of the body has happened for `quiet` ms (or after 10 s of changes).
  await page.evaluate(
    (quiet) =>
      new Promise<void>((resolve) => {
        let timer = setTimeout(done, quiet);
        const observer = new MutationObserver(() => {
          clearTimeout(timer);
          timer = setTimeout(done, quiet);
        });
        const limit = setTimeout(done, 10_000);
        function done() {
          observer.disconnect();
          clearTimeout(limit);
          resolve();
        }
        observer.observe(document.body, { subtree: true, childList: true, attributes: true, characterData: true });
      }),
    150,
  );
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
