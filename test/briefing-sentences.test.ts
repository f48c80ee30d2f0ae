/**
 * `briefing init` writes the generated draft sentence by sentence, every number a reference, on the real database and
 * report: the init'd source renders byte for byte to the golden briefing; the draft is itself a source, every number a
 * reference resolved by the one resolver; no literal quantity is left in the source's prose
 * (and the scan catches one typed in); an edited sentence changes that sentence only; each reference kind the draft
 * needs reports a wrong name with file, line, column and the closest valid names.
 */
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildBriefing, initSource, renderDraft } from "../data-loaders/briefing/build.ts";
import { composeParts } from "../data-loaders/briefing/compose.ts";
import { loadBriefingData } from "../data-loaders/briefing/data.ts";
import { closeDatabase, queryRows } from "../data-loaders/lib/db.ts";
import { InputError } from "../data-loaders/lib/errors.ts";
import { createLogger } from "../data-loaders/lib/log.ts";
import { builtDbPath, openBuiltDb } from "./helpers/db.ts";
import { literalQuantities } from "./helpers/literal-quantities.ts";

const CYCLE = "13MSP";
const DATE = "16 September 2025";
const GOLDEN = join("test", "golden", "briefing", CYCLE);

let work: string;
let draft: string;
let definitions: string[];
beforeAll(async () => {
  process.env.TZ = "UTC";
  work = mkdtempSync(join(tmpdir(), "ccm-briefing-sentences-"));
  const path = join(work, "init", `${CYCLE}.md`);
  await initSource({ cycle: CYCLE, dbPath: builtDbPath(), source: path, log: createLogger({ quiet: true }) });
  draft = readFileSync(path, "utf8");
  const db = await openBuiltDb();
  try {
    definitions = (await queryRows<{ text: string }>(db.conn, "SELECT text FROM indicators")).map((r) => r.text);
  } finally {
    closeDatabase(db);
  }
}, 300_000);
afterAll(() => rmSync(work, { recursive: true, force: true }));

function write(name: string, text: string): string {
  const dir = join(work, name);
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, `${CYCLE}.md`), text);
  return join(dir, `${CYCLE}.md`);
}

async function render(source: string, out: string) {
  return buildBriefing({
    cycle: CYCLE,
    dbPath: builtDbPath(),
    outDir: out,
    date: DATE,
    pdf: false,
    source,
    log: createLogger({ quiet: true }),
  });
}

