/**
 * Builds the real database from sources/ once for the whole test run (into a temp folder) and
 * hands its path to the tests through vitest's provide/inject. If the build fails, the tests
 * that need it fail with the build's own message (see test/helpers/db.ts).
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { TestProject } from "vitest/node";
import { runPipeline } from "../data-loaders/pipeline.ts";
import { createLogger } from "../data-loaders/lib/log.ts";

declare module "vitest" {
  export interface ProvidedContext {
    builtDbPath: string;
    builtDbError: string;
  }
}

export default async function setup(project: TestProject): Promise<() => void> {
  process.env.TZ = "UTC";
  const dir = mkdtempSync(join(tmpdir(), "ccm-test-db-"));
  const dbPath = join(dir, "ccm.duckdb");
  try {
    await runPipeline({ dbPath, logger: createLogger({ quiet: true }) });
    project.provide("builtDbPath", dbPath);
    project.provide("builtDbError", "");
  } catch (e) {
    project.provide("builtDbPath", "");
    project.provide("builtDbError", (e as Error).message);
  }
  return () => rmSync(dir, { recursive: true, force: true });
}
