/**
 * The parameterized routes of the site, read from the built database: one page per pillar that has
 * indicators (/pillars/<code>) and one per State (/states/<iso3>). Used by observablehq.config.ts.
 */
import { siteQuery, withSiteDatabase } from "./site-db.ts";
import { editionWords, type ReportRow } from "./edition.ts";

export interface SiteRoutes {
  pillars: { code: string; name: string }[];
  states: string[];
  /** Indicators and States as entries of the site's search (path with an anchor, title, words). */
  search: { path: string; title: string; text: string; keywords: string }[];
  /** The progress reports in the database, in meeting order (the site's footer names them). */
  reports: string[];
  /** The latest report in words, with its place and date when the database has them (edition.ts). */
  latestEdition: string;
}

export async function siteRoutes(dbPath?: string): Promise<SiteRoutes> {
  // Read by Framework's configuration and the build's checks, each in a process of its own: these four queries take
  // about 0.1 s on the views as defined, without the views' snapshot first.
  return withSiteDatabase(
    async (db) => {
      const pillars = await siteQuery<{ code: string; name: string }>(db, "route_pillars");
      const states = await siteQuery<{ iso3: string }>(db, "route_states");
      const search = await siteQuery<SiteRoutes["search"][number]>(db, "search_entries");
      const reports = await siteQuery<ReportRow>(db, "reports");
      return {
        pillars,
        states: states.map((s) => s.iso3),
        search,
        reports: reports.map((r) => r.report_id),
        latestEdition: editionWords(reports.at(-1)!),
      };
    },
    dbPath,
    { snapshot: false },
  );
}
