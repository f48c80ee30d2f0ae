/**
 * What every page of the site has around its content: the `<head>` additions and the footer. Framework takes them
 * from observablehq.config.ts; the prerender (scripts/site/prerender.ts) also writes them into each page's front
 * matter, where Framework uses them as they are. Given in the configuration only, Framework 1.13 parses them as
 * HTML (a jsdom window each) for every page twice, once for the page and once for the search index: six windows of
 * about 8 ms for each of 217 pages.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { ROOT } from "../lib/db.ts";
import type { SiteRoutes } from "./routes.ts";

/**
 * The site's additions to `<head>`: no dark scheme, no favicon request, and the table tools
 * (components/table-tools.js), which the build moves to the end of `<body>` (scripts/site/page-template.ts). No other
 * script: a classic script in `<head>` waits for the stylesheet and holds the parser, and the first paint with it
 * (a one-line print handler here took a chart page's first paint from 72 to 150 ms).
 */
export function siteHead(): string {
  return (
    '<meta name="color-scheme" content="light"><link rel="icon" href="data:,">' +
    // What a page writes inert is a control that works only once the page's script has taken it up, written where it
    // will stand so that nothing moves then (the long tables' tools, data-loaders/site/page.ts; the map's date
    // control, src/universalization.md.ts; the report selector of the pillar and Data quality pages): not shown
    // without scripts.
    "<noscript><style>[inert]{display:none}</style></noscript>" +
    // Sorting and filtering of long tables, deep links, the sidebar on phones, the print handler (src/components/table-tools.js).
    `<script>${readFileSync(join(ROOT, "src", "components", "table-tools.js"), "utf8").replaceAll("</", "<\\/")}</script>`
  );
}

/**
 * The site's footer. With a later report in the database the values shown are its printing: the footer names every
 * report (a pillar page's own footer names the one its values come from).
 */
export function siteFooter(routes: Pick<SiteRoutes, "reports" | "latestEdition">): string {
  return (
    (routes.reports.length > 1
      ? `Data: CCM ${routes.reports.join(", ")} Progress Reports (the values shown are the ${routes.reports.at(-1)} report's unless a page says otherwise), `
      : `Data: ${routes.latestEdition}, `) +
    "UN Digital Library voting records, UN Treaty Collection. " +
    'Every figure links to its source. Code and data: MIT / see <a href="/downloads">Downloads</a> for each licence.'
  );
}

/**
 * A page's Markdown with the site's head and footer in its front matter, unless the page gives its own: Framework
 * then uses them as written instead of parsing the configuration's for each page. The result is the same page (a
 * link such as /downloads is made relative when the page is rendered either way).
 */
export function withSiteFrame(markdown: string, frame: { head: string; footer: string }): string {
  const open = markdown.startsWith("---\n") ? 4 : -1;
  const close = open < 0 ? -1 : markdown.indexOf("\n---\n", open - 1);
  const front = close < 0 ? "" : markdown.slice(open, close);
  const keys = (["head", "footer"] as const).filter((k) => !new RegExp(`^${k}:`, "m").test(front));
  const lines = keys.map((k) => `${k}: ${JSON.stringify(frame[k])}`);
  if (!lines.length) return markdown;
  if (close < 0) return `---\n${lines.join("\n")}\n---\n\n${markdown}`;
  return `${markdown.slice(0, close)}\n${lines.join("\n")}${markdown.slice(close)}`;
}
