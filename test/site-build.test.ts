/**
 * The parts of the site build that must not lie: Framework log lines that mean failure, checks of the built
 * folder (off-host resources, DuckDB-Wasm outside the SQL page, missing pages), the tar archive the tables
 * loader writes (read back by the system's tar), and the npm cache filled from node_modules.
 */
import { execFileSync } from "node:child_process";
import {
  copyFileSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  symlinkSync,
  writeFileSync,
} from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { DuckDBInstance } from "@duckdb/node-api";
import { afterAll, describe, expect, it } from "vitest";
import { buildSite, runFramework } from "../scripts/site/build.ts";
import { buildLogProblems, checkBuiltSite } from "../scripts/site/build-checks.ts";
import { frameworkOnlyPackages, NPM_CACHE, PACKAGES, packageVersion } from "../scripts/site/npm-cache.ts";
import { builtDbPath } from "./helpers/db.ts";
import { ROOT, builtSiteDir, builtOutputs } from "./helpers/site.ts";
import { tarArchive } from "../data-loaders/site/tar.ts";
import { collectLoaders, copyTable, publishedTables, withSiteDatabase } from "../data-loaders/site/site-db.ts";
import { stageKey } from "../data-loaders/lib/stamps.ts";
import { withSiteFrame } from "../data-loaders/site/frame.ts";
import { loaderFiles, writeLoaderOutput } from "../scripts/site/prerender.ts";
import { htmlFiles } from "../scripts/site/page-template.ts";
import { load as frameworkCacheLoad } from "../scripts/site/framework-cache-hooks.mjs";

// The site and the briefings are built while the database-only test files run: wait for them (global-setup.ts).
await builtOutputs();

const dirs: string[] = [];
const tempDir = () => {
  const d = mkdtempSync(join(tmpdir(), "ccm-site-build-"));
  dirs.push(d);
  return d;
};
afterAll(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));

describe("Framework log lines that fail the build", () => {
  // Lines as Framework 1.13.4 prints them (colours off).
  it.each([
    ["load /data/votes.json → [missing] error in 1692ms: loader exited with code 1", "a data loader failed"],
    ["copy src/data/x.json → load /data/x.json → [using stale] ", "stale loader output was used"],
    [
      "npm:react-dom@latest → OFFLINE-GUARD: refused network request to https://registry.npmjs.org/react-dom/latest",
      "tried to reach the network",
    ],
    ["Error: unable to fetch: https://cdn.jsdelivr.net/npm/d3@7.9.0/+esm", "an import could not be resolved offline"],
    ["Warning: 3 broken links (414 validated)", "pages link to missing pages or anchors"],
    ["Error: loader skipped due to recent error", "a data loader was skipped after an error"],
  ])("%s", (line, why) => {
    expect(buildLogProblems(`load /index in 12ms\n${line}\nbuilt 3 pages in src\n`)).toEqual([
      expect.stringContaining(why),
    ]);
  });

  it("a failed loader's own error is in the problem, not only Framework's exit line", () => {
    const log =
      'load /index load /index.md → [missing] index.md: Catalog Error: Table with name cycle_trends does not exist!\nDid you mean "cycles"?\n\nerror in 8074ms: loader exited with code 1\n';
    expect(buildLogProblems(log)).toEqual([
      'a data loader failed: index.md: Catalog Error: Table with name cycle_trends does not exist! Did you mean "cycles"? (error in 8074ms: loader exited with code 1)',
    ]);
  });

  it("a clean log has no problems", () => {
    const log =
      "load /index in 1186ms\ncopy src/data/cycles.json → load /data/cycles.json → [missing] cycles.json: 312 bytes\nsuccess 312 B in 1.2s\n217 links validated\n";
    expect(buildLogProblems(log)).toEqual([]);
  });
});

