/** `ccm build-states`: regenerate states, state_aliases, state_events and membership_reconciliation. */
import { ROOT } from "../lib/db.ts";
import type { Command } from "./types.ts";

export const command: Command = {
  name: "build-states",
  usage: "build-states",
  summary:
    "Rebuild sources/states.csv, state_aliases.csv, state_events.csv and membership_reconciliation.csv from sources/raw and sources/overrides.",
  async run() {
    const { buildStateSources, writeStateSources } = await import("../extract/membership/states-build.ts");
    const written = writeStateSources(ROOT, buildStateSources(ROOT));
    for (const w of written) process.stderr.write(`wrote ${w.file} (${w.rows} rows)\n`);
    process.stderr.write("Review the diff, then record the checksums with `npm run ccm -- checksums --write`.\n");
  },
};
