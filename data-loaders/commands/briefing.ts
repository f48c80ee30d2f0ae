/**
 * `ccm briefing <cycle>`: write the annual trend briefing (md, html, pdf, SVG charts) from the analyst's source
 * sources/briefings/<cycle>.md when it exists, from the generated draft otherwise. `ccm briefing init <cycle>`
 * writes that source from the generated draft.
 */
import { parseArgs } from "node:util";
import { relative } from "node:path";
import { DEFAULT_DB, ROOT } from "../lib/db.ts";
import { createLogger } from "../lib/log.ts";
import type { Command } from "./types.ts";

export const command: Command = {
  name: "briefing",
  usage: "briefing [init] <cycle> [--db data/ccm.duckdb] [--out briefings] [--date \"27 November 2026\"] [--no-pdf] [--source <file.md> | --generated] [--force]",
  summary: "Write briefings/<cycle>/briefing.{md,html,pdf} and charts/*.svg from sources/briefings/<cycle>.md (or the generated draft); `init <cycle>` writes that source.",
  async run(args) {
    const { values, positionals } = parseArgs({
      args,
      allowPositionals: true,
      options: {
        db: { type: "string" },
        out: { type: "string" },
        date: { type: "string" },
        "no-pdf": { type: "boolean" },
        source: { type: "string" },
        generated: { type: "boolean" },
        force: { type: "boolean" },
      },
    });
    const init = positionals[0] === "init";
    const cycle = positionals[init ? 1 : 0];
    if (!cycle || positionals.length > (init ? 2 : 1)) {
      process.stderr.write(`Usage: npm run briefing -- ${command.usage.replace(/^briefing /, "")}\n`);
      return 2;
    }
    const { buildBriefing, initSource } = await import("../briefing/build.ts");
    if (init) {
      const path = await initSource({ cycle, dbPath: values.db ?? DEFAULT_DB, force: values.force === true, log: createLogger(), ...(values.source ? { source: values.source } : {}) });
      process.stderr.write(`Wrote ${path}: edit it, then run \`npm run briefing -- ${cycle}\` (see docs/briefing.md).\n`);
      return;
    }
    const date = values.date ?? process.env.CCM_BRIEFING_DATE;
    const result = await buildBriefing({
      cycle,
      dbPath: values.db ?? DEFAULT_DB,
      outDir: values.out ?? `${ROOT}/briefings`,
      pdf: !values["no-pdf"],
      ...(values.generated ? { source: false as const } : values.source ? { source: values.source } : {}),
      log: createLogger(),
      ...(date ? { date } : {}),
    });
    process.stderr.write(`Wrote ${relative(process.cwd(), result.dir) || "."}/ from ${result.source ?? "the generated draft"}: ${result.files.join(", ")}\n`);
  },
};