describe("checks of the built folder", () => {
  const routes = { pillars: [{ code: "A", name: "Guiding principles" }], states: ["NOR"] };
  const site = (extra: Record<string, string> = {}) => {
    const dir = tempDir();
    const files: Record<string, string> = {
      "index.html": '<link rel="stylesheet" href="./_import/style.css"><a href="https://treaties.un.org/">UNTC</a>',
      "indicators.html": "",
      "universalization.html": "",
      "states/index.html": "",
      "states/NOR.html": "",
      "findings.html": "",
      "data-quality.html": "",
      "briefings.html": "",
      "downloads.html": "",
      "sql.html": '<link rel="modulepreload" href="./_npm/@duckdb/duckdb-wasm@1.32.0/_esm.js">',
      "pillars/A.html": "",
      ...extra,
    };
    for (const [name, text] of Object.entries(files)) {
      mkdirSync(join(dir, name, ".."), { recursive: true });
      writeFileSync(join(dir, name), text);
    }
    return dir;
  };

  it("accepts a complete site whose only external URLs are links", () => {
    expect(checkBuiltSite(site(), routes)).toEqual([]);
  });

  it("rejects a stylesheet from a CDN, DuckDB-Wasm outside the SQL page, and a missing State page", () => {
    const dir = site({
      "downloads.html": '<link rel="stylesheet" href="https://fonts.googleapis.com/css2?family=Source+Serif+4">',
      "index.html": '<script type="module" src="./_npm/@duckdb/duckdb-wasm@1.32.0/_esm.js"></script>',
    });
    rmSync(join(dir, "states", "NOR.html"));
    const problems = checkBuiltSite(dir, routes);
    expect(problems).toEqual(
      expect.arrayContaining([
        expect.stringContaining("page missing from the build: states/NOR.html"),
        expect.stringContaining('downloads.html loads from another host: href="https://fonts.googleapis.com'),
        expect.stringContaining("index.html references DuckDB-Wasm"),
      ]),
    );
    expect(problems).toHaveLength(3);
  });

  it("rejects a CSS @import from another host", () => {
    const dir = site({ "_import/style.css": '@import url("https://fonts.googleapis.com/css2?family=Inter");' });
    expect(checkBuiltSite(dir, routes)).toEqual([expect.stringContaining("loads from another host")]);
  });
});

describe("tables.tar", () => {
  it("holds the same bytes when made twice from the same database: each download's rows in one order", async () => {
    // Two connections, as two builds: a view without an order of its own (consistency_issues, unga_sp_majority)
    // gave its rows in another order each time before the downloads were ordered by every column.
    const downloads = async () =>
      withSiteDatabase(async (db) => {
        const out = new Map<string, string>();
        for (const t of await publishedTables(db)) out.set(t.name, (await copyTable(db, t.name, "csv")).toString());
        return out;
      }, builtDbPath());
    const [first, second] = [await downloads(), await downloads()];
    expect(first.size).toBeGreaterThan(100);
    expect([...first].filter(([name, csv]) => second.get(name) !== csv).map(([name]) => name)).toEqual([]);
  }, 60_000);

  it("is read back entry by entry by the system's tar", () => {
    const dir = tempDir();
    const csv = Buffer.from("iso3,name\nNOR,Norway\n");
    const big = Buffer.alloc(1500, 7);
    writeFileSync(
      join(dir, "t.tar"),
      tarArchive([
        { name: "states.csv", bytes: csv },
        { name: "votes.arrow", bytes: big },
      ]),
    );
    expect(
      execFileSync("tar", ["-tf", join(dir, "t.tar")], { encoding: "utf8" })
        .trim()
        .split("\n"),
    ).toEqual(["states.csv", "votes.arrow"]);
    execFileSync("tar", ["-xf", join(dir, "t.tar"), "-C", dir]);
    expect(readFileSync(join(dir, "states.csv"))).toEqual(csv);
    expect(readFileSync(join(dir, "votes.arrow"))).toEqual(big);
  });

  it("refuses names that do not fit a ustar header", () => {
    expect(() => tarArchive([{ name: `${"x".repeat(101)}.csv`, bytes: Buffer.alloc(1) }])).toThrow(
      /longer than 100 bytes/,
    );
  });
});

