import { writeFileSync } from "node:fs";
import { relative } from "node:path";
import { parseArgs } from "node:util";
import type { Command } from "./types.ts";
import { closeDatabase, DEFAULT_DB, openDatabase, ROOT } from "../lib/db.ts";
import {
  databaseColumns,
  DICTIONARY_FILE,
  fillTypes,
  loadTableDocs,
  renderDictionary,
  renderRowTypes,
  ROW_TYPES_FILE,
  undocumented,
} from "../dictionary.ts";

export const command: Command = {
  name: "dictionary",
  usage:
    "dictionary [--db data/ccm.duckdb] [--out docs/data-dictionary.md] [--types data-loaders/lib/relations.generated.ts]",
  summary:
    "From each relation's one description, write the data dictionary and the TypeScript row types (a column without a type gets the database's, written into its description); fails if any table or column is undocumented.",
  async run(args) {
    const { values } = parseArgs({
      args,
      options: { db: { type: "string" }, out: { type: "string" }, types: { type: "string" } },
    });
    const db = await openDatabase(values.db ?? DEFAULT_DB, { readOnly: true });
    try {
      const columns = await databaseColumns(db.conn);
      const docs = loadTableDocs();
      const missing = undocumented(columns, docs);
      if (missing.length) {
        process.stderr.write(
          `Undocumented in the data dictionary:\n  ${missing.join("\n  ")}\nDocument them in data-loaders/dictionary/<table>.json or the dataset's .meta.json.\n`,
        );
        return 1;
      }
      for (const { file, columns: filled } of fillTypes(columns, docs)) {
        process.stderr.write(
          `${file}: gave ${filled.join(", ")} the type the database reports; review and commit it.\n`,
        );
      }
      const out = values.out ?? DICTIONARY_FILE;
      writeFileSync(out, renderDictionary(columns, docs));
      const types = values.types ?? ROW_TYPES_FILE;
      writeFileSync(types, renderRowTypes(docs, columns));
      process.stderr.write(
        `Wrote ${relative(ROOT, out)} (${new Set(columns.map((c) => c.table_name)).size} tables and views, ${columns.length} columns) and ${relative(ROOT, types)} (${docs.size} row types).\n`,
      );
    } finally {
      closeDatabase(db);
    }
  },
};
