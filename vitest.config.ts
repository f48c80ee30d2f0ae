import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["test/**/*.test.ts"],
    globalSetup: ["test/global-setup.ts"],
    reporters: ["default", "./test/summary-reporter.ts"],
    testTimeout: 120_000,
    hookTimeout: 300_000,
    // DuckDB and Chromium are heavy; two cores on CI.
    fileParallelism: true,
    maxWorkers: 2,
    env: { TZ: "UTC" },
  },
});
