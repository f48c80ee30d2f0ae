/** The `ccm` command line: every command is documented, unknown commands fail, bad sources leave the database untouched. */
import { describe, expect, it } from "vitest";
import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, appendFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { ccm } from "./helpers/cli.ts";
import { loadCommands } from "../data-loaders/cli.ts";
import { sha256 } from "../data-loaders/lib/meta.ts";

describe("ccm command line", () => {
  it("README documents every command", async () => {
    const readme = readFileSync("README.md", "utf8");
    const commands = await loadCommands();
    expect(commands.map((c) => c.name)).toContain("pipeline");
    for (const c of commands)
      expect(readme, `README.md must document \`${c.name}\``).toContain(`npm run ccm -- ${c.name}`);
  });

  it("help lists the commands; an unknown command exits 2 with the usage", async () => {
    const help = await ccm(["help"]);
    expect(help.code).toBe(0);
    expect(help.stdout).toContain("pipeline [--db data/ccm.duckdb]");
    const bad = await ccm(["pipelin"]);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('Unknown command "pipelin".');
  });

  it("bad input exits non-zero with file and line, and leaves the existing database untouched", async () => {
    const dir = mkdtempSync(join(tmpdir(), "ccm-cli-"));
    const sources = join(dir, "sources");
    cpSync("sources", sources, { recursive: true });
    const db = join(dir, "ccm.duckdb");
    const good = await ccm(["pipeline", "--sources", sources, "--db", db]);
    expect(good.stderr).toContain("Built ");
    expect(good.code).toBe(0);
    const before = sha256(readFileSync(db));

    const states = join(sources, "states.csv");
    const lines = readFileSync(states, "utf8").trimEnd().split("\n").length;
    appendFileSync(states, "XXX,,not-a-number\n");
    const bad = await ccm(["pipeline", "--sources", sources, "--db", db]);
    expect(bad.code).toBe(1);
    expect(bad.stderr).toContain("Input error (nothing was changed):");
    expect(bad.stderr).toContain(`states.csv:${lines + 1}:`);
    expect(sha256(readFileSync(db))).toBe(before);
    expect(readdirSync(dir).filter((f) => f.includes("building"))).toEqual([]);
    expect(existsSync(db)).toBe(true);
  });
});
