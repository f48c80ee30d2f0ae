/**
 * One format for every SQL file of the project (data-loaders/sql/, bench/), written by sql-formatter's DuckDB
 * dialect: `npm run format` rewrites the files, `npm run lint` (--check) lists those that differ and exits 1.
 * The formatter only moves whitespace and keyword case: the pipeline gives the same database and the same briefing
 * from formatted SQL (checked when it was adopted, with lambdas, macros, COLUMNS, QUALIFY, getvariable, ->> and
 * struct literals). Test fixtures are inputs and keep their bytes.
 */
import { readFileSync, readdirSync, statSync, writeFileSync } from "node:fs";
import { join, relative } from "node:path";
import { fileURLToPath } from "node:url";
import { format, type FormatOptionsWithLanguage } from "sql-formatter";
import { ROOT } from "../data-loaders/lib/db.ts";

export const SQL_FORMAT: FormatOptionsWithLanguage = {
  language: "duckdb",
  keywordCase: "upper",
  tabWidth: 2,
  // A parenthesised expression stays on one line up to this width (the house's lines are at most 120).
  expressionWidth: 100,
};

const SQL_FOLDERS = ["data-loaders", "bench"];

function sqlFiles(dir: string): string[] {
  return readdirSync(dir)
    .sort()
    .flatMap((name) => {
      const path = join(dir, name);
      if (statSync(path).isDirectory()) return sqlFiles(path);
      return name.endsWith(".sql") ? [path] : [];
    });
}

/** The file as the house writes it: the formatter's output and one final newline. */
export function formatSql(text: string): string {
  return `${format(text, SQL_FORMAT).trimEnd()}\n`;
}

/** Format (or with check, only compare) every SQL file; returns the files that were not in the format. */
export function formatSqlFiles(options: { check: boolean; root?: string }): string[] {
  const root = options.root ?? ROOT;
  const differing: string[] = [];
  for (const file of SQL_FOLDERS.flatMap((d) => sqlFiles(join(root, d)))) {
    const text = readFileSync(file, "utf8");
    let formatted: string;
    try {
      formatted = formatSql(text);
    } catch (e) {
      throw new Error(`${relative(root, file)}: sql-formatter (DuckDB) cannot read it: ${(e as Error).message}`, {
        cause: e,
      });
    }
    if (formatted === text) continue;
    differing.push(relative(root, file));
    if (!options.check) writeFileSync(file, formatted);
  }
  return differing;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const check = process.argv.includes("--check");
  const differing = formatSqlFiles({ check });
  if (check && differing.length > 0) {
    process.stderr.write(
      `${differing.length} SQL file(s) not in the house format (run \`npm run format\`):\n${differing.map((f) => `  ${f}\n`).join("")}`,
    );
    process.exit(1);
  }
  process.stderr.write(
    check ? "SQL: every file in the house format\n" : `SQL: ${differing.length} file(s) formatted\n`,
  );
}
