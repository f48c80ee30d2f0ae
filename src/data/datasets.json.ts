// Provenance of the curated datasets and the list of published tables with their row counts and documentation.
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { ROOT, emitJson, publishedTables, requireColumns, runLoader, siteQuery, withSiteDatabase } from "../../data-loaders/site/site-db.ts";

runLoader("datasets.json", async () => {
  const result = await withSiteDatabase(async (db) => {
    const datasets = await siteQuery(db, "datasets");
    const tables = (await publishedTables(db)).map((t) => {
      // Derived tables are documented in data-loaders/dictionary; curated ones by their sources/*.meta.json.
      const dictionary = join(ROOT, "data-loaders", "dictionary", `${t.name}.json`);
      const doc = existsSync(dictionary) ? (JSON.parse(readFileSync(dictionary, "utf8")) as { description?: string; source?: string }) : {};
      const dataset = datasets.find((d) => d["name"] === t.name);
      return { ...t, description: doc.description ?? (dataset?.["title"] as string | undefined) ?? null, source: doc.source ?? (dataset?.["source"] as string | undefined) ?? null };
    });
    return { datasets, tables };
  });
  requireColumns("datasets", result.datasets, ["name", "title", "producer", "source", "date", "licence", "reference", "sha256"]);
  return emitJson("datasets.json", result);
});
