/**
 * The site test/global-setup.ts built (from the database and briefings it built, into a temp folder) served on
 * 127.0.0.1 and one headless Chromium for a browser test file: registers the file's beforeAll/afterAll and hands
 * out the address and the browser once they are ready.
 */
import { existsSync, readdirSync, readFileSync } from "node:fs";
import type { Server } from "node:http";
import { join } from "node:path";
import { afterAll, beforeAll, inject } from "vitest";
import { serveDist } from "../../scripts/site/serve.ts";
import type { BuiltOutputs } from "../global-setup.ts";
import { launchBrowser, type BrowserSession } from "./browser.ts";

export const ROOT = join(import.meta.dirname, "..", "..");

/** How long a file waits for the briefings and the site of the run: far longer than their build ever took. */
const OUTPUTS_TIMEOUT_MS = 10 * 60_000;
let outputs: BuiltOutputs | undefined;

/**
 * Wait until the global setup has built the briefings and the site of this run (or failed to), which it does while
 * the tests that read only the database run. A test file that reads them awaits this at its top, before its tests
 * are collected (some are made from the built pages); the functions below need it done.
 */
export async function builtOutputs(): Promise<BuiltOutputs> {
  if (outputs) return outputs;
  const file = inject("builtOutputsFile");
  const started = performance.now();
  while (!existsSync(file)) {
    if (performance.now() - started > OUTPUTS_TIMEOUT_MS)
      throw new Error(`the global setup did not finish the briefings and the site within 10 minutes (${file})`);
    await new Promise((r) => setTimeout(r, 100));
  }
  outputs = JSON.parse(readFileSync(file, "utf8")) as BuiltOutputs;
  return outputs;
}

function built(): BuiltOutputs {
  if (!outputs)
    throw new Error(
      "the briefings and the site are built while the first tests run: `await builtOutputs()` at the top of the test file first",
    );
  return outputs;
}

/** The folder of the site built for this run; throws the build's own message when it failed. */
export function builtSiteDir(): string {
  const { siteDir, siteError } = built();
  if (!siteDir) throw new Error(`The site was not built for the tests:\n${siteError}`);
  return siteDir;
}

/** The briefings folder written for this run (briefings/<cycle>/ as `npm run build` writes it). */
export function builtBriefingsDir(): string {
  const { briefingsDir, briefingsError } = built();
  if (!briefingsDir) throw new Error(`The briefings were not written for the tests:\n${briefingsError}`);
  return briefingsDir;
}

/** A page of the built site, e.g. "states/LTU" (empty when the site was not built: its tests fail in beforeAll). */
export function builtPage(path: string): string {
  const dir = built().siteDir;
  return dir ? join(dir, `${path}.html`) : "";
}

/** The pillar pages of the build, e.g. "/pillars/A" (none when the site was not built). */
export function pillarPages(): string[] {
  const dir = built().siteDir;
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
    if (folder === builtSiteDir) await builtOutputs();
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
