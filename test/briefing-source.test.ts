/**
 * The analyst's briefing source on the real database: a source with every kind of reference renders to a golden
 * file; `init` turns the generated draft into a source that renders the same document, and refuses to overwrite
 * one; an analyst's edited sentence appears with live, footnoted numbers; a value changed in sources/ and rebuilt
 * changes the rendered number and nothing else; every bad reference is an error naming file, line, column and the
 * closest valid names, with nothing written; a hand-typed figure beside a reference that disagrees is a warning.
 */
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildBriefing, initSource } from "../data-loaders/briefing/build.ts";
import { InputError } from "../data-loaders/lib/errors.ts";
import { createLogger } from "../data-loaders/lib/log.ts";
import { runPipeline } from "../data-loaders/pipeline.ts";
import { ccm } from "./helpers/cli.ts";
import { builtDbPath } from "./helpers/db.ts";
import { GOLDEN_DATE, expectGolden, goldenBriefing } from "./helpers/golden.ts";

const CYCLE = "13MSP";
const DATE = GOLDEN_DATE;
const FIXTURE = join("test", "fixtures", "briefing-source", `${CYCLE}.md`);
const GOLDEN_DIR = join("test", "golden", "briefing-source", CYCLE);

let work: string;
beforeAll(() => {
  process.env.TZ = "UTC";
  work = mkdtempSync(join(tmpdir(), "ccm-briefing-source-"));
});
afterAll(() => rmSync(work, { recursive: true, force: true }));

async function render(source: string | false, out: string, dbPath = builtDbPath()) {
  return buildBriefing({
    cycle: CYCLE,
    dbPath,
    outDir: out,
    date: DATE,
    pdf: false,
    source,
    log: createLogger({ quiet: true }),
  });
}

function read(out: string, name: string): string {
  return readFileSync(join(out, CYCLE, name), "utf8");
}

/** A source written into the work folder (with its named queries, when given). */
function source(name: string, text: string, sql?: string): string {
  const dir = join(work, name);
  mkdirSync(dir, { recursive: true });
  if (sql !== undefined) writeFileSync(join(dir, `${CYCLE}.sql`), sql);
  writeFileSync(join(dir, `${CYCLE}.md`), text);
  return join(dir, `${CYCLE}.md`);
}

describe("a source with every kind of reference", () => {
  it("renders to the golden Markdown (the HTML with the same numbers and notes), every number with its source note", async () => {
    const out = join(work, "fixture");
    const result = await render(FIXTURE, out);
    expect(result.source).toBe(FIXTURE);
    expect(read(out, "briefing.html")).toContain(`Twenty-six<sup class="fn"><a href="#note-1" id="ref-1">1</a>`);
    for (const name of goldenBriefing(GOLDEN_DIR).files) expectGolden(read(out, name), join(GOLDEN_DIR, name));
    const md = read(out, "briefing.md");
    // Live values from the real database, in prose form, each followed by its note.
    expect(md).toContain("Twenty-six[^1] States Parties paid");
    expect(md).toContain("down from 29[^2] in the 12MSP cycle");
    expect(md).toMatch(
      /\[\^1\]: Indicator 9\.1, 13MSP cycle: 13MSP Progress Report, section VI\.A table, Action 9, 13MSP column/,
    );
    // A {note} covers only the numbers it is the source of: the analyst's trend figures before the pillar's note keep
    // their own notes; the pillar's tally does not get a second one.
    expect(md).toMatch(
      /rose for the third\[\^\d+\] time in a row, from four\[\^\d+\] in the 12MSP\[\^\d+\] cycle; 62\.5%\[\^\d+\] of the 112\[\^\d+\] States Parties/,
    );
    expect(md).toMatch(/Pillar A: eight improved, three declined and two held\[\^\d+\]\.\n/);
    // Only the charts the source references are written.
    expect(result.files.filter((f) => f.startsWith("charts/"))).toEqual([
      "charts/unga-votes.svg",
      "charts/pillar-D.svg",
    ]);
    // The analyst's comment is not rendered; no zero-padded figure appears in the analyst's prose.
    expect(md).not.toContain("never rendered");
    expect(md.split("## About the data")[0]).not.toMatch(/\(\d\d\)/);
  });
});

