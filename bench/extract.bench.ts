/**
 * `npm run bench:extract`: the extract time of the 13MSP report as .txt, .docx and .pdf, side by side.
 * For each format: reading the file into the report's text (the format's own cost), and the whole
 * `ccm extract` into a new folder (read + indicators + findings + writing the datasets), in this process
 * (tsx start-up, about 1-2 s, is not counted). Three rounds, formats alternating; the fastest of each counts:
 * the machine may be shared.
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { ROOT } from "../data-loaders/lib/db.ts";
import { readReportDocument } from "../data-loaders/extract/published/read-report.ts";
import { command as extract } from "../data-loaders/commands/extract.ts";

const FORMATS = ["txt", "docx", "pdf"] as const;
const ROUNDS = 3;
const file = (format: string) => join(ROOT, "sources", "reports", `13MSP-progress-report.${format}`);

async function seconds(run: () => Promise<unknown>): Promise<number> {
  const start = performance.now();
  await run();
  return (performance.now() - start) / 1000;
}

const best: Record<string, { read: number; extract: number }> = {};
// The extract command reports on stderr; only the table goes to stdout.
const write = process.stderr.write.bind(process.stderr);
for (let round = 0; round < ROUNDS; round++) {
  for (const format of round % 2 === 0 ? FORMATS : [...FORMATS].reverse()) {
    const read = await seconds(() => readReportDocument(file(format)));
    const out = mkdtempSync(join(tmpdir(), "ccm-bench-extract-"));
    process.stderr.write = () => true;
    let whole: number;
    try {
      whole = await seconds(() => extract.run([file(format), "--out", out]));
    } finally {
      process.stderr.write = write;
      rmSync(out, { recursive: true, force: true });
    }
    const b = (best[format] ??= { read: Infinity, extract: Infinity });
    b.read = Math.min(b.read, read);
    b.extract = Math.min(b.extract, whole);
  }
}

const pad = (s: string, n: number) => s.padEnd(n);
const txt = best.txt!.extract;
console.log(`13MSP Progress Report, fastest of ${ROUNDS} rounds (seconds)`);
console.log(`${pad("format", 8)}${pad("read", 10)}${pad("extract", 10)}vs .txt`);
for (const format of FORMATS) {
  const b = best[format]!;
  console.log(
    `${pad(`.${format}`, 8)}${pad(b.read.toFixed(2), 10)}${pad(b.extract.toFixed(2), 10)}${(b.extract / txt).toFixed(1)}×`,
  );
}
