import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { parseArgs } from "node:util";
import type { Command } from "./types.ts";
import { closeDatabase, DEFAULT_DB, openDatabase, ROOT } from "../lib/db.ts";
import { databaseColumns, loadTableDocs, renderDictionary, undocumented } from "../dictionary.ts";

export const command: Command = {
  name: "dictionary",
  usage: "dictionary [--db data/ccm.duckdb] [--out docs/data-dictionary.md]",
  summary: "Write the data dictionary of every table and column; fails if any column is undocumented.",
  async run(args) {
    const { values } = parseArgs({ args, options: { db: { type: "string" }, out: { type: "string" } } });
    const db = await openDatabase(values.db ?? DEFAULT_DB, { readOnly: true });
    try {
      const columns = await databaseColumns(db.conn);
      const docs = loadTableDocs();
      const missing = undocumented(columns, docs);
      if (missing.length) {
        process.stderr.write(`Undocumented in the data dictionary:\n  ${missing.join("\n  ")}\nDocument them in data-loaders/dictionary/<table>.json or the dataset's .meta.json.\n`);
        return 1;
      }
      const out = values.out ?? join(ROOT, "docs", "data-dictionary.md");
      writeFileSync(out, renderDictionary(columns, docs));
      process.stderr.write(`Wrote ${out} (${new Set(columns.map((c) => c.table_name)).size} tables and views, ${columns.length} columns).\n`);
    } finally {
      closeDatabase(db);
    }
  },
};
