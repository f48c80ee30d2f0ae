// Observable Framework configuration for the ccm-trends site. Built offline by scripts/site/build.ts
// (`npm run site:build`), which fills Framework's npm cache from node_modules first.
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
  search: false,
  pager: false,
  toc: true,
  // DuckDB-Wasm would download the json and parquet extensions from extensions.duckdb.org: none offline.
  duckdb: { extensions: { json: null, parquet: null }, platforms: { eh: true, mvp: false } },
  pages: [
    { name: "Overview", path: "/" },
    { name: "Pillars (A–K)", collapsible: true, pages: routes.pillars.map((p) => ({ name: `${p.code}. ${p.name}`, path: `/pillars/${p.code}` })) },
    { name: "Universalization", path: "/universalization" },
    { name: "States", path: "/states/" },
    { name: "Data quality", path: "/data-quality" },
    { name: "Briefings", path: "/briefings" },
    { name: "Downloads", path: "/downloads" },
    { name: "SQL explorer", path: "/sql" },
  ],
  dynamicPaths: [...routes.pillars.map((p) => `/pillars/${p.code}`), ...routes.states.map((iso3) => `/states/${iso3}`)],
  // Printing expands the collapsed data tables (text alternatives of the charts) so paper keeps them.
  head:
    '<meta name="color-scheme" content="light"><link rel="icon" href="data:,">' +
    '<script>addEventListener("beforeprint", () => document.querySelectorAll("details.alt").forEach((d) => (d.open = true)));</script>',
  footer:
    'Data: CCM 13MSP Progress Report (Geneva, 9 Sept 2025), UN Digital Library voting records, UN Treaty Collection. ' +
    'Every figure links to its source. Code and data: MIT / see <a href="/downloads">Downloads</a> for each licence.',
};
