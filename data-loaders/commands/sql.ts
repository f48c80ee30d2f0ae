import { parseArgs } from "node:util";
import { stringify } from "csv-stringify/sync";
import type { Command } from "./types.ts";
import { closeDatabase, DEFAULT_DB, openDatabase, queryRows } from "../lib/db.ts";

/** Analysts without the DuckDB CLI can still query the database read-only. */
export const command: Command = {
  name: "sql",
  usage: 'sql "<query>" [--db data/ccm.duckdb] [--csv]',
  summary: "Run a read-only SQL query on the database and print the result as a table (or CSV with --csv).",
  async run(args) {
    const { values, positionals } = parseArgs({
      args,
      allowPositionals: true,
      options: { db: { type: "string" }, csv: { type: "boolean" } },
    });
    const query = positionals.join(" ").trim();
    if (!query) {
      process.stderr.write('Give a query, e.g. npm run ccm -- sql "SELECT * FROM consistency_issues"\n');
      return 2;
    }
    const db = await openDatabase(values.db ?? DEFAULT_DB, { readOnly: true });
    try {
      const rows = await queryRows(db.conn, query);
      if (values.csv) {
        process.stdout.write(stringify(rows, { header: true, columns: rows[0] ? Object.keys(rows[0]) : [] }));
      } else if (rows.length) {
        console.table(rows);
      }
      process.stderr.write(`${rows.length} row(s)\n`);
    } finally {
      closeDatabase(db);
    }
  },
};
