/**
 * The views' snapshot the pipeline saves beside the database (data-loaders/lib/snapshot.ts): a session of the
 * latest report copies it instead of computing the views, with the same rows; a session of a report with no snapshot
 * saved, or of a database changed since the snapshot was saved, computes the views as defined.
 */
import { copyFileSync, existsSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { closeDatabase, openDatabase, queryRows } from "../data-loaders/lib/db.ts";
import { computeNewViews, snapshotViews } from "../data-loaders/lib/snapshot.ts";
import { builtDbPath, viewRows } from "./helpers/db.ts";

const dirs: string[] = [];
afterAll(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));

describe("the views' snapshot saved with the database", () => {
  it("is written beside the database the pipeline built, keyed by that file", () => {
    const db = builtDbPath();
    expect(existsSync(`${db}.views`)).toBe(true);
    const key = JSON.parse(readKey(db)) as { size: number; mtimeMs: number; earlier: string[] };
    // One report in sources/: no earlier report's snapshot (annual.test.ts reads one, of a database with two).
    expect(key).toEqual({ size: statSync(db).size, mtimeMs: statSync(db).mtimeMs, earlier: [] });
  });

  it("is read by a session of the latest report, with every view's rows as computed", async () => {
    const copied = await viewRows(builtDbPath(), true);
    const computed = await viewRows(builtDbPath(), false);
    expect(copied.saved).toBe(true);
    expect(computed.saved).toBe(false);
    expect(copied.rows.size).toBeGreaterThan(80);
    expect([...copied.rows.keys()]).toEqual([...computed.rows.keys()]);
    for (const [name, rows] of computed.rows) expect(copied.rows.get(name), name).toBe(rows);
  });

  it("is not read by a session of a report it was not saved for", async () => {
    const db = await openDatabase(builtDbPath(), { readOnly: true });
    try {
      await db.conn.run("SET VARIABLE as_of_report = '13MSP'");
      expect((await snapshotViews(db.conn, builtDbPath())).saved).toBeUndefined();
    } finally {
      closeDatabase(db);
    }
  });

  it("is not read once the database changed: the views give the change", async () => {
    const dir = mkdtempSync(join(tmpdir(), "ccm-snapshot-"));
    dirs.push(dir);
    const db = join(dir, "ccm.duckdb");
    copyFileSync(builtDbPath(), db);
    copyFileSync(`${builtDbPath()}.views`, `${db}.views`);
    // Saved from this copy as it is now…
    writeFileSync(`${db}.views.json`, JSON.stringify({ size: statSync(db).size, mtimeMs: statSync(db).mtimeMs }));
    expect((await viewRows(db, true)).saved).toBe(true);
    // …then a State's name changes in the database: the copy is not read, and the view shows the new name.
    const writable = await openDatabase(db);
    try {
      await writable.conn.run("UPDATE states SET name_en = 'Norway (changed)' WHERE iso3 = 'NOR'");
      await writable.conn.run("CHECKPOINT");
    } finally {
      closeDatabase(writable);
    }
    const after = await viewRows(db, true);
    expect(after.saved).toBe(false);
    expect([...after.rows.values()].some((rows) => rows.includes("Norway (changed)"))).toBe(true);
  });
});

describe("the views computed again after more are created (the pipeline's marts)", () => {
  it("computes the new views, a view created again and every view that reads it, and keeps the others' copies", async () => {
    const db = await openDatabase();
    try {
      const run = (sql: string) => db.conn.run(sql);
      await run("CREATE TABLE t AS SELECT * FROM range(5) r(n)");
      await run("CREATE VIEW small AS SELECT n FROM t WHERE n < 2");
      await run("CREATE VIEW small_count AS SELECT count(*) AS c FROM small");
      await run("CREATE VIEW total AS SELECT sum(n) AS s FROM t");
      const first = await snapshotViews(db.conn);
      expect(first.views).toBe(3);
      // Computed once: a copy that is read again gives its rows as they were taken.
      await run("CREATE OR REPLACE TEMP TABLE total AS SELECT -1 AS s");
      await run("CREATE OR REPLACE VIEW small AS SELECT n FROM t WHERE n < 4");
      await run("CREATE VIEW big_count AS SELECT count(*) AS c FROM t WHERE n NOT IN (FROM small)");
      const again = await computeNewViews(db.conn, first.computed!);
      expect(again.views).toBe(3);
      const one = async (sql: string) => Object.values((await queryRows(db.conn, sql))[0]!).map(Number);
      expect(await one("SELECT count(*) FROM small")).toEqual([4]);
      expect(await one("FROM small_count")).toEqual([4]);
      expect(await one("FROM big_count")).toEqual([1]);
      expect(await one("FROM total")).toEqual([-1]);
    } finally {
      closeDatabase(db);
    }
  });
});

function readKey(db: string): string {
  return readFileSync(`${db}.views.json`, "utf8");
}
