/**
 * The authored-briefing walk (issue 20): `briefing init 13MSP` writes the analyst's source from the real database; then
 * the data move, as a corrected or later report moves them, and the UNTOUCHED source renders each time, with the new
 * figures and a warning where a sentence may no longer hold:
 *   - a figure changes (indicator 9.2's 13MSP value 70 → 71, so para 22's 70 States no longer match it);
 *   - a State is taken off a named list (Germany from finding 13MSP-21-1, para 21);
 *   - an indicator stops rising every cycle (2.1 holds in 13MSP), so the count of steady risers and their list change;
 *   - a figure turns round (26.1 falls to one in 13MSP), so the words of its trend ("up from", "rise in a row", "the
 *     highest") and its noun ("States Parties") no longer hold: a warning on each;
 *   - a second report is added (the next-year fixture, as test/annual.test.ts adds it).
 * Every reference of the source names a thing the database holds (an indicator, a finding, a note of either), so none
 * of these is an error; before one engine, the first failed with 'expected the key of a note of the generated draft,
 * found "finding 13MSP-22-1"'.
 */
import { execFileSync } from "node:child_process";
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildBriefing, initSource } from "../data-loaders/briefing/build.ts";
import { createLogger } from "../data-loaders/lib/log.ts";
import { buildDatabase } from "../data-loaders/pipeline.ts";
import { ccm } from "./helpers/cli.ts";
import { builtDbPath } from "./helpers/db.ts";

const CYCLE = "13MSP";
const DATE = "16 September 2025";
const quiet = () => createLogger({ quiet: true });
let dir: string;
let source: string;
let untouched: string;

beforeAll(async () => {
  process.env.TZ = "UTC";
  dir = mkdtempSync(join(tmpdir(), "ccm-briefing-walk-"));
  source = join(dir, `${CYCLE}.md`);
  await initSource({ cycle: CYCLE, dbPath: builtDbPath(), source, log: quiet() });
  untouched = readFileSync(source, "utf8");
}, 300_000);
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** A copy of sources/ changed by `edit`, built into its own database (as `checksums --write` then `pipeline` would). */
async function moved(name: string, edit: (sources: string) => void | Promise<void>): Promise<string> {
  const sources = join(dir, name, "sources");
  cpSync("sources", sources, { recursive: true });
  await edit(sources);
  const dbPath = join(dir, name, "ccm.duckdb");
  await buildDatabase({ sourcesDir: sources, dbPath, logger: quiet(), checkChecksums: false });
  return dbPath;
}

/** The database with one row of indicator_values.csv changed (its start, `from`, replaced by `to`). */
const valueMoved = (name: string, from: string, to: string) =>
  moved(name, (s) => replaceOnce(join(s, "indicator_values.csv"), from, to));

/** Replace one exact line-part of a CSV, failing when it is not there once (the fixture would have drifted). */
function replaceOnce(file: string, from: string, to: string): void {
  const text = readFileSync(file, "utf8");
  expect(text.split(from).length - 1, `${from} in ${file}`).toBe(1);
  writeFileSync(file, text.replace(from, to));
}

async function render(dbPath: string, name: string) {
  const out = join(dir, name, "out");
  const result = await buildBriefing({
    cycle: CYCLE,
    dbPath,
    outDir: out,
    date: DATE,
    pdf: false,
    source,
    log: quiet(),
  });
  return { warnings: result.warnings, md: readFileSync(join(out, CYCLE, "briefing.md"), "utf8") };
}

/** Each line and column of a text in the source, as a warning gives them ("13MSP.md:24:375"). */
function at(text: string): string[] {
  const found = untouched
    .split("\n")
    .flatMap((l, i) => (l.includes(text) ? [`${source}:${i + 1}:${l.indexOf(text) + 1}`] : []));
  expect(found.length, text).toBeGreaterThan(0);
  return found;
}

