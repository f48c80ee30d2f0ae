/**
 * `npm run bench:briefing` (and the end of `npm run bench`): an earlier report's briefing against the latest's, from
 * one database holding both. A copy of sources/ gets the next-year fixture (test/fixtures/reports/
 * 14MSP-progress-report.txt) as a second report, the pipeline builds it, and `ccm briefing <report> --no-pdf
 * --generated` runs for the latest report (14MSP) and the earlier one (13MSP, read by key as of its report), each in
 * its own process as a user runs it, alternating (ABBA), the fastest of each counting: the machine may be shared.
 * The last line is `earlier/latest briefing ratio: <x>` (target ≤ 1.2).
 */
import { execFileSync } from "node:child_process";
import { cpSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { ROOT } from "../data-loaders/lib/db.ts";
import { buildDatabase } from "../data-loaders/pipeline.ts";
import { createLogger } from "../data-loaders/lib/log.ts";

const FIXTURE = join(ROOT, "test", "fixtures", "reports", "14MSP-progress-report.txt");
const REPEATS = 2;

function log(line: string): void {
  process.stdout.write(line + "\n");
}

function ccm(args: string[]): void {
  execFileSync(process.execPath, ["--import", "tsx", join(ROOT, "data-loaders", "cli.ts"), ...args], {
    cwd: ROOT,
    env: { ...process.env, TZ: "UTC" },
    stdio: ["ignore", "ignore", "pipe"],
  });
}

const dir = mkdtempSync(join(tmpdir(), "ccm-bench-briefing-"));
try {
  const sources = join(dir, "sources");
  cpSync(join(ROOT, "sources"), sources, { recursive: true });
  ccm(["extract", FIXTURE, "--out", sources]);
  const dbPath = join(dir, "both.duckdb");
  await buildDatabase({ sourcesDir: sources, dbPath, logger: createLogger({ quiet: true }) });
  const times: Record<string, number[]> = { "14MSP": [], "13MSP": [] };
  for (let i = 0; i < REPEATS; i++) {
    const order = i % 2 === 0 ? ["13MSP", "14MSP"] : ["14MSP", "13MSP"];
    for (const report of order) {
      const start = performance.now();
      ccm(["briefing", report, "--db", dbPath, "--out", join(dir, "briefings"), "--no-pdf", "--generated"]);
      times[report]!.push((performance.now() - start) / 1000);
    }
  }
  const best = (r: string) => Math.min(...times[r]!);
  log(
    `\nbriefing from one database holding 13MSP and 14MSP (--no-pdf --generated, best of ${REPEATS}, each run in its own process):`,
  );
  log(
    `  14MSP (latest)                     ${best("14MSP").toFixed(2).padStart(7)} s   runs: ${times["14MSP"]!.map((t) => t.toFixed(2)).join(", ")}`,
  );
  log(
    `  13MSP (earlier, read by key as of) ${best("13MSP").toFixed(2).padStart(7)} s   runs: ${times["13MSP"]!.map((t) => t.toFixed(2)).join(", ")}`,
  );
  log(`target: earlier/latest ≤ 1.2`);
  log(`earlier/latest briefing ratio: ${(best("13MSP") / best("14MSP")).toFixed(2)}`);
} finally {
  rmSync(dir, { recursive: true, force: true });
}
