import { parseArgs } from "node:util";
import type { Command } from "./types.ts";

export const command: Command = {
  name: "pipeline",
  usage: "pipeline [--db data/ccm.duckdb] [--sources sources] [--allow-rejects] [--as-of 13MSP]",
  summary: "Validate sources/ and build the DuckDB database (swapped in only on success).",
  async run(args) {
    const { values } = parseArgs({
      args,
      options: {
        db: { type: "string" },
        sources: { type: "string" },
        "allow-rejects": { type: "boolean" },
        "as-of": { type: "string" },
      },
    });
    const { runPipeline, formatSummary } = await import("../pipeline.ts");
    const summary = await runPipeline({
      dbPath: values.db,
      sourcesDir: values.sources,
      allowRejects: values["allow-rejects"] ?? false,
      asOf: values["as-of"],
    });
    process.stderr.write(formatSummary(summary) + "\n");
  },
};
