/** Golden files are compared, never written by a test: a missing one fails and names the update command. */
import { describe, expect, it } from "vitest";
import { expectGolden, GOLDEN_BRIEFINGS } from "./helpers/golden.ts";
import { existsSync } from "node:fs";
import { join } from "node:path";

describe("golden files", () => {
  it("a missing golden file fails the comparison and says how to write it", () => {
    expect(() => expectGolden("any text", join("test", "golden", "no-such-dir", "briefing.md"))).toThrow(
      "Missing golden file test/golden/no-such-dir/briefing.md: run `npm run test:update-golden`, review the diff and commit it.",
    );
    expect(existsSync(join("test", "golden", "no-such-dir"))).toBe(false);
  });

  it("every listed golden file is in the repository", () => {
    const files = GOLDEN_BRIEFINGS.flatMap((g) => g.files.map((f) => join(g.dir, f)));
    expect(files.length).toBeGreaterThanOrEqual(3);
    expect(files.filter((f) => !existsSync(f))).toEqual([]);
  });
});
