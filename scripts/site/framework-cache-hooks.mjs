// Module hook registered by framework-cache.mjs (see there why): when Node loads one of Framework's modules below,
// work it repeats for every page with the same result goes through a cache (ccmOnce), keyed by everything the
// result can depend on.
// - render.js, the sidebar's scripts: the per-page rollup bundle, keyed by the client script, the source root, the
//   page's folder (its imports are written relative to it), the minify flag and where the page resolves Framework's
//   search module (the one import of search-init.js).
// - render.js, the page's head and footer from its front matter (the site gives every page the same ones,
//   data-loaders/site/frame.ts), each parsed with jsdom to rewrite its links: keyed by the HTML and the page's
//   folder, the links being made relative to it.
// - markdown.js, the slug of a heading's text: a pure function of the text (the transliteration behind it builds its
//   regular expressions again on every call), and the same few headings are on each of 197 State pages.
// - route.js, where a path's source or loader file is: Framework looks it up, with a glob of each folder on the way
//   for parameterized names, every time a page or file names the path (3.2 s of its profile). Keyed by the root, the
//   path and the extensions looked for; the source folder does not change during a build (Framework writes into
//   src/.observablehq/cache, which no route reaches), and the preview server, which watches it change, has no hook.
// - html.js, parsing: each parse of a page's HTML (findAssets, rewriteHtml, the table of contents; about nine per
//   page, most of them of the small head and footer) built a whole jsdom window, about 7 ms before any parsing.
//   One window's DOMParser now parses each: the same parser, the same string ("<!DOCTYPE html><body>" + the
//   HTML), scripting off in both. And each HTML is parsed once: findAssets (the load phase, which only reads the
//   document) keeps the document it parsed, and rewriteHtml (the render phase) takes it, the one caller that changes
//   it, so that a later call parses afresh. A page's body was parsed twice, 6.4 s of Framework's 20 s of CPU; the
//   site build now takes 22.4-23.0 s against 26.3 s, the same pages, for 350 MB more at its peak (1.1 GB).
// - render.js, the table of contents (see TOC below).
// - build.js, the start of the build: a Framework started ahead of its loaders' outputs waits for them (WAIT below).
// A Framework whose module does not have the expected calls is refused with a message, never built without the
// cache silently.
const ONCE = `
const ccmCaches = new Map();
function ccmOnce(kind, key, compute) {
  let cache = ccmCaches.get(kind);
  if (!cache) ccmCaches.set(kind, (cache = new Map()));
  const id = JSON.stringify(key);
  if (!cache.has(id)) cache.set(id, compute());
  return cache.get(id);
}
const ccmFolder = (path) => path.slice(0, path.lastIndexOf("/") + 1);
`;

// The table of contents: Framework's render.js parses each page's body again to find its headings (findHeaders),
// after findAssets parsed the same body in the load phase. findAssets now keeps the headings it finds with that
// selector (render.js must still hold the same one), and findHeaders reads them.
const TOC_SELECTOR = "h1:not(:first-of-type)[id], h2:first-child[id], :not(h1) + h2[id]";
const TOC = `
const ccmHeaders = (globalThis.ccmTocHeaders ??= new Map());
const ccmHeadersIn = (document) =>
  Array.from(document.querySelectorAll(${JSON.stringify(TOC_SELECTOR)}), (node) => ({ label: node.textContent, href: \`#\${node.id}\` }));
`;

// build.js, the start of the build: with CCM_FRAMEWORK_WAIT=stdin (scripts/site/build.ts starts Framework while the
// site's loaders still run, so that its own start, about 3 s of loading its modules and the configuration, overlaps
// them), the build waits for "go" on stdin before it reads any page; stdin closed without it stops the build.
const STDIN_GATE = new URL("./stdin-gate.mjs", import.meta.url).href;
const WAIT = `
import { goOnStdin as ccmGoOnStdin } from ${JSON.stringify(STDIN_GATE)};
async function ccmWaitForLoaders() {
  if (process.env.CCM_FRAMEWORK_WAIT !== "stdin") return;
  if (!(await ccmGoOnStdin())) throw new Error("the site's loaders did not finish; Framework's build was not started");
}
`;

