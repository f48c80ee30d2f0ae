/** `ccm briefing <cycle>`: write the annual trend briefing (md, html, pdf, SVG charts) from the database. */
import { parseArgs } from "node:util";
import { relative } from "node:path";
import { DEFAULT_DB, ROOT } from "../lib/db.ts";
import { createLogger } from "../lib/log.ts";
import type { Command } from "./types.ts";

export const command: Command = {
  name: "briefing",
  usage: "briefing <cycle> [--db data/ccm.duckdb] [--out briefings] [--date \"27 November 2026\"] [--no-pdf]",
  summary: "Write briefings/<cycle>/briefing.{md,html,pdf} and charts/*.svg from the database (date from --date or CCM_BRIEFING_DATE).",
  async run(args) {
    const { values, positionals } = parseArgs({
      args,
      allowPositionals: true,
      options: { db: { type: "string" }, out: { type: "string" }, date: { type: "string" }, "no-pdf": { type: "boolean" } },
    });
    const cycle = positionals[0];
    if (!cycle || positionals.length > 1) {
      process.stderr.write(`Usage: npm run briefing -- ${command.usage.replace(/^briefing /, "")}\n`);
      return 2;
    }
    const { buildBriefing } = await import("../briefing/build.ts");
    const date = values.date ?? process.env.CCM_BRIEFING_DATE;
    const result = await buildBriefing({
      cycle,
      dbPath: values.db ?? DEFAULT_DB,
      outDir: values.out ?? `${ROOT}/briefings`,
      pdf: !values["no-pdf"],
      log: createLogger(),
      ...(date ? { date } : {}),
    });
    process.stderr.write(`Wrote ${relative(process.cwd(), result.dir) || "."}/: ${result.files.join(", ")}\n`);
  },
};
