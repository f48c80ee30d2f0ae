// UNGA resolutions (with totals) and the per-country recorded votes, with the file and line of each vote.
import { emitJson, requireColumns, runLoader, siteQuery, withSiteDatabase } from "../../data-loaders/site/site-db.ts";

runLoader("votes.json", async () => {
  const result = await withSiteDatabase(async (db) => ({
    resolutions: await siteQuery(db, "unga_resolutions"),
    votes: await siteQuery(db, "unga_votes"),
  }));
  requireColumns("unga_resolutions", result.resolutions, ["resolution_id", "year", "topic", "total_yes", "total_no", "total_abstentions", "source_ref"]);
  requireColumns("unga_votes", result.votes, ["resolution_id", "iso3", "vote", "source_file", "source_line"]);
  await emitJson("votes.json", result);
});
