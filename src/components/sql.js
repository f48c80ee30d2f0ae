// DuckDB-Wasm for the SQL explorer: start the engine from files served by this site, with extension
// auto-install/-load switched off (they would be downloaded from extensions.duckdb.org), and load each table
// from its Arrow IPC stream.
export async function startDuckDB(duckdb, { wasm, worker, files }) {
  const logger = new duckdb.ConsoleLogger(duckdb.LogLevel.WARNING);
  const db = new duckdb.AsyncDuckDB(logger, new Worker(worker));
  await db.instantiate(wasm);
  await db.open({});
  const conn = await db.connect();
  await conn.query("SET autoinstall_known_extensions = false");
  await conn.query("SET autoload_known_extensions = false");
  for (const [name, file] of files) {
    const bytes = new Uint8Array(await file.arrayBuffer());
    await conn.insertArrowFromIPCStream(bytes, { name, create: true });
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
