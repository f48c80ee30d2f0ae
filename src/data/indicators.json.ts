// Lausanne Action Plan indicators and their values per cycle, with the table cell they were read from.
import { emitJson, requireColumns, runLoader, siteQuery, withSiteDatabase } from "../../scripts/site/site-db.ts";

runLoader("indicators.json", async () => {
  const result = await withSiteDatabase(async (db) => ({
    indicators: await siteQuery(db, "indicators"),
    values: await siteQuery(db, "indicator_values"),
  }));
  requireColumns("indicators", result.indicators, ["indicator_id", "pillar_code", "pillar", "text", "unit", "polarity", "source_ref"]);
  requireColumns("indicator_values", result.values, ["indicator_id", "cycle", "value", "as_printed", "source_ref", "ordinal", "judgement", "judgement_reason"]);
  await emitJson("indicators.json", result);
});
