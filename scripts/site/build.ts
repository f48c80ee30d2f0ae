/**
 * `npm run site:build`: build the Observable Framework site offline, and refuse to publish a build that lies.
 *
 * 0. Nothing to do when the stamp beside dist/ says it was built from the same database, briefings, src/,
 *    scripts/site/ and data-loaders/ (data-loaders/lib/stamps.ts; `--force` or CCM_FORCE=1 builds anyway).
 * 1. Fill Framework's npm cache from node_modules (scripts/site/npm-cache.ts).
 * 2. Clear Framework's loader cache, unless its stamp says the loaders' code, the database and the briefings are
 *    those it was written from: `observable build` reuses any cached loader output ("[using stale]"), so a change
 *    in sources/ or data-loaders/ would not show up otherwise.
 * 3. Run every loader in one process (prerender.ts), into the loader cache, so that Framework finds each output
 *    fresh instead of starting a process per page (skipped with the loader cache kept, as in 2).
 * 4. Build into a temporary folder with the network blocked (offline-guard.mjs), and with the work Framework repeats
 *    for every page to the same result cached (framework-cache.mjs: the sidebar's script bundles, the head and footer,
 *    heading slugs, the lookup of each path's source).
 * 5. Fail when Framework logged a loader or bundling error, even if it exited 0; fix the accessibility faults of
 *    Framework's page template (page-template.ts: lang, zoom, list markup); check the output.
 * 6. Swap the new site in for dist/ only when all of that passed; otherwise dist/ is left as it was.
 */
import { spawn } from "node:child_process";
import { existsSync, readdirSync, renameSync, rmSync } from "node:fs";
import { basename, dirname, join, relative } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { fillNpmCache } from "./npm-cache.ts";
import { DEFAULT_DB, ROOT } from "../../data-loaders/lib/db.ts";
import {
  forced,
  forgetStamp,
  skippedLine,
  stageKey,
  STAGES,
  type StageKey,
  upToDate,
  writeStamp,
} from "../../data-loaders/lib/stamps.ts";
import { BRIEFINGS_FAILED, LOADER_CACHE, PRERENDER_FAILED, loaderFiles } from "./prerender.ts";
import { buildLogProblems, checkBuiltSite } from "./build-checks.ts";
import { fixBuiltPages } from "./page-template.ts";
import { siteRoutes } from "../../data-loaders/site/routes.ts";

const CACHE = join(ROOT, "src", ".observablehq", "cache");
const FRAMEWORK_CLI = join(ROOT, "node_modules", "@observablehq", "framework", "dist", "bin", "observable.js");
const PRERENDER = join(ROOT, "scripts", "site", "prerender.ts");
const GUARD = pathToFileURL(join(ROOT, "scripts", "site", "offline-guard.mjs")).href;
const FRAMEWORK_CACHE = pathToFileURL(join(ROOT, "scripts", "site", "framework-cache.mjs")).href;

const log = (line: string) => process.stderr.write(`${line}\n`);

function clearLoaderCache(): void {
  if (!existsSync(CACHE)) return;
  for (const entry of readdirSync(CACHE))
    if (entry !== "_npm") rmSync(join(CACHE, entry), { recursive: true, force: true });
}

/** A TypeScript script of ours, offline, its output on stderr unless `quiet`; resolves with its exit code and log. */
function runScript(
  args: string[],
  options: {
    env?: Record<string, string>;
    quiet?: boolean;
    nodeFlags?: string[];
    /** The script waits for "go" on stdin when `variable` is "stdin"; false closes stdin instead, which stops it. */
    gate?: { open: Promise<boolean>; variable: "CCM_FRAMEWORK_WAIT" | "CCM_BRIEFINGS_WAIT" };
  } = {},
): Promise<{ code: number; log: string }> {
  // A gated script stopped before its work has nothing to say but that it was stopped.
  let stopped = false;
  const write = (d: Buffer) => (options.quiet || stopped ? true : process.stderr.write(d));
  return new Promise((resolve, reject) => {
    const flags = [...(options.nodeFlags ?? []), "--import", "tsx", "--import", GUARD];
    const child = spawn(process.execPath, [...flags, ...args], {
      cwd: ROOT,
      env: {
        ...process.env,
        ...options.env,
        ...(options.gate ? { [options.gate.variable]: "stdin" } : {}),
        NO_COLOR: "1",
        FORCE_COLOR: "0",
        OBSERVABLE_TELEMETRY_DISABLE: "true",
      },
      stdio: [options.gate ? "pipe" : "ignore", "pipe", "pipe"],
    });
    // Gated (Framework started ahead of its loaders' outputs, or the loaders ahead of the briefings): "go" when they
    // are written, else stdin closed, which stops it (framework-cache-hooks.mjs, prerender.ts).
    void options.gate?.open.then((go) => {
      child.stdin?.on("error", () => {}); // the child may be gone already
      stopped = !go;
      child.stdin?.end(go ? "go\n" : "");
    });
    let text = "";
    const take = (d: Buffer) => {
      text += d.toString();
      write(d);
    };
    child.stdout?.on("data", take);
    child.stderr?.on("data", take);
    child.on("error", reject);
    child.on("close", (code) => resolve({ code: code ?? 1, log: text }));
  });
}

