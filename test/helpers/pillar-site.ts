/**
 * The overview and pillar pages built by Framework from another database (e.g. the annual test's, with a second report), with the
 * project's configuration, page template fixes and page loader, into a temporary folder: the browser tests of
 * what a second report changes on a page, without rebuilding the whole site. Other pages of src/ (e.g.
 * "data-quality") can be built beside them, with the data loaders and components they read. Framework's loader cache of this
 * build is its own (under its temporary root), so it cannot leak into the real site's.
 */
import { existsSync, mkdirSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { delimiter, join } from "node:path";
import { runFramework } from "../../scripts/site/build.ts";
import { fillNpmCache, NPM_CACHE } from "../../scripts/site/npm-cache.ts";
import { fixBuiltPages } from "../../scripts/site/page-template.ts";
import { ROOT } from "./site.ts";

export interface PillarSite {
  /** The built folder, to serve. */
  readonly dir: string;
  remove(): void;
}

export async function buildPillarPages(
  dbPath: string,
  codes: string[],
  otherPages: string[] = [],
): Promise<PillarSite> {
  const name = `.pillar-site-${process.pid}.tmp`;
  const root = join(ROOT, name);
  const dir = join(ROOT, `.pillar-dist-${process.pid}.tmp`);
  const remove = () => [root, dir].forEach((d) => rmSync(d, { recursive: true, force: true }));
  remove();
  mkdirSync(join(root, "pillars"), { recursive: true });
  // The real page loader and style sheet (the loader's imports resolve from its real place).
  symlinkSync(join(ROOT, "src", "pillars", "[pillar].md.ts"), join(root, "pillars", "[pillar].md.ts"));
  symlinkSync(join(ROOT, "src", "style.css"), join(root, "style.css"));
  // The overview too: the served folder needs its home page.
  symlinkSync(join(ROOT, "src", "index.md.ts"), join(root, "index.md.ts"));
  // Other Markdown pages, with the loaders and components they may read (Framework runs only those they use).
  // (a Markdown page, or a page loader such as data-quality.md.ts).
  for (const page of otherPages) {
    const file = existsSync(join(ROOT, "src", `${page}.md`)) ? `${page}.md` : `${page}.md.ts`;
    symlinkSync(join(ROOT, "src", file), join(root, file));
  }
  if (otherPages.length)
    for (const folder of ["data", "components"]) symlinkSync(join(ROOT, "src", folder), join(root, folder));
  // Framework's npm cache, filled from node_modules as the site build does: the build stays offline.
  await fillNpmCache(() => {});
  mkdirSync(join(root, ".observablehq", "cache"), { recursive: true });
  symlinkSync(NPM_CACHE, join(root, ".observablehq", "cache", "_npm"));
  const config = join(root, "observablehq.config.ts");
  const paths = codes.map((c) => `/pillars/${c}`);
  const pages = [
    { name: "Overview", path: "/" },
    { name: "Pillars", pages: paths.map((path) => ({ name: path, path })) },
    ...otherPages.map((page) => ({ name: page, path: `/${page}` })),
  ];
  writeFileSync(
    config,
    `import base from "../observablehq.config.ts";\nexport default { ...base, root: ${JSON.stringify(name)}, search: false, pages: ${JSON.stringify(pages)}, dynamicPaths: ${JSON.stringify(paths)} };\n`,
  );
  try {
    const { code, log } = await runFramework(dir, {
      config,
      env: { CCM_DB: dbPath, PATH: `${join(ROOT, "node_modules", ".bin")}${delimiter}${process.env.PATH ?? ""}` },
      quiet: true,
    });
    if (code !== 0 || /\berror\b/i.test(log)) throw new Error(`the pillar pages' build failed:\n${log}`);
    fixBuiltPages(dir);
  } catch (e) {
    remove();
    throw e;
  }
  return { dir, remove };
}
