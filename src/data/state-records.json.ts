// Other per-State records (Article 7 reporting, obligations and deadlines, …): every table with an iso3
// column that the State page does not already read, grouped by table then by State.
import { emitJson, runLoader, siteQuery, tableRows, withSiteDatabase } from "../../data-loaders/site/site-db.ts";

runLoader("state-records.json", async () => {
  const result = await withSiteDatabase(async (db) => {
    const tables = await siteQuery<{ name: string }>(db, "state_record_tables", undefined, { allowEmpty: true });
    const out: Record<string, Record<string, Record<string, unknown>[]>> = {};
    for (const { name } of tables) {
      const byState: Record<string, Record<string, unknown>[]> = {};
      for (const row of await tableRows(db, name)) (byState[String(row["iso3"])] ??= []).push(row);
      out[name] = byState;
    }
    return out;
  });
  process.stderr.write(`state-records.json: tables ${Object.keys(result).join(", ") || "(none)"}\n`);
  await emitJson("state-records.json", result);
});