/**
 * `observable build` into `output`, offline, with the project's configuration or another one (`config`, e.g. a
 * test's build of a few pages from another database: `env` CCM_DB), logging to stderr unless `quiet`. The work
 * Framework repeats for every page to the same result is cached (framework-cache.mjs), unless `asShipped` (the
 * benchmark's floor: Framework as it is).
 */
export function runFramework(
  output: string,
  options: {
    config?: string;
    env?: Record<string, string>;
    quiet?: boolean;
    asShipped?: boolean;
    /** Framework starts now and builds once this resolves true (false stops it): see the site build below. */
    gate?: Promise<boolean>;
  } = {},
): Promise<{ code: number; log: string }> {
  return runScript([FRAMEWORK_CLI, "build", ...(options.config ? ["--config", options.config] : [])], {
    ...(options.quiet ? { quiet: true } : {}),
    ...(options.gate ? { gate: { open: options.gate, variable: "CCM_FRAMEWORK_WAIT" } } : {}),
    // A larger young generation: Framework parses every page with jsdom several times, and a quarter of its CPU
    // profile was garbage collection. With 64 MB semi-spaces its build of our pages took 48.3 and 52.4 s against
    // 56.1 and 56.7 s (alternating runs, the same machine and hour).
    nodeFlags: ["--max-semi-space-size=64", ...(options.asShipped ? [] : ["--import", FRAMEWORK_CACHE])],
    env: {
      ...options.env,
      CCM_SITE_OUTPUT: relative(ROOT, output),
      // Loaders that Framework still runs (none after a prerender) are child processes (tsx): block their network too.
      NODE_OPTIONS: `${process.env.NODE_OPTIONS ?? ""} --import=${GUARD}`.trim(),
    },
  });
}

export interface SiteBuildOptions {
  /** The folder the new site replaces when the build succeeds (default dist/). */
  dist?: string;
  /** The database and the briefings folder the loaders read (default data/ccm.duckdb and briefings/). */
  dbPath?: string;
  briefingsDir?: string;
  /** Another Framework configuration, e.g. a test's site of a few pages (its root has its own loader cache). */
  config?: string;
  /** Framework's output stays off stderr (the build's own errors are still in the thrown message). */
  quiet?: boolean;
  /** Build even when the stamps say the site and its loaders' outputs are up to date (also CCM_FORCE=1). */
  force?: boolean;
  /**
   * The briefings, being written meanwhile (`npm run build`): their stage's key (what their stamp will say) and
   * whether they were written. The loaders that read them wait for them; the other loaders and Framework's start
   * do not. When they fail, the site is not built and dist/ is left as it was.
   */
  briefingsPending?: { key: StageKey; written: Promise<boolean> };
}

