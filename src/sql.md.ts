// Page loader: the SQL explorer. DuckDB-Wasm (this page only, no extensions) loads every published table from
// an Arrow IPC stream file; the list of tables and the DuckDB-Wasm version are written in at build time.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { ROOT, publishedTables, runLoader, withSiteDatabase } from "../data-loaders/site/site-db.ts";

runLoader("sql.md", async () => {
  const tables = await withSiteDatabase((db) => publishedTables(db));
  const version = (JSON.parse(readFileSync(join(ROOT, "node_modules", "@duckdb", "duckdb-wasm", "package.json"), "utf8")) as { version: string }).version;
  const pkg = `npm:@duckdb/duckdb-wasm@${version}`;
  const files = tables.map((t) => `  [${JSON.stringify(t.name)}, FileAttachment(${JSON.stringify(`data/tables/${t.name}.arrow`)})]`).join(",\n");
  const page = `---
title: SQL explorer
toc: false
---

# SQL explorer

<p class="muted">Query every table of the database in your browser with DuckDB-Wasm ${version}. Nothing is sent anywhere: the data (${tables.length} tables, Arrow files) and the engine are served by this site. Press Ctrl+Enter (⌘+Enter) in the editor or the Run button.</p>

\`\`\`js
import * as duckdb from "${pkg}";
import {dataTable} from "./components/table.js";
import {runQuery, startDuckDB} from "./components/sql.js";

const files = new Map([
${files}
]);
const db = await startDuckDB(duckdb, {
  wasm: import.meta.resolve("${pkg}/dist/duckdb-eh.wasm"),
  worker: import.meta.resolve("${pkg}/dist/duckdb-browser-eh.worker.js"),
  files
});
\`\`\`

<p>Tables: ${tables.map((t) => `<code>${t.name}</code>`).join(", ")}. Their columns are documented on the <a href="./downloads">Downloads</a> page.</p>

\`\`\`js
const query = view(Inputs.textarea({
  label: "SQL",
  value: "SELECT year, resolution_id, total_yes, total_no, total_abstentions\\nFROM unga_resolutions\\nORDER BY year",
  rows: 6,
  width: Math.min(width, 900),
  submit: "Run",
  spellcheck: false
}));
\`\`\`

\`\`\`js
const result = await runQuery(db, query).catch((error) => ({error}));
display(result.error
  ? html\`<p role="alert" class="dir-bad">Query failed: \${result.error.message}</p>\`
  : dataTable(result.rows, {caption: \`\${result.rows.length} rows\`, scroll: true, columns: result.columns.map((key) => ({key}))}));
\`\`\`
`;
  process.stderr.write(`sql.md: ${tables.length} tables, DuckDB-Wasm ${version}\n`);
  process.stdout.write(page);
});
