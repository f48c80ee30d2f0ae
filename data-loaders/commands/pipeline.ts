import { relative } from "node:path";
import { parseArgs } from "node:util";
import type { Command } from "./types.ts";

export const command: Command = {
  name: "pipeline",
  usage: "pipeline [--db data/ccm.duckdb] [--sources sources] [--allow-rejects] [--as-of 13MSP] [--force]",
  summary:
    "Validate sources/ and build the DuckDB database (swapped in only on success); skipped when built from the same inputs (--force builds it again).",
  async run(args) {
    const { values } = parseArgs({
      args,
      options: {
        db: { type: "string" },
        sources: { type: "string" },
        "allow-rejects": { type: "boolean" },
        "as-of": { type: "string" },
        force: { type: "boolean" },
      },
    });
    const { runPipeline, formatSummary } = await import("../pipeline.ts");
    const { DEFAULT_DB } = await import("../lib/db.ts");
    const stamps = await import("../lib/stamps.ts");
    const dbPath = values.db ?? DEFAULT_DB;
    const allowRejects = values["allow-rejects"] ?? false;
    // Another sources folder is not stamped: its build always runs.
    const key = values.sources
      ? { stage: "database" as const, key: null, inputs: 0 }
      : stamps.stageKey("database", {}, stamps.databaseOptions({ allowRejects, asOf: values["as-of"] ?? null }));
    if (!stamps.forced(values.force) && stamps.upToDate(dbPath, key)) {
      process.stderr.write(`${stamps.skippedLine(relative(process.cwd(), dbPath) || dbPath, key)}\n`);
      return;
    }
    const summary = await runPipeline({
      dbPath: values.db,
      sourcesDir: values.sources,
      allowRejects,
      asOf: values["as-of"],
    });
    stamps.writeStamp(dbPath, key);
    process.stderr.write(formatSummary(summary) + "\n");
  },
};
