/**
 * The UNDL bulk ingest (data-loaders/steps/unga.ts + sql/models/02x_unga_*.sql) on real DuckDB files in a
 * temp dir: the real 2015–2021 CCM file, generated files in both layouts, a file with bad rows, and reruns.
 */
import { afterAll, describe, expect, it } from "vitest";
import {
  appendFileSync,
  copyFileSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  rmSync,
  utimesSync,
  writeFileSync,
} from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { closeDatabase, openDatabase, queryRows } from "../data-loaders/lib/db.ts";
import { InputError } from "../data-loaders/lib/errors.ts";
import { createLogger } from "../data-loaders/lib/log.ts";
import { sha256 } from "../data-loaders/lib/meta.ts";
import { buildUnga, UNGA_DATASETS } from "../data-loaders/unga-build.ts";
import { generateUndl } from "../data-loaders/unga/generate.ts";

const root = mkdtempSync(join(tmpdir(), "ccm-unga-"));
afterAll(() => rmSync(root, { recursive: true, force: true }));

let counter = 0;
/** A fresh sources/ folder with the curated UNGA datasets and the given bulk files. */
function sourcesWith(files: Record<string, string | Buffer>): { sourcesDir: string; dbPath: string } {
  const dir = join(root, `case-${++counter}`);
  const sourcesDir = join(dir, "sources");
  mkdirSync(join(sourcesDir, "unga"), { recursive: true });
  for (const name of UNGA_DATASETS) {
    for (const ext of [".csv", ".meta.json"]) copyFileSync(join("sources", name + ext), join(sourcesDir, name + ext));
  }
  for (const [name, content] of Object.entries(files)) writeFileSync(join(sourcesDir, "unga", name), content);
  return { sourcesDir, dbPath: join(dir, "ccm.duckdb") };
}

async function query<T>(dbPath: string, sql: string, params?: Record<string, string | number>): Promise<T[]> {
  const db = await openDatabase(dbPath, { readOnly: true });
  try {
    return await queryRows<T>(db.conn, sql, params);
  } finally {
    closeDatabase(db);
  }
}

function generated(rows: number, layout: "2025" | "2026", seed = 1): Buffer {
  const out = join(root, `gen-${rows}-${layout}-${seed}.csv`);
  generateUndl({ rows, layout, out, seed });
  return readFileSync(out);
}

/** Collects the step's progress lines. */
function capturingLogger(): { logger: ReturnType<typeof createLogger>; lines: string[] } {
  const lines: string[] = [];
  const stream = { isTTY: false, write: (s: string) => lines.push(s) } as unknown as NodeJS.WriteStream;
  return { logger: createLogger({ stream }), lines };
}

describe("UNDL ingest of the real 2015–2021 CCM vote file", () => {
  it("gives the published totals of all seven resolutions, equal to the per-country counts", async () => {
    const s = sourcesWith({
      "undl-ccm-votes-2015-2021.csv": readFileSync("sources/unga/undl-ccm-votes-2015-2021.csv"),
    });
    await buildUnga(s);
    const rows = await query<Record<string, number | string | boolean>>(
      s.dbPath,
      `SELECT resolution_id, total_yes, total_no, total_abstentions, total_non_voting, counted_yes, counted_no, counted_abstentions, counted_non_voting, totals_match
       FROM unga_resolutions WHERE has_country_votes ORDER BY year`,
    );
    expect(
      rows.map((r) => [r.resolution_id, r.total_yes, r.total_no, r.total_abstentions, r.total_non_voting]),
    ).toEqual([
      ["A/RES/70/54", 139, 2, 40, 12],
      ["A/RES/71/45", 141, 2, 39, 11],
      ["A/RES/72/54", 142, 2, 36, 13],
      ["A/RES/73/54", 144, 1, 38, 10],
      ["A/RES/74/62", 144, 1, 38, 10],
      ["A/RES/75/62", 147, 0, 38, 8],
      ["A/RES/76/47", 146, 1, 37, 9],
    ]);
    for (const r of rows) {
      expect([r.counted_yes, r.counted_no, r.counted_abstentions, r.counted_non_voting]).toEqual([
        r.total_yes,
        r.total_no,
        r.total_abstentions,
        r.total_non_voting,
      ]);
      expect(r.totals_match).toBe(true);
    }
    // Without the 2022–2024 file, 2023 is known only from the CCM website's published totals (never zeros).
    const totalsOnly = await query<{
      resolution_id: string;
      total_yes: number;
      total_no: number | null;
      source: string;
    }>(
      s.dbPath,
      "SELECT resolution_id, total_yes, total_no, source FROM unga_resolutions WHERE NOT has_country_votes ORDER BY year",
    );
    expect(totalsOnly).toEqual([
      { resolution_id: "UNGA-2023-CCM", total_yes: 148, total_no: 1, source: "CCM website news page" },
    ]);
    const [afg] = await query<{ vote: string; source_line: number; iso3: string }>(
      s.dbPath,
      "SELECT iso3, vote, source_line FROM unga_votes WHERE resolution_id = 'A/RES/70/54' AND iso3 = 'AFG'",
    );
    expect(afg).toEqual({ iso3: "AFG", vote: "Y", source_line: 2 });
    const [count] = await query<{ n: number }>(s.dbPath, "SELECT count(*) AS n FROM unga_votes");
    expect(count!.n).toBe(1351);
  });
});

