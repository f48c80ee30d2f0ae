/**
 * The parameterized routes of the site, read from the built database: one page per pillar that has
 * indicators (/pillars/<code>) and one per State (/states/<iso3>). Used by observablehq.config.ts.
 */
import { siteQuery, withSiteDatabase } from "./site-db.ts";

export interface SiteRoutes {
  pillars: { code: string; name: string }[];
  states: string[];
}

export async function siteRoutes(): Promise<SiteRoutes> {
  return withSiteDatabase(async (db) => {
    const pillars = await siteQuery<{ code: string; name: string }>(db, "route_pillars");
    const states = await siteQuery<{ iso3: string }>(db, "route_states");
    return { pillars, states: states.map((s) => s.iso3) };
  });
}
