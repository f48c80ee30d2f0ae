/**
 * `npm test`: the type check (`tsc --noEmit`) and the tests (`vitest run`) side by side, not one after the other.
 * The type check is TypeScript 7's native compiler (the `typescript-native` dev dependency, an alias of
 * typescript@7): about 1 s and 2 s of CPU, where TypeScript 5's took 7 s and 12 s, the same errors on this code.
 * TypeScript 5 stays for typescript-eslint, which needs its JavaScript API (`npm run lint`).
 * A failed type check prints tsc's report and stops the tests at once; the exit code is non-zero when either fails.
 * Arguments go to vitest (`npm test -- test/stamps.test.ts`).
 */
import { spawn } from "node:child_process";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";

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

// Its own path: node_modules/.bin/tsc may be either TypeScript's, as npm links them.
const TSC = join(dirname(createRequire(import.meta.url).resolve("typescript-native/package.json")), "bin", "tsc");
const tsc = spawn(process.execPath, [TSC, "--noEmit"], { cwd: ROOT, stdio: ["ignore", "pipe", "pipe"] });
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
