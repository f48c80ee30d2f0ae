// Preloaded (node --import) into Framework's build by scripts/site/build.ts: Framework 1.13 repeats some work for
// every page it builds with the same result. It bundles and minifies the sidebar's two inline scripts
// (search-init.js and sidebar-init.js) with rollup again for each page: 434 bundles for 6 distinct ones in our 217
// pages. It parses the page's head and footer with jsdom for each page, though ours are the same on every page. It
// slugs each heading's text anew, through a transliteration that builds its regular expressions on every call.
// It looks up where each path's source or loader is, with globs, every time a page or file names it. It builds a
// new jsdom window for every parse of a page's HTML (about nine per page), and parses each body once more for
// its table of contents.
// This registers a module hook (framework-cache-hooks.mjs) that puts these behind a cache, or parses once. The
// built pages are the same bytes. The same hook holds a Framework started ahead of its loaders' outputs until they
// are written (scripts/site/build.ts).
// Plain JavaScript because it must load before any TypeScript loader is registered.
import { register } from "node:module";

register("./framework-cache-hooks.mjs", import.meta.url);
