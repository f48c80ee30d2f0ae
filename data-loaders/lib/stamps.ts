/**
 * What each stage of the main job was built from, so that `npm run build` re-runs only the stages whose inputs
 * changed: make's rule, decided by content rather than by time. A stage's key is the SHA-256 of every input file's
 * path and content, the keys of the stages it reads, its options and the Node version; after a build succeeds, the
 * key is written beside the output with a fingerprint of the output itself (sizes and modification times). The next
 * run skips the stage when the key is the same and the output is still the one it wrote; anything else (an input
 * changed, the output replaced or touched, no stamp, `--force` or CCM_FORCE=1) builds it again.
 *
 * The stages and their inputs (STAGES): the database from sources/ (but the analyst's briefing sources) and the
 * pipeline's code; the briefings from the database, sources/briefings/ and the code; the site from the database,
 * the briefings, src/, scripts/site/ and the code. The code counts whole (data-loaders/ for every stage): a change
 * to the briefing's code also rebuilds the database, which costs seconds and can never leave a stale output.
 */
import { createHash } from "node:crypto";
import { existsSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { basename, dirname, join, relative } from "node:path";

/** The project folder (data-loaders/lib/ is two levels below it). */
const PROJECT = join(import.meta.dirname, "..", "..");

export type Stage = "database" | "briefings" | "site" | "loaders";

/** Each stage's input files and folders, relative to the project; `skip` leaves parts of those folders out. */
export const STAGES: Record<Stage, { inputs: readonly string[]; skip?: readonly string[]; reads?: readonly Stage[] }> =
  {
    database: { inputs: ["sources", "data-loaders", "package-lock.json"], skip: ["sources/briefings"] },
    briefings: { inputs: ["sources/briefings", "data-loaders", "package-lock.json"], reads: ["database"] },
    // The site's data loaders (run in one process by scripts/site/prerender.ts): their own code and what they read.
    loaders: {
      inputs: ["data-loaders", "scripts/site/prerender.ts", "package-lock.json"],
      reads: ["database", "briefings"],
    },
    site: {
      inputs: ["src", "scripts/site", "data-loaders", "observablehq.config.ts", "package-lock.json"],
      skip: ["src/.observablehq"],
      reads: ["database", "briefings"],
    },
  };

/** The database stage's options as its key holds them (`npm run pipeline` without flags: the defaults). */
export function databaseOptions(o: { allowRejects?: boolean; asOf?: string | null } = {}): Record<string, unknown> {
  return { allowRejects: o.allowRejects ?? false, asOf: o.asOf ?? null };
}

/** The briefings stage's options as its key holds them (`npm run briefing -- --all` without flags: the defaults). */
export function briefingsOptions(
  o: { date?: string | null; pdf?: boolean; generated?: boolean } = {},
): Record<string, unknown> {
  return { date: o.date ?? null, pdf: o.pdf ?? true, generated: o.generated ?? false };
}

/**
 * The key `briefing --all` stamps its folder with when `npm run build` runs it (no flags; the date from
 * CCM_BRIEFING_DATE, as the command reads it): known before the briefings are written, so that the site's stages
 * can be keyed while they are.
 */
export function mainJobBriefingsKey(database: string): StageKey {
  return stageKey("briefings", { database }, briefingsOptions({ date: process.env.CCM_BRIEFING_DATE ?? null }));
}

/**
 * Whether the main job's three outputs (`npm run build`: the database, the briefings, the site) were each built,
 * with the defaults, from exactly what is checked out now, and are unchanged since.
 */
export function mainJobCurrent(outputs: { database: string; briefings: string; site: string }): boolean {
  return (
    upToDate(outputs.database, stageKey("database", {}, databaseOptions())) &&
    upToDate(outputs.briefings, stageKey("briefings", { database: outputs.database }, briefingsOptions())) &&
    upToDate(outputs.site, stageKey("site", { database: outputs.database, briefings: outputs.briefings }))
  );
}

/** Every file under `path` (a file or a folder), relative to the project, sorted; `skip` prunes folders. */
function files(path: string, skip: readonly string[]): string[] {
  const full = join(PROJECT, path);
  if (!existsSync(full) || skip.includes(path)) return [];
  if (!statSync(full).isDirectory()) return [path];
  return readdirSync(full)
    .sort()
    .flatMap((entry) => files(`${path}/${entry}`, skip));
}

/**
 * A fingerprint of an output, file or folder: each file's relative path, size and modification time. Top-level
 * entries whose name starts with "_" are left out when `ownedByOthers` (Framework's own parts of its cache folder).
 */
export function outputFingerprint(output: string, ownedByOthers = false): string | null {
  if (!existsSync(output)) return null;
  const hash = createHash("sha256");
  const walk = (path: string, top: boolean) => {
    const st = statSync(path);
    if (!st.isDirectory()) hash.update(`${relative(output, path)}\0${st.size}\0${st.mtimeMs}\n`);
    else
      for (const entry of readdirSync(path).sort())
        if (!(top && ownedByOthers && entry.startsWith("_"))) walk(join(path, entry), false);
  };
  walk(output, true);
  return hash.digest("hex");
}

/** Where the stamp of an output is kept: beside it, hidden (data/.ccm.duckdb.stamp.json, .dist.stamp.json). */
export function stampPath(output: string): string {
  return join(dirname(output), `.${basename(output)}.stamp.json`);
}

interface Stamp {
  stage: Stage;
  key: string;
  inputs: number;
  output: string;
  built: string;
}

function readStamp(output: string): Stamp | null {
  try {
    return JSON.parse(readFileSync(stampPath(output), "utf8")) as Stamp;
  } catch {
    return null;
  }
}

/**
 * The key of what `output` was built from, if its stamp is still true of it (the output is the one that build
 * wrote); null otherwise.
 */
export function builtKey(output: string): string | null {
  const stamp = readStamp(output);
  return stamp && stamp.output === outputFingerprint(output, stamp.stage === "loaders") ? stamp.key : null;
}

export interface StageKey {
  stage: Stage;
  /** Null when a stage it reads has no true stamp (built some other way): then it always builds. */
  key: string | null;
  inputs: number;
}

/**
 * The key of a stage from its inputs now: `upstream` gives the outputs of the stages it reads (e.g. the database
 * file), or the key of one being built meanwhile (what its stamp will say once it succeeds: `npm run build` writes
 * the briefings while the site's loaders run), `options` whatever else changes its output (e.g. the
 * --allow-rejects flag, another sources folder).
 */
export function stageKey(
  stage: Stage,
  upstream: Partial<Record<Stage, string | StageKey>> = {},
  options: Record<string, unknown> = {},
  inputs: readonly string[] = STAGES[stage].inputs,
): StageKey {
  const hash = createHash("sha256");
  hash.update(`${stage}\0${process.version}\0${JSON.stringify(options)}\n`);
  for (const read of STAGES[stage].reads ?? []) {
    const output = upstream[read];
    const key = typeof output === "string" ? builtKey(output) : (output?.key ?? null);
    if (!key) return { stage, key: null, inputs: 0 };
    hash.update(`${read}\0${key}\n`);
  }
  let count = 0;
  for (const input of inputs)
    for (const file of files(input, STAGES[stage].skip ?? [])) {
      hash
        .update(`${file}\0`)
        .update(readFileSync(join(PROJECT, file)))
        .update("\n");
      count += 1;
    }
  return { stage, key: hash.digest("hex"), inputs: count };
}

/** Whether `output` was built from exactly these inputs (and is unchanged since). */
export function upToDate(output: string, key: StageKey): boolean {
  return key.key !== null && builtKey(output) === key.key;
}

/** After a successful build: record what `output` was built from. */
export function writeStamp(output: string, key: StageKey): void {
  if (key.key === null) return forgetStamp(output);
  const fingerprint = outputFingerprint(output, key.stage === "loaders");
  if (!fingerprint) return;
  const stamp: Stamp = {
    stage: key.stage,
    key: key.key,
    inputs: key.inputs,
    output: fingerprint,
    built: new Date().toISOString(),
  };
  writeFileSync(stampPath(output), `${JSON.stringify(stamp, null, 2)}\n`);
}

/** Before a build replaces `output`: its old stamp no longer says anything. */
export function forgetStamp(output: string): void {
  rmSync(stampPath(output), { force: true });
}

/** `--force` or CCM_FORCE=1: build every stage whatever its stamp says. */
export function forced(flag: boolean | undefined): boolean {
  return flag === true || process.env.CCM_FORCE === "1";
}

/** The line a skipped stage prints. */
export function skippedLine(what: string, key: StageKey): string {
  return `${what}: up to date, skipped (built from the same ${key.inputs} input files and upstream outputs, key ${key.key!.slice(0, 12)}…; --force or CCM_FORCE=1 builds it again)`;
}
