/**
 * Convert a published DuckDB table to an Arrow IPC stream with apache-arrow, typing each column from DuckDB's
 * type so that DuckDB-Wasm gets INTEGER, DOUBLE, BOOLEAN and DATE columns back instead of text.
 */
import {
  Bool,
  DateDay,
  Float64,
  Int32,
  Table,
  Utf8,
  tableToIPC,
  vectorFromArray,
  type DataType,
  type Vector,
} from "apache-arrow";
import { ident, jsonValue, type Database } from "../lib/db.ts";
import { tableColumns } from "./site-db.ts";

function arrowType(duckdbType: string): { type: DataType; convert: (v: unknown) => unknown } {
  const t = duckdbType.toUpperCase();
  if (/^(TINYINT|SMALLINT|INTEGER|UTINYINT|USMALLINT)$/.test(t))
    return { type: new Int32(), convert: (v) => (v == null ? null : Number(v)) };
  // 64-bit and decimal values become doubles: every count in this project fits in 2^53.
  if (/^(BIGINT|HUGEINT|UINTEGER|UBIGINT|DOUBLE|FLOAT|REAL)$/.test(t) || t.startsWith("DECIMAL")) {
    return { type: new Float64(), convert: (v) => (v == null ? null : Number(v)) };
  }
  if (t === "BOOLEAN") return { type: new Bool(), convert: (v) => (v == null ? null : Boolean(v)) };
  if (t === "DATE")
    return {
      type: new DateDay(),
      convert: (v) => (v == null ? null : new Date(`${String(v).slice(0, 10)}T00:00:00Z`)),
    };
  return {
    type: new Utf8(),
    convert: (v) => (v == null ? null : typeof v === "object" ? JSON.stringify(v) : String(v)),
  };
}

export async function arrowStreamOfTable(db: Database, name: string): Promise<Uint8Array> {
  {
    const columns = await tableColumns(db, name);
    // DATE and other non-JSON types are read as text so the conversion above sees ISO strings.
    const select = columns
      .map((c) =>
        c.type.toUpperCase() === "DATE" ? `strftime(${ident(c.name)}, '%Y-%m-%d') AS ${ident(c.name)}` : ident(c.name),
      )
      .join(", ");
    // In the order of the downloads (copyTable): every column, first to last. Read column by column (no object
    // per row): 0.95 s -> 0.85 s for the 123 tables.
    const result = await db.conn.runAndReadAll(`SELECT ${select} FROM main.${ident(name)} ORDER BY ALL`);
    const data = result.getColumnsJS();
    const vectors: Record<string, Vector> = {};
    columns.forEach((c, i) => {
      const { type, convert } = arrowType(c.type);
      vectors[c.name] = vectorFromArray(
        (data[i] ?? []).map((v) => convert(jsonValue(v))),
        type,
      );
    });
    const table = new Table(vectors);
    if (table.numCols !== columns.length)
      throw new Error(`Arrow export of ${name}: ${table.numCols} columns, expected ${columns.length}`);
    return tableToIPC(table, "stream");
  }
}
