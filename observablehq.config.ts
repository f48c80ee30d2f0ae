// Observable Framework configuration for the ccm-trends site. Built offline by scripts/site/build.ts
// (`npm run site:build`), which fills Framework's npm cache from node_modules first.
import { readFileSync } from "node:fs";
import { siteRoutes } from "./data-loaders/site/routes.ts";

const routes = await siteRoutes();

export default {
  title: "CCM trends",
  root: "src",
  // The build wrapper writes to a temporary folder and swaps it in only when the build fully succeeded.
  output: process.env.CCM_SITE_OUTPUT ?? "dist",
  // No web fonts (the default would load Google Fonts): system fonts only, so nothing leaves localhost.
  globalStylesheets: [],
  style: "style.css",
  // Framework's own search: a MiniSearch index written at build time and searched in the browser, nothing fetched
  // elsewhere. Beside the pages it finds each indicator (its row on its pillar's page) and each State.
  search: {
    async *index() {
      yield* routes.search;
    },
  },
  pager: false,
  toc: true,
  // DuckDB-Wasm would download the json and parquet extensions from extensions.duckdb.org: none offline.
  duckdb: { extensions: { json: null, parquet: null }, platforms: { eh: true, mvp: false } },
  pages: [
    { name: "Overview", path: "/" },
    { name: "Indicators", path: "/indicators" },
    {
      name: "Pillars (A–K)",
      collapsible: true,
      pages: routes.pillars.map((p) => ({ name: `${p.code}. ${p.name}`, path: `/pillars/${p.code}` })),
    },
    { name: "Universalization", path: "/universalization" },
    { name: "States", path: "/states/" },
    { name: "Findings", path: "/findings" },
    { name: "Data quality", path: "/data-quality" },
    { name: "Briefings", path: "/briefings" },
    { name: "Downloads", path: "/downloads" },
    { name: "SQL explorer", path: "/sql" },
  ],
  dynamicPaths: [...routes.pillars.map((p) => `/pillars/${p.code}`), ...routes.states.map((iso3) => `/states/${iso3}`)],
  // Printing expands the collapsed data tables (text alternatives of the charts) so paper keeps them.
  head:
    '<meta name="color-scheme" content="light"><link rel="icon" href="data:,">' +
    '<script>addEventListener("beforeprint", () => document.querySelectorAll("details.alt").forEach((d) => (d.open = true)));</script>' +
    // Sorting and filtering of long tables, deep links, the sidebar on phones (src/components/table-tools.js).
    `<script>${readFileSync(new URL("./src/components/table-tools.js", import.meta.url), "utf8").replaceAll("</", "<\\/")}</script>`,
  // With a later report in the database the values shown are its printing: the footer names every report (a pillar
  // page's own footer names the one its values come from).
  footer:
    (routes.reports.length > 1
      ? `Data: CCM ${routes.reports.join(", ")} Progress Reports (the values shown are the ${routes.reports.at(-1)} report's unless a page says otherwise), `
      : `Data: ${routes.latestEdition}, `) +
    "UN Digital Library voting records, UN Treaty Collection. " +
    'Every figure links to its source. Code and data: MIT / see <a href="/downloads">Downloads</a> for each licence.',
};