describe("UNDL ingest of generated files", () => {
  it("reads both layouts, detected from the header, in one build", async () => {
    const s = sourcesWith({ "a-2025.csv": generated(3000, "2025"), "b-2026.csv": generated(2500, "2026", 2) });
    await buildUnga(s);
    const files = await query<{ source_file: string; layout: string; rows_loaded: number; rejected_lines: number }>(
      s.dbPath,
      "SELECT source_file, layout, rows_loaded, rejected_lines FROM undl_files ORDER BY source_file",
    );
    expect(files).toEqual([
      { source_file: "sources/unga/a-2025.csv", layout: "2025", rows_loaded: 3000, rejected_lines: 0 },
      { source_file: "sources/unga/b-2026.csv", layout: "2026", rows_loaded: 2500, rejected_lines: 0 },
    ]);
    const [notes] = await query<{ with_note_2025: number; rows: number }>(
      s.dbPath,
      "SELECT count(vote_note) FILTER (WHERE source_file LIKE '%2025%') AS with_note_2025, count(*) AS rows FROM undl_votes",
    );
    expect(notes).toEqual({ with_note_2025: 0, rows: 5500 });
  });

  it("parses the generator's output with the same ingest: every row, totals that match, ES sessions, UTF-8 names, CCM resolutions", async () => {
    const bytes = generated(60_000, "2026", 7);
    expect(sha256(generated(60_000, "2026", 7))).toBe(sha256(bytes)); // deterministic
    const s = sourcesWith({ "gen.csv": bytes });
    await buildUnga(s);
    const [r] = await query<Record<string, number>>(
      s.dbPath,
      `SELECT (SELECT count(*) FROM undl_votes) AS rows, (SELECT count(*) FROM undl_rejects) AS rejects,
              (SELECT count(*) FROM undl_resolutions WHERE NOT totals_match) AS mismatches,
              (SELECT count(*) FROM undl_votes WHERE "session" LIKE 'ES-%') AS emergency,
              (SELECT count(*) FROM undl_votes WHERE ms_name = 'TÜRKIYE') AS turkiye,
              (SELECT count(DISTINCT ms_code) FROM undl_votes) AS states,
              (SELECT count(*) FROM unga_resolutions WHERE topic = 'CCM' AND has_country_votes) AS ccm,
              (SELECT count(*) FROM undl_votes WHERE title LIKE '%,%') AS titles_with_commas`,
    );
    expect(r!.rows).toBe(60_000);
    expect(r!.rejects).toBe(0);
    expect(r!.mismatches).toBe(0);
    expect(r!.emergency).toBeGreaterThan(0);
    expect(r!.turkiye).toBeGreaterThan(0);
    expect(r!.states).toBe(193);
    expect(r!.ccm).toBeGreaterThan(0);
    expect(r!.titles_with_commas).toBeGreaterThan(0);
  });
});

