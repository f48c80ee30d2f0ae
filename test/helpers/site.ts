/**
 * The built site (dist/) served on 127.0.0.1 and one headless Chromium for a browser test file: registers the
 * file's beforeAll/afterAll and hands out the address and the browser once they are ready.
 */
import { existsSync, readdirSync } from "node:fs";
import type { Server } from "node:http";
import { join } from "node:path";
import { afterAll, beforeAll } from "vitest";
import { serveDist } from "../../scripts/site/serve.ts";
import { launchBrowser, type BrowserSession } from "./browser.ts";

export const ROOT = join(import.meta.dirname, "..", "..");
export const DIST = join(ROOT, "dist");

/** The pillar pages of the build, e.g. "/pillars/A". */
export function pillarPages(): string[] {
  return existsSync(join(DIST, "pillars")) ? readdirSync(join(DIST, "pillars")).filter((f) => f.endsWith(".html")).map((f) => `/pillars/${f.replace(/\.html$/, "")}`) : [];
}

export interface BuiltSite {
  readonly baseUrl: string;
  readonly session: BrowserSession;
}

/** Serve a built site (dist/, or the folder `folder` returns once the file's earlier beforeAll hooks ran). */
export function useBuiltSite(folder: () => string = () => DIST): BuiltSite {
  let server: Server | undefined;
  let baseUrl = "";
  let session: BrowserSession | undefined;
  beforeAll(async () => {
    const dir = folder();
    if (!existsSync(join(dir, "index.html"))) throw new Error(`${dir === DIST ? "dist/" : dir} is missing: run \`npm run site:build\` before the site tests`);
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