describe("the untouched analyst source", () => {
  it("names notes by the things they are the source of, not by the draft's pairing", () => {
    expect(untouched).toContain("para 22 names all {named 13MSP-22-1}{note finding 13MSP-22-1}");
    expect(untouched).toContain("para 21 names them: {names 13MSP-21-1}{note finding 13MSP-21-1}");
  });

  it("renders after a figure changes, with the new figure and a warning on the sentence it no longer matches", async () => {
    const dbPath = await valueMoved(
      "figure",
      "9.2,13MSP,70,,States Parties,,,false,,70,",
      "9.2,13MSP,71,,States Parties,,,false,,71,",
    );
    const { warnings, md } = await render(dbPath, "figure");
    expect(md).toContain(
      "- Seventy-one States Parties contribute to the Implementation Support Unit (ISU) budget, up from 59 in the 12MSP cycle",
    );
    // The finding still names 70 States: the sentence keeps saying so, and the warning says the two no longer agree.
    expect(md).toMatch(/; para 22 names all 70\[\^\d+\];/);
    // The sentence is in the summary's largest improvements and in pillar A's: each place gets its warning, and no other.
    const stale = at("{named 13MSP-22-1}").map(
      (place) =>
        `${place}: {named 13MSP-22-1} counts 70 States beside {value 9.2}, which now gives 71; finding 13MSP-22-1 no longer names as many States as indicator 9.2 counts: read the sentence again`,
    );
    expect(stale).toHaveLength(2);
    expect(warnings.filter((w) => w.includes(source))).toEqual(stale);
    expect(readFileSync(source, "utf8")).toBe(untouched);
  }, 600_000);

  it("renders after an indicator stops rising every cycle: the count and its list of indicators move together", async () => {
    expect(untouched).toContain("{count rose_every_cycle|indicator} rose in each of the");
    expect(untouched).toContain("({ids rose_every_cycle})");
    // 2.1 rose 4, 7, 8, 9 over the four cycles; at 8 in 13MSP it held in the last change.
    const dbPath = await valueMoved(
      "steady",
      "2.1,13MSP,9,,States Parties,,,false,,09,",
      "2.1,13MSP,8,,States Parties,,,false,,08,",
    );
    const { md } = await render(dbPath, "steady");
    expect(md).toContain(
      "Seven indicators rose in each of the three cycles since 10MSP (2.2, 4.1, 6.1, 21.1, 22.1, 30.1, and 47.1); one indicator fell in each of the three cycles since 10MSP (17.2, counting cluster munitions; its explosive submunitions fell only in the last two cycles)[^",
    );
  }, 600_000);

  it("renders after a figure turns round, with a warning on each word of its trend that no longer holds", async () => {
    // 26.1 went 2, 2, 3, 13: "up from 3", "the second rise in a row", "the highest of the four cycles". At 1 in 13MSP
    // it went down, its run is one fall, and it is the lowest.
    const dbPath = await valueMoved(
      "turned",
      "26.1,13MSP,13,,States Parties,,,false,,13,",
      "26.1,13MSP,1,,States Parties,,,false,,01,",
    );
    const { warnings, md } = await render(dbPath, "turned");
    // The sentence renders as written, with the new figures: the warnings say which words no longer hold.
    expect(md).toContain(
      "reported sharing experiences and lessons learnt, up from three in the 12MSP cycle (the first rise in a row; the highest of the four cycles since 10MSP)",
    );
    const expected = [
      ...at("up from {trend 26.1 previous_value}").map(
        (p) =>
          `${p.replace(/:\d+$/, `:${Number(p.split(":").at(-1)) + "up from ".length}`)}: "up from" is written beside {trend 26.1 previous_value}, but indicator 26.1 went down (3 in the 12MSP cycle, 1 now) in the 13MSP cycle: read the sentence again`,
      ),
      ...at("{trend 26.1 streak|ordinal} rise in a row").map(
        (p) =>
          `${p}: "rise in a row" is written beside {trend 26.1 streak|ordinal}, but indicator 26.1 went down (3 in the 12MSP cycle, 1 now) in the 13MSP cycle: read the sentence again`,
      ),
      ...at("the highest of the {cycles} cycles since {trend 26.1 first_cycle}").map(
        (p) =>
          `${p.replace(/:\d+$/, `:${Number(p.split(":").at(-1)) + "the highest of the {cycles} cycles since ".length}`)}: "the highest" is written beside {trend 26.1 first_cycle}, but indicator 26.1 is now the lowest of its cycles to date in the 13MSP cycle: read the sentence again`,
      ),
    ];
    expect(expected.length).toBeGreaterThanOrEqual(3);
    expect(warnings.filter((w) => w.includes("is written beside")).sort()).toEqual(expected.sort());
    // "{value 26.1} States Parties reported": the count is one now.
    expect(warnings.filter((w) => w.includes(" follows ")).sort()).toEqual(
      at("{value 26.1} States Parties reported")
        .map((p) => `${p}: "States Parties" follows {value 26.1}, which now gives 1; write "State Party"`)
        .sort(),
    );
    // The Briefings page lists them above the briefing (the briefing itself never prints them).
    const doc = JSON.parse(readFileSync(join(dir, "turned", "out", CYCLE, "briefing.json"), "utf8")) as {
      readAgain?: string[];
    };
    expect(doc.readAgain).toEqual(warnings.filter((w) => w.includes(source)));
    expect(md).not.toContain("read the sentence again");
    const html = execFileSync("node", ["--import", "tsx", "src/briefings.md.ts"], {
      env: { ...process.env, CCM_DB: dbPath, CCM_BRIEFINGS_DIR: join(dir, "turned", "out") },
      encoding: "utf8",
      stdio: ["ignore", "pipe", "pipe"],
    });
    const box = /<div class="warning read-again">[\s\S]*?<\/div>/.exec(html)?.[0] ?? "";
    expect(box).toContain(`<strong>${doc.readAgain!.length} places in the source to read again.</strong>`);
    expect(box.match(/<li>/g)).toHaveLength(doc.readAgain!.length);
    expect(box).toContain("&quot;up from&quot; is written beside {trend 26.1 previous_value}");
  }, 600_000);

  it("renders after a State is taken off a named list, listing the States the database holds, with a warning", async () => {
    const dbPath = await moved("list", (s) => {
      replaceOnce(join(s, "finding_states.csv"), "13MSP-21-1,DEU,Germany,,,4\n", "");
      // The extract's own count of the names it read (findings.named_count) follows the list, as a re-extraction would.
      const findings = join(s, "findings.csv");
      const line = readFileSync(findings, "utf8")
        .split("\n")
        .find((l) => l.startsWith("13MSP-21-1,"))!;
      replaceOnce(findings, line, line.replace(",10,parentheses,", ",9,parentheses,"));
    });
    const { warnings, md } = await render(dbPath, "list");
    expect(md).toContain(
      "para 21 names them: Afghanistan, Chad, Chile, Iraq, Lao PDR, Lebanon, Mauritania, Somalia, and South Sudan[^",
    );
    expect(md).not.toMatch(/para 21 names them: [^[]*Germany/);
    expect(warnings.filter((w) => w.includes(source))).toEqual(
      at("{names 13MSP-21-1}").map(
        (place) =>
          `${place}: {names 13MSP-21-1} counts 9 States beside {value 2.2}, which now gives 10; finding 13MSP-21-1 no longer names as many States as indicator 2.2 counts: read the sentence again`,
      ),
    );
  }, 600_000);

  it("renders after a second report is added: the 13MSP briefing, as of its own report, is the one it rendered before", async () => {
    const dbPath = await moved("second-report", async (s) => {
      const extract = await ccm([
        "extract",
        join("test", "fixtures", "reports", "14MSP-progress-report.txt"),
        "--out",
        s,
      ]);
      expect(extract.code, extract.stderr).toBe(0);
    });
    const { warnings, md } = await render(dbPath, "second-report");
    expect(warnings.filter((w) => w.includes(source))).toEqual([]);
    expect(md).toBe(readFileSync(join("test", "golden", "briefing", CYCLE, "briefing.md"), "utf8"));
  }, 600_000);
});
