/**
 * The golden files: expected outputs compared on every run, written only by `npm run test:update-golden`
 * (test/update-golden.ts), never by a test. A missing golden file fails the test that compares with it.
 */
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { expect } from "vitest";

/** The date line the golden briefings carry (the 13MSP meeting's opening). */
export const GOLDEN_DATE = "16 September 2025";

export interface GoldenBriefing {
  /** Folder of the golden files, relative to the project. */
  dir: string;
  cycle: string;
  /** The analyst's source rendered (a path), or false for the generated draft. */
  source: string | false;
  files: string[];
}

/** Every golden briefing, built the way its test builds it (test/briefing.test.ts, test/briefing-source.test.ts). */
export const GOLDEN_BRIEFINGS: GoldenBriefing[] = [
  {
    dir: join("test", "golden", "briefing", "13MSP"),
    cycle: "13MSP",
    source: false,
    files: ["briefing.md", "briefing.html"],
  },
  {
    dir: join("test", "golden", "briefing-source", "13MSP"),
    cycle: "13MSP",
    source: join("test", "fixtures", "briefing-source", "13MSP.md"),
    files: ["briefing.md"],
  },
];

export function goldenBriefing(dir: string): GoldenBriefing {
  const golden = GOLDEN_BRIEFINGS.find((g) => g.dir === dir);
  if (!golden) throw new Error(`no golden briefing in ${dir} (test/helpers/golden.ts lists them)`);
  return golden;
}

/** Compare `actual` with the golden file; fails when the golden file is missing. */
export function expectGolden(actual: string, golden: string): void {
  if (!existsSync(golden))
    throw new Error(
      `Missing golden file ${golden}: run \`npm run test:update-golden\`, review the diff and commit it.`,
    );
  expect(
    actual,
    `${golden} differs; if the change is intended, run \`npm run test:update-golden\` and review the diff`,
  ).toBe(readFileSync(golden, "utf8"));
}