describe("the prerender's outputs, where Framework finds them", () => {
  const frame = {
    head: '<meta name="color-scheme" content="light">',
    footer: 'See <a href="/downloads">Downloads</a>.',
  };

  it("writes an archive loader's tar and each of its files where Framework keeps it extracted, the same bytes", () => {
    const cache = tempDir();
    const files = [
      { name: "states.csv", bytes: Buffer.from("iso3,name\nNOR,Norway\n") },
      { name: "votes.arrow", bytes: Buffer.alloc(1500, 7) },
    ];
    writeLoaderOutput("data/tables.tar", { files }, frame, cache);
    const out = tempDir();
    execFileSync("tar", ["-xf", join(cache, "data", "tables.tar"), "-C", out]);
    for (const f of files) {
      expect(readFileSync(join(cache, "data", "tables", f.name))).toEqual(f.bytes);
      expect(readFileSync(join(out, f.name))).toEqual(f.bytes);
    }
    expect(() => writeLoaderOutput("data/tables.zip", { files }, frame, cache)).toThrow(/must end in \.tar/);
  });

  it("gives a page the site's head and footer in its front matter, keeping a footer of its own", () => {
    const cache = tempDir();
    writeLoaderOutput("states/NOR.md", '---\ntitle: "Norway"\n---\n\n# Norway\n', frame, cache);
    expect(readFileSync(join(cache, "states", "NOR.md"), "utf8")).toBe(
      `---\ntitle: "Norway"\nhead: ${JSON.stringify(frame.head)}\nfooter: ${JSON.stringify(frame.footer)}\n---\n\n# Norway\n`,
    );
    const own = '---\ntitle: "A"\nfooter: "Values from the 14MSP report."\n---\n\n# A\n';
    expect(withSiteFrame(own, frame)).toBe(
      `---\ntitle: "A"\nfooter: "Values from the 14MSP report."\nhead: ${JSON.stringify(frame.head)}\n---\n\n# A\n`,
    );
    expect(withSiteFrame("# No front matter\n", frame)).toBe(
      `---\nhead: ${JSON.stringify(frame.head)}\nfooter: ${JSON.stringify(frame.footer)}\n---\n\n# No front matter\n`,
    );
    // Data files are written as they are.
    writeLoaderOutput("data/x.json", '{"a":1}', frame, cache);
    expect(readFileSync(join(cache, "data", "x.json"), "utf8")).toBe('{"a":1}');
  });

  it("the built pages carry the site's head and footer, as Framework renders them from front matter", () => {
    const dir = builtSiteDir();
    const state = readFileSync(join(dir, "states", "NOR.html"), "utf8");
    const head = state.slice(0, state.indexOf("</head>"));
    expect(head).toContain('<meta name="color-scheme" content="light">');
    // Its scripts: see "the way to the first paint" below.
    // The footer's link made relative to the page, as Framework does for the configuration's footer.
    expect(state).toMatch(/<footer id="observablehq-footer">[\s\S]*<a href="\.\.\/downloads">Downloads<\/a>/);
  });
});

