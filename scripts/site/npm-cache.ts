/**
 * Fill Observable Framework's npm cache (src/.observablehq/cache/_npm/<name>@<version>/) from node_modules,
 * so that `observable build` never fetches `npm:` imports from the jsDelivr CDN or versions from the registry.
 *
 * Framework resolves `npm:foo` to the newest version found in that cache folder and only goes to the network
 * when the folder is missing. Each entry below is bundled to one ESM file with esbuild, the way jsDelivr's
 * `+esm` endpoint would serve it. Shared dependencies stay external and are written as jsDelivr paths
 * as relative imports of their cached bundle, so d3 is downloaded once per page.
 */
import { build } from "esbuild";
import { copyFileSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { dirname, join, posix } from "node:path";
import { fileURLToPath } from "node:url";

const ROOT = join(dirname(fileURLToPath(import.meta.url)), "..", "..");
export const NPM_CACHE = join(ROOT, "src", ".observablehq", "cache", "_npm");

interface CachedPackage {
  /** npm package name as written after `npm:` */
  name: string;
  /** module source bundled as the package's `+esm` entry */
  entry: string;
  /** packages left as imports of their own cached bundle */
  external?: string[];
  /** files copied verbatim (workers, wasm) relative to the package root */
  files?: string[];
}

/**
 * Every `npm:` import the pages and Framework's built-ins use. Framework's stdlib maps `d3` and `htl` to `npm:`
 * specifiers; `Inputs` imports `htl` bare, which Framework also resolves through this cache. Its `Plot` and
 * `topojson` are not here: every chart is Vega-Lite (the map too), so no page imports them, and Framework's
 * client gets a placeholder for them like for its other unused libraries (frameworkOnlyPackages).
 */
export const PACKAGES: CachedPackage[] = [
  { name: "d3", entry: `export * from "d3";` },
  { name: "htl", entry: `export * from "htl";` },
  { name: "isoformat", entry: `export * from "isoformat";` },
  { name: "apache-arrow", entry: `export * from "apache-arrow";` },
  // vega-embed bundles vega and vega-lite: one download for every Vega-Lite chart.
  { name: "vega-embed", entry: `export { default } from "vega-embed"; export * from "vega-embed";` },
  {
    name: "@duckdb/duckdb-wasm",
    entry: `export * from "@duckdb/duckdb-wasm";`,
    // Only the exception-handling build: every browser we target supports Wasm exceptions.
    files: ["dist/duckdb-eh.wasm", "dist/duckdb-browser-eh.worker.js"],
  },
];

// Every package here is a top-level install (see package.json), so its folder is node_modules/<name>;
// require.resolve cannot be used because some packages (d3) do not export ./package.json.
function packageRoot(name: string): string {
  return join(ROOT, "node_modules", name);
}

export function packageVersion(name: string): string {
  const pkg = JSON.parse(readFileSync(join(packageRoot(name), "package.json"), "utf8")) as { version: string };
  return pkg.version;
}

async function bundle(pkg: CachedPackage, outFile: string): Promise<void> {
  const externals = pkg.external ?? [];
  const result = await build({
    stdin: { contents: pkg.entry, resolveDir: ROOT, loader: "js" },
    bundle: true,
    format: "esm",
    platform: "browser",
    target: ["es2022"],
    minify: true,
    legalComments: "none",
    write: false,
    logLevel: "silent",
    define: { "process.env.NODE_ENV": '"production"' },
    plugins: [
      {
        name: "jsdelivr-externals",
        setup(b) {
          const filter = externals.length
            ? new RegExp(`^(${externals.map((e) => e.replace(/[/.]/g, "\\$&")).join("|")})$`)
            : /^$a/;
          // Framework serves the cache as /_npm/<name>@<version>/_esm.js; write the import relative to this bundle.
          b.onResolve({ filter }, (args) => ({
            path: posix.relative(
              posix.dirname(`/_npm/${pkg.name}@x/_esm.js`),
              `/_npm/${args.path}@${packageVersion(args.path)}/_esm.js`,
            ),
            external: true,
          }));
        },
      },
    ],
  });
  const file = result.outputFiles[0];
  if (!file) throw new Error(`esbuild produced no output for npm:${pkg.name}`);
  writeFileSync(outFile, file.text);
}

const FRAMEWORK_CLIENT = join(ROOT, "node_modules", "@observablehq", "framework", "dist", "client");
const NOT_BUNDLED_VERSION = "0.0.0-not-bundled";

function walkJs(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? walkJs(join(dir, e.name)) : e.name.endsWith(".js") ? [join(dir, e.name)] : [],
  );
}

