// Module hook registered by framework-cache.mjs (see there why): when Node loads one of Framework's modules
// below, work it repeats for every page with the same result goes through a cache.
// - render.js: the per-page rollup bundles of the sidebar's scripts, keyed by everything a bundle can depend on:
//   the client script, the source root, the page's folder (its imports are written relative to it), the minify flag
//   and where the page resolves Framework's search module (the one import of search-init.js).
// - markdown.js: the slug of a heading's text (a pure function of the text; the transliteration behind it builds its
//   regular expressions again on every call), the same few headings on each of 197 State pages.
// A Framework whose module does not have the expected calls is refused with a message, never built without the
// cache silently.
const PATCHES = [
  {
    module: /\/@observablehq\/framework\/dist\/render\.js$/,
    name: "render.js",
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
    module: /\/@observablehq\/framework\/dist\/markdown\.js$/,
    name: "markdown.js",
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
  const patch = PATCHES.find((p) => p.module.test(url));
  if (!patch) return loaded;
  const source = String(loaded.source);
  const calls = source.split(patch.call).length - 1;
  if (calls !== patch.expected)
    throw new Error(
      `scripts/site/framework-cache-hooks.mjs: expected ${patch.expected} of "${patch.call}" in ${url}, found ${calls}; this Framework version differs: update the hook or remove it from scripts/site/build.ts`,
    );
  return { ...loaded, source: `${source.replaceAll(patch.call, patch.cached)}\n${patch.prelude}` };
}
