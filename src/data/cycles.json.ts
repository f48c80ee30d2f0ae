// Reporting cycles (10MSP … 13MSP) in order: the x axis of every indicator chart.
import { emitJson, requireColumns, runLoader, siteQuery, withSiteDatabase } from "../../data-loaders/site/site-db.ts";

runLoader("cycles.json", async () => {
  const cycles = await withSiteDatabase((db) => siteQuery(db, "cycles"));
  requireColumns("cycles", cycles, ["cycle", "ordinal", "meeting", "source_ref"]);
  await emitJson("cycles.json", cycles);
});
