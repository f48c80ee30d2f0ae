// The reports in the database and what each prints differently from the report before it (views
// indicator_revisions, finding_revisions) for the Data quality page. With one report both lists are empty.
import { emitJson, runLoader, siteQuery, withSiteDatabase } from "../../data-loaders/site/site-db.ts";

runLoader("revisions.json", async () => {
  const data = await withSiteDatabase(async (db) => ({
    reports: await siteQuery(db, "reports"),
    values: await siteQuery(db, "indicator_revisions", undefined, { allowEmpty: true }),
    findings: await siteQuery(db, "finding_revisions", undefined, { allowEmpty: true }),
  }));
  return emitJson("revisions.json", data);
});
