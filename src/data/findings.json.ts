// Narrative findings of the progress report (the latest report's, with the report each comes from) and the States each one names.
import { emitJson, requireColumns, runLoader, siteQuery, withSiteDatabase } from "../../data-loaders/site/site-db.ts";

runLoader("findings.json", async () => {
  const result = await withSiteDatabase(async (db) => ({
    findings: await siteQuery(db, "findings"),
    states: await siteQuery(db, "finding_states"),
  }));
  requireColumns("findings", result.findings, ["finding_id", "paragraph", "pillar_code", "statement", "cycle", "report_id"]);
  requireColumns("finding_states", result.states, ["finding_id", "iso3", "name_as_written", "name_en"]);
  return emitJson("findings.json", result);
});
