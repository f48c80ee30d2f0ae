// Page loader: the SQL explorer. DuckDB-Wasm (this page only, no extensions) loads each published table from its
// Arrow IPC stream file when a query first names it; the list of tables and the DuckDB-Wasm version are written in
// at build time.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { databaseColumns, loadTableDocs } from "../data-loaders/dictionary.ts";
import { escapeHtml } from "../data-loaders/site/page-text.ts";
import { ROOT, publishedTables, runLoader, siteQuery, withSiteDatabase } from "../data-loaders/site/site-db.ts";
import { sqlText } from "../data-loaders/lib/db.ts";

const e = escapeHtml;

/** Questions analysts ask, as queries over the published tables (tables, not the database's macros). */
const EXAMPLES: { question: string; sql: string }[] = [
  {
    question: "Which indicators declined in the latest cycle?",
    sql: "SELECT indicator_id, text, previous_cycle, previous_value, value, change_since_previous\nFROM indicator_trends\nWHERE is_latest AND judgement = 'declined'\nORDER BY pillar_code, action, seq",
  },
  {
    question: "How many States had each status on 31 December 2020?",
    sql: "SELECT status_label, count(*) AS states\nFROM status_on_dates\nWHERE as_of = DATE '2020-12-31'\nGROUP BY status_label\nORDER BY states DESC",
  },
  {
    question: "Lithuania's status history (withdrew in 2025)",
    sql: "SELECT status, valid_from, valid_to, event, source\nFROM state_status\nWHERE iso3 = 'LTU'\nORDER BY valid_from NULLS FIRST",
  },
  {
    // Status on the day of the vote, as every page of the site counts it (view unga_state_votes), in words.
    question: "States not party that voted Yes in 2024",
    sql: "SELECT name_en, vote_label, status_label\nFROM votes_in_words\nWHERE year = 2024 AND vote_label = 'Yes' AND status_label = 'Not party'\nORDER BY name_en",
  },
  {
    question: "The findings that name Chad, with their paragraphs",
    sql: "SELECT f.paragraph, f.statement, fs.name_as_written\nFROM finding_states fs\nJOIN findings f USING (finding_id)\nWHERE fs.iso3 = 'TCD'\nORDER BY f.finding_id",
  },
];

/**
 * Views made in the browser beside the published tables, so that a query can use the words the pages show: the
 * vote explorer's rows (sql/site/state_votes.sql: each recorded vote with the State's CCM status on the vote date,
 * codes and words side by side).
 */
const BROWSER_VIEWS = [
  {
    name: "votes_in_words",
    query: "state_votes",
    description:
      "Every recorded vote on a resolution with per-State votes: the State, its region, the vote and the State's CCM status on the day of the vote, each as a code and in the words the pages show (vote_label 'Yes', status_label 'Not party').",
  },
];