describe("UNDL rows that DuckDB rejects", () => {
  // Lines 5, 9 and 12 of a generated 2026-layout file are broken: a comma outside quotes, a bad date, an unknown vote code.
  function badFile(): Buffer {
    const lines = generated(400, "2026", 3).toString("utf8").split("\n");
    lines[4] = lines[4]!.replace(/,(\d{4}-\d{2}-\d{2}),/, ",$1,extra,");
    lines[8] = lines[8]!.replace(/,(\d{4})-\d{2}-\d{2},/, ",$1-13-45,");
    lines[11] = lines[11]!.replace(/^(\d+,[A-Z]{3},[^,]+),[YNAX],/, "$1,Q,");
    return Buffer.from(lines.join("\n"));
  }

  it("fail the run with file, line and column of each", async () => {
    const s = sourcesWith({ "undl-bad.csv": badFile() });
    const error = await buildUnga(s).then(
      () => null,
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(InputError);
    const problems = (error as InputError).problems;
    expect(problems.map((p) => [p.file, p.line])).toEqual([
      ["sources/unga/undl-bad.csv", 5],
      ["sources/unga/undl-bad.csv", 9],
      ["sources/unga/undl-bad.csv", 12],
    ]);
    const message = (error as InputError).message;
    expect(message).toContain("sources/unga/undl-bad.csv:5: expected 20 fields, as the header has, found 21 fields: ");
    expect(message).toMatch(
      /sources\/unga\/undl-bad\.csv:9: column "date": expected a date as YYYY-MM-DD, found "\d{4}-13-45"\./,
    );
    expect(message).toContain(
      'sources/unga/undl-bad.csv:12: column "ms_vote": expected a vote code: Y (yes), N (no), A (abstention) or X (non-voting), found "Q".',
    );
    expect(message).toContain("--allow-rejects");
  });

  it("say a line with fields missing or extra once, with its own count, not once for each field", async () => {
    // DuckDB's reader rejects a line once for each field it lacks or has too many: a cut line, 19 times.
    const lines = generated(400, "2026", 3).toString("utf8").split("\n");
    const cut = lines[6]!.split(",").slice(0, 3).join(",");
    lines[6] = cut;
    lines[9] = lines[9]!.replace(/,(\d{4}-\d{2}-\d{2}),/, ",$1,one,two,three,");
    const s = sourcesWith({ "undl-bad.csv": Buffer.from(lines.join("\n")) });
    const error = await buildUnga(s).then(
      () => null,
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(InputError);
    const problems = (error as InputError).problems;
    expect(problems.map((p) => [p.line, p.expected, p.found?.split(":")[0]])).toEqual([
      [7, "20 fields, as the header has", "3 fields"],
      [10, "20 fields, as the header has", "23 fields"],
    ]);
    expect(problems[0]!.found).toBe(`3 fields: ${JSON.stringify(cut)}`);
    expect(problems[0]!.fix).toContain("add the missing fields");
    expect(problems[1]!.fix).toContain("remove the extra field");
  });

  it("with allowRejects: the build succeeds, the rejects stay listed and lines of later rows stay right", async () => {
    const s = sourcesWith({ "undl-bad.csv": badFile() });
    const { logger, lines } = capturingLogger();
    await buildUnga({ ...s, allowRejects: true, logger });
    expect(logger.warnings.join("\n")).toContain("3 rejected line(s) left out");
    expect(lines.join("")).toContain("3 rejected lines");
    const rejects = await query<{ line: number }>(s.dbPath, "SELECT DISTINCT line FROM undl_rejects ORDER BY line");
    expect(rejects.map((r) => r.line)).toEqual([5, 9, 12]);
    const [counts] = await query<{ n: number }>(s.dbPath, "SELECT count(*) AS n FROM undl_votes");
    expect(counts!.n).toBe(397);
    // The 20th data row (line 21) after three rejected lines: undl_line maps its ordinal back to line 21.
    const fileLines = badFile().toString("utf8").split("\n");
    const [undlId, code] = fileLines[20]!.split(",");
    const [row] = await query<{ line: number }>(
      s.dbPath,
      "SELECT undl_line(v.source_file, v.rowid - f.first_rowid) AS line FROM undl_votes v JOIN undl_files f USING (source_file) WHERE v.undl_id = $id AND v.ms_code = $code",
      { id: Number(undlId), code: code! },
    );
    expect(row!.line).toBe(21);
  });
});

describe("UNDL rows whose ms_code is no known State", () => {
  // The real 2022–2024 file with Bahamas' 2022 vote given to an unknown code: the vote must not vanish silently.
  function atlantis(): { file: Buffer; line: number } {
    const lines = readFileSync("sources/unga/undl-ccm-votes-2022-2024.csv", "utf8").split("\n");
    const index = lines.findIndex((l) => l.startsWith("3996917,BHS,BAHAMAS,"));
    lines[index] = lines[index]!.replace("3996917,BHS,BAHAMAS,", "3996917,ATL,ATLANTIS,");
    return { file: Buffer.from(lines.join("\n")), line: index + 1 };
  }

  it("fail the run naming file, line, the closest known States and the State whose row is missing", async () => {
    const bad = atlantis();
    const s = sourcesWith({ "undl-ccm-votes-2022-2024.csv": bad.file });
    const error = await buildUnga(s).then(
      () => null,
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(InputError);
    const problems = (error as InputError).problems;
    expect(problems.map((p) => [p.file, p.line, p.column])).toEqual([
      ["sources/unga/undl-ccm-votes-2022-2024.csv", bad.line, "ms_code"],
    ]);
    const message = (error as InputError).message;
    expect(message).toContain(
      `sources/unga/undl-ccm-votes-2022-2024.csv:${bad.line}: column "ms_code": expected the ISO3 code of a State: "ATL" (ATLANTIS) is not the ISO3 code of a State; closest known: `,
    );
    expect(message).toContain("the record has no row for Bahamas (BHS)");
    expect(message).toContain("--allow-rejects");
  });

  it("with allowRejects: listed as a reject and left out of unga_votes, the other rows keep their lines", async () => {
    const bad = atlantis();
    const s = sourcesWith({ "undl-ccm-votes-2022-2024.csv": bad.file });
    const { logger } = capturingLogger();
    await buildUnga({ ...s, allowRejects: true, logger });
    expect(logger.warnings.join("\n")).toContain("1 rejected line(s) left out");
    const rejects = await query<{ line: number; error_type: string }>(
      s.dbPath,
      "SELECT line, error_type FROM undl_rejects",
    );
    expect(rejects).toEqual([{ line: bad.line, error_type: "UNKNOWN STATE" }]);
    const [votes] = await query<{ n: number; atl: number; next_line: number }>(
      s.dbPath,
      "SELECT count(*)::INTEGER AS n, count(*) FILTER (WHERE iso3 = 'ATL')::INTEGER AS atl, max(source_line) FILTER (WHERE iso3 = 'BLR' AND year = 2022) AS next_line FROM unga_votes",
    );
    expect(votes).toEqual({ n: 578, atl: 0, next_line: bad.line + 4 }); // Belarus, four rows after Bahamas: lines still match the file
  });
});

describe("incremental rerun", () => {
  it("skips the ingest of an unchanged file (copied from the previous database) and re-reads a changed one", async () => {
    // one.csv spans several DuckDB row groups (122,880 rows each), so a copy that lost the file order would show.
    const s = sourcesWith({ "one.csv": generated(300_000, "2026", 11), "two.csv": generated(5_000, "2025", 12) });
    await buildUnga(s);
    const first = await query<{ source_file: string; reused: boolean }>(
      s.dbPath,
      "SELECT source_file, reused FROM undl_files ORDER BY 1",
    );
    expect(first.map((f) => f.reused)).toEqual([false, false]);
    const linesSql =
      "SELECT resolution_id, iso3, source_line FROM unga_votes WHERE source_file = 'sources/unga/one.csv' ORDER BY 1, 2";
    const linesBefore = await query<{ source_line: number }>(s.dbPath, linesSql);
    expect(linesBefore.length).toBeGreaterThan(1000);
    const fileLines = readFileSync(join(s.sourcesDir, "unga", "one.csv"), "utf8").split("\n");
    for (const r of (linesBefore as { resolution_id: string; iso3: string; source_line: number }[]).filter(
      (_, i) => i % 997 === 0,
    )) {
      expect(fileLines[r.source_line - 1]).toContain(`,${r.iso3},`);
      expect(fileLines[r.source_line - 1]).toContain(`,${r.resolution_id},`);
    }

    const { logger, lines } = capturingLogger();
    await buildUnga({ ...s, logger });
    const second = await query<{ source_file: string; reused: boolean; rows_loaded: number }>(
      s.dbPath,
      "SELECT source_file, reused, rows_loaded FROM undl_files ORDER BY 1",
    );
    expect(second).toEqual([
      { source_file: "sources/unga/one.csv", reused: true, rows_loaded: 300_000 },
      { source_file: "sources/unga/two.csv", reused: true, rows_loaded: 5_000 },
    ]);
    expect(lines.join("")).toMatch(
      /one\.csv: skipped ingest \(unchanged, content hash [0-9a-f]{16}\): copied 300000 rows/,
    );
    // The copied rows keep their file order: every line number is the same as after the first read.
    expect(await query(s.dbPath, linesSql)).toEqual(linesBefore);

    // Touched but unchanged (new mtime, same bytes): the content hash decides, and the file is still copied.
    const later = new Date(Date.now() + 60_000);
    utimesSync(join(s.sourcesDir, "unga", "one.csv"), later, later);
    await buildUnga(s);
    const touched = await query<{ reused: boolean }>(
      s.dbPath,
      "SELECT reused FROM undl_files WHERE source_file = 'sources/unga/one.csv'",
    );
    expect(touched).toEqual([{ reused: true }]);

    // Changed in place with its size kept (one vote code for another, as a correction would): the content hash
    // tells, and the file is read again.
    const twoPath = join(s.sourcesDir, "unga", "two.csv");
    const twoText = readFileSync(twoPath, "utf8");
    const vote = twoText.indexOf(",Y,");
    expect(vote).toBeGreaterThan(0);
    writeFileSync(twoPath, twoText.slice(0, vote) + ",N," + twoText.slice(vote + 3));
    await buildUnga(s);
    const edited = await query<{ source_file: string; reused: boolean; yes: number }>(
      s.dbPath,
      "SELECT f.source_file, f.reused, count(*) FILTER (WHERE v.ms_vote = 'Y')::INTEGER AS yes FROM undl_files f JOIN undl_votes v USING (source_file) GROUP BY ALL ORDER BY 1",
    );
    const yesBefore = (twoText.match(/,Y,/g) ?? []).length;
    expect(edited.map(({ source_file, reused }) => ({ source_file, reused }))).toEqual([
      { source_file: "sources/unga/one.csv", reused: true },
      { source_file: "sources/unga/two.csv", reused: false },
    ]);
    expect(edited[1]!.yes).toBe(yesBefore - 1);

    // A changed file (other content) is read again; the unchanged one is still copied.
    appendFileSync(
      join(s.sourcesDir, "unga", "two.csv"),
      generated(5_000, "2025", 12)
        .toString("utf8")
        .split("\n")
        .slice(1, 11)
        .join("\n")
        .replaceAll("A/RES/", "A/RES/9") + "\n",
    );
    await buildUnga(s);
    const third = await query<{ source_file: string; reused: boolean; rows_loaded: number }>(
      s.dbPath,
      "SELECT source_file, reused, rows_loaded FROM undl_files ORDER BY 1",
    );
    expect(third).toEqual([
      { source_file: "sources/unga/one.csv", reused: true, rows_loaded: 300_000 },
      { source_file: "sources/unga/two.csv", reused: false, rows_loaded: 5_010 },
    ]);
  });
});

describe("UNDL files that cannot be read", () => {
  it("a header that is neither layout names the file and the missing columns", async () => {
    const text = generated(50, "2026", 5).toString("utf8").replace("total_ms,", "");
    const s = sourcesWith({ "renamed.csv": text });
    await expect(buildUnga(s)).rejects.toThrow(
      /sources\/unga\/renamed\.csv:1:1: expected the header of a UN Digital Library voting file.*missing total_ms/s,
    );
  });

  it("a file the reader cannot parse at all (stray carriage returns) is an InputError naming the file", async () => {
    const text = readFileSync("sources/unga/undl-ccm-votes-2015-2021.csv", "utf8").replaceAll("\r\n", "\r\r\n");
    const s = sourcesWith({ "broken.csv": text });
    const error = await buildUnga(s).then(
      () => null,
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(InputError);
    expect((error as InputError).message).toContain("sources/unga/broken.csv");
    expect((error as InputError).message).toContain("How to fix: download the file again");
  });

  it("the real file has CRLF line ends and loads without a stray carriage return in the last column", async () => {
    expect(readFileSync("sources/unga/undl-ccm-votes-2015-2021.csv", "utf8").slice(0, 300)).toContain("\r\n");
    const s = sourcesWith({ "real.csv": readFileSync("sources/unga/undl-ccm-votes-2015-2021.csv") });
    await buildUnga(s);
    const [r] = await query<{ n: number }>(
      s.dbPath,
      "SELECT count(*) AS n FROM undl_votes WHERE undl_link LIKE '%\r%'",
    );
    expect(r!.n).toBe(0);
  });
});
