/**
 * Framework 1.13 writes three accessibility faults into every page's template and has no option to change them:
 * no `lang` on <html> (WCAG 3.1.1), a viewport that forbids zooming (`maximum-scale=1`, WCAG 1.4.4), and a
 * <label> as a direct child of the sidebar's <ol> (invalid list markup, WCAG 1.3.1). The build rewrites each
 * built page; a template that no longer matches fails the build instead of shipping silently.
 *
 * It also clears the way to the first paint (inlineCriticalPath): the site's one stylesheet (~30 KB, 7 KB gzip,
 * only data: URLs inside) goes into the page's <head> instead of a request that blocks rendering, and the inline
 * script of the table tools moves from <head> to the end of <body>, where it no longer holds up the parser.
 */
import { readdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { dirname, join, relative, resolve } from "node:path";

/** The site's language; a page under a listed folder (e.g. "fr/") gets that folder's language instead. */
export const SITE_LANGUAGE = { default: "en", byFolder: {} as Record<string, string> };

export function pageLanguage(page: string, languages = SITE_LANGUAGE): string {
  const folder = Object.keys(languages.byFolder).find((f) => page.startsWith(f.endsWith("/") ? f : `${f}/`));
  return folder ? languages.byFolder[folder]! : languages.default;
}

const HTML_TAG = /<html>/;
const VIEWPORT = /<meta name="viewport" content="width=device-width, initial-scale=1, maximum-scale=1">/;
// The close button of the sidebar (shown on narrow screens) sits inside the first list; it moves just after it.
const SIDEBAR_CLOSE =
  /(<nav id="observablehq-sidebar">\s*<ol>)\s*(<label id="observablehq-sidebar-close"[^>]*><\/label>)([\s\S]*?<\/ol>)/;

const SEARCH_INPUT = /<input type="search" placeholder="Search">/;

/** One page's HTML with the three faults fixed; throws when Framework's template is not the one expected. */
export function fixPageTemplate(html: string, lang: string): string {
  const missing = [
    [HTML_TAG, "<html> without attributes"],
    [VIEWPORT, "the viewport <meta> with maximum-scale=1"],
  ].filter(([pattern]) => !(pattern as RegExp).test(html));
  if (missing.length)
    throw new Error(`Framework's page template changed: ${missing.map(([, what]) => what).join(", ")} not found`);
  return (
    html
      .replace(HTML_TAG, `<html lang="${lang}">`)
      .replace(VIEWPORT, '<meta name="viewport" content="width=device-width, initial-scale=1">')
      .replace(SIDEBAR_CLOSE, "$1$3\n  $2")
      // The search box's only name is its placeholder, gone once the reader types: a label that stays.
      .replace(
        SEARCH_INPUT,
        '<input type="search" aria-label="Search pages, indicators and States" placeholder="Search">',
      )
  );
}

const STYLESHEET = /<link rel="stylesheet" type="text\/css" href="([^"]+\.css)">/g;
const preloadOf = (href: string) => `<link rel="preload" as="style" href="${href}">`;
// The table tools (src/components/table-tools.js, inlined by observablehq.config.ts): its first comment line.
const TABLE_TOOLS = /<script>\/\/ Sorting and filtering[\s\S]*?<\/script>/;

/** Whether a stylesheet can be copied into a page as it is: it refers to no other file (only data: URLs). */
const selfContained = (css: string) =>
  ![...css.matchAll(/url\(\s*["']?([^"')]+)/g)].some((m) => !m[1]!.startsWith("data:")) && !/<\/style/i.test(css);

/**
 * The page with its self-contained stylesheets inlined (each in its place, its preload gone) and the table tools'
 * script at the end of <body>; `readCss` reads a stylesheet by its address as the page links it. Throws when the
 * page has no stylesheet it can inline or no table tools: Framework's template is not the one expected.
 */
export function inlineCriticalPath(html: string, readCss: (href: string) => string): string {
  const inlined = new Set<string>();
  // Functions as replacements: the CSS and the script hold "$" patterns that a replacement string would expand.
  let out = html.replace(STYLESHEET, (link: string, href: string) => {
    const css = readCss(href);
    if (!selfContained(css)) return link;
    inlined.add(href);
    return `<style>${css}</style>`;
  });
  if (!inlined.size) throw new Error("Framework's page template changed: no stylesheet link that can be inlined");
  for (const href of inlined) out = out.replace(preloadOf(href), "");
  const tools = TABLE_TOOLS.exec(out);
  if (!tools) throw new Error("the table tools' inline script (src/components/table-tools.js) not found in <head>");
  return out.replace(TABLE_TOOLS, () => "").replace(/<\/body>/, () => `${tools[0]}\n</body>`);
}

function htmlFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((e) => {
    const p = join(dir, e);
    if (statSync(p).isDirectory()) return e.startsWith("_") ? [] : htmlFiles(p);
    return e.endsWith(".html") ? [p] : [];
  });
}

/** Fix every built page in `output`; returns how many pages were rewritten. */
export function fixBuiltPages(output: string): number {
  const files = htmlFiles(output);
  for (const file of files) {
    const page = relative(output, file).replaceAll("\\", "/");
    try {
      const html = fixPageTemplate(readFileSync(file, "utf8"), pageLanguage(page));
      writeFileSync(
        file,
        inlineCriticalPath(html, (href) => readFileSync(resolve(dirname(file), href), "utf8")),
      );
    } catch (e) {
      throw new Error(`${page}: ${(e as Error).message}`, { cause: e });
    }
  }
  return files.length;
}
