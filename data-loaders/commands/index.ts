/**
 * Every `npm run ccm --` command, in the order `ccm help` lists them. A new command is a module in this folder
 * exporting `command: Command`, added to this list (README.md documents each one; test/cli.test.ts checks that).
 */
import { command as briefing } from "./briefing.ts";
import { command as buildStates } from "./build-states.ts";
import { command as checksums } from "./checksums.ts";
import { command as dictionary } from "./dictionary.ts";
import { command as extract } from "./extract.ts";
import { command as generateUndl } from "./generate-undl.ts";
import { command as pipeline } from "./pipeline.ts";
import { command as sql } from "./sql.ts";
import type { Command } from "./types.ts";

export const COMMANDS: readonly Command[] = [
  briefing,
  buildStates,
  checksums,
  dictionary,
  extract,
  generateUndl,
  pipeline,
  sql,
];
