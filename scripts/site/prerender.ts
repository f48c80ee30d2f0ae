/**
 * Run every data loader of the site (src/**\/*.md.ts, *.json.ts, *.tar.ts) in one process, with one database
 * connection, and write each output where Framework keeps its loader cache (src/.observablehq/cache/<path>).
 * The views are computed once, into temporary tables (data-loaders/lib/snapshot.ts), for all loaders.
 * `observable build` then finds every output fresh and starts no loader process of its own: before, it started
 * one tsx process (and opened DuckDB) per page, about 230 of them, most of the site build's time. An archive
 * loader's files are written where Framework keeps them extracted, and each page gets the site's head and footer
 * in its front matter (data-loaders/site/frame.ts), both to spare Framework work it would repeat for every file or
 * page.
 *
 * The loaders stay Framework loaders (runLoader in data-loaders/site/site-db.ts): run by Framework (the preview,
 * or a page this script has no parameters for) they write to stdout as before; imported here they register.
 *
 * Run by the site build (scripts/site/build.ts) as a child process: `tsx scripts/site/prerender.ts`, with CCM_DB
 * and CCM_BRIEFINGS_DIR as the loaders read them. Prints one line a loader and a total on stderr; exits non-zero,
 * naming the loader and its parameters, when one fails.
 */
import { existsSync, mkdirSync, readdirSync, renameSync, writeFileSync } from "node:fs";
import { dirname, join, relative } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { goOnStdin } from "./stdin-gate.mjs";
import { closeDatabase } from "../../data-loaders/lib/db.ts";
import { snapshotViews } from "../../data-loaders/lib/snapshot.ts";
import { siteRoutes, type SiteRoutes } from "../../data-loaders/site/routes.ts";
import { siteFooter, siteHead, withSiteFrame } from "../../data-loaders/site/frame.ts";
import {
  ROOT,
  collectLoaders,
  isLoaderArchive,
  loaderBytes,
  openSiteDatabase,
  renderLoader,
  shareSiteDatabase,
  type CollectedLoader,
  type LoaderOutput,
} from "../../data-loaders/site/site-db.ts";

const SRC = join(ROOT, "src");
export const LOADER_CACHE = join(SRC, ".observablehq", "cache");
/** How the prerender's last words begin when it fails (the site build quotes them from there). */
export const PRERENDER_FAILED = "site prerender failed:";
/** The file names Framework runs as loaders here: <name>.<ext>.ts. */
const LOADER = /^[^.]+.*\.[a-z]+\.ts$/;

/** The loader files under src/, as paths relative to it (components and Framework's own folder left out). */
export function loaderFiles(dir = SRC): string[] {
  const out: string[] = [];
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    if (entry.name.startsWith(".") || entry.name === "components") continue;
    const path = join(dir, entry.name);
    if (entry.isDirectory()) out.push(...loaderFiles(path));
    else if (LOADER.test(entry.name)) out.push(relative(SRC, path));
  }
  return out.sort();
}

/** The values of each route parameter: the pillars and States of the database, the briefings on disk (as they are now). */
function parameterValues(routes: SiteRoutes): Record<string, string[]> {
  const briefings = process.env.CCM_BRIEFINGS_DIR ?? join(ROOT, "briefings");
  const cycles = existsSync(briefings)
    ? readdirSync(briefings, { withFileTypes: true })
        .filter((d) => d.isDirectory() && existsSync(join(briefings, d.name, "briefing.pdf")))
        .map((d) => d.name)
    : [];
  return { pillar: routes.pillars.map((p) => p.code), iso3: routes.states, cycle: cycles };
}

/** Every output of one loader file: its target path (under src/, without .ts) and parameters. */
function targets(file: string, values: Record<string, string[]>): { target: string; params: Record<string, string> }[] {
  const target = file.replace(/\.ts$/, "");
  const names = [...target.matchAll(/\[([^\]]+)\]/g)].map((m) => m[1]!);
  if (!names.length) return [{ target, params: {} }];
  // One parameter a path here (pillars/[pillar].md); a loader with several, or with values this script does
  // not know, is left to Framework.
  const [name] = names;
  if (names.length > 1 || !name || !values[name]) return [];
  return values[name].map((v) => ({ target: target.replace(`[${name}]`, v), params: { [name]: v } }));
}

/**
 * Write a loader's output where Framework looks for it: the file itself, and for an archive loader (data/x.tar)
 * also each of its files where Framework keeps the extracted one (data/x/<name>), so that Framework, finding them
 * fresh, does not read the tar from its start once for every file.
 */
