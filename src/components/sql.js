// DuckDB-Wasm for the SQL explorer: start the engine from files served by this site, with extension
// auto-install/-load switched off (they would be downloaded from extensions.duckdb.org). Each table is loaded from
// its Arrow IPC stream the first time a query names it, not all of them on arrival: loading the 120-odd tables took
// about 2 s before the first answer, and most queries read two or three.

/**
 * The relations a query needs, among `names`: those it names as a word (case ignored), and every one when it asks
 * the catalogue (information_schema, duckdb_tables(), SHOW TABLES, PRAGMA show_tables, …), which lists only what is
 * loaded. A name inside a string or a comment counts too: loading a table too many does no harm.
 */
export function namedRelations(sql, names) {
  if (/\b(information_schema|pg_catalog|sqlite_master|duckdb_\w+|show\s+(all\s+)?tables|pragma)\b/i.test(sql))
    return [...names];
  const words = new Set(sql.toLowerCase().match(/[a-z_][a-z0-9_]*/g) ?? []);
  return names.filter((name) => words.has(name.toLowerCase()));
}

/**
 * Start DuckDB-Wasm with the published tables (files: [name, FileAttachment of its .arrow] pairs) and views made
 * in the browser (views: [name, CREATE VIEW statement] pairs). Returns a connection-like object whose query(sql)
 * first loads what the query names (a view, what its statement names), and, when DuckDB still finds no such table,
 * loads every table and tries once more (so that its "Did you mean …?" knows every name).
 */
export async function startDuckDB(duckdb, { wasm, worker, files, views = [] }) {
  const logger = new duckdb.ConsoleLogger(duckdb.LogLevel.WARNING);
  const db = new duckdb.AsyncDuckDB(logger, new Worker(worker));
  await db.instantiate(wasm);
  await db.open({});
  const conn = await db.connect();
  await conn.query("SET autoinstall_known_extensions = false");
  await conn.query("SET autoload_known_extensions = false");
  const tables = new Map(files);
  const viewSql = new Map(views);
  const names = [...tables.keys(), ...viewSql.keys()];
  const loaded = new Map(); // name → promise of it being loaded
  const load = (name) => {
    if (!loaded.has(name)) loaded.set(name, loadOne(name));
    return loaded.get(name);
  };
  async function loadOne(name) {
    if (tables.has(name)) {
      const bytes = new Uint8Array(await tables.get(name).arrayBuffer());
      await conn.insertArrowFromIPCStream(bytes, { name, create: true });
    } else {
      const sql = viewSql.get(name);
      for (const other of namedRelations(sql, names)) if (other !== name) await load(other);
      await conn.query(sql);
    }
  }
  // One at a time: the worker takes one request after another anyway.
  const loadFor = async (sql, all = namedRelations(sql, names)) => {
    for (const name of all) await load(name);
  };
  return {
    async query(sql) {
      await loadFor(sql);
      try {
        return await conn.query(sql);
      } catch (error) {
        if (!/Catalog Error/i.test(String(error?.message)) || loaded.size === names.length) throw error;
        await loadFor(sql, names);
        return conn.query(sql);
      }
    },
  };
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
  const fields = table.schema.fields.map((f) => ({ name: f.name, typeId: f.type.typeId }));
  const columns = fields.map((f) => f.name);
  const rows = table.toArray().map((row) => {
    const o = {};
    for (const { name, typeId } of fields) o[name] = plain(row[name], typeId);
    return o;
  });
  return { columns, rows };
}

/** Rows as CSV text (RFC 4180: quotes around values holding a comma, quote or line break). */
export function toCsv(columns, rows) {
  const cell = (v) => {
    const s = v == null ? "" : String(v);
    return /[",\r\n]/.test(s) ? `"${s.replaceAll('"', '""')}"` : s;
  };
  return (
    [columns.map(cell).join(","), ...rows.map((r) => columns.map((c) => cell(r[c])).join(","))].join("\r\n") + "\r\n"
  );
}

/**
 * The query editor: a labelled text area and a Run button that works from the start (Inputs.textarea's submit
 * button stays disabled until the text is edited). Its value is the query last run; Run, Ctrl+Enter (⌘+Enter) or
 * run(sql) sets it and tells the page (an "input" event), keystrokes alone do not.
 */
export function sqlEditor(initial) {
  const form = document.createElement("form");
  form.className = "sql-editor";
  const area = document.createElement("textarea");
  area.id = "sql-query";
  area.rows = 6;
  area.spellcheck = false;
  area.value = initial;
  const label = document.createElement("label");
  label.htmlFor = area.id;
  label.textContent = "SQL";
  const button = document.createElement("button");
  button.type = "submit";
  button.textContent = "Run";
  form.append(label, area, button);
  form.value = initial;
  area.addEventListener("input", (event) => event.stopPropagation());
  area.addEventListener("keydown", (event) => {
    if (event.key === "Enter" && (event.ctrlKey || event.metaKey)) {
      event.preventDefault();
      form.requestSubmit();
    }
  });
  form.addEventListener("submit", (event) => {
    event.preventDefault();
    form.value = area.value;
    form.dispatchEvent(new Event("input", { bubbles: true }));
  });
  form.run = (sql) => {
    area.value = sql;
    form.requestSubmit();
    area.focus();
  };
  return form;
}

/**
 * Why a query found nothing, when it compares a column with the pages' word for a code ('Yes' for 'Y', 'State Party'
 * for 'state_party') or a words column with a code: the valid values of that column, in codes and in words.
 * codes: rows of sql/site/value_codes.sql ({code_of, code, label}). Returns sentences, or [] when nothing looks mixed up.
 */
export function codeHints(sql, codes) {
  const literals = [...sql.matchAll(/'((?:[^']|'')*)'/g)].map((m) => m[1].replaceAll("''", "'"));
  const hints = [];
  for (const literal of new Set(literals)) {
    const same = (s) => s.toLowerCase() === literal.toLowerCase();
    for (const c of codes.filter(
      (c) => same(c.label) && c.label !== c.code && !codes.some((d) => d.code === literal),
    )) {
      hints.push(
        `'${literal}' is how the pages show the ${c.code_of} code '${c.code}': a ${c.code_of} column holds codes (${valid(codes, c.code_of, "code")}); write '${c.code}', or compare a ${c.code_of}_label column with '${c.label}'.`,
      );
    }
    if (!/_label\b/i.test(sql)) continue;
    for (const c of codes.filter(
      (c) => same(c.code) && c.label !== c.code && !codes.some((d) => d.label === literal),
    )) {
      hints.push(
        `'${literal}' is the ${c.code_of} code shown as '${c.label}': a ${c.code_of}_label column holds words (${valid(codes, c.code_of, "label")}); write '${c.label}' there, or compare the code column with '${c.code}'.`,
      );
    }
  }
  return [...new Set(hints)];
}

const valid = (codes, of, field) =>
  codes
    .filter((c) => c.code_of === of)
    .map((c) => `'${c[field]}'`)
    .join(", ");
