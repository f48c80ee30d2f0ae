/**
 * Each relation is described once (data-loaders/dictionary.ts); from that come the data dictionary, the row types
 * and the column checks. The built database must match every description, and each kind of check must fire.
 */
import { describe, expect, it } from "vitest";
import { readFileSync } from "node:fs";
import { closeDatabase, openDatabase, queryRows } from "../data-loaders/lib/db.ts";
import {
  databaseColumns,
  DICTIONARY_FILE,
  loadTableDocs,
  renderDictionary,
  renderRowTypes,
  ROW_TYPES_FILE,
  tsType,
  undocumented,
  type TableDoc,
} from "../data-loaders/dictionary.ts";
import { columnCheckFailures, step as columnChecks } from "../data-loaders/steps/column-checks.ts";
import { STEPS } from "../data-loaders/steps/index.ts";
import { createLogger } from "../data-loaders/lib/log.ts";
import type { StepContext } from "../data-loaders/steps/types.ts";
import { openBuiltDb } from "./helpers/db.ts";

const REGENERATE = "run `npm run ccm -- dictionary` and commit what it writes";

describe("data dictionary", () => {
  it("documents every table, view and column of the built database", async () => {
    const db = await openBuiltDb();
    try {
      const columns = await databaseColumns(db.conn);
      expect(columns.length).toBeGreaterThan(50);
      expect(undocumented(columns, loadTableDocs())).toEqual([]);
    } finally {
      closeDatabase(db);
    }
  });

  it("describes only relations the build makes, each column with its type", async () => {
    const db = await openBuiltDb();
    try {
      const built = new Set((await databaseColumns(db.conn)).map((c) => c.table_name));
      const docs = [...loadTableDocs().values()];
      expect(docs.filter((d) => !built.has(d.name)).map((d) => `${d.file}: ${d.name} is not built`)).toEqual([]);
      const untyped = docs.flatMap((d) =>
        Object.keys(d.columns)
          .filter((c) => !d.types?.[c])
          .map((c) => `${d.file}: ${c}`),
      );
      expect(untyped, REGENERATE).toEqual([]);
    } finally {
      closeDatabase(db);
    }
  });

  it("the committed docs/data-dictionary.md and data-loaders/lib/relations.generated.ts are up to date", async () => {
    const db = await openBuiltDb();
    try {
      const columns = await databaseColumns(db.conn);
      const docs = loadTableDocs();
      expect(readFileSync(DICTIONARY_FILE, "utf8"), REGENERATE).toBe(renderDictionary(columns, docs));
      expect(readFileSync(ROW_TYPES_FILE, "utf8"), REGENERATE).toBe(renderRowTypes(docs, columns));
    } finally {
      closeDatabase(db);
    }
  });

  it("flags a column that has no description", () => {
    const docs = new Map([
      ["t", { name: "t", kind: "table" as const, description: "d", source: "s", columns: { a: "documented" } }],
    ]);
    const cols = [
      { table_name: "t", table_type: "BASE TABLE", column_name: "a", data_type: "INTEGER" },
      { table_name: "t", table_type: "BASE TABLE", column_name: "b", data_type: "INTEGER" },
      { table_name: "u", table_type: "VIEW", column_name: "x", data_type: "INTEGER" },
    ];
    expect(undocumented(cols, docs)).toEqual(["t.b", "u (the whole view)"]);
  });

  it("gives each column the TypeScript type of the value queryRows returns", async () => {
    expect([
      tsType("VARCHAR"),
      tsType("INTEGER"),
      tsType("BIGINT"),
      tsType("DOUBLE"),
      tsType("DATE"),
      tsType("BOOLEAN"),
    ]).toEqual(["string", "number", "number", "number", "string", "boolean"]);
    expect([tsType("VARCHAR[]"), tsType("ENUM('Y', 'N')"), tsType("VARCHAR", ["held", "not comparable"])]).toEqual([
      "string[]",
      '"Y" | "N"',
      '"held" | "not comparable"',
    ]);
    // What queryRows really gives for those types.
    const db = await openDatabase();
    try {
      const [row] = await queryRows<Record<string, unknown>>(
        db.conn,
        "SELECT 'a' AS s, 1::INTEGER AS i, 2::BIGINT AS b, 0.5::DOUBLE AS d, DATE '2025-06-30' AS day, true AS t, ['x'] AS l",
      );
      expect(Object.values(row!).map((v) => (Array.isArray(v) ? "string[]" : typeof v))).toEqual([
        "string",
        "number",
        "number",
        "number",
        "string",
        "boolean",
        "string[]",
      ]);
    } finally {
      closeDatabase(db);
    }
  });
});

