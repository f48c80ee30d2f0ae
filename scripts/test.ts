/**
 * `npm test`: the type check (`tsc --noEmit`) and the tests (`vitest run`) side by side, not one after the other.
 * The type check takes about 7 s and 11 s of CPU, which the tests' first seconds (vitest starting, the global
 * setup's pipeline) do not fill. Arguments go to vitest (`npm test -- test/stamps.test.ts`).
 * A failed type check prints tsc's report and stops the tests at once; the exit code is non-zero when either fails.
 */
import { spawn } from "node:child_process";
import { join } from "node:path";

// The project's root, without loading data-loaders/lib/db.ts (and DuckDB with it) only to learn it.
const ROOT = join(import.meta.dirname, "..");

const bin = (name: string) => join(ROOT, "node_modules", ".bin", name);
const exited = (child: ReturnType<typeof spawn>) =>
  new Promise<number>((resolve) => {
    child.on("error", (e) => {
      process.stderr.write(`npm test: ${e.message}\n`);
      resolve(1);
    });
    child.on("close", (code, signal) => resolve(code ?? (signal ? 1 : 0)));
  });

const tsc = spawn(bin("tsc"), ["--noEmit"], { cwd: ROOT, stdio: ["ignore", "pipe", "pipe"] });
let report = "";
tsc.stdout?.on("data", (d: Buffer) => (report += d.toString()));
tsc.stderr?.on("data", (d: Buffer) => (report += d.toString()));
const vitest = spawn(bin("vitest"), ["run", ...process.argv.slice(2)], { cwd: ROOT, stdio: "inherit" });

const typeCheck = exited(tsc).then((code) => {
  if (code !== 0) {
    process.stderr.write(`\nnpm test: the type check failed (tsc --noEmit), so the tests were stopped:\n${report}\n`);
    vitest.kill("SIGTERM");
  }
  return code;
});
const [typed, tested] = await Promise.all([typeCheck, exited(vitest)]);
process.exit(typed !== 0 ? 1 : tested);
