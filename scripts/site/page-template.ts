/**
 * Framework 1.13 writes three accessibility faults into every page's template and has no option to change them:
 * no `lang` on <html> (WCAG 3.1.1), a viewport that forbids zooming (`maximum-scale=1`, WCAG 1.4.4), and a
 * <label> as a direct child of the sidebar's <ol> (invalid list markup, WCAG 1.3.1). The build rewrites each
 * built page; a template that no longer matches fails the build instead of shipping silently.
 *
 * It also moves the table tools' inline script out of <head> (deferTableTools), so that it does not hold up the
 * first paint.
 */
import { readdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { join, relative } from "node:path";

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

// The table tools (src/components/table-tools.js, inlined by observablehq.config.ts): its first comment line.
const TABLE_TOOLS = /<script>\/\/ Sorting and filtering[\s\S]*?<\/script>/;

/**
 * The page with the table tools' inline script moved from <head> to the end of <body>, where it no longer holds up
 * the parser before the content. Throws when the page has no table tools: Framework's template is not the one
 * expected. (The stylesheet stays a link: inlined, its container queries are errors to the W3C Nu checker, whose
 * CSS validator does not know them, and the gain could not be told from the noise of the shared machine.)
 */
export function deferTableTools(html: string): string {
  const tools = TABLE_TOOLS.exec(html);
  if (!tools) throw new Error("the table tools' inline script (src/components/table-tools.js) not found in <head>");
  // Functions as replacements: the script holds "$" patterns that a replacement string would expand.
  return html.replace(TABLE_TOOLS, () => "").replace(/<\/body>/, () => `${tools[0]}\n</body>`);
}

/** Every page of a built site folder (its HTML files, outside Framework's own "_" folders). */
export function htmlFiles(dir: string): string[] {
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
      writeFileSync(file, deferTableTools(fixPageTemplate(readFileSync(file, "utf8"), pageLanguage(page))));
    } catch (e) {
      throw new Error(`${page}: ${(e as Error).message}`, { cause: e });
    }
  }
  return files.length;
}
