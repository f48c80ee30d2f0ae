/** `ccm checksums [--write]`: compare or record the SHA-256 of every curated source file. */
import { readFileSync, writeFileSync } from "node:fs";
import { listDatasets } from "../sources.ts";
import { sha256 } from "../lib/meta.ts";
import type { Command } from "./types.ts";

export const command: Command = {
  name: "checksums",
  usage: "checksums [--write]",
  summary: "Compare each sources/*.csv with the SHA-256 in its .meta.json; --write records the current ones.",
  run: (args) => checksums(args.includes("--write")),
};

export async function checksums(write: boolean): Promise<number> {
  let stale = 0;
  for (const { meta, metaPath, csvPath } of listDatasets()) {
    const actual = sha256(readFileSync(csvPath));
    if (actual === meta.sha256) continue;
    stale++;
    if (write) {
      const json = JSON.parse(readFileSync(metaPath, "utf8"));
      json.sha256 = actual;
      writeFileSync(metaPath, JSON.stringify(json, null, 2) + "\n");
      process.stderr.write(`recorded ${meta.name}: ${actual}\n`);
    } else {
      process.stderr.write(`changed: sources/${meta.name}.csv (metadata says ${meta.sha256.slice(0, 12)}…, file is ${actual.slice(0, 12)}…)\n`);
    }
  }
  if (!stale) process.stderr.write("All source checksums match their metadata.\n");
  return stale && !write ? 1 : 0;
}
