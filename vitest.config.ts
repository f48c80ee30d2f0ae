import { defineConfig } from "vitest/config";

// One DuckDB thread per database in the tests (data-loaders/lib/db.ts): three test files, the site's loaders and
// Chromium share two cores, so a second thread per query only adds contention. Set here, before the global setup, so
// that it, the workers and every command they start inherit it. npm test 2 min 51 s -> 2 min 44 s (two runs each,
// alternating, after npm run build; 13 CPU-s less). Set CCM_DUCKDB_THREADS yourself to run the tests with another
// number; `npm run build` and the benchmarks keep DuckDB's default.
process.env.CCM_DUCKDB_THREADS ??= "1";

export default defineConfig({
  test: {
    include: ["test/**/*.test.ts"],
    globalSetup: ["test/global-setup.ts"],
    reporters: ["default", "./test/summary-reporter.ts"],
    testTimeout: 120_000,
    hookTimeout: 300_000,
    // Two cores here and on CI. Three test files at a time, not two: a browser test spends much of its time waiting
    // for a page to settle, which another file's work fills (vitest 187 s -> 180 s, measured side by side).
    fileParallelism: true,
    maxWorkers: 3,
    // Each worker loads DuckDB, Playwright and our modules once, not once per test file: "import" went from 23 s to
    // 9 s of the workers' time, vitest 178 s -> 166 s. Nothing here relies on a fresh module: no test mocks a module
    // or leaves a global changed (stamps.test.ts puts CCM_FORCE back), and each file opens and closes its own
    // databases and browsers. A test that needs a fresh module state must not be written against this.
    isolate: false,
    env: { TZ: "UTC" },
    // expect.poll waits up to 1 s by default: too short for a page that three test files and Chromium share two
    // cores with (the phone sidebar's slide-in missed it once, in a run with two workers). A poll that holds returns
    // as soon as it does; one that fails says so after 10 s.
    expect: { poll: { timeout: 10_000 } },
  },
});
