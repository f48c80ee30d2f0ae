/**
 * data-loaders/lib/db.ts: the number of DuckDB threads a database is opened with (CCM_DUCKDB_THREADS), which the
 * test suite sets to 1 (vitest.config.ts) and `npm run build` leaves to DuckDB.
 */
import { DuckDBInstance } from "@duckdb/node-api";
import { afterEach, describe, expect, it } from "vitest";
import { closeDatabase, duckdbThreads, openDatabase, queryRows } from "../data-loaders/lib/db.ts";

const threadsOf = async () => {
  const db = await openDatabase();
  try {
    const [row] = await queryRows<{ threads: string }>(
      db.conn,
      "SELECT current_setting('threads')::VARCHAR AS threads",
    );
    return Number(row!.threads);
  } finally {
    closeDatabase(db);
  }
};

describe("CCM_DUCKDB_THREADS", () => {
  const before = process.env.CCM_DUCKDB_THREADS;
  afterEach(() => {
    if (before === undefined) delete process.env.CCM_DUCKDB_THREADS;
    else process.env.CCM_DUCKDB_THREADS = before;
  });

  it("is 1 in the tests, and each database opened here has one thread", async () => {
    expect(before).toBe("1");
    expect(await threadsOf()).toBe(1);
  });

  it("opens with the number given, and with DuckDB's own default (one per core) when unset", async () => {
    process.env.CCM_DUCKDB_THREADS = "3";
    expect(await threadsOf()).toBe(3);
    delete process.env.CCM_DUCKDB_THREADS;
    // DuckDB's own default: an instance created with no settings at all.
    const plain = await DuckDBInstance.create(":memory:");
    const conn = await plain.connect();
    const ownDefault = Number((await conn.runAndReadAll("SELECT current_setting('threads')")).getRows()[0]![0]);
    conn.closeSync();
    plain.closeSync();
    expect(await threadsOf()).toBe(ownDefault);
  });

  it("refuses anything but a whole number of at least 1, saying what it expected", async () => {
    for (const bad of ["0", "two", "1.5", "-1"]) {
      expect(() => duckdbThreads(bad)).toThrow(`CCM_DUCKDB_THREADS is "${bad}": expected a whole number of threads`);
      process.env.CCM_DUCKDB_THREADS = bad;
      await expect(openDatabase()).rejects.toThrow(/expected a whole number of threads, at least 1/);
    }
  });
});
