/**
 * The `ccm` command line: `npm run ccm -- <command> [options]`.
 * The commands are listed in data-loaders/commands/index.ts; README.md documents every one
 * (test/cli.test.ts checks that).
 */
import { fileURLToPath } from "node:url";
import { COMMANDS } from "./commands/index.ts";
import { InputError } from "./lib/errors.ts";
import type { Command } from "./commands/types.ts";

/** The commands sorted by name, as `ccm help` lists them. */
export async function loadCommands(): Promise<Command[]> {
  return [...COMMANDS].sort((a, b) => a.name.localeCompare(b.name));
}

export function usage(commands: Command[]): string {
  const width = Math.max(...commands.map((c) => c.usage.length));
  return `Usage: npm run ccm -- <command> [options]\n\nCommands:\n${commands.map((c) => `  ${c.usage.padEnd(width)}  ${c.summary}`).join("\n")}\n`;
}

export async function main(argv: string[]): Promise<number> {
  const commands = await loadCommands();
  const [name, ...args] = argv;
  if (!name || name === "help" || name === "--help" || name === "-h") {
    process.stdout.write(usage(commands));
    return name ? 0 : 1;
  }
  const command = commands.find((c) => c.name === name);
  if (!command) {
    process.stderr.write(`Unknown command "${name}".\n\n${usage(commands)}`);
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

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  main(process.argv.slice(2)).then(
    (code) => process.exit(code),
    (e: unknown) => {
      // main reports every error itself; this is a failure of the reporting (e.g. stderr closed).
      process.stderr.write(`${e instanceof Error ? e.message : String(e)}\n`);
      process.exit(1);
    },
  );
}
