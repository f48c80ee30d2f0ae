/** `ccm generate-undl`: write a synthetic file in the UNDL bulk voting layout (for benchmarks and tests). */
import { parseArgs } from "node:util";
import { InputError } from "../lib/errors.ts";
import type { Command } from "./types.ts";

export const command: Command = {
  name: "generate-undl",
  usage: "generate-undl --rows N --layout 2025|2026 --out FILE [--seed S]",
  summary: "Write a deterministic synthetic UN Digital Library voting file of N rows (193 real States, both layouts).",
  async run(args) {
    const { values } = parseArgs({
      args,
      options: {
        rows: { type: "string" },
        layout: { type: "string", default: "2026" },
        out: { type: "string" },
        seed: { type: "string" },
      },
    });
    const rows = Number(values.rows);
    const problem = (column: string, expected: string, found: string | undefined) =>
      new InputError({
        file: "command line",
        column,
        expected,
        found: found ?? "nothing",
        fix: "e.g. npm run ccm -- generate-undl --rows 1200000 --layout 2026 --out bench-data/undl-1.2M.csv",
      });
    if (!Number.isInteger(rows) || rows < 1) throw problem("--rows", "a positive whole number of rows", values.rows);
    if (values.layout !== "2025" && values.layout !== "2026") throw problem("--layout", "2025 or 2026", values.layout);
    if (!values.out) throw problem("--out", "an output file path", values.out);
    const seed = values.seed === undefined ? undefined : Number(values.seed);
    const { generateUndl } = await import("../unga/generate.ts");
    const start = performance.now();
    const result = generateUndl({ rows, layout: values.layout, out: values.out, seed });
    process.stderr.write(
      `wrote ${values.out}: ${result.rows} rows, ${result.resolutions} resolutions, ${(result.bytes / 1e6).toFixed(1)} MB in ${((performance.now() - start) / 1000).toFixed(1)} s\n`,
    );
  },
};
