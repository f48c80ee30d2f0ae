/**
 * The main job re-runs only the stages whose inputs changed (data-loaders/lib/stamps.ts): a stage is skipped only
 * when its inputs, the outputs of the stages it reads and its options are those its output was built from, and
 * that output is still the one the build wrote.
 */
import { mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, utimesSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, relative } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ROOT } from "../data-loaders/lib/db.ts";
import {
  briefingsOptions,
  databaseOptions,
  forced,
  mainJobCurrent,
  stageKey,
  stampPath,
  upToDate,
  writeStamp,
} from "../data-loaders/lib/stamps.ts";
import { ccm } from "./helpers/cli.ts";

let inputs: string;
let out: string;
const input = (name: string) => join(inputs, name);

beforeAll(() => {
  // Inputs are named relative to the project, so the fixture folder lives in it (*.tmp is ignored by git).
  inputs = join(ROOT, `.stamps-test-${process.pid}.tmp`);
  mkdirSync(join(inputs, "nested"), { recursive: true });
  writeFileSync(input("a.csv"), "x\n1\n");
  writeFileSync(input("nested/b.sql"), "SELECT 1;\n");
  out = mkdtempSync(join(tmpdir(), "ccm-stamps-"));
});
afterAll(() => {
  rmSync(inputs, { recursive: true, force: true });
  rmSync(out, { recursive: true, force: true });
});

/** The database stage's key over the fixture folder instead of sources/. */
const key = (options: Record<string, unknown> = {}) => stageKey("database", {}, options, [relative(ROOT, inputs)]);

describe("a stage's stamp", () => {
  it("says up to date only after a build wrote it, for the same inputs and options", () => {
    const db = join(out, "one.duckdb");
    writeFileSync(db, "built");
    const k = key();
    expect(k.inputs).toBe(2);
    expect(upToDate(db, k)).toBe(false);
    writeStamp(db, k);
    expect(readFileSync(stampPath(db), "utf8")).toContain(k.key!);
    expect(upToDate(db, key())).toBe(true);
    expect(upToDate(db, key({ allowRejects: true }))).toBe(false);
  });

  it("is stale when any input file changes, even to the same size", () => {
    const db = join(out, "two.duckdb");
    writeFileSync(db, "built");
    writeStamp(db, key());
    writeFileSync(input("nested/b.sql"), "SELECT 2;\n");
    expect(upToDate(db, key())).toBe(false);
    writeFileSync(input("nested/b.sql"), "SELECT 1;\n");
    expect(upToDate(db, key())).toBe(true);
    writeFileSync(input("c.csv"), "");
    expect(upToDate(db, key())).toBe(false);
    rmSync(input("c.csv"));
  });

  it("is stale when the output was replaced or touched after the build", () => {
    const db = join(out, "three.duckdb");
    writeFileSync(db, "built");
    writeStamp(db, key());
    const then = statSync(db).mtime;
    utimesSync(db, then, new Date(then.getTime() + 5_000));
    expect(upToDate(db, key())).toBe(false);
  });

  it("of a stage that reads another: stale when that one changes, and never up to date when it has no stamp", () => {
    const db = join(out, "four.duckdb");
    const briefings = join(out, "briefings");
    mkdirSync(briefings);
    writeFileSync(db, "built");
    writeStamp(db, key());
    const reads = () => stageKey("briefings", { database: db }, {}, [relative(ROOT, inputs)]);
    writeFileSync(join(briefings, "briefing.md"), "text");
    writeStamp(briefings, reads());
    expect(upToDate(briefings, reads())).toBe(true);
    writeFileSync(input("a.csv"), "x\n2\n");
    writeStamp(db, key());
    expect(upToDate(briefings, reads())).toBe(false);
    writeFileSync(input("a.csv"), "x\n1\n");
    rmSync(stampPath(db));
    expect(reads().key).toBeNull();
  });

  it("of a stage that reads one being built meanwhile: keyed by what that one's stamp will say, the same key as after", () => {
    const db = join(out, "five.duckdb");
    const briefings = join(out, "briefings-pending");
    writeFileSync(db, "built");
    writeStamp(db, key());
    const briefingsKey = stageKey("briefings", { database: db }, {}, [relative(ROOT, inputs)]);
    const site = (upstream: string | typeof briefingsKey) =>
      stageKey("site", { database: db, briefings: upstream }, {}, [relative(ROOT, inputs)]);
    // Before the briefings are written, the folder says nothing; the key they will be stamped with does.
    expect(site(briefings).key).toBeNull();
    const ahead = site(briefingsKey);
    expect(ahead.key).not.toBeNull();
    mkdirSync(briefings);
    writeFileSync(join(briefings, "briefing.md"), "text");
    writeStamp(briefings, briefingsKey);
    expect(site(briefings).key).toBe(ahead.key);
    // Another key (other inputs) gives another site key; a stage with no key gives none.
    expect(site({ ...briefingsKey, key: "0".repeat(64) }).key).not.toBe(ahead.key);
    expect(site({ ...briefingsKey, key: null }).key).toBeNull();
  });

  it("--force or CCM_FORCE=1 builds whatever the stamp says", () => {
    expect(forced(true)).toBe(true);
    const before = process.env.CCM_FORCE;
    process.env.CCM_FORCE = "1";
    try {
      expect(forced(undefined)).toBe(true);
    } finally {
      if (before === undefined) delete process.env.CCM_FORCE;
      else process.env.CCM_FORCE = before;
    }
  });
});