describe("column checks", () => {
  it("the pipeline runs them after every other step", () => {
    expect(STEPS.at(-1)).toBe(columnChecks);
  });

  it("the built database holds what every relation's description says", async () => {
    const db = await openBuiltDb();
    try {
      const docs = loadTableDocs();
      // Not an empty pass: the descriptions hold keys, accepted values and never-NULL columns to check.
      const rules = [...docs.values()].reduce(
        (n, d) => n + (d.unique?.length ?? 0) + Object.keys(d.accepted_values ?? {}).length + (d.not_null?.length ?? 0),
        0,
      );
      expect(rules).toBeGreaterThan(300);
      expect(await columnCheckFailures(db.conn, docs)).toEqual([]);
    } finally {
      closeDatabase(db);
    }
  }, 120_000);

  it("each kind fires, naming the relation, the column, the value, its count and the fix", async () => {
    const db = await openDatabase();
    try {
      await db.conn.run(
        `CREATE TABLE moves AS SELECT * FROM (VALUES ('9.2', '13MSP', 'improved', 3, NULL), ('9.2', '13MSP', 'better', 1, NULL), ('9.3', NULL, 'better', 2, 'p. 4')) v(indicator_id, cycle, judgement, streak, note)`,
      );
      await db.conn.run("CREATE VIEW moves_view AS SELECT * FROM moves");
      const doc: TableDoc = {
        name: "moves",
        kind: "table",
        description: "d",
        source: "s",
        columns: { indicator_id: "i", cycle: "c", judgement: "j", streak: "n", rank: "r", note: "o" },
        types: { indicator_id: "VARCHAR", cycle: "VARCHAR", judgement: "VARCHAR", streak: "BIGINT", note: "VARCHAR" },
        accepted_values: { judgement: ["improved", "declined"] },
        // Each column counted on its own (one query for all): none in indicator_id, one in cycle, two in note.
        not_null: ["indicator_id", "cycle", "note", "rank"],
        unique: [["indicator_id", "cycle"]],
        file: "data-loaders/dictionary/moves.json",
      };
      const docs = new Map([
        ["moves", doc],
        [
          "moves_view",
          { ...doc, name: "moves_view", kind: "view" as const, file: "data-loaders/dictionary/moves_view.json" },
        ],
      ]);
      const failures = await columnCheckFailures(db.conn, docs);
      const expected = (name: string, kind: string) => [
        `${name}.streak: the ${kind} gives INTEGER, described as BIGINT in data-loaders/dictionary/${name}.json. Fix: cast it in the SQL (CAST(… AS BIGINT)), or correct its type in the description.`,
        `${name}.rank: described in data-loaders/dictionary/${name}.json but the ${kind} has no such column. Fix: make the SQL return it, or remove it from the description.`,
        `${name}.judgement: "better" in 2 rows, not one of the accepted values (improved, declined) of data-loaders/dictionary/${name}.json. Fix: correct the SQL or the data that produce it, or add the value to accepted_values.judgement.`,
        `${name}.cycle: NULL in 1 row, described as never NULL in data-loaders/dictionary/${name}.json. Fix: give those rows a value in the SQL (or the source), or remove "cycle" from not_null.`,
        `${name}.note: NULL in 2 rows, described as never NULL in data-loaders/dictionary/${name}.json. Fix: give those rows a value in the SQL (or the source), or remove "note" from not_null.`,
        `${name} (indicator_id, cycle): "9.2, 13MSP" in 2 rows, described as a key (unique) in data-loaders/dictionary/${name}.json. Fix: remove the duplicate rows in the SQL (or the source), or correct the key.`,
      ];
      expect(failures).toEqual([...expected("moves", "table"), ...expected("moves_view", "view")]);
    } finally {
      closeDatabase(db);
    }
  });

  it("the pipeline's step fails the build on the real descriptions, and stays silent when they hold", async () => {
    const db = await openDatabase();
    const ctx = { db, log: createLogger({ quiet: true }) } as unknown as StepContext;
    try {
      // Table reports as its description has it, with one report, then the same report twice.
      const reports = loadTableDocs().get("reports")!;
      await db.conn.run(
        `CREATE TABLE reports (${Object.keys(reports.columns)
          .map((c) => `${c} ${reports.types![c]}`)
          .join(", ")})`,
      );
      await db.conn.run(
        "INSERT INTO reports (report_id, ordinal, is_latest, folder) VALUES ('13MSP', 130, true, 'sources')",
      );
      await expect(columnChecks.run(ctx)).resolves.toBeUndefined();
      await db.conn.run(
        "INSERT INTO reports (report_id, ordinal, is_latest, folder) VALUES ('13MSP', 140, false, 'sources/reports/13MSP')",
      );
      await expect(columnChecks.run(ctx)).rejects.toThrow(
        'Column checks failed (the database was not replaced):\n  reports (report_id): "13MSP" in 2 rows, described as a key (unique) in data-loaders/dictionary/reports.json.',
      );
    } finally {
      closeDatabase(db);
    }
  });
});
