/**
 * Checks that make a Framework build fail when it "succeeded" with errors: Framework 1.13 logs a failed
 * loader or an unresolvable import and may still exit 0, and it silently reuses stale loader output.
 */
import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import { join, relative } from "node:path";
import type { SiteRoutes } from "../../data-loaders/site/routes.ts";

const LOADER_FAILED = "a data loader failed";

/** Lines of Framework's build log that mean the build must not be published. */
const FATAL_LOG_LINES: { pattern: RegExp; why: string }[] = [
  { pattern: /OFFLINE-GUARD: refused network request/, why: "tried to reach the network" },
  { pattern: /\berror\b.*\bin\b.*\d+(ms|s)\b.*:/i, why: LOADER_FAILED },
  { pattern: /loader skipped due to recent error/, why: "a data loader was skipped after an error" },
  { pattern: /\[using stale\]/, why: "stale loader output was used" },
  { pattern: /unable to (fetch|resolve)/i, why: "an import could not be resolved offline" },
  { pattern: /undeclared dependency/, why: "an npm dependency is missing from the cache" },
  { pattern: /\b(RollupError|SyntaxError|TypeError|ReferenceError)\b/, why: "bundling failed" },
  { pattern: /^\s*Error:/m, why: "an error was logged" },
  { pattern: /file conflict/, why: "two outputs wrote the same file" },
  { pattern: /\bnot found\b/i, why: "a referenced file or import was not found" },
  { pattern: /\d+ broken links?\b/, why: "pages link to missing pages or anchors (listed above the summary)" },
];

export function buildLogProblems(log: string): string[] {
  const problems: string[] = [];
  const lines = log.split("\n");
  lines.forEach((line, i) => {
    for (const { pattern, why } of FATAL_LOG_LINES) {
      if (pattern.test(line)) {
        const said = why === LOADER_FAILED ? loaderOutput(lines, i) : "";
        problems.push(`${why}: ${said ? `${said} (${line.trim()})` : line.trim()}`.slice(0, 800));
        break;
      }
    }
  });
  return problems;
}

/**
 * What a failed loader wrote (its error, e.g. a missing view) before Framework's "error in …" line: Framework
 * prints it after the loader's "→ [missing]", and the "error in" line alone does not say why.
 */
function loaderOutput(lines: string[], failedAt: number): string {
  const said: string[] = [];
  for (let j = failedAt; j >= 0 && failedAt - j <= 30; j--) {
    const line = j === failedAt ? lines[j]!.replace(/\berror\b.*\bin\b.*\d+(ms|s)\b.*$/i, "") : lines[j]!;
    const start = line.lastIndexOf("[missing]");
    said.unshift((start >= 0 ? line.slice(start + "[missing]".length) : line).trim());
    if (start >= 0) break;
  }
  return said.filter(Boolean).join(" ");
}

function walk(dir: string): string[] {
  return readdirSync(dir).flatMap((e) => {
    const p = join(dir, e);
    return statSync(p).isDirectory() ? walk(p) : [p];
  });
}

/** An element attribute or CSS url() that loads from another host when the page is opened. */
const OFF_HOST = /(?:\b(?:src|href)\s*=\s*["']|@import\s+(?:url\()?["']?|url\(\s*["']?)(?:https?:)?\/\/[^"')\s]+/gi;

export function checkBuiltSite(output: string, routes: Pick<SiteRoutes, "pillars" | "states">): string[] {
  const problems: string[] = [];
  const expected = [
    "index.html",
    "indicators.html",
    "universalization.html",
    "states/index.html",
    "findings.html",
    "data-quality.html",
    "briefings.html",
    "downloads.html",
    "sql.html",
  ];
  expected.push(
    ...routes.pillars.map((p) => `pillars/${p.code}.html`),
    ...routes.states.map((s) => `states/${s}.html`),
  );
  for (const page of expected)
    if (!existsSync(join(output, page))) problems.push(`page missing from the build: ${page}`);
  const files = existsSync(output) ? walk(output) : [];
  for (const file of files) {
    if (!/\.(html|css)$/.test(file)) continue;
    const text = readFileSync(file, "utf8");
    // Links (<a href>) to other sites are fine (they are not loaded); resources are not.
    const withoutAnchors = text.replace(/<a\b[^>]*>/gi, "");
    for (const m of withoutAnchors.matchAll(OFF_HOST))
      problems.push(`${relative(output, file)} loads from another host: ${m[0].slice(0, 120)}`);
  }
  // The engine's module, worker or wasm — not the word DuckDB, which table descriptions may use.
  const engine = /@duckdb\/duckdb-wasm|duckdb-browser|duckdb-(?:eh|mvp|coi)\.wasm/;
  const duckdbOutsideSql = files.filter(
    (f) => f.endsWith(".html") && !f.endsWith("sql.html") && engine.test(readFileSync(f, "utf8")),
  );
  for (const f of duckdbOutsideSql)
    problems.push(`${relative(output, f)} references DuckDB-Wasm (only the SQL explorer may)`);
  return problems;
}
