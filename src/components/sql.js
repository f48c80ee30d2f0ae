// DuckDB-Wasm for the SQL explorer: start the engine from files served by this site, with extension
// auto-install/-load switched off (they would be downloaded from extensions.duckdb.org), and load each table
// from its Arrow IPC stream.
export async function startDuckDB(duckdb, {wasm, worker, files}) {
  const logger = new duckdb.ConsoleLogger(duckdb.LogLevel.WARNING);
  const db = new duckdb.AsyncDuckDB(logger, new Worker(worker));
  await db.instantiate(wasm);
  await db.open({});
  const conn = await db.connect();
  await conn.query("SET autoinstall_known_extensions = false");
  await conn.query("SET autoload_known_extensions = false");
  for (const [name, file] of files) {
    const bytes = new Uint8Array(await file.arrayBuffer());
    await conn.insertArrowFromIPCStream(bytes, {name, create: true});
  }
  return conn;
}

/** Run a query; returns column names and plain rows (64-bit integers as numbers when exact, else text). */
export async function runQuery(conn, sql) {
  const table = await conn.query(sql);
  const columns = table.schema.fields.map((f) => f.name);
  const rows = table.toArray().map((row) => {
    const o = {};
    for (const c of columns) {
      const v = row[c];
      o[c] = typeof v === "bigint" ? (Number.isSafeInteger(Number(v)) ? Number(v) : String(v)) : v instanceof Date ? v.toISOString().slice(0, 10) : v;
    }
    return o;
  });
  return {columns, rows};
}
