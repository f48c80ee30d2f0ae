/**
 * The SQL explorer's choice of what to load (src/components/sql.js): the tables and views a query names, and every
 * one when it asks the catalogue, which lists only what is loaded. The explorer itself, with DuckDB-Wasm in
 * Chromium, is tested in site-sources.test.ts and site-analyst.test.ts.
 */
import { describe, expect, it } from "vitest";
// @ts-expect-error: a plain JavaScript module of the site, without types
import { namedRelations } from "../src/components/sql.js";

const NAMES = ["states", "state_status", "status_on_dates", "unga_votes", "votes_in_words"];
const named = (sql: string) => namedRelations(sql, NAMES) as string[];

describe("the tables a query of the SQL explorer needs", () => {
  it("are those it names as whole words, in any case, and no table whose name only contains a named one", () => {
    expect(named("SELECT * FROM state_status WHERE iso3 = 'LTU'")).toEqual(["state_status"]);
    expect(named("select s.name_en from STATES s join Unga_Votes v using (iso3)")).toEqual(["states", "unga_votes"]);
    expect(named("SELECT 42 AS answer")).toEqual([]);
    expect(named("SELECT * FROM votes_in_words")).toEqual(["votes_in_words"]);
  });

  it("are all of them when the query asks the catalogue", () => {
    for (const sql of [
      "SELECT table_name FROM information_schema.tables",
      "SELECT * FROM duckdb_tables()",
      "SHOW TABLES",
      "show all tables",
      "PRAGMA show_tables",
    ])
      expect(named(sql), sql).toEqual(NAMES);
  });
});