export async function buildSite(options: SiteBuildOptions = {}): Promise<void> {
  const started = performance.now();
  const say = options.quiet ? () => {} : log;
  const dist = options.dist ?? join(ROOT, "dist");
  const shown = relative(ROOT, dist).startsWith("..") ? dist : `${relative(ROOT, dist)}/`;
  // What the site and its loaders are built from (data-loaders/lib/stamps.ts); a test's site of a few pages is not stamped.
  const upstream = {
    database: options.dbPath ?? process.env.CCM_DB ?? DEFAULT_DB,
    briefings:
      options.briefingsPending?.key ?? options.briefingsDir ?? process.env.CCM_BRIEFINGS_DIR ?? join(ROOT, "briefings"),
  };
  const pending = options.briefingsPending?.written;
  const force = forced(options.force);
  const siteKey = options.config ? null : stageKey("site", upstream);
  if (siteKey && !force && upToDate(dist, siteKey)) {
    await pending; // said after the briefings' own line
    say(skippedLine(shown, siteKey));
    return;
  }
  const loadersKey = options.config
    ? null
    : stageKey("loaders", upstream, {}, [...STAGES.loaders.inputs, ...loaderFiles().map((f) => `src/${f}`)]);
  // The loaders' outputs of the last build are still right when their code, the database and the briefings are the
  // same (a change to a page's Markdown or the style sheet): Framework finds them fresh and they are not run again.
  const loadersFresh = loadersKey !== null && !force && upToDate(LOADER_CACHE, loadersKey);
  await fillNpmCache(say);
  if (!options.config && !loadersFresh) {
    forgetStamp(LOADER_CACHE);
    clearLoaderCache();
  }
  // Beside the folder it replaces: the swap is a rename, on the same file system.
  const output = join(dirname(dist), `${basename(dist)}-${process.pid}.tmp`);
  rmSync(output, { recursive: true, force: true });
  const env: Record<string, string> = {
    ...(options.dbPath ? { CCM_DB: options.dbPath } : {}),
    ...(options.briefingsDir ? { CCM_BRIEFINGS_DIR: options.briefingsDir } : {}),
  };
  // A test's site of a few pages (its own config and root) leaves its loaders to Framework.
  const prerendering = !loadersFresh && !options.config;
  // Framework starts while the loaders run: its own start (loading its modules and the configuration, about 3 s of
  // one core) overlaps them, and it reads no page before they are written (the gate). Without loaders to run, it
  // still waits for briefings being written, and is stopped if they fail.
  let open: (go: boolean) => void = () => {};
  const gate = prerendering ? new Promise<boolean>((resolve) => (open = resolve)) : pending;
  const framework = runFramework(output, {
    env,
    ...(options.config ? { config: options.config } : {}),
    ...(options.quiet ? { quiet: true } : {}),
    ...(gate ? { gate } : {}),
  });
  // Awaited below; until then a failure to start it must not be an unhandled rejection.
  framework.catch(() => {});
  try {
    if (loadersFresh) say(skippedLine("the loaders' outputs", loadersKey));
    else if (prerendering) {
      const pre = await runScript([PRERENDER], {
        env,
        ...(options.quiet ? { quiet: true } : {}),
        ...(pending ? { gate: { open: pending, variable: "CCM_BRIEFINGS_WAIT" } } : {}),
      }).catch((e: unknown) => ({ code: 1, log: e instanceof Error ? e.message : String(e) }));
      open(pre.code === 0);
      if (pre.code !== 0) {
        await framework;
        // The prerender's own message, which may run over several lines (DuckDB's, with its "Did you mean").
        const failed = pre.log.lastIndexOf(PRERENDER_FAILED);
        const why = failed >= 0 ? pre.log.slice(failed).trim() : pre.log.trim().split("\n").at(-1);
        throw new Error(`site build failed; ${shown} left unchanged:\n  - ${why}`);
      }
    }
    const { code, log: frameworkLog } = await framework;
    if (pending && !(await pending))
      throw new Error(`site build stopped; ${shown} left unchanged: ${BRIEFINGS_FAILED}`);
    const problems = buildLogProblems(frameworkLog);
    if (code !== 0) problems.unshift(`observable build exited with code ${code}`);
    if (!problems.length) {
      try {
        say(`page template: lang, zoom and sidebar list fixed in ${fixBuiltPages(output)} pages`);
      } catch (e) {
        problems.push((e as Error).message);
      }
    }
    if (!problems.length && !options.config)
      problems.push(...checkBuiltSite(output, await siteRoutes(options.dbPath ?? process.env.CCM_DB)));
    if (problems.length) {
      throw new Error(`site build failed; ${shown} left unchanged:\n  - ${problems.join("\n  - ")}`);
    }
    const old = join(dirname(dist), `${basename(dist)}-old-${process.pid}.tmp`);
    if (existsSync(dist)) renameSync(dist, old);
    renameSync(output, dist);
    rmSync(old, { recursive: true, force: true });
    // Framework extracted the archives' files into the loader cache: the stamp covers them too.
    if (loadersKey && !loadersFresh) writeStamp(LOADER_CACHE, loadersKey);
    if (siteKey) writeStamp(dist, siteKey);
    else forgetStamp(dist);
    say(`site built into ${shown} in ${((performance.now() - started) / 1000).toFixed(1)} s`);
  } finally {
    // Whatever failed before the gate opened, Framework is stopped, not left waiting.
    open(false);
    await framework.catch(() => {});
    rmSync(output, { recursive: true, force: true });
  }
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  buildSite({ force: process.argv.includes("--force") }).catch((e: unknown) => {
    log(e instanceof Error ? e.message : String(e));
    process.exit(1);
  });
}
