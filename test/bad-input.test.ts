/**
 * Every kind of bad input named in issue 2 gives a message with the file, line and column,
 * what was expected, what was found and how to fix it. Messages are asserted word for word
 * where they carry the diagnosis.
 */
import { describe, expect, it } from "vitest";
import { copyFileSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { readMeta } from "../data-loaders/lib/meta.ts";
import { readCuratedCsv, type CuratedTable } from "../data-loaders/lib/csv.ts";
import { InputError } from "../data-loaders/lib/errors.ts";
import { checkReferences, readCuratedSources } from "../data-loaders/sources.ts";
import { StateResolver } from "../data-loaders/lib/states.ts";

const dir = "test/fixtures/bad-input";
const meta = readMeta(`${dir}/values.meta.json`);

function problemOf(name: string): string {
  try {
    readCuratedCsv(`${dir}/${name}.csv`, meta);
  } catch (e) {
    expect(e).toBeInstanceOf(InputError);
    return (e as Error).message;
  }
  throw new Error(`${name}.csv was accepted`);
}

describe("curated CSV validation", () => {
  it("accepts a good file and keeps empty cells as missing, not zero", () => {
    const t = readCuratedCsv(`${dir}/good.csv`, meta);
    expect(t.rows).toEqual([
      { indicator_id: "9.2", cycle: "10MSP", state: "Albania", value: "52", revised: "false" },
      { indicator_id: "9.2", cycle: "11MSP", state: null, value: "61", revised: "true" },
    ]);
    expect(t.lines).toEqual([2, 3]);
  });

  it.each([
    [
      "wrong-header",
      "wrong-header.csv:1:1: expected the header indicator_id,cycle,state,value,revised, found indicator_id,cycle,country,value,revised (missing state; unexpected country).",
      "make the header match the columns listed in values.meta.json",
    ],
    [
      "missing-column",
      "missing-column.csv:3:5: expected 5 fields (indicator_id,cycle,state,value,revised), found 4 fields.",
      "add the missing field",
    ],
    [
      "extra-column",
      "extra-column.csv:3:6: expected 5 fields (indicator_id,cycle,state,value,revised), found 6 fields.",
      "quote a value that contains a comma",
    ],
    [
      "not-a-number",
      'not-a-number.csv:3: column "value": expected a whole number (digits only, no thousands separator), found "sixty-one".',
      "write the number as digits",
    ],
    [
      "duplicate-key",
      'duplicate-key.csv:4: column "indicator_id": expected a unique key (indicator_id, cycle), found "9.2, 10MSP", already used on line 2.',
      "remove the duplicate row",
    ],
    [
      "unknown-cycle",
      'unknown-cycle.csv:3: column "cycle": expected one of 10MSP, 11MSP, 12MSP, 13MSP, found "14MSP".',
      "use one of the allowed values",
    ],
    [
      "bom",
      "bom.csv:1:1: expected UTF-8 text without a byte-order mark, found a UTF-8 BOM (EF BB BF).",
      "save the file as UTF-8 without BOM",
    ],
    ["crlf", "crlf.csv:1:39: expected LF line ends, found a CR (Windows CRLF line end).", "convert line ends"],
    [
      "latin1",
      'latin1.csv:3:12: expected UTF-8 text, found byte 0xF4 ("ô" in Latin-1), which is not valid UTF-8 (the file looks Latin-1 or Windows-1252 encoded).',
      "iconv -f latin1 -t utf-8",
    ],
    [
      "empty",
      "empty.csv:1:1: expected a header line and at least one data row, found an empty file.",
      "restore the file from git",
    ],
    [
      "ragged-quote",
      "ragged-quote.csv:3:3: expected a quoted field closed by a double quote before the end of the file, found a quote that is opened here and never closed",
      "close the quote",
    ],
  ])("%s: names file, line, column, expectation and fix", (name, diagnosis, fix) => {
    const message = problemOf(name);
    expect(message).toContain(`${dir}/${diagnosis}`);
    expect(message).toContain(`How to fix: `);
    expect(message).toContain(fix);
  });

  it("reports every problem of a file, not only the first", () => {
    const file = join(mkdtempSync(join(tmpdir(), "ccm-bad-")), "two-problems.csv");
    writeFileSync(file, "indicator_id,cycle,state,value,revised\n9.2,10MSP,,5x,false\n9.2,11MSP,,61,yes\n");
    let message = "";
    try {
      readCuratedCsv(file, meta);
    } catch (e) {
      message = (e as Error).message;
    }
    expect(message).toContain(`${file}:2: column "value": expected a whole number`);
    expect(message).toContain(`${file}:3: column "revised": expected true or false, found "yes".`);
  });

  it("an unknown State is an error that names the closest known names", () => {
    const table: CuratedTable = readCuratedCsv(`${dir}/unknown-state.csv`, meta);
    const resolver = new StateResolver(
      [{ alias: "Lao PDR", iso3: "LAO" }],
      [
        { iso3: "ALB", name: "Albania" },
        { iso3: "AND", name: "Andorra" },
        { iso3: "LAO", name: "Lao People's Democratic Republic" },
        { iso3: "AUS", name: "Australia" },
      ],
    );
    const problems = checkReferences(new Map([["values", table]]), resolver);
    expect(problems).toHaveLength(1);
    const message = new InputError(problems).message;
    expect(message).toContain(
      `${dir}/unknown-state.csv:3: column "state": expected a State name or ISO3 code known to sources/state_aliases.csv, found "Absurdistan"; closest known:`,
    );
    expect(message).toContain("add the new spelling to sources/state_aliases.csv");
  });
});

describe("a curated CSV changed since its checksum was recorded", () => {
  it("reports the content problem first (an unknown cycle on line 6), then the checksum", () => {
    const sources = mkdtempSync(join(tmpdir(), "ccm-sources-"));
    for (const f of readdirSync("sources").filter((f) => f.endsWith(".csv") || f.endsWith(".meta.json")))
      copyFileSync(join("sources", f), join(sources, f));
    const lines = readFileSync("sources/indicator_values.csv", "utf8").split("\n");
    lines[5] = lines[5]!.replace(",10MSP,", ",9MSP,");
    writeFileSync(join(sources, "indicator_values.csv"), lines.join("\n"));
    let error: unknown;
    try {
      readCuratedSources(sources);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(InputError);
    const problems = (error as InputError).problems;
    expect(problems.map((p) => [p.line, p.column ?? null])).toEqual([
      [6, "cycle"],
      [1, null],
    ]);
    expect(problems[0]!.found).toBe('"9MSP"');
    expect(problems[1]!.expected).toContain("the SHA-256 recorded in indicator_values.meta.json");
  });
});

describe("a dataset's file without its metadata, and a reference to a dataset that is not there", () => {
  /** The curated datasets of sources/ copied to a new folder, for one of them to be broken there. */
  function copyOfSources(): string {
    const sources = mkdtempSync(join(tmpdir(), "ccm-sources-"));
    for (const f of readdirSync("sources").filter((f) => f.endsWith(".csv") || f.endsWith(".meta.json")))
      copyFileSync(join("sources", f), join(sources, f));
    return sources;
  }
  function problemsOf(sources: string): InputError["problems"] {
    try {
      readCuratedSources(sources);
    } catch (e) {
      expect(e).toBeInstanceOf(InputError);
      return (e as InputError).problems;
    }
    throw new Error("the sources were accepted");
  }

  it("names the data file and the metadata to restore, once, not each dataset that references it", () => {
    const sources = copyOfSources();
    rmSync(join(sources, "cycles.meta.json"));
    const problems = problemsOf(sources);
    expect(problems).toHaveLength(1);
    expect(new InputError(problems).message).toContain(
      `${join(sources, "cycles.csv")}: expected its metadata beside it (${join(sources, "cycles.meta.json")}: the columns, their types and the provenance), found no such file.`,
    );
    expect(problems[0]!.fix).toContain(`git checkout -- ${join(sources, "cycles.meta.json")}`);
  });

  it("says a column's reference to a missing dataset once, not once for each of its rows", () => {
    const sources = copyOfSources();
    const metaFile = join(sources, "indicator_values.meta.json");
    const text = readFileSync(metaFile, "utf8");
    expect(text).toContain('"dataset": "cycles"');
    writeFileSync(metaFile, text.replace('"dataset": "cycles"', '"dataset": "cycle"'));
    const problems = problemsOf(sources);
    expect(problems.map((p) => [p.file, p.line, p.column, p.found])).toEqual([
      [join(sources, "indicator_values.csv"), 1, "cycle", "no such dataset"],
    ]);
    expect(problems[0]!.fix).toBe(
      'correct "references" in indicator_values.meta.json, or restore sources/cycle.csv with its .meta.json',
    );
  });
});