describe("the init'd source", () => {
  it("renders to the golden briefing byte for byte (Markdown and HTML), with no warning", async () => {
    const out = join(work, "out-init");
    const result = await render(write("as-init", draft), out);
    expect(result.warnings).toEqual([]);
    for (const name of ["briefing.md", "briefing.html"])
      expect(readFileSync(join(out, CYCLE, name), "utf8"), name).toBe(readFileSync(join(GOLDEN, name), "utf8"));
  }, 120_000);

  it("writes every paragraph and list item of the 13MSP draft as editable text: no section or block include", () => {
    expect(draft).not.toMatch(/^\{(section|block) /m);
    // Tables and charts by their stable names.
    for (const name of [
      "pillars-overview",
      "pillar-A",
      "unga-votes",
      "unga-yes-by-status",
      "annex",
      "annex-records",
      "datasets",
    ])
      expect(draft).toContain(`{table ${name}}`);
    expect(draft).toContain("{chart pillar-K}");
    // Sentences the analyst edits, every number a reference.
    expect(draft).toContain(
      "{value 9.2} States Parties contribute to the Implementation Support Unit (ISU) budget, up from {trend 9.2 previous_value} in the {trend 9.2 previous_cycle} cycle",
    );
    expect(draft).toContain(
      "{count rose_every_cycle|indicator} rose in each of the {cycles changes} cycles since {cycle first}",
    );
    // The States a finding names are a reference too, so the list follows the database like its count.
    expect(draft).toContain("para 21 names them: {names 13MSP-21-1}{note finding 13MSP-21-1}");
    expect(draft).not.toContain("names them: Afghanistan");
    expect(draft).toContain("{count completed|indicator} ({ids completed}) fell because nobody is left");
    expect(draft).toContain("{count no_better_direction|indicator} ({ids no_better_direction}) cannot be compared");
  });

  it("has no literal quantity in its prose; the scan lists one typed in, with its line", () => {
    expect(literalQuantities(draft, definitions)).toEqual([]);
    const lines = draft.split("\n");
    const at = lines.findIndex((l) => l.startsWith("{votes 2024 yes} States voted"));
    expect(at).toBeGreaterThan(0);
    lines[at] = lines[at]!.replace("{votes 2024 yes} States voted", "70 States voted").replace(
      "down from {votes 2023 yes} in 2023",
      "down from seventy in the 13MSP cycle",
    );
    const found = literalQuantities(lines.join("\n"), definitions);
    expect(found.map((f) => [f.line, f.found])).toEqual([
      [at + 1, "13MSP cycle"],
      [at + 1, "70"],
      [at + 1, "seventy"],
    ]);
  });
});

describe("the init'd source's lists", () => {
  it("names no State and lists no indicator outside a reference: every list beside a count follows the database", async () => {
    const db = await openBuiltDb();
    let states: string[];
    try {
      states = (await queryRows<{ name: string }>(db.conn, "SELECT name_en AS name FROM states")).map((r) => r.name);
    } finally {
      closeDatabase(db);
    }
    // The prose as the reader of the source sees it: references and comments taken out.
    const prose = draft.replace(/<!--[\s\S]*?-->/g, "").replace(/\{[^{}]*\}/g, "{}");
    const named = states.filter((n) =>
      new RegExp(`(^|[^\\w])${n.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}($|[^\\w])`).test(prose),
    );
    expect(named).toEqual([]);
    // A list of indicator ids typed in prose ("(2.1, 2.2, and 4.1)"); an id standing alone may name an indicator.
    expect(prose.match(/\b\d+\.\d+, \d+\.\d+\b/g)).toBeNull();
    expect(draft).toContain("{ids rose_every_cycle}");
    expect(draft).toContain("{names withdrawals}");
    expect(draft).toContain("{names shifts did_not_vote}");
    expect(draft).toContain("{names flows yes non-voting state_party}");
  });
});

describe("the generated draft", () => {
  it("is itself a source: every number a reference, resolved by the one resolver (the composer writes no number)", async () => {
    const db = await openBuiltDb();
    try {
      const parts = await composeParts(await loadBriefingData(db.conn, CYCLE));
      const inline = parts.doc.sections.flatMap((s) =>
        s.blocks.flatMap((b) => (b.kind === "paragraph" ? b.content : b.kind === "list" ? b.items.flat() : [])),
      );
      const refs = inline.filter((c) => typeof c !== "string" && "ref" in c);
      expect(refs.length).toBeGreaterThan(300);
      // A number the composer wrote as text would be a digit or a number word outside a reference.
      expect(refs.every((r) => Object.keys(r).join() === "ref")).toBe(true);
      const draft = await renderDraft(db.conn, parts);
      expect(draft.warnings).toEqual([]);
      expect(JSON.stringify(draft.sections)).not.toMatch(/"ref":/);
    } finally {
      closeDatabase(db);
    }
  }, 300_000);
});

describe("an edited sentence", () => {
  it("changes that sentence of the briefing and nothing else", async () => {
    const old = "Compared with the previous cycle, {tally|indicator}{note trends}.";
    expect(draft).toContain(old);
    const edited = draft.replace(
      old,
      "In our reading, {count improved|indicator} got better since the {cycle previous} cycle and {count declined} got worse{note trends}.",
    );
    const out = join(work, "out-edited");
    await render(write("edited", edited), out);
    const before = readFileSync(join(GOLDEN, "briefing.md"), "utf8").split("\n");
    const after = readFileSync(join(out, CYCLE, "briefing.md"), "utf8").split("\n");
    expect(after.length).toBe(before.length);
    const changed = before.map((l, i) => [l, after[i]] as const).filter(([a, b]) => a !== b);
    expect(changed).toEqual([
      [
        "Compared with the previous cycle, 31 indicators improved (one on a contested figure, 47.2, which the other figures judge the same), 16 declined (one on a contested figure, 11.2, which the other figures judge the same), 24 held and three completed (fell because nobody is left to do it)[^2].",
        "In our reading, 31 indicators got better since the 12MSP cycle and 16 got worse[^2].",
      ],
    ]);
  }, 300_000);
});

describe("the reference kinds the draft needs", () => {
  it("name file, line and column and the closest valid names for a wrong name, field, cycle or position", async () => {
    const bad = [
      ["{trend 9.2 previus_value}", /closest valid names: previous_value/],
      ["{trend 9.9 streak}", /closest valid names: .*9\.2/],
      ["{trend 9.2 streak 13MPS}", /closest valid names: 13MSP/],
      ["{count improvd}", /closest valid names: improved/],
      ["{count improved Q}", /closest valid names: .*\b[A-K]\b/],
      ["{tally Z}", /closest valid names: .*\b[A-K]\b/],
      ["{cycle frist}", /closest valid names: first/],
      ["{cycles change}", /closest valid names: changes/],
      ["{date period_ends}", /closest valid names: period_end/],
      ["{date withdrawal LUT}", /closest valid names: LTU/],
      ["{withdrawals 13MPS}", /closest valid names: 13MSP/],
      ["{issues consistensy}", /closest valid names: consistency/],
      ["{issues records eror}", /closest valid names: error/],
      ["{shifts abstain}", /closest valid names: abstained/],
      ["{revisions figure}", /closest valid names: figures/],
      ["{names 13MSP-21-9}", /closest valid names: 13MSP-21-1/],
      ["{ids complete}", /closest valid names: completed/],
      ["{ids completed A}", /there are none/],
      ["{names 13MSP-II.A.1-1}", /names none/],
      ["{votes 2024 yes not_partty}", /closest valid names: not_party/],
      ["{contested 9.1}", /none does/],
      ["{value 9.2}{note value 9.3}", /closest valid names: .*value 9\.[12]/],
      ["{block summery}", /this draft names none|closest valid names/],
      ["{table pillar-Q}", /closest valid names: pillar-/],
      ["{chart unga-vote}", /closest valid names: unga-votes/],
    ] as const;
    // Inline references in a sentence; tables, charts and blocks on a line of their own.
    const alone = (ref: string) => /^\{(block|table|chart) /.test(ref);
    const text = ["## S", "", ...bad.map(([ref]) => (alone(ref) ? ref : `Here: ${ref}.`)), ""].join("\n");
    const path = write("bad-kinds", text);
    const err = await render(path, join(work, "out-bad")).then(
      () => null,
      (e: unknown) => e,
    );
    expect(err).toBeInstanceOf(InputError);
    const problems = (err as InputError).problems;
    expect(problems.map((p) => [p.line, p.column])).toEqual(
      bad.map(([ref], i) => [i + 3, ref.startsWith("{value") ? 18 : alone(ref) ? 1 : 7]),
    );
    bad.forEach(([ref, fix], i) => expect(problems[i]!.fix, ref).toMatch(fix));
    expect((err as InputError).message).toContain(
      `${path}:3:7: expected a known field of view indicator_trends, found "previus_value"`,
    );
  }, 120_000);
});
