/**
 * The site test/global-setup.ts built (from the database and briefings it built, into a temp folder) served on
 * 127.0.0.1 and one headless Chromium for a browser test file: registers the file's beforeAll/afterAll and hands
 * out the address and the browser once they are ready.
 */
import { existsSync, readdirSync } from "node:fs";
import type { Server } from "node:http";
import { join } from "node:path";
import { afterAll, beforeAll, inject } from "vitest";
import { serveDist } from "../../scripts/site/serve.ts";
import { launchBrowser, type BrowserSession } from "./browser.ts";

export const ROOT = join(import.meta.dirname, "..", "..");

/** The folder of the site built for this run; throws the build's own message when it failed. */
export function builtSiteDir(): string {
  const dir = inject("builtSiteDir");
  if (!dir) throw new Error(`The site was not built for the tests:\n${inject("builtSiteError")}`);
  return dir;
}

/** The briefings folder written for this run (briefings/<cycle>/ as `npm run build` writes it). */
export function builtBriefingsDir(): string {
  const dir = inject("builtBriefingsDir");
  if (!dir) throw new Error(`The briefings were not written for the tests:\n${inject("builtBriefingsError")}`);
  return dir;
}

/** A page of the built site, e.g. "states/LTU" (empty when the site was not built: its tests fail in beforeAll). */
export function builtPage(path: string): string {
  const dir = inject("builtSiteDir");
  return dir ? join(dir, `${path}.html`) : "";
}

/** The pillar pages of the build, e.g. "/pillars/A" (none when the site was not built). */
export function pillarPages(): string[] {
  const dir = inject("builtSiteDir");
  const pillars = join(dir, "pillars");
  return dir && existsSync(pillars)
    ? readdirSync(pillars)
        .filter((f) => f.endsWith(".html"))
        .map((f) => `/pillars/${f.replace(/\.html$/, "")}`)
    : [];
}

export interface BuiltSite {
  readonly baseUrl: string;
  readonly session: BrowserSession;
}

/** Serve a built site (this run's, or the folder `folder` returns once the file's earlier beforeAll hooks ran). */
export function useBuiltSite(folder: () => string = builtSiteDir): BuiltSite {
  let server: Server | undefined;
  let baseUrl = "";
  let session: BrowserSession | undefined;
  beforeAll(async () => {
    const dir = folder();
    if (!existsSync(join(dir, "index.html")))
      throw new Error(`${dir}/index.html is missing: the site build did not finish`);
    ({ server, url: baseUrl } = await serveDist(dir, 0));
    session = await launchBrowser();
  });
  afterAll(async () => {
    await session?.close();
    await new Promise((r) => server?.close(r));
  });
  return {
    get baseUrl() {
      return baseUrl;
    },
    get session() {
      if (!session) throw new Error("the browser is not started yet (use the site inside a test)");
      return session;
    },
  };
}
