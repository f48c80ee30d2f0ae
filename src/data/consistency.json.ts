// Consistency issues between the report's tables, narrative and the other sources. Zero issues is a valid
// result, so an empty view passes; a view without its contract columns does not.
import { emitJson, runLoader, siteQuery, tableColumns, withSiteDatabase } from "../../data-loaders/site/site-db.ts";

const REQUIRED = ["kind", "severity", "paragraph", "related", "expected", "found", "explanation"];

runLoader("consistency.json", async () => {
  const issues = await withSiteDatabase(async (db) => {
    const columns = (await tableColumns(db, "consistency_issues")).map((c) => c.name);
    const missing = REQUIRED.filter((c) => !columns.includes(c));
    if (missing.length) throw new Error(`consistency_issues: missing column(s) ${missing.join(", ")}`);
    return siteQuery(db, "consistency_issues", undefined, { allowEmpty: true });
  });
  await emitJson("consistency.json", issues);
});
