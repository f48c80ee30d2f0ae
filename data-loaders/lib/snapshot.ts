/**
 * A reading session's snapshot of the views: every view of the main schema is computed once, in the order of
 * what it reads, into a temporary table of the same name, which DuckDB then finds before the view (the temp schema
 * comes first in its search path). The views stay the one definition of each number; a session that only reads
 * (the site's loaders, a briefing) stops computing the same nested views again for every query that reaches them:
 * contested_figures took 26 s on its own, as deep views re-expand everything below them.
 *
 * Take it after the session is set (SET VARIABLE as_of_report for an earlier report's briefing): the copies hold
 * the session's report. Only for connections that do not write: a temp copy does not follow later changes.
 */
import type { DuckDBConnection } from "@duckdb/node-api";
import { ident, queryRows, sqlText } from "./db.ts";

/** The views in an order where each comes after the views its definition names (ties: creation order). */
export function viewOrder(views: { name: string; sql: string }[]): string[] {
  const names = new Set(views.map((v) => v.name));
  const reads = new Map(
    views.map((v) => [
      v.name,
      new Set(
        [...v.sql.toLowerCase().matchAll(/[a-z_][a-z0-9_]*/g)]
          .map((m) => m[0])
          .filter((w) => w !== v.name && names.has(w)),
      ),
    ]),
  );
  const done = new Set<string>();
  const order: string[] = [];
  const visit = (name: string, path: Set<string>) => {
    if (done.has(name) || path.has(name)) return;
    path.add(name);
    for (const dep of reads.get(name) ?? []) visit(dep, path);
    path.delete(name);
    done.add(name);
    order.push(name);
  };
  for (const v of views) visit(v.name, new Set());
  return order;
}

/**
 * Copy every view of the main schema into a temporary table (see above); returns how many were copied and the time
 * taken.
 */
export async function snapshotViews(conn: DuckDBConnection): Promise<{ views: number; ms: number }> {
  const started = performance.now();
  const views = await queryRows<{ name: string; sql: string }>(conn, sqlText("session/views.sql"));
  const order = viewOrder(views);
  let copied = 0;
  for (const name of order) {
    try {
      await conn.run(`CREATE OR REPLACE TEMP TABLE ${ident(name)} AS SELECT * FROM main.${ident(name)}`);
      copied += 1;
    } catch {
      // A view that cannot be computed (a partial database lacks what it reads) stays a view: whoever reads it
      // gets its own error, as without the snapshot.
    }
  }
  return { views: copied, ms: performance.now() - started };
}
