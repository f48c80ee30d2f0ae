// Observable Framework configuration for the ccm-trends site. Built offline by scripts/site/build.ts
// (`npm run site:build`), which fills Framework's npm cache from node_modules first.
import { siteFooter, siteHead } from "./data-loaders/site/frame.ts";
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
  // No header: an empty one would still be parsed as HTML for every page.
  header: null,
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
  // The same head and footer are in each page's front matter (data-loaders/site/frame.ts says why).
  head: siteHead(),
  footer: siteFooter(routes),
};
