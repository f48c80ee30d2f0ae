/**
 * The description of every relation (table or view) of data/ccm.duckdb, kept once: a curated dataset by its
 * sources/<name>.meta.json, everything the SQL builds by data-loaders/dictionary/<name>.json. Generated from it:
 * the data dictionary (docs/data-dictionary.md), the TypeScript row types (data-loaders/lib/relations.generated.ts)
 * and the column checks the pipeline runs (data-loaders/steps/column-checks.ts).
 */
import { existsSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import type { DuckDBConnection } from "@duckdb/node-api";
import { queryRows, ROOT, sqlText } from "./lib/db.ts";
import { InputError, type InputProblem } from "./lib/errors.ts";
import type { ColumnType } from "./lib/meta.ts";
import { listDatasets } from "./sources.ts";

export const DICTIONARY_DIR = join(ROOT, "data-loaders", "dictionary");
export const ROW_TYPES_FILE = join(ROOT, "data-loaders", "lib", "relations.generated.ts");
export const DICTIONARY_FILE = join(ROOT, "docs", "data-dictionary.md");

/** One relation's description: the shape of data-loaders/dictionary/<name>.json (see docs/CONTRACTS.md). */
export interface TableDoc {
  name: string;
  kind: "table" | "view";
  description: string;
  source: string;
  /** Every column and its meaning, in the relation's column order. */
  columns: Record<string, string>;
  /**
   * The DuckDB type of each column as the database reports it (VARCHAR, INTEGER, DATE, VARCHAR[], …). A column
   * without one gets it from the built database when `npm run ccm -- dictionary` runs, which writes it here.
   */
  types?: Record<string, string>;
  /** The values an enumeration column may hold (NULL is always allowed unless the column is not_null). */
  accepted_values?: Record<string, string[]>;
  /** Columns that are never NULL. */
  not_null?: string[];
  /** Keys: each a list of columns whose values no two rows share. */
  unique?: string[][];
  /** A table keyed by report that repeats a curated dataset: its own columns first, then that dataset's. */
  columns_of?: string;
  /**
   * What the relation named after that curated dataset holds in the database (a view of the session's report's
   * rows, data-loaders/sql/models/003_report_datasets.sql), added to the dataset's own description: its metadata
   * describes the first report's file.
   */
  with_several_reports?: string;
  /** Where the relation is described, from the repository root (set when loaded, not written in the file). */
  file?: string;
}

/** The DuckDB type a curated dataset's column has once staged (data-loaders/sql/staging/<name>.sql casts it). */
const STAGED_TYPE: Record<ColumnType, string> = {
  text: "VARCHAR",
  integer: "INTEGER",
  number: "DOUBLE",
  date: "DATE",
  boolean: "BOOLEAN",
};

const JSON_FIELDS = [
  "name",
  "kind",
  "description",
  "source",
  "columns_of",
  "with_several_reports",
  "columns",
  "types",
  "accepted_values",
  "not_null",
  "unique",
];

/** Problems in one described relation's file: fields of the wrong shape, or naming columns it does not describe. */
function checkDoc(doc: TableDoc, file: string): InputProblem[] {
  const problems: InputProblem[] = [];
  const fail = (column: string, expected: string, found: string, fix: string) =>
    problems.push({ file, column, expected, found, fix });
  for (const k of Object.keys(doc))
    if (!JSON_FIELDS.includes(k))
      fail(
        k,
        `one of the fields ${JSON_FIELDS.join(", ")}`,
        `"${k}"`,
        "remove or rename the field (docs/CONTRACTS.md describes the format)",
      );
  if (`data-loaders/dictionary/${doc.name}.json` !== file)
    fail(
      "name",
      `the file's own name, "${file.replace(/.*\//, "").replace(/\.json$/, "")}"`,
      `"${doc.name}"`,
      "name the file after the relation",
    );
  if (doc.kind !== "table" && doc.kind !== "view")
    fail("kind", `"table" or "view"`, JSON.stringify(doc.kind), "set the kind");
  if (typeof doc.description !== "string" || !doc.description.trim())
    fail("description", "a description of the relation", String(doc.description), "describe what one row is");
  if (typeof doc.columns !== "object" || doc.columns === null)
    fail("columns", `an object {"column": "meaning"}`, JSON.stringify(doc.columns), "describe every column");
  const known = new Set(Object.keys(doc.columns ?? {}));
  // Columns of the curated dataset it repeats are checked once that dataset is known (loadTableDocs).
  const described = (c: string) => known.has(c) || doc.columns_of !== undefined;
  for (const [c, t] of Object.entries(doc.types ?? {})) {
    if (!described(c))
      fail(`types.${c}`, "a column described in columns", `"${c}"`, `describe "${c}" in columns or remove its type`);
    if (typeof t !== "string" || !t)
      fail(`types.${c}`, "a DuckDB type such as VARCHAR", JSON.stringify(t), "write the type the database reports");
  }
  for (const [c, values] of Object.entries(doc.accepted_values ?? {})) {
    if (!described(c))
      fail(
        `accepted_values.${c}`,
        "a column described in columns",
        `"${c}"`,
        `describe "${c}" in columns or remove its accepted values`,
      );
    if (!Array.isArray(values) || values.length === 0 || values.some((v) => typeof v !== "string"))
      fail(
        `accepted_values.${c}`,
        "a non-empty list of strings",
        JSON.stringify(values),
        "list the values the column may hold",
      );
  }
  for (const c of doc.not_null ?? [])
    if (!described(c))
      fail(
        "not_null",
        "columns described in columns",
        `"${c}"`,
        `describe "${c}" in columns or remove it from not_null`,
      );
  for (const key of doc.unique ?? []) {
    if (!Array.isArray(key) || key.length === 0)
      fail(
        "unique",
        "a list of keys, each a list of columns",
        JSON.stringify(key),
        'write e.g. [["indicator_id", "cycle"]]',
      );
    else
      for (const c of key)
        if (!described(c))
          fail(
            "unique",
            "columns described in columns",
            `"${c}"`,
            `describe "${c}" in columns or remove it from the key`,
          );
  }
  return problems;
}

/** Every relation's description: curated datasets from their metadata, built relations from dictionary/*.json. */
export function loadTableDocs(): Map<string, TableDoc> {
  const docs = new Map<string, TableDoc>();
  for (const { meta } of listDatasets()) {
    docs.set(meta.name, {
      name: meta.name,
      kind: "table",
      description: meta.title,
      source: `sources/${meta.name}.csv — ${meta.producer}, ${meta.source} (${meta.reference})`,
      columns: Object.fromEntries(meta.columns.map((c) => [c.name, c.description])),
      types: Object.fromEntries(meta.columns.map((c) => [c.name, STAGED_TYPE[c.type]])),
      accepted_values: Object.fromEntries(meta.columns.filter((c) => c.enum).map((c) => [c.name, c.enum!])),
      not_null: meta.columns.filter((c) => !c.nullable).map((c) => c.name),
      unique: meta.primary_key.length ? [meta.primary_key] : [],
      file: `sources/${meta.name}.meta.json`,
    });
  }
  const problems: InputProblem[] = [];
  if (existsSync(DICTIONARY_DIR)) {
    for (const f of readdirSync(DICTIONARY_DIR)
      .filter((f) => f.endsWith(".json"))
      .sort()) {
      const file = `data-loaders/dictionary/${f}`;
      const doc = JSON.parse(readFileSync(join(DICTIONARY_DIR, f), "utf8")) as TableDoc;
      if (docs.has(doc.name))
        throw new Error(`${file}: table "${doc.name}" is documented twice (also in ${docs.get(doc.name)!.file})`);
      problems.push(...checkDoc(doc, file));
      docs.set(doc.name, { ...doc, file });
    }
  }
  for (const doc of docs.values()) {
    if (!doc.columns_of) continue;
    const of = docs.get(doc.columns_of);
    if (!of) {
      problems.push({
        file: doc.file!,
        column: "columns_of",
        expected: "a described relation",
        found: `"${doc.columns_of}"`,
        fix: "name a curated dataset or another described relation",
      });
      continue;
    }
    inheritColumns(doc, of);
    if (doc.with_several_reports)
      of.description = `${of.description.replace(/\.$/, "")}. In the database, keyed by report (${doc.name} holds every report's rows): ${doc.with_several_reports}`;
  }
  if (problems.length) throw new InputError(problems);
  return docs;
}

/**
 * A table that repeats a relation's columns after its own gets their meanings, types, accepted values and not-null
 * columns; with a report_id of its own, each key of that relation becomes a key within the report.
 */
function inheritColumns(doc: TableDoc, of: TableDoc): void {
  doc.columns = { ...doc.columns, ...of.columns };
  doc.types = { ...of.types, ...doc.types };
  doc.accepted_values = { ...of.accepted_values, ...doc.accepted_values };
  doc.not_null = [...new Set([...(doc.not_null ?? []), ...(of.not_null ?? [])])];
  if (!doc.unique && "report_id" in doc.columns && !("report_id" in of.columns))
    doc.unique = (of.unique ?? []).map((key) => ["report_id", ...key]);
}

export interface DbColumn {
  table_name: string;
  table_type: string;
  column_name: string;
  data_type: string;
}

export async function databaseColumns(conn: DuckDBConnection): Promise<DbColumn[]> {
  return queryRows<DbColumn>(conn, sqlText("session/columns.sql"));
}

/** Tables and columns of the database that the dictionary does not document. */
export function undocumented(columns: DbColumn[], docs: Map<string, TableDoc>): string[] {
  const missing: string[] = [];
  for (const c of columns) {
    const doc = docs.get(c.table_name);
    if (!doc) missing.push(`${c.table_name} (the whole ${c.table_type === "VIEW" ? "view" : "table"})`);
    else if (!doc.columns[c.column_name]?.trim()) missing.push(`${c.table_name}.${c.column_name}`);
  }
  return [...new Set(missing)];
}

/**
 * Give each described column without a type the type the database reports, in its relation's file
 * (data-loaders/dictionary/<name>.json). Returns the files written, each with the columns it gained a type for.
 */
export function fillTypes(columns: DbColumn[], docs: Map<string, TableDoc>): { file: string; columns: string[] }[] {
  const written: { file: string; columns: string[] }[] = [];
  const byTable = new Map<string, DbColumn[]>();
  for (const c of columns) byTable.set(c.table_name, [...(byTable.get(c.table_name) ?? []), c]);
  for (const doc of docs.values()) {
    if (!doc.file?.startsWith("data-loaders/dictionary/")) continue;
    const path = join(ROOT, doc.file);
    const raw = JSON.parse(readFileSync(path, "utf8")) as TableDoc;
    const own = new Set(Object.keys(raw.columns));
    const missing = (byTable.get(doc.name) ?? []).filter((c) => own.has(c.column_name) && !raw.types?.[c.column_name]);
    if (!missing.length) continue;
    const types = { ...raw.types };
    for (const c of missing) types[c.column_name] = c.data_type;
    // The types in the order of the columns they describe.
    raw.types = Object.fromEntries(
      Object.keys(raw.columns)
        .filter((c) => types[c])
        .map((c) => [c, types[c]!]),
    );
    writeFileSync(path, `${formatJson(raw)}\n`);
    for (const c of missing) (doc.types ??= {})[c.column_name] = c.data_type;
    written.push({ file: doc.file, columns: missing.map((c) => c.column_name) });
  }
  return written;
}

/**
 * JSON as the description files are written, the way Prettier prints JSON at 120 columns: objects one key a line,
 * a list on one line when it fits, one item a line when not (or when it is a list of several lists).
 */
export function formatJson(value: unknown, indent = "", prefix = 0): string {
  const inner = indent + "  ";
  if (Array.isArray(value)) {
    const nested =
      value.length > 1 &&
      value.every(
        (v) => (Array.isArray(v) && v.length > 1) || (typeof v === "object" && v !== null && !Array.isArray(v)),
      );
    const flat = `[${value.map((v) => formatJson(v, inner, 0)).join(", ")}]`;
    if (!nested && !flat.includes("\n") && indent.length + prefix + flat.length + 1 <= 120) return flat;
    return `[\n${value.map((v) => inner + formatJson(v, inner)).join(",\n")}\n${indent}]`;
  }
  if (typeof value === "object" && value !== null) {
    const entries = Object.entries(value).filter(([, v]) => v !== undefined);
    if (!entries.length) return "{}";
    return `{\n${entries.map(([k, v]) => `${inner}${JSON.stringify(k)}: ${formatJson(v, inner, JSON.stringify(k).length + 2)}`).join(",\n")}\n${indent}}`;
  }
  return JSON.stringify(value);
}

function cell(text: string): string {
  return text.replace(/\|/g, "\\|").replace(/\n/g, " ");
}

/** What a column's description adds to its meaning: its accepted values and whether it may be NULL. */
function columnRules(doc: TableDoc | undefined, column: string): string {
  const rules: string[] = [];
  const accepted = doc?.accepted_values?.[column];
  if (accepted) rules.push(`Accepted values: ${accepted.map((v) => `\`${v}\``).join(", ")}.`);
  if (doc?.not_null?.includes(column)) rules.push("Never NULL.");
  return rules.length ? ` *${rules.join(" ")}*` : "";
}

export function renderDictionary(columns: DbColumn[], docs: Map<string, TableDoc>): string {
  const byTable = new Map<string, DbColumn[]>();
  for (const c of columns) byTable.set(c.table_name, [...(byTable.get(c.table_name) ?? []), c]);
  const out = [
    "# Data dictionary",
    "",
    "Every table and view of `data/ccm.duckdb`. Generated by `npm run ccm -- dictionary` from",
    "`sources/*.meta.json` (curated datasets) and `data-loaders/dictionary/*.json` (built tables); do not edit by hand.",
    "The pipeline checks what each description says (types, accepted values, never NULL, keys) on every build.",
    "",
  ];
  for (const [table, cols] of byTable) {
    const doc = docs.get(table);
    out.push(
      `## \`${table}\` (${cols[0]!.table_type === "VIEW" ? "view" : "table"})`,
      "",
      doc?.description ?? "",
      "",
      `Source: ${doc?.source ?? "undocumented"}`,
      "",
    );
    const keys = doc?.unique ?? [];
    if (keys.length)
      out.push(
        `Key${keys.length > 1 ? "s" : ""} (no two rows share it): ${keys.map((k) => `(${k.map((c) => `\`${c}\``).join(", ")})`).join("; ")}`,
        "",
      );
    out.push("| column | type | meaning |", "|---|---|---|");
    for (const c of cols)
      out.push(
        `| \`${c.column_name}\` | ${c.data_type} | ${cell((doc?.columns[c.column_name] ?? "") + columnRules(doc, c.column_name))} |`,
      );
    out.push("");
  }
  return out.join("\n");
}

/** The TypeScript type of a value of a DuckDB type as queryRows returns it (lib/db.ts: jsonValue). */
export function tsType(duckdbType: string, accepted?: string[]): string {
  if (accepted?.length) return accepted.map((v) => JSON.stringify(v)).join(" | ");
  const t = duckdbType.trim();
  if (t.endsWith("[]")) {
    const item = tsType(t.slice(0, -2));
    return /^[\w.]+$/.test(item) ? `${item}[]` : `(${item})[]`;
  }
  const enumValues = /^ENUM\((.*)\)$/.exec(t);
  if (enumValues)
    return [...enumValues[1]!.matchAll(/'((?:[^']|'')*)'/g)]
      .map((m) => JSON.stringify(m[1]!.replace(/''/g, "'")))
      .join(" | ");
  if (
    /^(TINYINT|SMALLINT|INTEGER|BIGINT|HUGEINT|UTINYINT|USMALLINT|UINTEGER|UBIGINT|FLOAT|DOUBLE|REAL|DECIMAL(\(.*\))?)$/.test(
      t,
    )
  )
    return "number";
  if (t === "BOOLEAN") return "boolean";
  if (/^(VARCHAR|DATE|TIME|TIMESTAMP.*|UUID|INTERVAL)$/.test(t)) return "string";
  return "unknown";
}

