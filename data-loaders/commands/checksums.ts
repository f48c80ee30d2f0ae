/**
 * `ccm checksums [--write]`: compare or record the SHA-256 of every curated source file, those of the
 * later reports in sources/reports/<id>/ included.
 */
import { readFileSync, writeFileSync } from "node:fs";
import { relative } from "node:path";
import { listDatasets, SOURCES_DIR } from "../sources.ts";
import { listReports } from "../extract/reports/layout.ts";
import { ROOT } from "../lib/db.ts";
import { sha256 } from "../lib/meta.ts";
import type { Command } from "./types.ts";

export const command: Command = {
  name: "checksums",
  usage: "checksums [--write]",
  summary:
    "Compare each sources/*.csv (and sources/reports/<id>/*.csv) with the SHA-256 in its .meta.json; --write records the current ones.",
  run: (args) => checksums(args.includes("--write")),
};

export async function checksums(write: boolean): Promise<number> {
  let stale = 0;
  const folders = [
    SOURCES_DIR,
    ...listReports(SOURCES_DIR)
      .filter((r) => !r.base)
      .map((r) => r.datasetsDir),
  ];
  for (const { meta, metaPath, csvPath } of folders.flatMap((f) => listDatasets(f))) {
    const actual = sha256(readFileSync(csvPath));
    if (actual === meta.sha256) continue;
    stale++;
    if (write) {
      const json = JSON.parse(readFileSync(metaPath, "utf8"));
      json.sha256 = actual;
      writeFileSync(metaPath, JSON.stringify(json, null, 2) + "\n");
      process.stderr.write(`recorded ${relative(ROOT, csvPath)}: ${actual}\n`);
    } else {
      process.stderr.write(
        `changed: ${relative(ROOT, csvPath)} (metadata says ${meta.sha256.slice(0, 12)}…, file is ${actual.slice(0, 12)}…)\n`,
      );
    }
  }
  if (!stale) process.stderr.write("All source checksums match their metadata.\n");
  return stale && !write ? 1 : 0;
}