/**
 * Packages that Framework's own client code names (`import("npm:lodash")` for the `_` built-in, React,
 * Leaflet, …) but the site does not use. Framework resolves their version while bundling its client even
 * when no page uses them, which would query registry.npmjs.org; a placeholder version folder answers that
 * offline, and its module throws a clear error should a page ever import it.
 */
export function frameworkOnlyPackages(): string[] {
  const names = new Set<string>();
  for (const file of walkJs(FRAMEWORK_CLIENT)) {
    for (const m of readFileSync(file, "utf8").matchAll(/["']npm:((?:@[\w.-]+\/)?[\w.-]+)(@[^/"']+)?/g)) {
      if (!m[2] && m[1]) names.add(m[1]);
    }
  }
  const bundled = new Set(PACKAGES.map((p) => p.name));
  // Framework maps these to its own files (resolvers.js builtins), never to the npm cache.
  const builtins = new Set([
    "@observablehq/runtime",
    "@observablehq/stdlib",
    "@observablehq/dot",
    "@observablehq/duckdb",
    "@observablehq/inputs",
    "@observablehq/mermaid",
    "@observablehq/tex",
    "@observablehq/sqlite",
  ]);
  return [...names].filter((n) => !bundled.has(n) && !builtins.has(n)).sort();
}

function writePlaceholders(log: (line: string) => void): void {
  for (const name of frameworkOnlyPackages()) {
    const dir = join(NPM_CACHE, `${name}@${NOT_BUNDLED_VERSION}`);
    if (existsSync(join(dir, "_esm.js"))) continue;
    mkdirSync(dir, { recursive: true });
    writeFileSync(
      join(dir, "_esm.js"),
      `throw new Error(${JSON.stringify(`npm:${name} is not bundled for offline use: add it to scripts/site/npm-cache.ts`)});\n`,
    );
    log(`npm cache: ${name} placeholder (named by Framework's client, not used by the site)`);
  }
}

/** The fill under way in this process, if any. */
let filling: Promise<string[]> | null = null;

/**
 * Build the cache; returns the `<name>@<version>` folders written. Existing folders of other versions are removed.
 * One fill at a time in a process: a call while one is under way (`npm run build` starts it beside the pipeline, and
 * the site build asks again) waits for that one, whose lines it has already said.
 */
export function fillNpmCache(log: (line: string) => void = (l) => process.stderr.write(`${l}\n`)): Promise<string[]> {
  filling ??= fill(log).finally(() => {
    filling = null;
  });
  return filling;
}

async function fill(log: (line: string) => void): Promise<string[]> {
  const written: string[] = [];
  for (const pkg of PACKAGES) {
    const version = packageVersion(pkg.name);
    const dir = join(NPM_CACHE, `${pkg.name}@${version}`);
    const stamp = join(dir, ".filled-from-node_modules");
    const expected = `v2\n${pkg.name}@${version}\n${pkg.entry}\n${(pkg.external ?? []).join(",")}\n${(pkg.files ?? []).join(",")}\n`;
    if (existsSync(stamp) && readFileSync(stamp, "utf8") === expected) {
      written.push(`${pkg.name}@${version}`);
      continue;
    }
    rmSync(dir, { recursive: true, force: true });
    mkdirSync(dir, { recursive: true });
    const started = performance.now();
    await bundle(pkg, join(dir, "_esm.js"));
    for (const f of pkg.files ?? []) {
      mkdirSync(dirname(join(dir, f)), { recursive: true });
      copyFileSync(join(packageRoot(pkg.name), f), join(dir, f));
    }
    writeFileSync(stamp, expected);
    log(`npm cache: ${pkg.name}@${version} bundled from node_modules in ${Math.round(performance.now() - started)} ms`);
    written.push(`${pkg.name}@${version}`);
  }
  removeUnlisted(written, log);
  writePlaceholders(log);
  return written;
}

/**
 * Remove the bundles this cache filled earlier for packages (or versions) no longer listed: Framework resolves
 * `npm:foo` to the newest version folder it finds, so a stale bundle would stand in for the placeholder.
 */
function removeUnlisted(written: string[], log: (line: string) => void): void {
  if (!existsSync(NPM_CACHE)) return;
  const folders = readdirSync(NPM_CACHE).flatMap((name) =>
    name.startsWith("@") ? readdirSync(join(NPM_CACHE, name)).map((sub) => `${name}/${sub}`) : [name],
  );
  for (const folder of folders) {
    if (written.includes(folder) || !existsSync(join(NPM_CACHE, folder, ".filled-from-node_modules"))) continue;
    rmSync(join(NPM_CACHE, folder), { recursive: true, force: true });
    log(`npm cache: ${folder} removed (no longer listed)`);
  }
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  await fillNpmCache();
}
