/**
 * `ccm briefing <cycle>`: write the annual trend briefing (md, html, pdf, SVG charts) from the analyst's source
 * sources/briefings/<cycle>.md when it exists, from the generated draft otherwise. `ccm briefing init <cycle>`
 * writes that source from the generated draft. A cycle whose report is not the latest in the database is rendered
 * as of its own report (briefing/as-of.ts). `ccm briefing --all` writes the briefing of every report in the database.
 */
import { parseArgs } from "node:util";
import { relative } from "node:path";
import { DEFAULT_DB, ROOT } from "../lib/db.ts";
import { createLogger } from "../lib/log.ts";
import type { Command } from "./types.ts";

export const command: Command = {
  name: "briefing",
  usage:
    'briefing [init] <cycle> | --all [--db data/ccm.duckdb] [--out briefings] [--date "27 November 2026"] [--no-pdf] [--source <file.md> | --generated] [--force]',
  summary:
    "Write briefings/<cycle>/briefing.{md,html,pdf} and charts/*.svg from sources/briefings/<cycle>.md (or the generated draft), as of the cycle's own report; `--all` for every report in the database; `init <cycle>` writes that source.",
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
        all: { type: "boolean" },
      },
    });
    const init = positionals[0] === "init";
    const cycle = positionals[init ? 1 : 0];
    const all = values.all === true;
    if (all ? positionals.length > 0 || values.source !== undefined : !cycle || positionals.length > (init ? 2 : 1)) {
      process.stderr.write(`Usage: npm run briefing -- ${command.usage.replace(/^briefing /, "")}\n`);
      return 2;
    }
    const { buildBriefing, initSource } = await import("../briefing/build.ts");
    if (init && cycle) {
      const path = await initSource({
        cycle,
        dbPath: values.db ?? DEFAULT_DB,
        force: values.force === true,
        log: createLogger(),
        ...(values.source ? { source: values.source } : {}),
      });
      process.stderr.write(
        `Wrote ${path}: edit it, then run \`npm run briefing -- ${cycle}\` (see docs/briefing.md).\n`,
      );
      return;
    }
    const date = values.date ?? process.env.CCM_BRIEFING_DATE;
    const dbPath = values.db ?? DEFAULT_DB;
    const cycles = all ? await (await import("../briefing/as-of.ts")).reportCycles(dbPath) : [cycle!];
    if (cycles.length === 0) {
      process.stderr.write(
        `The database ${dbPath} holds no report: run \`npm run pipeline\` first (or pass --db <file>).\n`,
      );
      return 1;
    }
    const outDir = values.out ?? `${ROOT}/briefings`;
    const stamps = await import("../lib/stamps.ts");
    // `--all` (the main job's step) is skipped when the briefings were written from the same database and sources.
    const key = all
      ? stamps.stageKey(
          "briefings",
          { database: dbPath },
          stamps.briefingsOptions({ date: date ?? null, pdf: !values["no-pdf"], generated: values.generated === true }),
        )
      : null;
    if (key && !stamps.forced(values.force) && stamps.upToDate(outDir, key)) {
      process.stderr.write(`${stamps.skippedLine(relative(process.cwd(), outDir) || outDir, key)}\n`);
      return;
    }
    // One Chromium prints every report's PDF.
    const printer = values["no-pdf"] ? null : (await import("../briefing/pdf.ts")).newPrinter();
    try {
      for (const c of cycles) {
        const result = await buildBriefing({
          cycle: c,
          dbPath,
          outDir,
          pdf: !values["no-pdf"],
          ...(printer ? { printer } : {}),
          ...(values.generated ? { source: false as const } : values.source ? { source: values.source } : {}),
          log: createLogger(),
          ...(date ? { date } : {}),
        });
        process.stderr.write(
          `Wrote ${relative(process.cwd(), result.dir) || "."}/ from ${result.source ?? "the generated draft"}: ${result.files.join(", ")}\n`,
        );
      }
    } finally {
      await printer?.close();
    }
    if (key) stamps.writeStamp(outDir, key);
  },
};