describe("the main job's outputs, which the tests read instead of building them again", () => {
  it("are current only when all three were stamped with the main job's keys and none changed since", () => {
    const dir = mkdtempSync(join(out, "main-job-"));
    const outputs = { database: join(dir, "ccm.duckdb"), briefings: join(dir, "briefings"), site: join(dir, "dist") };
    writeFileSync(outputs.database, "built");
    mkdirSync(outputs.briefings);
    writeFileSync(join(outputs.briefings, "briefing.md"), "text");
    mkdirSync(outputs.site);
    writeFileSync(join(outputs.site, "index.html"), "<!DOCTYPE html>");
    expect(mainJobCurrent(outputs)).toBe(false);
    writeStamp(outputs.database, stageKey("database", {}, databaseOptions()));
    writeStamp(outputs.briefings, stageKey("briefings", { database: outputs.database }, briefingsOptions()));
    expect(mainJobCurrent(outputs)).toBe(false);
    writeStamp(outputs.site, stageKey("site", { database: outputs.database, briefings: outputs.briefings }));
    expect(mainJobCurrent(outputs)).toBe(true);
    // Briefings written with other options (no PDF) are not the main job's.
    writeStamp(
      outputs.briefings,
      stageKey("briefings", { database: outputs.database }, briefingsOptions({ pdf: false })),
    );
    expect(mainJobCurrent(outputs)).toBe(false);
    writeStamp(outputs.briefings, stageKey("briefings", { database: outputs.database }, briefingsOptions()));
    expect(mainJobCurrent(outputs)).toBe(true);
    // A page changed by hand after the build.
    writeFileSync(join(outputs.site, "index.html"), "<!DOCTYPE html><p>edited");
    expect(mainJobCurrent(outputs)).toBe(false);
  });
});

describe("ccm pipeline", () => {
  it("skips a database built from the same sources and code, and says so", async () => {
    const db = join(out, "ccm.duckdb");
    const first = await ccm(["pipeline", "--db", db]);
    expect(first.stderr).toContain("Built ");
    const built = statSync(db).mtimeMs;
    const second = await ccm(["pipeline", "--db", db]);
    expect(second.code).toBe(0);
    expect(second.stderr).toMatch(/ccm\.duckdb: up to date, skipped \(built from the same \d+ input files/);
    expect(statSync(db).mtimeMs).toBe(built);
  });
});
