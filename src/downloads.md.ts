// Page loader: the Downloads page lists every published table (read from the database at build time) with
// CSV and Parquet files, its provenance and a suggested citation. Links are literal so Framework builds them.
import { execFileSync } from "node:child_process";
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { editionWords, type ReportRow } from "../data-loaders/site/edition.ts";
import {
  ROOT,
  TIDY_FILES,
  publishedTables,
  runLoader,
  siteQuery,
  withSiteDatabase,
} from "../data-loaders/site/site-db.ts";
import { datasetProvenance, escapeHtml } from "../data-loaders/site/page-text.ts";
import { htmlTable } from "../data-loaders/site/page.ts";

interface Dictionary {
  description?: string;
  source?: string;
  columns?: Record<string, string>;
}

function dictionaryOf(name: string): Dictionary | undefined {
  const file = join(ROOT, "data-loaders", "dictionary", `${name}.json`);
  return existsSync(file) ? (JSON.parse(readFileSync(file, "utf8")) as Dictionary) : undefined;
}

/** What a derived table means and what it is built from, with its columns (from data-loaders/dictionary). */
function derivedProvenance(name: string): string {
  const doc = dictionaryOf(name);
  const file = `data-loaders/dictionary/${escapeHtml(name)}.json`;
  if (!doc) return `<p class="source">Derived by ccm-trends; not yet documented (<code>${file}</code> is missing).</p>`;
  const columns = Object.entries(doc.columns ?? {}).map(([column, meaning]) => ({ column, meaning }));
  return [
    `<p>${escapeHtml(doc.description ?? "")}</p>`,
    `<p class="source">Derived by ccm-trends from: ${escapeHtml(doc.source ?? "—")} (<code>${file}</code>).</p>`,
    columns.length
      ? // In the site's table frame, which scrolls on its own when a phone is narrower than the table.
        `<details class="alt"><summary>Columns of ${escapeHtml(name)}</summary>${htmlTable(columns, {
          caption: `Columns of ${name}`,
          tools: false,
          columns: [
            { key: "column", label: "Column", html: (r) => `<code>${escapeHtml(r.column)}</code>` },
            { key: "meaning", label: "Meaning" },
          ],
        })}</details>`
      : "",
  ].join("\n");
}

function buildDate(): string {
  // The date of the commit the site was built from, so two builds of one commit cite the same version.
  try {
    return execFileSync("git", ["log", "-1", "--format=%cs"], { cwd: ROOT, encoding: "utf8" }).trim();
  } catch {
    return new Date().toISOString().slice(0, 10);
  }
}

function commit(): string {
  try {
    return execFileSync("git", ["rev-parse", "--short", "HEAD"], { cwd: ROOT, encoding: "utf8" }).trim();
  } catch {
    return "unknown";
  }
}

runLoader("downloads.md", async () => {
  const { tables, datasets, reports } = await withSiteDatabase(async (db) => ({
    tables: await publishedTables(db),
    datasets: await siteQuery(db, "datasets"),
    reports: await siteQuery<ReportRow>(db, "reports"),
  }));
  const date = buildDate();
  const version = commit();
  // The address the reader opened the site at (known only in the browser: the site may be served anywhere).
  const here = '<span class="site-url">${new URL("./downloads", location.href).href}</span>';
  const lines = [
    "---",
    "title: Downloads",
    "toc: true",
    "---",
    "",
    "# Downloads",
    "",
    `<p class="muted">Every table and view of the ccm-trends database (${tables.length}), as CSV (UTF-8, header row) and Parquet, and joined files with names and texts beside the codes. Built from commit <code>${version}</code> on ${date}. Files save under the names shown.</p>`,
    "",
    `<nav aria-label="Tables on this page" class="download-index"><p><strong>Start here:</strong> ${TIDY_FILES.map((f) => `<a href="#${f.query}">${escapeHtml(f.title)}</a>`).join(" · ")} · <a href="#suggested-citation">Suggested citation</a></p><details><summary>All ${tables.length} tables and views</summary><p>${tables.map((t) => `<a href="#${t.name.replaceAll("_", "-")}">${t.name}</a>`).join(" · ")}</p></details></nav>`,
    "",
    "## Suggested citation",
    "",
    // The address last, on a line of its own that is there before it is filled in (style.css): the citation does not
    // move when the page's script writes it.
    `<blockquote class="citation">ccm-trends contributors (${date.slice(0, 4)}). <em>ccm-trends: Convention on Cluster Munitions monitoring data</em>, version ${version} (${date}). Built from the ${escapeHtml(reports.map(editionWords).join(", the "))}, UN Digital Library voting records and the UN Treaty Collection. ${here}</blockquote>`,
    "",
    '<p class="muted">Cite the original producer named under each table as well.</p>',
    "",
    "## Joined files for reading",
    "",
    ...TIDY_FILES.flatMap((f) => [
      `<h3 id="${f.query}">${escapeHtml(f.title)}</h3>`,
      "",
      `<p>One row per ${escapeHtml(f.row)}. <a download="${f.query}.csv" href="./data/tables/${f.query}.csv">${f.query}.csv</a></p>`,
      "",
    ]),
    "## Tables",
    "",
  ];
  for (const t of tables) {
    const dataset = datasets.find((d) => d["name"] === t.name);
    lines.push(
      `### ${t.name}`,
      "",
      `<p>${t.kind === "view" ? "View" : "Table"} · ${t.rows} rows${t.name ? "" : ""} · <a download="${t.name}.csv" href="./data/tables/${t.name}.csv">${t.name}.csv</a> · <a download="${t.name}.parquet" href="./data/tables/${t.name}.parquet">${t.name}.parquet</a></p>`,
      "",
      dataset ? datasetProvenance(dataset) : derivedProvenance(t.name),
      "",
      `<p class="source">Cite as: ccm-trends contributors (${date.slice(0, 4)}). Table <code>${escapeHtml(t.name)}</code>, version ${version} (${date}).${dataset ? ` Original: ${escapeHtml(String(dataset["producer"]))}, ${escapeHtml(String(dataset["title"]))} (${escapeHtml(String(dataset["date"]))}).` : ""}</p>`,
      "",
    );
  }
  process.stderr.write(`downloads.md: ${tables.length} tables\n`);
  return lines.join("\n");
});
