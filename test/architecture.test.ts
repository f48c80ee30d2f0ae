/**
 * The shape of the code: the import graph has no circles, the ingest steps and the commands are explicit lists
 * that cover their folders, and the site's data layer lives beside the other stages (scripts/ is build tooling).
 */
import { readdirSync, readFileSync, statSync } from "node:fs";
import { dirname, join, relative, resolve } from "node:path";
import { describe, expect, it } from "vitest";
import { COMMANDS } from "../data-loaders/commands/index.ts";
import { STEPS } from "../data-loaders/steps/index.ts";

const ROOT = join(import.meta.dirname, "..");
const CODE = /\.(ts|js|mjs)$/;

function filesUnder(dir: string): string[] {
  return readdirSync(join(ROOT, dir)).flatMap((name) => {
    const path = join(dir, name);
    if (name === "node_modules" || name.startsWith(".")) return [];
    if (statSync(join(ROOT, path)).isDirectory()) return filesUnder(path);
    return CODE.test(name) ? [path] : [];
  });
}

/** Relative imports of a module (static, re-exports and dynamic), as paths from the repository root. */
function importsOf(file: string): string[] {
  const text = readFileSync(join(ROOT, file), "utf8");
  const specs = [...text.matchAll(/(?:\bfrom\s*|\bimport\s*\(\s*|^\s*import\s+)["'](\.{1,2}\/[^"']+)["']/gm)].map(
    (m) => m[1]!,
  );
  return specs.map((s) => relative(ROOT, resolve(ROOT, dirname(file), s)));
}

/** Strongly connected components with more than one module, or a module importing itself (Tarjan). */
function circles(graph: Map<string, string[]>): string[][] {
  let index = 0;
  const stack: string[] = [];
  const on = new Set<string>();
  const idx = new Map<string, number>();
  const low = new Map<string, number>();
  const found: string[][] = [];
  const visit = (v: string) => {
    idx.set(v, index);
    low.set(v, index++);
    stack.push(v);
    on.add(v);
    for (const w of graph.get(v) ?? []) {
      if (!graph.has(w)) continue;
      if (!idx.has(w)) {
        visit(w);
        low.set(v, Math.min(low.get(v)!, low.get(w)!));
      } else if (on.has(w)) low.set(v, Math.min(low.get(v)!, idx.get(w)!));
    }
    if (low.get(v) === idx.get(v)) {
      const component: string[] = [];
      let w: string;
      do {
        w = stack.pop()!;
        on.delete(w);
        component.push(w);
      } while (w !== v);
      if (component.length > 1 || (graph.get(v) ?? []).includes(v)) found.push(component.sort());
    }
  };
  for (const v of graph.keys()) if (!idx.has(v)) visit(v);
  return found;
}

const MODULES = ["data-loaders", "src", "scripts", "bench", "test"]
  .flatMap(filesUnder)
  .filter((f) => !f.startsWith("test/fixtures"));

describe("the import graph", () => {
  const graph = new Map(MODULES.map((f) => [f, importsOf(f)]));

  it("reads the modules and their imports", () => {
    expect(graph.size).toBeGreaterThan(100);
    expect(graph.get("data-loaders/pipeline.ts")).toContain("data-loaders/steps/index.ts");
  });

  it("has no circles", () => {
    expect(circles(graph)).toEqual([]);
  });

  it("finds a circle when there is one", () => {
    expect(
      circles(
        new Map([
          ["a", ["b"]],
          ["b", ["c"]],
          ["c", ["a"]],
          ["d", ["a"]],
        ]),
      ),
    ).toEqual([["a", "b", "c"]]);
  });

  it("keeps the site's data layer out of scripts/: pages and loaders import data-loaders/, never scripts/", () => {
    const intoScripts = MODULES.filter((f) => f.startsWith("src/") || f.startsWith("data-loaders/")).flatMap((f) =>
      graph
        .get(f)!
        .filter((i) => i.startsWith("scripts/"))
        .map((i) => `${f} → ${i}`),
    );
    expect(intoScripts).toEqual([]);
    expect(existsIn("scripts/site", "site-db.ts")).toBe(false);
  });

  it("runs one way: the pipeline never imports the site, and the presentation module sits below both products", () => {
    const upward = MODULES.filter((f) => f.startsWith("data-loaders/")).flatMap((f) =>
      graph
        .get(f)!
        .filter((i) => i.startsWith("src/"))
        .map((i) => `${f} → ${i}`),
    );
    expect(upward).toEqual([]);
    const presentation = MODULES.filter((f) => f.startsWith("data-loaders/presentation/"));
    expect(presentation).toEqual(
      expect.arrayContaining(["data-loaders/presentation/palette.ts", "data-loaders/presentation/charts.ts"]),
    );
    const above = presentation.flatMap((f) =>
      graph
        .get(f)!
        .filter((i) => !i.startsWith("data-loaders/presentation/") && !i.startsWith("data-loaders/lib/"))
        .map((i) => `${f} → ${i}`),
    );
    expect(above).toEqual([]);
  });
});

function existsIn(dir: string, name: string): boolean {
  return readdirSync(join(ROOT, dir)).includes(name);
}

describe("explicit lists instead of folder scans", () => {
  const modulesOf = (dir: string) =>
    readdirSync(join(ROOT, dir)).filter((f) => f.endsWith(".ts") && f !== "index.ts" && f !== "types.ts");

  it("every module of data-loaders/commands/ is a command of the list, and every command is documented by name", async () => {
    const listed = new Set<unknown>(COMMANDS);
    for (const f of modulesOf("data-loaders/commands")) {
      const mod = (await import(join(ROOT, "data-loaders", "commands", f))) as { command?: unknown };
      expect(listed.has(mod.command), `data-loaders/commands/${f} is not in commands/index.ts`).toBe(true);
    }
    expect(COMMANDS.length).toBe(modulesOf("data-loaders/commands").length);
  });

  it("every module of data-loaders/steps/ is a step of the list", async () => {
    const listed = new Set<unknown>(STEPS);
    for (const f of modulesOf("data-loaders/steps")) {
      const mod = (await import(join(ROOT, "data-loaders", "steps", f))) as { step?: unknown };
      expect(listed.has(mod.step), `data-loaders/steps/${f} is not in steps/index.ts`).toBe(true);
    }
  });
});

describe("the pages arrange and draw; the views compute", () => {
  // The browser code of the site: pages (Markdown with js blocks) and components. Page loaders (*.md.ts) and
  // data loaders run in Node and read views; they are checked by the import graph and the site tests.
  const walk = (dir: string): string[] =>
    readdirSync(join(ROOT, dir)).flatMap((name) => {
      const path = join(dir, name);
      if (name.startsWith(".")) return [];
      if (statSync(join(ROOT, path)).isDirectory()) return walk(path);
      return /\.(md|js)$/.test(name) ? [path] : [];
    });
  const browserCode = walk("src");

  it("reads the pages and components", () => {
    expect(browserCode).toEqual(
      expect.arrayContaining(["src/components/explorers.js", "src/components/table-tools.js"]),
    );
  });

  it("no page or component judges a change by polarity or finds a status by comparing dates with status periods", () => {
    const judging = /higher_is_better|lower_is_better|\bvalid_(?:from|to)\s*[<>]|[<>]=?\s*[\w.?]*\bvalid_(?:from|to)\b/;
    expect(browserCode.filter((f) => judging.test(readFileSync(join(ROOT, f), "utf8")))).toEqual([]);
    expect(judging.test("if (p.valid_from <= date && date < p.valid_to)")).toBe(true);
  });
});