const MODULES = [
  {
    module: /\/@observablehq\/framework\/dist\/build\.js$/,
    replace: [
      [
        "  const { root, loaders, title, duckdb } = config;\n  Telemetry.record(",
        "  const { root, loaders, title, duckdb } = config;\n  await ccmWaitForLoaders();\n  Telemetry.record(",
        1,
      ],
    ],
    prelude: WAIT,
  },
  {
    module: /\/@observablehq\/framework\/dist\/render\.js$/,
    replace: [
      ["(await rollupClient(getClientPath(", "(await ccmClientOnce(getClientPath(", 2],
      ["rewriteHtml(head, resolvers)", "ccmRewriteOnce(head, resolvers)", 1],
      ["rewriteHtml(footer, resolvers)", "ccmRewriteOnce(footer, resolvers)", 1],
      [
        `const tocSelector = ${JSON.stringify(TOC_SELECTOR)};`,
        `const tocSelector = ${JSON.stringify(TOC_SELECTOR)};`,
        1,
      ],
      [
        "Array.from(parseHtml(page.body).document.querySelectorAll(tocSelector)).map((node) => ({ label: node.textContent, href: `#${node.id}` }))",
        "(ccmHeaders.get(page.body) ?? ccmHeadersIn(parseHtml(page.body).document))",
        1,
      ],
    ],
    prelude: `${ONCE}${TOC}
const ccmClientOnce = (clientPath, root, path, options) =>
  ccmOnce("client", [clientPath, root, ccmFolder(path), options.minify ?? false, options.resolveImport("observablehq:search")], () =>
    rollupClient(clientPath, root, path, options));
const ccmRewriteOnce = (fragment, resolvers) =>
  ccmOnce("rewrite", [fragment, ccmFolder(resolvers.path)], () => rewriteHtml(fragment, resolvers));
`,
  },
  {
    module: /\/@observablehq\/framework\/dist\/html\.js$/,
    replace: [
      [
        "return new JSDOM(`<!DOCTYPE html><body>${html2}`, { virtualConsole: new VirtualConsole() }).window;",
        'return { document: ccmParser().parseFromString(`<!DOCTYPE html><body>${html2}`, "text/html") };',
        1,
      ],
      [
        "function findAssets(html2, path) {\n  const { document } = parseHtml(html2);\n",
        "function findAssets(html2, path) {\n  const { document } = ccmParseKept(html2);\n  ccmKeepHeaders(html2, document);\n",
        1,
      ],
      [
        "function rewriteHtml(html2, { resolveFile = String, resolveImport = String, resolveScript = String, resolveLink = String }) {\n  const { document } = parseHtml(html2);\n",
        "function rewriteHtml(html2, { resolveFile = String, resolveImport = String, resolveScript = String, resolveLink = String }) {\n  const { document } = ccmTakeKept(html2) ?? parseHtml(html2);\n",
        1,
      ],
    ],
    prelude: `${TOC}
let ccmDomParser;
const ccmParser = () => (ccmDomParser ??= new (new JSDOM("", { virtualConsole: new VirtualConsole() }).window.DOMParser)());
const ccmKeepHeaders = (html, document) => {
  if (!ccmHeaders.has(html)) ccmHeaders.set(html, ccmHeadersIn(document));
};
const ccmKept = new Map();
const ccmParseKept = (html) => {
  let document = ccmKept.get(html);
  if (!document) ccmKept.set(html, (document = parseHtml(html).document));
  return { document };
};
const ccmTakeKept = (html) => {
  const document = ccmKept.get(html);
  if (!document) return null;
  ccmKept.delete(html);
  return { document };
};
`,
  },
  {
    module: /\/@observablehq\/framework\/dist\/route\.js$/,
    replace: [
      [
        'return routeParams(root, ".", join(".", path).split("/"), exts);',
        'return ccmOnce("route", [root, path, exts], () => routeParams(root, ".", join(".", path).split("/"), exts));',
        1,
      ],
    ],
    prelude: ONCE,
  },
  {
    module: /\/@observablehq\/framework\/dist\/markdown\.js$/,
    replace: [["{ slugify: (s) => slugify(s) }", '{ slugify: (s) => ccmOnce("slug", s, () => slugify(s)) }', 1]],
    prelude: ONCE,
  },
];

export async function load(url, context, nextLoad) {
  const loaded = await nextLoad(url, context);
  const patch = MODULES.find((m) => m.module.test(url));
  if (!patch) return loaded;
  let source = String(loaded.source);
  for (const [call, cached, expected] of patch.replace) {
    const found = source.split(call).length - 1;
    if (found !== expected)
      throw new Error(
        `scripts/site/framework-cache-hooks.mjs: expected ${expected} of "${call}" in ${url}, found ${found}; this Framework version differs: update the hook or remove it from scripts/site/build.ts`,
      );
    source = source.replaceAll(call, cached);
  }
  return { ...loaded, source: `${source}\n${patch.prelude}` };
}