runLoader("sql.md", async () => {
  const { tables, columns, codes } = await withSiteDatabase(async (db) => ({
    tables: await publishedTables(db),
    columns: await databaseColumns(db.conn),
    codes: await siteQuery<{ code_of: string; code: string; label: string }>(db, "value_codes"),
  }));
  const docs = loadTableDocs();
  // The schema panel: each table's and column's description from the data dictionary.
  const schema = tables
    .map((t) => {
      const doc = docs.get(t.name);
      const cols = columns.filter((c) => c.table_name === t.name);
      const rows = cols
        .map(
          (c) =>
            `<tr><td><code>${e(c.column_name)}</code></td><td>${e(c.data_type)}</td><td>${e(doc?.columns[c.column_name] ?? "")}</td></tr>`,
        )
        .join("");
      return `<details class="schema-table"><summary><code>${e(t.name)}</code> <span class="muted">${t.kind}, ${t.rows} rows</span></summary><p>${e(doc?.description ?? "")}</p><div class="table-wrap" tabindex="0" role="region" aria-label="columns of ${e(t.name)}"><table class="data"><caption>Columns of ${e(t.name)}</caption><thead><tr><th scope="col">Column</th><th scope="col">Type</th><th scope="col">Meaning</th></tr></thead><tbody>${rows}</tbody></table></div></details>`;
    })
    .join("\n");
  const codeTable = `<div class="table-wrap" tabindex="0" role="region" aria-label="value codes"><table class="data"><caption>Codes in the data and the words on the pages</caption><thead><tr><th scope="col">Column</th><th scope="col">Code in SQL</th><th scope="col">Shown as</th></tr></thead><tbody>${codes.map((c) => `<tr><td>${e(c.code_of)}</td><td><code>'${e(c.code)}'</code></td><td>${e(c.label)}</td></tr>`).join("")}</tbody></table></div>`;
  const views = BROWSER_VIEWS.map((v) => ({
    ...v,
    sql: `CREATE VIEW ${v.name} AS ${sqlText(`site/${v.query}.sql`).trim().replace(/;\s*$/, "")}`,
  }));
  const viewList = views.map((v) => `<li><code>${e(v.name)}</code>: ${e(v.description)}</li>`).join("");
  const examples = EXAMPLES.map(
    (x, i) => `<li><button type="button" class="example" data-example="${i}">${e(x.question)}</button></li>`,
  ).join("");
  const version = (
    JSON.parse(readFileSync(join(ROOT, "node_modules", "@duckdb", "duckdb-wasm", "package.json"), "utf8")) as {
      version: string;
    }
  ).version;
  const pkg = `npm:@duckdb/duckdb-wasm@${version}`;
  const files = tables
    .map((t) => `  [${JSON.stringify(t.name)}, FileAttachment(${JSON.stringify(`data/tables/${t.name}.arrow`)})]`)
    .join(",\n");
  const page = `---
title: SQL explorer
toc: false
---

# SQL explorer

<p class="muted">Query every table of the database in your browser with DuckDB-Wasm ${version}. Nothing is sent anywhere: the data (${tables.length} tables, Arrow files, each fetched when a query first names it) and the engine are served by this site. Press Ctrl+Enter (⌘+Enter) in the editor or the Run button.</p>

\`\`\`js
import * as duckdb from "${pkg}";
import {dataTable} from "./components/table.js";
import {codeHints, runQuery, sqlEditor, startDuckDB, toCsv} from "./components/sql.js";

const files = new Map([
${files}
]);
// Each table is loaded the first time a query names it; the views in the pages' words (the site's own queries,
// sql/site/) are made the first time a query names them.
const db = await startDuckDB(duckdb, {
  wasm: import.meta.resolve("${pkg}/dist/duckdb-eh.wasm"),
  worker: import.meta.resolve("${pkg}/dist/duckdb-browser-eh.worker.js"),
  files,
  views: ${JSON.stringify(views.map((v) => [v.name, v.sql])).replaceAll("</", "<\\/")}
});
const CODES = ${JSON.stringify(codes.map(({ code_of, code, label }) => ({ code_of, code, label })))};
\`\`\`

<div class="sql-help">
<details open><summary>Example questions</summary><p class="muted">Press one to put its query in the editor and run it.</p><ul class="examples">${examples}</ul></details>
<details><summary>Codes: the data says <code>'not_party'</code> and <code>'Y'</code>, the pages say “Not party” and “Yes”</summary>${codeTable}<p class="muted">Dates are DATE values: write <code>DATE '2020-12-31'</code>. A State is its ISO 3166 alpha-3 code (<code>iso3</code>); its names are in <code>states</code>.</p></details>
<details open><summary>In the pages' words</summary><p class="muted">Besides the tables, the explorer has views that give each code with the word the pages show beside it, so a query can say <code>vote_label = 'Yes'</code> and <code>status_label = 'Not party'</code>:</p><ul>${viewList}</ul></details>
<details><summary>Tables and their columns (${tables.length})</summary>${schema}</details>
</div>

\`\`\`js
const EXAMPLES = ${JSON.stringify(EXAMPLES.map((x) => x.sql))};
const editor = sqlEditor("SELECT year, resolution_id, total_yes, total_no, total_abstentions\\nFROM unga_resolutions\\nORDER BY year");
// An example question fills the editor and runs.
for (const button of document.querySelectorAll("button.example")) button.onclick = () => editor.run(EXAMPLES[+button.dataset.example]);
const query = view(editor);
\`\`\`

\`\`\`js
const result = await runQuery(db, query).catch((error) => ({error}));
if (result.error) display(html\`<p role="alert" class="dir-bad">Query failed: \${result.error.message}</p>\`);
else {
  // Export: the result as a CSV file, made in the browser.
  const csv = URL.createObjectURL(new Blob([toCsv(result.columns, result.rows)], {type: "text/csv"}));
  display(html\`<p><a download="ccm-query.csv" href=\${csv} class="export">Download these \${result.rows.length} rows as CSV</a></p>\`);
  // Nothing found because a code column was compared with the pages' word (or the reverse): say what the valid values are.
  if (!result.rows.length) for (const hint of codeHints(query, CODES)) display(html\`<p role="status" class="code-hint">No rows: \${hint}</p>\`);
  display(dataTable(result.rows, {caption: \`\${result.rows.length} rows\`, scroll: true, columns: result.columns.map((key) => ({key}))}));
}
\`\`\`
`;
  process.stderr.write(`sql.md: ${tables.length} tables, DuckDB-Wasm ${version}\n`);
  return page;
});
