// Module hook registered by framework-cache.mjs (see there why): when Node loads one of Framework's modules
// below, work it repeats for every page with the same result goes through a cache.
// - render.js: the per-page rollup bundles of the sidebar's scripts, keyed by everything a bundle can depend on:
//   the client script, the source root, the page's folder (its imports are written relative to it), the minify flag
//   and where the page resolves Framework's search module (the one import of search-init.js).
// - render.js: the page's head and footer from its front matter (the site gives every page the same ones,
//   data-loaders/site/frame.ts), each parsed with jsdom to rewrite its links; keyed by the HTML and the page's folder,
//   the links being made relative to it.
// - markdown.js: the slug of a heading's text (a pure function of the text; the transliteration behind it builds its
//   regular expressions again on every call), the same few headings on each of 197 State pages.
// A Framework whose module does not have the expected calls is refused with a message, never built without the
// cache silently.
const PATCHES = [
  {
    module: /\/@observablehq\/framework\/dist\/render\.js$/,
    call: "(await rollupClient(getClientPath(",
    cached: "(await ccmClientOnce(getClientPath(",
    expected: 2,
    prelude: `
const ccmClientBundles = new Map();
function ccmClientOnce(clientPath, root, path, options) {
  const folder = path.slice(0, path.lastIndexOf("/") + 1);
  const key = JSON.stringify([clientPath, root, folder, options.minify ?? false, options.resolveImport("observablehq:search")]);
  let bundle = ccmClientBundles.get(key);
  if (!bundle) ccmClientBundles.set(key, (bundle = rollupClient(clientPath, root, path, options)));
  return bundle;
}
`,
  },
  {
    module: /\/@observablehq\/framework\/dist\/render\.js$/,
    call: "rewriteHtml(head, resolvers)",
    cached: "ccmRewriteOnce(head, resolvers)",
    expected: 1,
    prelude: `
const ccmRewrites = new Map();
function ccmRewriteOnce(fragment, resolvers) {
  const key = JSON.stringify([fragment, resolvers.path.slice(0, resolvers.path.lastIndexOf("/") + 1)]);
  let rewritten = ccmRewrites.get(key);
  if (rewritten === undefined) ccmRewrites.set(key, (rewritten = rewriteHtml(fragment, resolvers)));
  return rewritten;
}
`,
  },
  {
    module: /\/@observablehq\/framework\/dist\/render\.js$/,
    call: "rewriteHtml(footer, resolvers)",
    cached: "ccmRewriteOnce(footer, resolvers)",
    expected: 1,
    prelude: "",
  },
  {
    module: /\/@observablehq\/framework\/dist\/markdown\.js$/,
    call: "{ slugify: (s) => slugify(s) }",
    cached: "{ slugify: (s) => ccmSlugOnce(s) }",
    expected: 1,
    prelude: `
const ccmSlugs = new Map();
function ccmSlugOnce(s) {
  let slug = ccmSlugs.get(s);
  if (slug === undefined) ccmSlugs.set(s, (slug = slugify(s)));
  return slug;
}
`,
  },
];

export async function load(url, context, nextLoad) {
  const loaded = await nextLoad(url, context);
  const patches = PATCHES.filter((p) => p.module.test(url));
  if (!patches.length) return loaded;
  let source = String(loaded.source);
  for (const patch of patches) {
    const calls = source.split(patch.call).length - 1;
    if (calls !== patch.expected)
      throw new Error(
        `scripts/site/framework-cache-hooks.mjs: expected ${patch.expected} of "${patch.call}" in ${url}, found ${calls}; this Framework version differs: update the hook or remove it from scripts/site/build.ts`,
      );
    source = `${source.replaceAll(patch.call, patch.cached)}\n${patch.prelude}`;
  }
  return { ...loaded, source };
}
