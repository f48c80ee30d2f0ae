/**
 * `npm run test:update-golden`: rewrite the golden files from the real sources, the way the tests build what they
 * compare (test/helpers/golden.ts lists them), and say which changed. The only writer of test/golden/: review the
 * diff (`git diff test/golden`) before committing it.
 */
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync, existsSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { buildBriefing } from "../data-loaders/briefing/build.ts";
import { createLogger } from "../data-loaders/lib/log.ts";
import { runPipeline } from "../data-loaders/pipeline.ts";
import { GOLDEN_BRIEFINGS, GOLDEN_DATE } from "./helpers/golden.ts";

process.env.TZ = "UTC";
const work = mkdtempSync(join(tmpdir(), "ccm-golden-"));
try {
  const dbPath = join(work, "ccm.duckdb");
  await runPipeline({ dbPath, logger: createLogger({ quiet: true }) });
  for (const [i, golden] of GOLDEN_BRIEFINGS.entries()) {
    const out = join(work, `briefing-${i}`);
    const result = await buildBriefing({
      cycle: golden.cycle,
      dbPath,
      outDir: out,
      date: GOLDEN_DATE,
      pdf: false,
      source: golden.source,
      log: createLogger({ quiet: true }),
    });
    mkdirSync(golden.dir, { recursive: true });
    for (const name of golden.files) {
      const target = join(golden.dir, name);
      const text = readFileSync(join(result.dir, name), "utf8");
      const before = existsSync(target) ? readFileSync(target, "utf8") : null;
      if (before === text) {
        process.stderr.write(`unchanged ${target}\n`);
        continue;
      }
      writeFileSync(target, text);
      process.stderr.write(`${before === null ? "wrote" : "UPDATED"} ${target}\n`);
    }
  }
} finally {
  rmSync(work, { recursive: true, force: true });
}
