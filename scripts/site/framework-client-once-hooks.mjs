// Module hook registered by framework-client-once.mjs (see there why): when Node loads Framework's render.js, its
// per-page calls of rollupClient in renderSidebar go through a cache keyed by everything the bundle can depend on:
// the client script, the source root, the page's folder (its imports are written relative to it), the minify
// flag and where the page resolves Framework's search module (the one import of search-init.js). A Framework whose
// render.js does not have the expected calls is refused with a message, never built without the cache silently.
const RENDER = /\/@observablehq\/framework\/dist\/render\.js$/;
const CALL = "(await rollupClient(getClientPath(";
const EXPECTED_CALLS = 2;

const PRELUDE = `
const ccmClientBundles = new Map();
function ccmClientOnce(clientPath, root, path, options) {
  const folder = path.slice(0, path.lastIndexOf("/") + 1);
  const key = JSON.stringify([clientPath, root, folder, options.minify ?? false, options.resolveImport("observablehq:search")]);
  let bundle = ccmClientBundles.get(key);
  if (!bundle) ccmClientBundles.set(key, (bundle = rollupClient(clientPath, root, path, options)));
  return bundle;
}
`;

export async function load(url, context, nextLoad) {
  const loaded = await nextLoad(url, context);
  if (!RENDER.test(url)) return loaded;
  const source = String(loaded.source);
  const calls = source.split(CALL).length - 1;
  if (calls !== EXPECTED_CALLS)
    throw new Error(
      `scripts/site/framework-client-once-hooks.mjs: expected ${EXPECTED_CALLS} calls of rollupClient in ${url}, found ${calls}; this Framework version renders its sidebar differently: update the hook or remove it from scripts/site/build.ts`,
    );
  return {
    ...loaded,
    source: `${source.replaceAll(CALL, "(await ccmClientOnce(getClientPath(")}\n${PRELUDE}`,
  };
}