describe("which the build renders", () => {
  it("renders sources/briefings/<cycle>.md when it exists, the generated draft otherwise", async () => {
    const dir = join(work, "default-dir");
    mkdirSync(dir, { recursive: true });
    const log = createLogger({ quiet: true });
    const without = await buildBriefing({
      cycle: CYCLE,
      dbPath: builtDbPath(),
      outDir: join(work, "default-a"),
      pdf: false,
      sourceDir: dir,
      log,
    });
    expect(without.source).toBeNull();
    expect(read(join(work, "default-a"), "briefing.md")).toContain("## Summary");
    writeFileSync(join(dir, `${CYCLE}.md`), "## Ours\n\n{value 9.1} on time.\n");
    const withSource = await buildBriefing({
      cycle: CYCLE,
      dbPath: builtDbPath(),
      outDir: join(work, "default-b"),
      pdf: false,
      sourceDir: dir,
      log,
    });
    expect(withSource.source).toBe(join(dir, `${CYCLE}.md`));
    expect(read(join(work, "default-b"), "briefing.md")).toMatch(/## Ours\n\nTwenty-six\[\^1\] on time\./);
  });
});

describe("init and the analyst's edit", () => {
  it("writes the generated draft as a source that renders the same document, and never overwrites it unless forced", async () => {
    const path = join(work, "init", `${CYCLE}.md`);
    await initSource({ cycle: CYCLE, dbPath: builtDbPath(), source: path, log: createLogger({ quiet: true }) });
    const draft = readFileSync(path, "utf8");
    // Every generated paragraph is written out: its sentences editable, its numbers references.
    expect(draft).toContain("Compared with the previous cycle, {tally|indicator}{note trends}.");
    expect(draft).not.toContain("{section ");

    const generated = join(work, "generated");
    const fromSource = join(work, "from-source");
    await render(false, generated);
    const result = await render(path, fromSource);
    expect(result.source).toBe(path);
    const { source: from, ...doc } = JSON.parse(read(fromSource, "briefing.json")) as Record<string, unknown>;
    expect(from).toBe(path);
    expect(doc).toEqual(JSON.parse(read(generated, "briefing.json")));
    expect(read(fromSource, "briefing.md")).toBe(read(generated, "briefing.md"));

    writeFileSync(path, "edited by an analyst\n");
    await expect(
      initSource({ cycle: CYCLE, dbPath: builtDbPath(), source: path, log: createLogger({ quiet: true }) }),
    ).rejects.toThrow(/already exists.*--force/s);
    expect(readFileSync(path, "utf8")).toBe("edited by an analyst\n");
    await initSource({
      cycle: CYCLE,
      dbPath: builtDbPath(),
      source: path,
      force: true,
      log: createLogger({ quiet: true }),
    });
    expect(readFileSync(path, "utf8")).toBe(draft);
  }, 240_000);

  it("renders an analyst's rewritten sentence with live, footnoted numbers in place of a generated paragraph", async () => {
    const path = join(work, "edit", `${CYCLE}.md`);
    await initSource({ cycle: CYCLE, dbPath: builtDbPath(), source: path, log: createLogger({ quiet: true }) });
    const draft = readFileSync(path, "utf8");
    const first = /^This briefing follows .*$/m.exec(draft)![0];
    writeFileSync(
      path,
      draft.replace(
        first,
        "Our reading: {value 4.1} States Parties did this in 13MSP, twice the {value 4.1 12MSP} of 12MSP.",
      ),
    );
    const out = join(work, "edited");
    await render(path, out);
    const md = read(out, "briefing.md");
    expect(md).toMatch(
      /## Summary\n\nOur reading: 12\[\^1\] States Parties did this in 13MSP, twice the six\[\^2\] of 12MSP\.\n/,
    );
    expect(md).toMatch(/\[\^1\]: Indicator 4\.1, 13MSP cycle: .*13MSP column/);
    expect(md).not.toContain("This briefing follows");
    expect(md).toContain("Compared with the previous cycle, 31 indicators improved");
  }, 240_000);
});

describe("a value changed in sources/", () => {
  it("changes the rendered number and nothing else", async () => {
    const sources = join(work, "sources");
    cpSync("sources", sources, { recursive: true });
    const csv = join(sources, "indicator_values.csv");
    const before = readFileSync(csv, "utf8");
    const line = "9.1,10MSP,39,,States Parties,,,false,,39,";
    expect(before).toContain(line);
    writeFileSync(csv, before.replace(line, "9.1,10MSP,40,,States Parties,,,false,,40,"));
    const dbPath = join(work, "changed.duckdb");
    await runPipeline({ dbPath, sourcesDir: sources, checkChecksums: false, logger: createLogger({ quiet: true }) });

    const a = join(work, "before");
    const b = join(work, "after");
    await render(FIXTURE, a);
    await render(FIXTURE, b, dbPath);
    const old = read(a, "briefing.md").split("\n");
    const now = read(b, "briefing.md").split("\n");
    expect(now.length).toBe(old.length);
    const changed = old.map((l, i) => [l, now[i]!] as const).filter(([x, y]) => x !== y);
    // {change 9.1 10MSP|words}: 13 fewer than in 10MSP becomes 14; nothing else moves.
    expect(changed).toEqual([
      [expect.stringContaining("and thirteen[^4] fewer"), expect.stringContaining("and fourteen[^4] fewer")],
    ]);
    expect(changed[0]![1]).toBe(changed[0]![0].replace("thirteen", "fourteen"));
  }, 120_000);
});

describe("bad references", () => {
  async function problemsOf(text: string, sql?: string) {
    const path = source(`bad-${Math.random().toString(36).slice(2)}`, text, sql);
    const out = join(work, "bad-out");
    mkdirSync(join(out, CYCLE), { recursive: true });
    writeFileSync(join(out, CYCLE, "briefing.md"), "previous briefing\n");
    const err = await render(path, out).then(
      () => null,
      (e: unknown) => e,
    );
    expect(err).toBeInstanceOf(InputError);
    // Nothing was written: the previous briefing is intact.
    expect(read(out, "briefing.md")).toBe("previous briefing\n");
    return { path, message: (err as InputError).message, problems: (err as InputError).problems };
  }

  it("names file, line and column and the closest valid names for an unknown indicator, cycle, State, query and kind", async () => {
    const text = [
      "# T",
      "",
      "## S",
      "",
      "A {value 9.9} b.",
      "Then {value 9.1 14MSP} and",
      "  {mentions LOA} or {query pilars}.",
      "{vaule 9.1} and {votes 2031 yes}.",
      "",
      "{chart Z}",
      "",
    ].join("\n");
    const { path, message, problems } = await problemsOf(text, "-- name: pillars\nSELECT 1 AS n;\n");
    const at = problems.map((p) => [p.line, p.column]);
    expect(at).toEqual([
      [5, 3],
      [6, 6],
      [7, 3],
      [7, 21],
      [8, 1],
      [8, 17],
      [10, 1],
    ]);
    expect(message).toContain(`${path}:5:3: expected a known indicator, found "9.9"`);
    expect(problems[0]!.fix).toMatch(/closest valid names: .*9\.1/);
    expect(problems[1]!.fix).toMatch(/closest valid names: .*13MSP/);
    expect(problems[2]!.fix).toMatch(/closest valid names: .*LAO/);
    expect(problems[3]!.fix).toMatch(/closest valid names: pillars/);
    expect(problems[4]!.fix).toMatch(/closest: value/);
    expect(problems[5]!.fix).toMatch(/closest valid names: 2021/);
    expect(problems[6]!.fix).toMatch(/closest valid names: .*[A-K]/);
  });

  it("is an error when a reference returns no row: an unmeasured value, an empty query", async () => {
    const text = ["## S", "", "Not measured: {value 45.1 10MSP}.", "", "{table none}", ""].join("\n");
    const { problems } = await problemsOf(text, "-- name: none\nSELECT 1 AS n WHERE false;\n");
    expect(problems.map((p) => [p.line, p.column])).toEqual([
      [3, 15],
      [5, 1],
    ]);
    expect(problems[0]!.expected).toMatch(/a value of indicator 45\.1 in the 10MSP cycle/);
    expect(problems[1]!.fix).toMatch(/returned none/);
  });

  it("is an error when a list has nobody in it, or names no such list: a withdrawal, a steady movement, a vote shift", async () => {
    const text = [
      "## S",
      "",
      "Withdrew in 12MSP: {names withdrawals 12MSP}; fell every cycle in pillar A: {ids fell_every_cycle A}.",
      "Also {ids rose_evry_cycle} and {names shifts abstain}.",
      "",
    ].join("\n");
    const { problems } = await problemsOf(text);
    expect(problems.map((p) => [p.line, p.column, p.found])).toEqual([
      [3, 20, '"{names withdrawals 12MSP}"'],
      [3, 77, '"{ids fell_every_cycle A}"'],
      [4, 6, '"rose_evry_cycle"'],
      [4, 32, '"abstain"'],
    ]);
    expect(problems[0]!.expected).toBe("a withdrawal with effect in the 12MSP reporting period");
    expect(problems[0]!.fix).toMatch(/write the sentence without the list/);
    expect(problems[1]!.expected).toMatch(/^at least one of the indicators of pillar A that fell in each change/);
    expect(problems[2]!.fix).toMatch(/closest valid names: rose_every_cycle/);
    expect(problems[3]!.fix).toMatch(/closest valid names: abstained/);
  });
});

describe("the command line", () => {
  it("init writes the source once and refuses to overwrite it; a bad reference exits 1 naming file, line and column", async () => {
    const path = join(work, "cli", `${CYCLE}.md`);
    const first = await ccm(["briefing", "init", CYCLE, "--db", builtDbPath(), "--source", path]);
    expect(first.code, first.stderr).toBe(0);
    expect(readFileSync(path, "utf8")).toContain("{tally|indicator}");
    const again = await ccm(["briefing", "init", CYCLE, "--db", builtDbPath(), "--source", path]);
    expect(again.code).toBe(1);
    expect(again.stderr).toContain("already exists");
    writeFileSync(path, "## S\n\nOn time: {value 9.1 13MSB}.\n");
    const out = join(work, "cli-out");
    const bad = await ccm(["briefing", CYCLE, "--db", builtDbPath(), "--source", path, "--out", out, "--no-pdf"]);
    expect(bad.code).toBe(1);
    expect(bad.stderr).toContain(`${path}:3:10: expected a known cycle, found "13MSB".`);
    expect(bad.stderr).toMatch(/closest valid names: 13MSP/);
    expect(existsSync(out)).toBe(false);
  }, 60_000);
});

describe("a figure typed by hand beside a reference", () => {
  it("is a warning with its line when it disagrees, and nothing when it agrees", async () => {
    const path = source(
      "typed",
      [
        "## S",
        "",
        "On time: 27 {value 9.1} States Parties.",
        "Before: {value 9.1 12MSP} (29) in 12MSP.",
        // A year and its comma is no figure typed beside the count; a number with a thousands separator is.
        "In 2024, {value 9.1} paid on time.",
        "Some 1,026 {value 9.1} paid.",
        "",
      ].join("\n"),
    );
    const result = await render(path, join(work, "typed-out"));
    const typed = result.warnings.filter((w) => w.includes("typed beside"));
    expect(typed).toEqual([
      `${path}:3:13: "27" is typed beside {value 9.1}, which now gives 26; remove the typed figure (the reference prints the number)`,
      `${path}:6:12: "1,026" is typed beside {value 9.1}, which now gives 26; remove the typed figure (the reference prints the number)`,
    ]);
  });
});
