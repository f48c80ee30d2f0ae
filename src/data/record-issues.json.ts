// Statements of the report that the UN's own records contradict (view report_record_issues). None is a valid
// result (the report may agree with every record), so an empty view passes.
import { emitJson, runLoader, siteQuery, withSiteDatabase } from "../../scripts/site/site-db.ts";

runLoader("record-issues.json", async () => {
  const issues = await withSiteDatabase((db) => siteQuery(db, "report_record_issues", undefined, { allowEmpty: true }));
  await emitJson("record-issues.json", issues);
});
