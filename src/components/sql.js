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

// Arrow type ids (the Arrow format's Type enum): DATE and TIMESTAMP columns arrive as epoch milliseconds.
const ARROW_DATE = 8;
const ARROW_TIMESTAMP = 10;

/** A DATE as YYYY-MM-DD, a TIMESTAMP as YYYY-MM-DD HH:MM:SS (UTC), from epoch milliseconds or a Date. */
export function formatTemporal(value, typeId) {
  if (value == null) return value;
  const ms = value instanceof Date ? value.getTime() : Number(value);
  if (!Number.isFinite(ms)) return String(value);
  const iso = new Date(ms).toISOString();
  return typeId === ARROW_TIMESTAMP ? iso.slice(0, 19).replace("T", " ") : iso.slice(0, 10);
}

/** One value as the explorer shows it: 64-bit integers as numbers when exact (else text), dates as dates. */
function plain(v, typeId) {
  if (typeId === ARROW_DATE || typeId === ARROW_TIMESTAMP || v instanceof Date) return formatTemporal(v, typeId);
  return typeof v === "bigint" ? (Number.isSafeInteger(Number(v)) ? Number(v) : String(v)) : v;
}

/** Run a query; returns column names and plain rows (see plain). */
export async function runQuery(conn, sql) {
  const table = await conn.query(sql);
  const fields = table.schema.fields.map((f) => ({name: f.name, typeId: f.type.typeId}));
  const columns = fields.map((f) => f.name);
  const rows = table.toArray().map((row) => {
    const o = {};
    for (const {name, typeId} of fields) o[name] = plain(row[name], typeId);
    return o;
  });
  return {columns, rows};
}

/** Rows as CSV text (RFC 4180: quotes around values holding a comma, quote or line break). */
export function toCsv(columns, rows) {
  const cell = (v) => {
    const s = v == null ? "" : String(v);
    return /[",\r\n]/.test(s) ? `"${s.replaceAll('"', '""')}"` : s;
  };
  return [columns.map(cell).join(","), ...rows.map((r) => columns.map((c) => cell(r[c])).join(","))].join("\r\n") + "\r\n";
}
