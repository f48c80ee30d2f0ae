/**
 * Reads every curated dataset in sources/ (each `<name>.csv` with its `<name>.meta.json`),
 * checks its checksum, validates it, then checks the references between datasets and that
 * every State name resolves. Returns the validated tables; throws InputError on any problem.
 */
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join, relative } from "node:path";
import { InputError, show, type InputProblem } from "./lib/errors.ts";
import { readMeta, sha256, type DatasetMeta } from "./lib/meta.ts";
import { readCuratedCsv, type CuratedTable } from "./lib/csv.ts";
import { StateResolver } from "./lib/states.ts";
import { ROOT } from "./lib/db.ts";

export const SOURCES_DIR = join(ROOT, "sources");

export interface CuratedSources {
  tables: Map<string, CuratedTable>;
  resolver: StateResolver;
}

export function listDatasets(sourcesDir = SOURCES_DIR): { meta: DatasetMeta; metaPath: string; csvPath: string }[] {
  return readdirSync(sourcesDir)
    .filter((f) => f.endsWith(".meta.json"))
    .sort()
    .map((f) => {
      const metaPath = join(sourcesDir, f);
      const meta = readMeta(rel(metaPath));
      const csvPath = join(sourcesDir, f.replace(/\.meta\.json$/, ".csv"));
      return { meta, metaPath, csvPath };
    });
}

function rel(p: string): string {
  const r = relative(process.cwd(), p);
  return r.startsWith("..") ? p : r;
}

/**
 * Read and validate the curated datasets of `sourcesDir` (all of them, or only `datasets`), check their
 * references and State names, and return them with the State name resolver they define.
 */
export function readCuratedSources(
  sourcesDir = SOURCES_DIR,
  options: { checkChecksums?: boolean; datasets?: readonly string[] } = {},
): CuratedSources {
  const tables = new Map<string, CuratedTable>();
  const problems: InputProblem[] = [];
  // A changed file is reported after its content problems: "unknown cycle on line 6" says what to fix,
  // "the checksum differs" only that something changed.
  const checksumProblems: InputProblem[] = [];
  const wanted = options.datasets;
  // A data file without its metadata would otherwise be passed over, and every dataset that references it would
  // report "no such dataset" instead of the one file to restore.
  for (const f of readdirSync(sourcesDir).sort()) {
    const name = f.replace(/\.csv$/, "");
    if (name === f || existsSync(join(sourcesDir, `${name}.meta.json`)) || (wanted && !wanted.includes(name))) continue;
    const metaFile = rel(join(sourcesDir, `${name}.meta.json`));
    problems.push({
      file: rel(join(sourcesDir, f)),
      expected: `its metadata beside it (${metaFile}: the columns, their types and the provenance)`,
      found: "no such file",
      fix: `restore it from git (\`git checkout -- ${metaFile}\`), or write one as docs/sources.md describes`,
    });
  }
  for (const { meta, csvPath } of listDatasets(sourcesDir).filter((d) => !wanted || wanted.includes(d.meta.name))) {
    const file = rel(csvPath);
    if (!existsSync(csvPath)) {
      problems.push({
        file,
        expected: `the data file of dataset "${meta.name}"`,
        found: "no such file",
        fix: `restore ${file} or remove ${meta.name}.meta.json`,
      });
      continue;
    }
    const bytes = readFileSync(csvPath);
    try {
      const table = readCuratedCsv(file, meta, bytes);
      if ((options.checkChecksums ?? true) && sha256(bytes) !== meta.sha256) {
        checksumProblems.push({
          file,
          line: 1,
          expected: `the SHA-256 recorded in ${meta.name}.meta.json (${meta.sha256.slice(0, 12)}…)`,
          found: `${sha256(bytes).slice(0, 12)}… (the file changed since its metadata was written)`,
          fix: "review the change, then record it with `npm run ccm -- checksums --write`",
        });
      }
      tables.set(meta.name, table);
    } catch (e) {
      if (e instanceof InputError) problems.push(...e.problems);
      else throw e;
    }
  }
  for (const name of wanted ?? []) {
    if (!tables.has(name) && !problems.some((p) => p.file.endsWith(`${name}.csv`))) {
      problems.push({
        file: rel(join(sourcesDir, `${name}.meta.json`)),
        expected: `the dataset "${name}" (its .csv and .meta.json)`,
        found: "no such file",
        fix: `copy sources/${name}.csv and sources/${name}.meta.json there`,
      });
    }
  }
  if (problems.length) throw new InputError([...problems, ...checksumProblems]);

  const states = tables.get("states");
  // A partial build (only some datasets) may leave out the aliases: States then resolve by code and name.
  const aliases =
    tables.get("state_aliases") ?? (wanted && !wanted.includes("state_aliases") ? { rows: [] } : undefined);
  if (!states || !aliases) {
    throw new InputError({
      file: rel(sourcesDir),
      expected: "the datasets states and state_aliases",
      found: [...tables.keys()].join(", ") || "none",
      fix: "restore sources/states.csv and sources/state_aliases.csv with their .meta.json",
    });
  }
  const resolver = new StateResolver(
    aliases.rows.map((r) => ({ alias: r.alias!, iso3: r.iso3! })),
    states.rows.map((r) => ({ iso3: r.iso3!, name: r.name_en! })),
  );
  problems.push(...checkReferences(tables, resolver), ...checksumProblems);
  if (problems.length) throw new InputError(problems);
  return { tables, resolver };
}

/** Foreign keys between curated datasets, and State names that must resolve. */
export function checkReferences(tables: Map<string, CuratedTable>, resolver: StateResolver): InputProblem[] {
  const problems: InputProblem[] = [];
  const keyCache = new Map<string, Set<string>>();
  const keysOf = (dataset: string, column: string) => {
    const id = `${dataset}.${column}`;
    let set = keyCache.get(id);
    if (!set) {
      set = new Set((tables.get(dataset)?.rows ?? []).map((r) => r[column] ?? ""));
      keyCache.set(id, set);
    }
    return set;
  };
  for (const t of tables.values()) {
    for (const col of t.meta.columns) {
      if (!col.references && !col.state) continue;
      // Said once for the column, not once for each of its rows.
      const references = col.references && tables.has(col.references.dataset) ? col.references : undefined;
      if (col.references && !references)
        problems.push({
          file: t.file,
          line: 1,
          column: col.name,
          expected: `a dataset "${col.references.dataset}" to reference`,
          found: "no such dataset",
          fix: `correct "references" in ${t.meta.name}.meta.json, or restore sources/${col.references.dataset}.csv with its .meta.json`,
        });
      t.rows.forEach((row, i) => {
        const v = row[col.name];
        if (v === null || v === undefined) return;
        if (references && !keysOf(references.dataset, references.column).has(v)) {
          const known = [...keysOf(references.dataset, references.column)];
          const hint = known.length <= 12 ? ` (known: ${known.join(", ")})` : "";
          problems.push({
            file: t.file,
            line: t.lines[i],
            column: col.name,
            expected: `a ${references.column} listed in sources/${references.dataset}.csv${hint}`,
            found: show(v),
            fix: `correct the value or add it to sources/${references.dataset}.csv`,
          });
        }
        if (col.state && resolver.resolve(v) === null) {
          problems.push({
            file: t.file,
            line: t.lines[i],
            column: col.name,
            expected: "a State name or ISO3 code known to sources/state_aliases.csv",
            found: `${show(v)}; closest known: ${resolver.suggest(v).join(", ")}`,
            fix: "correct the spelling, or add the new spelling to sources/state_aliases.csv",
          });
        }
      });
    }
  }
  return problems;
}
