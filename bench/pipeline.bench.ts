/**
 * `npm run bench`: the UNGA ingest at scale. For 1.2 million and 5 million generated UNDL rows it times
 *   (a) this pipeline's full ingest (UNDL step + UNGA models) into a new database file,
 *   (b) DuckDB's own read_csv into a table with the same column types (the floor),
 *   (c) a csv-parse streaming load with DuckDB's appender (the naive baseline),
 * each in its own process (peak memory = that process's max RSS). Pipeline and floor run 3 times at
 * 1.2M rows and twice at 5M, alternating (ABBA), and the fastest run counts: the machine may be shared.
 * The last line is
 * `pipeline/duckdb ratio: <x>` for the 1.2M case.
 */
import { execFileSync } from "node:child_process";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { cpus, loadavg, totalmem } from "node:os";
import { join } from "node:path";
import { ROOT } from "../data-loaders/lib/db.ts";
import { generateUndl } from "../data-loaders/unga/generate.ts";

interface CaseResult {
  case: string;
  rows: number;
  seconds: number;
  maxRssMB: number;
}

const BENCH_DIR = join(ROOT, "bench-data");
const SIZES = [1_200_000, 5_000_000];
const SEED = 4060887;

function log(line: string): void {
  process.stdout.write(line + "\n");
}

/** Generate once; a sidecar records rows, layout and seed so that a stale file is regenerated. */
function benchFile(rows: number): string {
  mkdirSync(BENCH_DIR, { recursive: true });
  const file = join(BENCH_DIR, `undl-${rows}.csv`);
  const sidecar = `${file}.json`;
  const wanted = JSON.stringify({ rows, layout: "2026", seed: SEED });
  if (existsSync(file) && existsSync(sidecar) && readFileSync(sidecar, "utf8") === wanted) return file;
  const start = performance.now();
  const result = generateUndl({ rows, layout: "2026", out: file, seed: SEED });
  writeFileSync(sidecar, wanted);
  log(
    `generated ${file}: ${result.rows} rows, ${(result.bytes / 1e6).toFixed(0)} MB in ${((performance.now() - start) / 1000).toFixed(1)} s`,
  );
  return file;
}

function runCase(kind: string, file: string): CaseResult {
  const out = execFileSync(
    process.execPath,
    ["--import", "tsx", join(ROOT, "bench", "cases.ts"), kind, file, join(BENCH_DIR, `work-${kind}`)],
    { cwd: ROOT, encoding: "utf8", stdio: ["ignore", "pipe", "inherit"] },
  );
  return JSON.parse(out.trim().split("\n").at(-1)!) as CaseResult;
}

function best(results: CaseResult[]): CaseResult {
  return results.reduce((a, b) => (b.seconds < a.seconds ? b : a));
}

function row(r: CaseResult): string {
  return `  ${r.case.padEnd(10)} ${r.seconds.toFixed(2).padStart(7)} s  ${Math.round(r.rows / r.seconds)
    .toLocaleString("en")
    .padStart(10)} rows/s  peak RSS ${r.maxRssMB.toFixed(0).padStart(5)} MB`;
}

function duckdbVersion(): string {
  const pkg = JSON.parse(readFileSync(join(ROOT, "node_modules", "@duckdb", "node-api", "package.json"), "utf8")) as {
    version: string;
  };
  return pkg.version;
}

log(
  `machine: ${cpus().length} cores (${cpus()[0]?.model ?? "?"}), ${(totalmem() / 2 ** 30).toFixed(0)} GB RAM, node ${process.version}, @duckdb/node-api ${duckdbVersion()}`,
);
const summary = new Map<number, { pipeline: CaseResult; duckdb: CaseResult; naive: CaseResult }>();
for (const rows of SIZES) {
  const file = benchFile(rows);
  const repeats = rows <= 1_200_000 ? 3 : 2;
  const pipeline: CaseResult[] = [];
  const duckdb: CaseResult[] = [];
  for (let i = 0; i < repeats; i++) {
    // Alternate which goes first, so that a slow spell on a shared machine does not always hit the same case.
    const order = i % 2 === 0 ? ["duckdb", "pipeline"] : ["pipeline", "duckdb"];
    for (const kind of order) (kind === "duckdb" ? duckdb : pipeline).push(runCase(kind, file));
  }
  const naive = runCase("csv-parse", file);
  const result = { pipeline: best(pipeline), duckdb: best(duckdb), naive };
  summary.set(rows, result);
  log(`\n${rows.toLocaleString("en")} rows (pipeline and duckdb: best of ${repeats}; csv-parse: one run):`);
  for (const r of [result.pipeline, result.duckdb, result.naive]) log(row(r));
  log(
    `  pipeline/duckdb ${(result.pipeline.seconds / result.duckdb.seconds).toFixed(2)}×, csv-parse/duckdb ${(result.naive.seconds / result.duckdb.seconds).toFixed(2)}×`,
  );
}

const small = summary.get(SIZES[0]!)!;
const large = summary.get(SIZES[1]!)!;
const perRow = (r: CaseResult) => r.seconds / r.rows;
log(
  `\nscaling 1.2M → 5M (cost per row, 1.00 = linear): pipeline ${(perRow(large.pipeline) / perRow(small.pipeline)).toFixed(2)}, duckdb ${(perRow(large.duckdb) / perRow(small.duckdb)).toFixed(2)}, csv-parse ${(perRow(large.naive) / perRow(small.naive)).toFixed(2)}`,
);
log(
  `targets: pipeline/duckdb ≤ 1.25 (1.2M: ${(small.pipeline.seconds / small.duckdb.seconds).toFixed(2)}, 5M: ${(large.pipeline.seconds / large.duckdb.seconds).toFixed(2)}); pipeline peak RSS < 1536 MB at 5M (${large.pipeline.maxRssMB.toFixed(0)} MB)`,
);
const [l1, l5, l15] = loadavg().map((x) => x.toFixed(2));
log(
  `measured ${new Date().toISOString().slice(0, 16)} UTC, load average ${l1} ${l5} ${l15} (1, 5, 15 min): each ratio beside its floor, DuckDB's read_csv, in this run`,
);
log(`pipeline/duckdb ratio: ${(small.pipeline.seconds / small.duckdb.seconds).toFixed(2)}`);