/** indicator_trends → IndicatorTrendsRow. */
export function rowTypeName(relation: string): string {
  return relation.replace(/(^|_)(\w)/g, (_, __, ch: string) => ch.toUpperCase()) + "Row";
}

/** A comment's text wrapped to fit the line after its indentation. */
function comment(text: string, indent: string): string[] {
  const words = text.replace(/\*\//g, "* /").split(/\s+/).filter(Boolean);
  const lines: string[] = [];
  let line = "";
  for (const w of words) {
    if (line && indent.length + 3 + line.length + 1 + w.length > 118) {
      lines.push(line);
      line = w;
    } else line = line ? `${line} ${w}` : w;
  }
  if (line) lines.push(line);
  if (lines.length === 1) return [`${indent}/** ${lines[0]} */`];
  return [`${indent}/**`, ...lines.map((l) => `${indent} * ${l}`), `${indent} */`];
}

/** A column as a property of its relation's row type. */
function property(doc: TableDoc, column: string, dbType: string | undefined): string {
  const type = doc.types?.[column] ?? dbType;
  const accepted = doc.accepted_values?.[column];
  const ts = type === undefined && !accepted ? "unknown" : tsType(type ?? "VARCHAR", accepted);
  const nullable = !doc.not_null?.includes(column) && ts !== "unknown";
  return `  ${/^[A-Za-z_$][\w$]*$/.test(column) ? column : JSON.stringify(column)}: ${ts}${nullable ? " | null" : ""};`;
}

/**
 * The row type of every described relation, as queryRows returns its rows: a column's type from its description
 * (or from the database when not described yet), its accepted values as a union, NULL unless it is never NULL.
 */
export function renderRowTypes(docs: Map<string, TableDoc>, columns: DbColumn[] = []): string {
  const dbType = new Map(columns.map((c) => [`${c.table_name}.${c.column_name}`, c.data_type]));
  const names = [...docs.keys()].sort();
  const out = [
    "/**",
    " * The row of every table and view of data/ccm.duckdb, as queryRows returns it (lib/db.ts). Generated by",
    " * `npm run ccm -- dictionary` from each relation's one description (sources/*.meta.json for curated datasets,",
    " * data-loaders/dictionary/*.json for the rest); do not edit by hand. A leaf module: it imports nothing.",
    " */",
    "",
  ];
  for (const name of names) {
    const doc = docs.get(name)!;
    // A table that repeats another relation's columns after its own extends that relation's row.
    const of = doc.columns_of && docs.has(doc.columns_of) ? docs.get(doc.columns_of)! : undefined;
    const own: string[] = [];
    for (const [column, meaning] of Object.entries(doc.columns)) {
      const line = property(doc, column, dbType.get(`${name}.${column}`));
      // An inherited column is written again only where this relation narrows it (fewer accepted values).
      if (of && column in of.columns && line === property(of, column, dbType.get(`${of.name}.${column}`))) continue;
      own.push(...comment(meaning, "  "), line);
    }
    out.push(...comment(`${doc.kind === "view" ? "View" : "Table"} ${name}: ${doc.description}`, ""));
    // A relation with no column of its own has exactly the other's row: an alias, not an empty interface.
    if (of && !own.length) out.push(`export type ${rowTypeName(name)} = ${rowTypeName(of.name)};`, "");
    else
      out.push(
        `export interface ${rowTypeName(name)}${of ? ` extends ${rowTypeName(of.name)}` : ""} {`,
        ...own,
        "}",
        "",
      );
  }
  out.push('/** Every relation by name, e.g. `Relations["indicator_trends"]`. */', "export interface Relations {");
  for (const name of names) out.push(`  ${name}: ${rowTypeName(name)};`);
  out.push("}", "", "export type RelationName = keyof Relations;", "");
  return out.join("\n");
}
