/**
 * The column checks: every described relation (data-loaders/dictionary.ts) is checked against what the build
 * made of it, like dbt's schema tests: each described column exists with the described type, an enumeration
 * holds only its accepted values, a never-NULL column has no NULL, a key is shared by no two rows. Runs last,
 * after the marts, so every relation is built; a relation the build did not make (a partial
 * build) is not checked. Each failure names the relation, the column, the offending value and its count, and
 * the fix. The queries are data-loaders/sql/checks/columns/*.sql, given the relation and column by name.
 */
import { listValue, type DuckDBConnection } from "@duckdb/node-api";
import { databaseColumns, loadTableDocs, type DbColumn, type TableDoc } from "../dictionary.ts";
import { queryRows, sqlText } from "../lib/db.ts";
import type { PipelineStep } from "./types.ts";

/** The temporary table a view is computed into for its checks. */
const SCRATCH = "column_check_rows";
const shown = (value: string) => JSON.stringify(value.length > 60 ? `${value.slice(0, 57)}…` : value);
const rows = (n: number) => `${n} row${n === 1 ? "" : "s"}`;

/** What is wrong with the built relations, measured against their descriptions: one sentence each, with the fix. */
export async function columnCheckFailures(
  conn: DuckDBConnection,
  docs: Map<string, TableDoc> = loadTableDocs(),
  columns?: DbColumn[],
): Promise<string[]> {
  const built = new Map<string, Map<string, string>>();
  const kinds = new Map<string, string>();
  for (const c of columns ?? (await databaseColumns(conn))) {
    kinds.set(c.table_name, c.table_type);
    if (!built.has(c.table_name)) built.set(c.table_name, new Map());
    built.get(c.table_name)!.set(c.column_name, c.data_type);
  }
  // A view whose rows a built table keyed by report holds for every report (consistency_issues, the latest report's,
  // and consistency_issues_by_report) has its rows checked there, with the report in each key: the same rows, once.
  const keyedCopy = new Set(
    [...docs.values()]
      .filter(
        (d) =>
          d.columns_of &&
          kinds.get(d.columns_of) === "VIEW" &&
          built.get(d.name)?.has("report_id") &&
          !built.get(d.columns_of)?.has("report_id"),
      )
      .map((d) => d.columns_of!),
  );
  const failures: string[] = [];
  for (const doc of [...docs.values()].sort((a, b) => a.name.localeCompare(b.name))) {
    const has = built.get(doc.name);
    if (!has) continue;
    const where = doc.file ?? `the description of ${doc.name}`;
    const name = doc.name;
    const present = (column: string) => has.has(column);
    for (const column of Object.keys(doc.columns)) {
      if (!present(column)) {
        failures.push(
          `${name}.${column}: described in ${where} but the ${doc.kind} has no such column. Fix: make the SQL return it, or remove it from the description.`,
        );
        continue;
      }
      const described = doc.types?.[column];
      const actual = has.get(column)!;
      if (described && described !== actual) {
        failures.push(
          `${name}.${column}: the ${doc.kind} gives ${actual}, described as ${described} in ${where}. Fix: cast it in the SQL (CAST(… AS ${described})), or correct its type in the description.`,
        );
      }
    }
    const rowChecks =
      Object.keys(doc.accepted_values ?? {}).length + (doc.not_null?.length ?? 0) + (doc.unique?.length ?? 0);
    if (!rowChecks || keyedCopy.has(name)) continue;
    // A view is computed once for all its checks (some read views of views and take a second each).
    let relation = name;
    if (kinds.get(name) === "VIEW") {
      await conn.run(`CREATE OR REPLACE TEMP TABLE ${SCRATCH} AS FROM query_table($name)`, { name });
      relation = `temp.${SCRATCH}`;
    }
    for (const [column, accepted] of Object.entries(doc.accepted_values ?? {})) {
      if (!present(column)) continue;
      const found = await queryRows<{ value: string; rows: number }>(
        conn,
        sqlText("checks/columns/accepted_values.sql"),
        { relation, column, accepted: listValue(accepted) },
      );
      for (const f of found) {
        failures.push(
          `${name}.${column}: ${shown(f.value)} in ${rows(f.rows)}, not one of the accepted values (${accepted.join(", ")}) of ${where}. Fix: correct the SQL or the data that produce it, or add the value to accepted_values.${column}.`,
        );
      }
    }
    const neverNull = (doc.not_null ?? []).filter(present);
    if (neverNull.length) {
      const [nulls] = await queryRows<Record<string, number>>(conn, sqlText("checks/columns/not_null.sql"), {
        relation,
        columns: listValue(neverNull),
      });
      for (const column of neverNull) {
        const found = nulls?.[column] ?? 0;
        if (found > 0) {
          failures.push(
            `${name}.${column}: NULL in ${rows(found)}, described as never NULL in ${where}. Fix: give those rows a value in the SQL (or the source), or remove "${column}" from not_null.`,
          );
        }
      }
    }
    for (const key of doc.unique ?? []) {
      if (!key.every(present)) continue;
      const found = await queryRows<Record<string, unknown> & { duplicate_rows: number }>(
        conn,
        sqlText("checks/columns/unique.sql"),
        { relation, key: listValue(key) },
      );
      for (const f of found) {
        const value = key.map((c) => (f[c] === null ? "NULL" : String(f[c]))).join(", ");
        failures.push(
          `${name} (${key.join(", ")}): ${shown(value)} in ${rows(f.duplicate_rows)}, described as a key (unique) in ${where}. Fix: remove the duplicate rows in the SQL (or the source), or correct the key.`,
        );
      }
    }
  }
  await conn.run(`DROP TABLE IF EXISTS temp.${SCRATCH}`);
  return failures;
}

export const step: PipelineStep = {
  name: "column checks",
  stage: "after-marts",
  async run(ctx) {
    const failures = await columnCheckFailures(ctx.db.conn);
    if (failures.length) {
      const shownFailures = failures.slice(0, 20);
      if (failures.length > 20) shownFailures.push(`… and ${failures.length - 20} more`);
      throw new Error(`Column checks failed (the database was not replaced):\n  ${shownFailures.join("\n  ")}`);
    }
  },
};
