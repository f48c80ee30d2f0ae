// Every State with its current CCM status, its status periods and the treaty events they come from.
import { emitJson, requireColumns, runLoader, siteQuery, withSiteDatabase } from "../../data-loaders/site/site-db.ts";

runLoader("states.json", async () => {
  const result = await withSiteDatabase(async (db) => ({
    states: await siteQuery(db, "states"),
    status: await siteQuery(db, "state_status"),
    events: await siteQuery(db, "state_events"),
    documents: await siteQuery(db, "source_documents"),
  }));
  requireColumns("states", result.states, ["iso3", "m49", "name_en", "region", "status"]);
  requireColumns("state_status", result.status, ["iso3", "status", "valid_from", "valid_to", "source"]);
  requireColumns("state_events", result.events, ["iso3", "event", "event_date", "event_year", "source"]);
  await emitJson("states.json", result);
});