describe("the way to the first paint", () => {
  it("no page has a classic script in <head>; the table tools, the print handler among them, end <body>", () => {
    // A classic script in <head> waits for the stylesheet and holds up the parser and the first paint with it
    // (module scripts are deferred): a one-line print handler there took a chart page's first paint from 72 to 150 ms.
    const pages = htmlFiles(builtSiteDir());
    expect(pages.length).toBeGreaterThan(200);
    const blocking = pages.flatMap((file) => {
      const html = readFileSync(file, "utf8");
      const head = html.slice(0, html.indexOf("</head>"));
      return (head.match(/<script(?![^>]*type="module")[^>]*>/g) ?? []).map((tag) => `${file}: ${tag}`);
    });
    expect(blocking).toEqual([]);
    const state = readFileSync(join(builtSiteDir(), "states", "NOR.html"), "utf8");
    expect(state).toMatch(
      /<script>\/\/ Sorting and filtering[\s\S]*addEventListener\("beforeprint"[\s\S]*<\/script>\n<\/body>/,
    );
  });
});

describe("what Framework repeats for every page, cached: sidebar scripts, head and footer, slugs, source lookups", () => {
  const given = (source: string) => async () => ({ format: "module", source });
  const moduleUrl = (name: string) =>
    pathToFileURL(join(ROOT, "node_modules", "@observablehq", "framework", "dist", name)).href;
  /** One of the installed Framework's modules as the hook rewrites it. */
  const hooked = async (name: string) =>
    (await frameworkCacheLoad(moduleUrl(name), {}, given(readFileSync(new URL(moduleUrl(name)), "utf8")))).source;

  it("routes both of render.js's per-page bundles of the installed Framework through the cache", async () => {
    const source = await hooked("render.js");
    expect(source).not.toContain("(await rollupClient(getClientPath(");
    expect(source.match(/\(await ccmClientOnce\(getClientPath\("(search|sidebar)-init\.js"\)/g)).toHaveLength(2);
    // Keyed by the page's folder and its resolution of the search module, which the bundles' imports depend on.
    expect(source).toContain('options.resolveImport("observablehq:search")');
    // The head and the footer: rewritten once a folder, their links being relative to it.
    expect(source).not.toMatch(/rewriteHtml\((head|footer), resolvers\)\)/);
    expect(source).toContain("html.unsafe(ccmRewriteOnce(head, resolvers))");
    expect(source).toContain("html.unsafe(ccmRewriteOnce(footer, resolvers))");
  });

  it("slugs each heading once through the installed Framework's own slugify", async () => {
    expect(await hooked("markdown.js")).toContain(
      'md.use(MarkdownItAnchor, { slugify: (s) => ccmOnce("slug", s, () => slugify(s)) });',
    );
  });

  it("finds each path's source once through the installed Framework's own route", async () => {
    expect(await hooked("route.js")).toContain('return ccmOnce("route", [root, path, exts], () => routeParams(');
  });

  it("parses in one jsdom window, each body once for findAssets and rewriteHtml, with the same results as the installed html.js, and keeps each body's headings for the table of contents", async () => {
    // The hooked module beside the installed one, so that its own imports resolve as Framework's do.
    const copy = join(ROOT, "node_modules", "@observablehq", "framework", "dist", `ccm-test-html-${process.pid}.js`);
    writeFileSync(copy, await hooked("html.js"));
    try {
      interface Html {
        findAssets(html: string, path: string): unknown;
        rewriteHtml(html: string, resolvers: object): string;
        parseHtml(html: string): { document: Document };
      }
      const installed = (await import(moduleUrl("html.js"))) as Html;
      const parsedOnce = (await import(pathToFileURL(copy).href)) as Html;
      const page = readFileSync(join(builtSiteDir(), "states", "NOR.html"), "utf8");
      const bodies = [
        page.slice(page.indexOf("<main"), page.indexOf("</main>") + 7),
        '<h1 id="a">A</h1><h2 id="b">B <code>x</code></h2><p>Text</p><h2 id="c">C</h2><a href="../data/x.csv" download>x</a>' +
          '<img srcset="a.png 1x, b.png 2x"><script type="module" src="./c.js"></script><a href="https://example.org">e</a>' +
          '<pre><code class="language-sql">SELECT 1</code></pre><!--:0123abcd:--><link rel="stylesheet" href="s.css">',
        "<meta charset=utf-8><title>t</title><table><tr><td>cell</table>",
      ];
      const toc = "h1:not(:first-of-type)[id], h2:first-child[id], :not(h1) + h2[id]";
      for (const body of bodies) {
        expect(parsedOnce.findAssets(body, "states/NOR")).toEqual(installed.findAssets(body, "states/NOR"));
        const resolvers = { resolveFile: (s: string) => `F(${s})`, resolveLink: (s: string) => `L(${s})` };
        // rewriteHtml takes the document findAssets parsed (and changes it); called again, it parses afresh.
        expect(parsedOnce.rewriteHtml(body, resolvers)).toBe(installed.rewriteHtml(body, resolvers));
        expect(parsedOnce.rewriteHtml(body, resolvers)).toBe(installed.rewriteHtml(body, resolvers));
        const headings = Array.from(installed.parseHtml(body).document.querySelectorAll(toc), (n) => ({
          label: n.textContent,
          href: `#${n.id}`,
        }));
        const kept = (globalThis as { ccmTocHeaders?: Map<string, unknown> }).ccmTocHeaders?.get(body);
        expect(kept).toEqual(headings);
      }
    } finally {
      rmSync(copy, { force: true });
    }
  });

  it("renders the table of contents from the headings findAssets kept, with the installed Framework's selector", async () => {
    const source = await hooked("render.js");
    expect(source).toContain("(ccmHeaders.get(page.body) ?? ccmHeadersIn(parseHtml(page.body).document))");
    expect(source).toContain(
      'const tocSelector = "h1:not(:first-of-type)[id], h2:first-child[id], :not(h1) + h2[id]";',
    );
  });

  it("starts Framework ahead of its loaders' outputs, gated: it reads no page until told to go, and stopped it builds nothing", async () => {
    expect(await hooked("build.js")).toContain(
      "const { root, loaders, title, duckdb } = config;\n  await ccmWaitForLoaders();\n  Telemetry.record(",
    );
    const out = join(tempDir(), "site");
    // The configuration lists the State pages from the database: this run's, as the site build hands it (a clean
    // clone has no data/ccm.duckdb when the tests build their own).
    const { code, log } = await runFramework(out, {
      quiet: true,
      gate: Promise.resolve(false),
      env: { CCM_DB: builtDbPath() },
    });
    expect(code).not.toBe(0);
    expect(log).toContain("the site's loaders did not finish; Framework's build was not started");
    expect(log).not.toMatch(/^load \//m);
    expect(existsSync(out)).toBe(false);
  });

  it("refuses a Framework whose render.js has other calls, naming the hook to update, and leaves other modules alone", async () => {
    await expect(frameworkCacheLoad(moduleUrl("render.js"), {}, given("export const x = 1;"))).rejects.toThrow(
      /framework-cache-hooks\.mjs: expected 2 of "\(await rollupClient\(getClientPath\(" in .*render\.js, found 0/,
    );
    const other = await frameworkCacheLoad("file:///x/other.js", {}, given("(await rollupClient(getClientPath(1)))"));
    expect(other.source).toBe("(await rollupClient(getClientPath(1)))");
  });

  it("the built pages of one folder carry the same sidebar scripts, resolved relative to each page", () => {
    const dir = builtSiteDir();
    const scripts = (page: string) =>
      [...readFileSync(join(dir, page), "utf8").matchAll(/<script>\{([\s\S]*?)\}<\/script>/g)].map((m) => m[1]);
    const nor = scripts("states/NOR.html");
    expect(nor).toHaveLength(2);
    expect(scripts("states/LTU.html")).toEqual(nor);
    expect(nor.join("")).toMatch(/import\("\.\.\/_observablehq\/search\.[0-9a-f]+\.js"\)/);
    expect(scripts("index.html").join("")).toMatch(/import\("\.\/_observablehq\/search\.[0-9a-f]+\.js"\)/);
  });
});

describe("npm cache from node_modules", () => {
  it("bundles the installed version of every library the pages use", () => {
    const names = PACKAGES.map((p) => p.name);
    expect(names).toEqual(expect.arrayContaining(["d3", "htl", "vega-embed", "@duckdb/duckdb-wasm", "apache-arrow"]));
    // Plot and topojson-client: no page imports them since every chart is Vega-Lite.
    expect(names).not.toContain("@observablehq/plot");
    expect(names).not.toContain("topojson-client");
    const installed = JSON.parse(readFileSync(join(import.meta.dirname, "..", "package.json"), "utf8")) as {
      dependencies: Record<string, string>;
    };
    for (const name of names.filter((n) => n in installed.dependencies))
      expect(packageVersion(name)).toBe(installed.dependencies[name]);
  });

  it("answers Framework's client-only packages with placeholders, never the ones the site uses", () => {
    const placeholders = frameworkOnlyPackages();
    expect(placeholders).toEqual(
      expect.arrayContaining([
        "react-dom",
        "lodash",
        "@observablehq/sample-datasets",
        "@observablehq/plot",
        "topojson-client",
      ]),
    );
    for (const used of PACKAGES.map((p) => p.name)) expect(placeholders).not.toContain(used);
  });
});

describe("a failing build leaves dist/ as it was", () => {
  // The real build wrapper (buildSite) and the real overview page loader, on a site of that one page, so that the
  // failure comes in seconds rather than after the whole site's build.
  it("a loader that fails (a view it reads is missing) fails the build with its reason; the previous site stays", async () => {
    const dir = tempDir();
    const broken = join(dir, "ccm.duckdb");
    copyFileSync(builtDbPath(), broken);
    const instance = await DuckDBInstance.create(broken);
    const conn = await instance.connect();
    // The mart of the tallies, which the overview reads (sql/site/cycle_trends.sql).
    await conn.run("DROP VIEW tallies");
    conn.closeSync();
    instance.closeSync();
    const dist = join(dir, "dist");
    mkdirSync(dist);
    writeFileSync(join(dist, "index.html"), "the previous site\n");
    const site = overviewOnlySite();
    try {
      await expect(buildSite({ dist, dbPath: broken, config: site.config, quiet: true })).rejects.toThrow(
        /site build failed; .*dist left unchanged:[\s\S]*a data loader failed: index\.md: .*tallies does not exist/,
      );
    } finally {
      site.remove();
    }
    expect(readdirSync(dist)).toEqual(["index.html"]);
    expect(readFileSync(join(dist, "index.html"), "utf8")).toBe("the previous site\n");
    expect(readdirSync(dir).filter((f) => f.endsWith(".tmp"))).toEqual([]);
  });
});

describe("the briefings written beside the site's loaders (npm run build)", () => {
  it("the loaders that read briefings/ say so, and only they: the prerender runs them once the briefings are written", async () => {
    const registry = collectLoaders();
    const reading: string[] = [];
    const marked: string[] = [];
    for (const file of loaderFiles()) {
      if (readFileSync(join(ROOT, "src", file), "utf8").includes("CCM_BRIEFINGS_DIR")) reading.push(file);
      const before = new Set(registry.keys());
      await import(pathToFileURL(join(ROOT, "src", file)).href);
      const added = [...registry.keys()].filter((k) => !before.has(k));
      expect(added, file).toHaveLength(1);
      if (registry.get(added[0]!)!.readsBriefings) marked.push(file);
    }
    expect(reading).toEqual(["briefings.md.ts", "data/briefing-files/[cycle].tar.ts"]);
    expect(marked).toEqual(reading);
  });

  it("briefings that fail while the site builds: the site is not swapped in, and the message says why", async () => {
    const dir = tempDir();
    const dist = join(dir, "dist");
    mkdirSync(dist);
    writeFileSync(join(dist, "index.html"), "the previous site\n");
    const site = overviewOnlySite();
    try {
      const key = stageKey("briefings", { database: builtDbPath() });
      await expect(
        buildSite({
          dist,
          config: site.config,
          quiet: true,
          briefingsPending: { key, written: Promise.resolve(false) },
        }),
      ).rejects.toThrow(/site build stopped; .*dist left unchanged: the briefings were not written/);
    } finally {
      site.remove();
    }
    expect(readdirSync(dist)).toEqual(["index.html"]);
    expect(readdirSync(dir).filter((f) => f.endsWith(".tmp"))).toEqual([]);
  });
});

/** A Framework root with the real overview page loader and style sheet only, and its configuration. */
function overviewOnlySite(): { config: string; remove: () => void } {
  const name = `.overview-site-${process.pid}.tmp`;
  const root = join(ROOT, name);
  const remove = () => rmSync(root, { recursive: true, force: true });
  remove();
  mkdirSync(join(root, ".observablehq", "cache"), { recursive: true });
  symlinkSync(join(ROOT, "src", "index.md.ts"), join(root, "index.md.ts"));
  symlinkSync(join(ROOT, "src", "style.css"), join(root, "style.css"));
  // The npm cache buildSite fills from node_modules: the build stays offline.
  symlinkSync(NPM_CACHE, join(root, ".observablehq", "cache", "_npm"));
  const config = join(root, "observablehq.config.ts");
  writeFileSync(
    config,
    `import base from "../observablehq.config.ts";\nexport default { ...base, root: ${JSON.stringify(name)}, search: false, pages: [{ name: "Overview", path: "/" }], dynamicPaths: [] };\n`,
  );
  return { config, remove };
}
