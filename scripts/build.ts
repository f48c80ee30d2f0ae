/**
 * `npm run build`, the main job, in one process: the pipeline (data/ccm.duckdb), the briefing of every report in
 * the database (briefings/<cycle>/), and the site (dist/). Each stage runs exactly as its own command does
 * (`npm run pipeline`, `npm run briefing -- --all`, `npm run site:build`), with the same messages and exit codes,
 * and is skipped when its stamp says it is up to date (data-loaders/lib/stamps.ts; CCM_FORCE=1 builds every
 * stage). One process instead of an npm and a tsx start for each stage: about 2 s of every build. The briefings and
 * the site's loaders run side by side (below), so their messages interleave; each names its stage.
 * Stops at the first stage that fails; the stages before it keep what they built, the failed one's output is
 * left as it was (a failed briefing stops the site too: dist/ is left as it was).
 */
import { main as ccm } from "../data-loaders/cli.ts";
import { DEFAULT_DB } from "../data-loaders/lib/db.ts";
import { mainJobBriefingsKey } from "../data-loaders/lib/stamps.ts";
import { buildSite } from "./site/build.ts";
import { fillNpmCache } from "./site/npm-cache.ts";

const fail = (e: unknown) => process.stderr.write(`${e instanceof Error ? e.message : String(e)}\n`);

async function build(): Promise<number> {
  // Framework's npm cache does not depend on the database: it is filled from node_modules while the pipeline runs
  // (about 1 s of esbuild when it is empty, as in a clean build), and the site build's own call finds it filled. A
  // failure here is the site build's to report: it fills the cache again.
  const npm = fillNpmCache().catch(() => []);
  const pipeline = await ccm(["pipeline"]);
  await npm;
  if (pipeline) return pipeline;
  // The briefings are written while the site's loaders run: both read the database, and only two loaders read the
  // briefings (they wait for them). On two cores the briefing (about 6 s, mostly one core and Chromium's print) fits
  // beside the loaders (about 9 s of one core). Briefings up to date are skipped at once, and the loaders go on.
  const key = mainJobBriefingsKey(DEFAULT_DB);
  const briefings = ccm(["briefing", "--all"]);
  const site = buildSite({
    briefingsPending: {
      key,
      written: briefings.then(
        (code) => code === 0,
        () => false,
      ),
    },
  });
  const [briefed, built] = await Promise.allSettled([briefings, site]);
  // A failed briefing is said first (the site stopped because of it), with the briefing's exit code.
  if (briefed.status === "rejected") fail(briefed.reason);
  if (built.status === "rejected") fail(built.reason);
  if (briefed.status === "rejected") return 1;
  if (briefed.value) return briefed.value;
  return built.status === "rejected" ? 1 : 0;
}

build().then(
  (code) => process.exit(code),
  (e: unknown) => {
    fail(e);
    process.exit(1);
  },
);
