// Every published table as <name>.csv and <name>.parquet (Downloads page), the tidy joins as <query>.csv, and <name>.arrow, an Arrow IPC
// stream for the SQL explorer (DuckDB-Wasm without extensions cannot read Parquet). One archive, one process:
// pages reference data/tables/<name>.<ext>; the prerender writes each file where Framework finds it extracted
// (Framework, running this loader itself, extracts it from the tar).
import { arrowStreamOfTable } from "../../data-loaders/site/arrow-export.ts";
import { TIDY_FILES, copyQuery, copyTable, publishedTables, runLoader, withSiteDatabase } from "../../data-loaders/site/site-db.ts";

runLoader("tables.tar", async () => {
  const files = await withSiteDatabase(async (db) => {
    const out: { name: string; bytes: Uint8Array }[] = [];
    for (const t of await publishedTables(db)) {
      out.push({ name: `${t.name}.csv`, bytes: await copyTable(db, t.name, "csv") });
      out.push({ name: `${t.name}.parquet`, bytes: await copyTable(db, t.name, "parquet") });
      out.push({ name: `${t.name}.arrow`, bytes: await arrowStreamOfTable(db, t.name) });
    }
    // Joined files for people: ids with their text and names beside them.
    for (const t of TIDY_FILES) out.push({ name: `${t.query}.csv`, bytes: await copyQuery(db, t.query, "csv") });
    return out;
  });
  return { files };
});
