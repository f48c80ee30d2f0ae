/** The data dictionary documents every table and column of the built database. */
import { describe, expect, it } from "vitest";
import { closeDatabase } from "../data-loaders/lib/db.ts";
import { databaseColumns, loadTableDocs, renderDictionary, undocumented } from "../data-loaders/dictionary.ts";
import { readFileSync } from "node:fs";
import { openBuiltDb } from "./helpers/db.ts";

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

  it("the committed docs/data-dictionary.md is up to date", async () => {
    const db = await openBuiltDb();
    try {
      const rendered = renderDictionary(await databaseColumns(db.conn), loadTableDocs());
      expect(readFileSync("docs/data-dictionary.md", "utf8"), "run `npm run ccm -- dictionary` and commit docs/data-dictionary.md").toBe(rendered);
    } finally {
      closeDatabase(db);
    }
  });

  it("flags a column that has no description", () => {
    const docs = new Map([["t", { name: "t", kind: "table" as const, description: "d", source: "s", columns: { a: "documented" } }]]);
    const cols = [
      { table_name: "t", table_type: "BASE TABLE", column_name: "a", data_type: "INTEGER" },
      { table_name: "t", table_type: "BASE TABLE", column_name: "b", data_type: "INTEGER" },
      { table_name: "u", table_type: "VIEW", column_name: "x", data_type: "INTEGER" },
    ];
    expect(undocumented(cols, docs)).toEqual(["t.b", "u (the whole view)"]);
  });
});