export function writeLoaderOutput(
  target: string,
  output: LoaderOutput,
  frame: { head: string; footer: string },
  cache = LOADER_CACHE,
): void {
  // A page: with the site's head and footer in its front matter (data-loaders/site/frame.ts).
  if (target.endsWith(".md") && typeof output === "string") output = withSiteFrame(output, frame);
  if (isLoaderArchive(output) && !target.endsWith(".tar"))
    throw new Error(`src/${target}.ts: an archive loader's name must end in .tar`);
  write(cache, target, loaderBytes(output));
  if (isLoaderArchive(output))
    for (const f of output.files) write(cache, join(target.slice(0, -".tar".length), f.name), f.bytes);
}

function write(cache: string, target: string, output: string | Uint8Array): void {
  const path = join(cache, target);
  mkdirSync(dirname(path), { recursive: true });
  const part = `${path}.${process.pid}.part`;
  writeFileSync(part, output);
  renameSync(part, path);
}

/** Why a prerender stopped before the loaders that read the briefings: they were not written. */
export const BRIEFINGS_FAILED =
  "the briefings were not written (their error is above), so the loaders that read them did not run";

/**
 * Run every loader into the loader cache. With `briefingsWritten`, the loaders that read briefings/ wait for it
 * (true: written; false: they failed, and the prerender stops).
 */
export async function prerender(log: (line: string) => void, briefingsWritten?: Promise<boolean>): Promise<number> {
  const started = performance.now();
  const db = await openSiteDatabase();
  shareSiteDatabase(db);
  try {
    const snap = await snapshotViews(db.conn, db.path);
    log(
      `  prerender: ${snap.views} views ${snap.saved ? "read from the snapshot saved with the database" : "computed once"} for every loader in ${Math.round(snap.ms)} ms`,
    );
    const routes = await siteRoutes();
    const frame = { head: siteHead(), footer: siteFooter(routes) };
    const registry = collectLoaders();
    const loaders: { file: string; loader: CollectedLoader }[] = [];
    for (const file of loaderFiles()) {
      const before = new Set(registry.keys());
      await import(pathToFileURL(join(SRC, file)).href);
      const added = [...registry.keys()].filter((k) => !before.has(k));
      const loader = added.length === 1 ? registry.get(added[0]!) : undefined;
      if (!loader) throw new Error(`src/${file}: expected one runLoader call, found ${added.length}`);
      loaders.push({ file, loader });
    }
    let count = 0;
    const run = async (batch: typeof loaders) => {
      // The briefings' cycles are read when their loaders run: `npm run build` may have been writing them until then.
      const values = parameterValues(routes);
      for (const { file, loader } of batch) {
        const t0 = performance.now();
        const outputs = targets(file, values);
        for (const { target, params } of outputs) {
          let output: LoaderOutput;
          try {
            output = await renderLoader(loader.render, params);
          } catch (e) {
            const given = Object.entries(params).map(([k, v]) => ` --${k}=${v}`);
            throw new Error(`src/${file}${given.join("")}: ${e instanceof Error ? e.message : String(e)}`, {
              cause: e,
            });
          }
          writeLoaderOutput(target, output, frame);
          count += 1;
        }
        log(
          `  prerender src/${file}: ${outputs.length} output${outputs.length === 1 ? "" : "s"} in ${Math.round(performance.now() - t0)} ms`,
        );
      }
    };
    // The loaders that read the briefings last, so that `npm run build` can write the briefings meanwhile.
    await run(loaders.filter((l) => !l.loader.readsBriefings));
    if (briefingsWritten) {
      const t0 = performance.now();
      if (!(await briefingsWritten)) throw new Error(BRIEFINGS_FAILED);
      log(`  prerender: waited ${Math.round(performance.now() - t0)} ms for the briefings`);
    }
    await run(loaders.filter((l) => l.loader.readsBriefings));
    log(`prerendered ${count} loader outputs in ${((performance.now() - started) / 1000).toFixed(1)} s (one process)`);
    return count;
  } finally {
    shareSiteDatabase(null);
    closeDatabase(db);
  }
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  // CCM_BRIEFINGS_WAIT=stdin: the site build is told on stdin when the briefings are written ("go"), or that they
  // failed (stdin closed without it).
  const briefingsWritten = process.env.CCM_BRIEFINGS_WAIT === "stdin" ? goOnStdin() : undefined;
  prerender((line) => process.stderr.write(`${line}\n`), briefingsWritten).catch((e: unknown) => {
    process.stderr.write(`${PRERENDER_FAILED} ${e instanceof Error ? e.message : String(e)}\n`);
    process.exit(1);
  });
}
