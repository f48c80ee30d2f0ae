/**
 * `npm run build`, the main job, in one process: the pipeline (data/ccm.duckdb), the briefing of every report in
 * the database (briefings/<cycle>/), then the site (dist/). Each stage runs exactly as its own command does
 * (`npm run pipeline`, `npm run briefing -- --all`, `npm run site:build`), with the same messages and exit codes,
 * and is skipped when its stamp says it is up to date (data-loaders/lib/stamps.ts; CCM_FORCE=1 builds every
 * stage). One process instead of an npm and a tsx start for each stage: about 2 s of every build.
 * Stops at the first stage that fails; the stages before it keep what they built, the failed one's output is
 * left as it was.
 */
import { main as ccm } from "../data-loaders/cli.ts";
import { buildSite } from "./site/build.ts";

async function build(): Promise<number> {
  const code = (await ccm(["pipeline"])) || (await ccm(["briefing", "--all"]));
  if (code) return code;
  try {
    await buildSite();
    return 0;
  } catch (e) {
    process.stderr.write(`${e instanceof Error ? e.message : String(e)}\n`);
    return 1;
  }
}

build().then(
  (code) => process.exit(code),
  (e: unknown) => {
    process.stderr.write(`${e instanceof Error ? e.message : String(e)}\n`);
    process.exit(1);
  },
);
