/**
 * Builds what the tests check, once for the whole run, into a temp folder, as `npm run build` does: the database
 * from sources/, then the briefing of each report in it (`briefing --all`, PDF included) and the site from both, side
 * by side, so that `npm test` passes on a fresh clone with nothing built before. The tests start once the database
 * is built: the briefings and the site are built while the tests that read only the database run (the site build
 * alone left part of the two cores idle), and the files that read them wait for them (`await builtOutputs()`,
 * test/helpers/site.ts), which this setup announces by writing `outputs.json` once both are done or failed. When
 * `npm run build` has already built data/, briefings/ and dist/ from exactly what is checked out now (each one's
 * stamp holds: lib/stamps.ts), the tests read those instead of building the same again (about 20 s of the two
 * cores); CCM_TEST_BUILD=fresh builds anyway.
 * The tests only read them (the database opened read-only); a `npm run build` started during the run would swap
 * them under the tests. Each part's path goes to the tests through vitest's provide/inject; when a part fails, the tests
 * that need it fail with the build's own message (test/helpers/db.ts, test/helpers/site.ts) and the others run.
 * CCM_TEST_BUILD=database builds the database only (about 4 s instead of about 30 s), for a quick run of test files
 * that do not read the briefings or the site; those that do then fail and say so. CCM_TEST_BUILD=none builds
 * nothing, for test files that need no database (e.g. `CCM_TEST_BUILD=none npx vitest run test/page-template.test.ts`).
 */
import { execFile } from "node:child_process";
import { mkdtempSync, renameSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import type { TestProject } from "vitest/node";
import { runPipeline } from "../data-loaders/pipeline.ts";
import { createLogger } from "../data-loaders/lib/log.ts";
import { DEFAULT_DB, ROOT } from "../data-loaders/lib/db.ts";
import { mainJobBriefingsKey, mainJobCurrent } from "../data-loaders/lib/stamps.ts";
import { buildSite } from "../scripts/site/build.ts";

declare module "vitest" {
  export interface ProvidedContext {
    builtDbPath: string;
    builtDbError: string;
    /** Written once the briefings and the site are built or failed: BuiltOutputs (test/helpers/site.ts). */
    builtOutputsFile: string;
  }
}

/** What outputs.json holds: each folder, or why it is missing (the build's own message). */
export interface BuiltOutputs {
  briefingsDir: string;
  briefingsError: string;
  siteDir: string;
  siteError: string;
}

/** Write outputs.json whole (a rename), so that a test never reads half of it. */
function announce(file: string, outputs: BuiltOutputs): void {
  writeFileSync(`${file}.tmp`, JSON.stringify(outputs));
  renameSync(`${file}.tmp`, file);
}

const run = promisify(execFile);

/** A part's error as the tests show it: the message, and the command's stderr when it was a command. */
function reason(e: unknown): string {
  const err = e as Error & { stderr?: string };
  return [err.message, err.stderr?.trim()].filter(Boolean).join("\n");
}

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  process.env.TZ = "UTC";
  const mode = process.env.CCM_TEST_BUILD;
  const dir = mkdtempSync(join(tmpdir(), "ccm-test-build-"));
  const outputsFile = join(dir, "outputs.json");
  project.provide("builtOutputsFile", outputsFile);
  const removeDir = async () => rmSync(dir, { recursive: true, force: true });
  const mainJob = { database: DEFAULT_DB, briefings: join(ROOT, "briefings"), site: join(ROOT, "dist") };
  if (mode === undefined && mainJobCurrent(mainJob)) {
    process.stderr.write(
      "global setup: reading data/ccm.duckdb, briefings/ and dist/, which `npm run build` built from what is checked out now (CCM_TEST_BUILD=fresh builds them again)\n",
    );
    project.provide("builtDbPath", mainJob.database);
    project.provide("builtDbError", "");
    announce(outputsFile, {
      briefingsDir: mainJob.briefings,
      briefingsError: "",
      siteDir: mainJob.site,
      siteError: "",
    });
    return removeDir;
  }
  const dbPath = join(dir, "ccm.duckdb");
  const briefingsDir = join(dir, "briefings");
  const siteDir = join(dir, "dist");
  const started = performance.now();
  const say = (line: string) =>
    process.stderr.write(`global setup: ${line} (${((performance.now() - started) / 1000).toFixed(0)} s)\n`);
  let dbError = "";
  if (mode === "none") {
    dbError = "CCM_TEST_BUILD=none: nothing was built for this run (unset it, or set it to database)";
  } else {
    try {
      await runPipeline({ dbPath, logger: createLogger({ quiet: true }) });
      say("database built; the tests start, the briefings and the site are built beside them");
    } catch (e) {
      dbError = (e as Error).message;
    }
  }
  project.provide("builtDbPath", dbError ? "" : dbPath);
  project.provide("builtDbError", dbError);
  if (dbError || mode === "database") {
    const why = dbError
      ? `the database was not built:\n${dbError}`
      : "CCM_TEST_BUILD=database: only the database was built for this run (unset it to build the briefings and the site)";
    announce(outputsFile, { briefingsDir: "", briefingsError: why, siteDir: "", siteError: why });
    return removeDir;
  }
  // Not awaited here: the tests start now, and those that read the briefings or the site wait for outputs.json.
  const outputs = buildOutputs(dbPath, briefingsDir, siteDir, say).then((built) => announce(outputsFile, built));
  // Should outputs.json fail to be written, the teardown below throws it; no unhandled rejection before then.
  outputs.catch(() => {});
  return async () => {
    // A run of database-only files can end first: the builds finish (their child processes) before the folder goes.
    await outputs;
    await removeDir();
  };
}

/**
 * The briefings command itself, as `npm run build` runs it (one briefing per report in the database), and the site
 * beside it, as `npm run build` builds them: the site's loaders that read the briefings wait for them. Never throws:
 * a part that failed has its message instead of its folder.
 */
async function buildOutputs(
  dbPath: string,
  briefingsDir: string,
  siteDir: string,
  say: (line: string) => void,
): Promise<BuiltOutputs> {
  let briefingsError = "";
  let siteError = "";
  const briefings = run(
    process.execPath,
    [
      "--import",
      "tsx",
      join(ROOT, "data-loaders", "cli.ts"),
      "briefing",
      "--all",
      "--db",
      dbPath,
      "--out",
      briefingsDir,
    ],
    { cwd: ROOT, env: { ...process.env, TZ: "UTC" }, maxBuffer: 64 * 1024 * 1024 },
  ).then(
    () => say("briefings written"),
    (e: unknown) => {
      briefingsError = `the briefings were not written:\n${reason(e)}`;
    },
  );
  const site = buildSite({
    dist: siteDir,
    dbPath,
    briefingsDir,
    quiet: true,
    briefingsPending: { key: mainJobBriefingsKey(dbPath), written: briefings.then(() => !briefingsError) },
  }).then(
    () => say("site built"),
    (e: unknown) => {
      siteError = (e as Error).message;
    },
  );
  await Promise.all([briefings, site]);
  // A site stopped by failed briefings says so, as before.
  if (briefingsError) siteError = briefingsError;
  return {
    briefingsDir: briefingsError ? "" : briefingsDir,
    briefingsError,
    siteDir: siteError ? "" : siteDir,
    siteError,
  };
}
