// Preloaded (node --import) into Framework's build by scripts/site/build.ts: Framework 1.13 bundles and minifies
// the sidebar's two inline scripts (search-init.js and sidebar-init.js) with rollup again for every page it
// renders, about 35 ms a page, 7–8 s of our 217 pages, for the same few bytes. This registers a module hook
// (framework-client-once-hooks.mjs) that has renderPage's sidebar reuse each script's bundle for pages of the same
// folder, whose imports resolve to the same relative paths. The built pages are the same bytes.
// Plain JavaScript because it must load before any TypeScript loader is registered.
import { register } from "node:module";

register("./framework-client-once-hooks.mjs", import.meta.url);
