#!/usr/bin/env -S npx tsx
/**
 * The `ccm` command line: `npm run ccm -- <command> [options]`.
 * Every command is listed in `commands` below and documented in README.md (a test checks both).
 */
import { InputError } from "./lib/errors.ts";

export interface Command {
  name: string;
  usage: string;
  summary: string;
  run(args: string[]): Promise<number | void>;
}

/** Commands are loaded lazily so that `ccm help` starts fast. */
export const commands: Command[] = [
  {
    name: "pipeline",
    usage: "pipeline [--db data/ccm.duckdb] [--sources sources] [--allow-rejects]",
    summary: "Validate sources/ and build the DuckDB database (swapped in only on success).",
    async run(args) {
      const { parseArgs } = await import("node:util");
      const { values } = parseArgs({ args, options: { db: { type: "string" }, sources: { type: "string" }, "allow-rejects": { type: "boolean" } } });
      const { runPipeline, formatSummary } = await import("./pipeline.ts");
      const summary = await runPipeline({ dbPath: values.db, sourcesDir: values.sources, allowRejects: values["allow-rejects"] ?? false });
      process.stderr.write(formatSummary(summary) + "\n");
    },
  },
  {
    name: "checksums",
    usage: "checksums [--write]",
    summary: "Compare each sources/*.csv with the SHA-256 in its .meta.json; --write records the current ones.",
    async run(args) {
      const { checksums } = await import("./commands/checksums.ts");
      return checksums(args.includes("--write"));
    },
  },
];

export function usage(): string {
  const width = Math.max(...commands.map((c) => c.usage.length));
  return `Usage: npm run ccm -- <command> [options]\n\nCommands:\n${commands.map((c) => `  ${c.usage.padEnd(width)}  ${c.summary}`).join("\n")}\n`;
}

export async function main(argv: string[]): Promise<number> {
  const [name, ...args] = argv;
  if (!name || name === "help" || name === "--help" || name === "-h") {
    process.stdout.write(usage());
    return name ? 0 : 1;
  }
  const command = commands.find((c) => c.name === name);
  if (!command) {
    process.stderr.write(`Unknown command "${name}".\n\n${usage()}`);
    return 2;
  }
  try {
    const code = await command.run(args);
    return typeof code === "number" ? code : 0;
  } catch (e) {
    if (e instanceof InputError) {
      process.stderr.write(`\nInput error (nothing was changed):\n${e.message}\n`);
      return 1;
    }
    process.stderr.write(`\nError (nothing was changed): ${(e as Error).message}\n`);
    if (process.env.CCM_DEBUG) process.stderr.write(`${(e as Error).stack}\n`);
    return 1;
  }
}

if (import.meta.url === `file://${process.argv[1]}` || process.argv[1]?.endsWith("data-loaders/cli.ts")) {
  main(process.argv.slice(2)).then((code) => process.exit(code));
}
