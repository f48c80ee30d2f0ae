// Every report's checks, for the Data quality page's report selector: the reports in meeting order, each
// report's consistency issues (consistency_issues_by_report) and its disagreements with the UN's records
// (report_record_issues_by_report), each row with its report_id. Zero issues is a valid result, so empty views
// pass; a view without its contract columns does not.
import { emitJson, runLoader, siteQuery, tableColumns, withSiteDatabase } from "../../data-loaders/site/site-db.ts";
import { proseNumber } from "../../data-loaders/presentation/number-words.ts";

const REQUIRED = ["report_id", "kind", "severity", "paragraph", "related", "expected", "found", "explanation"];

runLoader("report-checks.json", async () => {
  const data = await withSiteDatabase(async (db) => {
    const columns = (await tableColumns(db, "consistency_issues_by_report")).map((c) => c.name);
    const missing = REQUIRED.filter((c) => !columns.includes(c));
    if (missing.length) throw new Error(`consistency_issues_by_report: missing column(s) ${missing.join(", ")}`);
    const reports = await siteQuery(db, "reports");
    return {
      reports,
      // "two progress reports": the page's prose says numbers the way the briefing does (presentation/number-words.ts).
      reports_in_words: proseNumber(reports.length),
      issues: await siteQuery(db, "consistency_issues_by_report", undefined, { allowEmpty: true }),
      records: await siteQuery(db, "report_record_issues_by_report", undefined, { allowEmpty: true }),
    };
  });
  await emitJson("report-checks.json", data);
});
