/**
 * The fix of Framework 1.13's page template (scripts/site/page-template.ts) on the real template: a page
 * rendered by Framework's own renderer gets lang, a zoomable viewport and valid sidebar list markup.
 */
import { describe, expect, it } from "vitest";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { ROOT } from "../data-loaders/lib/db.ts";
import { deferTableTools, fixPageTemplate, pageLanguage } from "../scripts/site/page-template.ts";

// The head and sidebar exactly as Framework 1.13.4 writes them (node_modules/@observablehq/framework/dist/render.js).
const FRAMEWORK_PAGE = `<!DOCTYPE html>
<html>
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1, maximum-scale=1">
<title>Overview | CCM trends</title>
</head>
<body>
<input id="observablehq-sidebar-toggle" type="checkbox" title="Toggle sidebar">
<label id="observablehq-sidebar-backdrop" for="observablehq-sidebar-toggle"></label>
<nav id="observablehq-sidebar">
  <ol>
    <label id="observablehq-sidebar-close" for="observablehq-sidebar-toggle"></label>
    <li class="observablehq-link observablehq-link-active"><a href="./">CCM trends</a></li>
  </ol>
  <ol>
    <li class="observablehq-link"><a href="./sql">SQL explorer</a></li>
  </ol>
</nav>
</body>
</html>
`;

describe("Framework page template fix", () => {
  const fixed = fixPageTemplate(FRAMEWORK_PAGE, "en");

  it("sets the page language on <html>", () => expect(fixed).toContain('<html lang="en">'));

  it("allows zooming: no maximum-scale or user-scalable in the viewport", () => {
    expect(fixed).toContain('<meta name="viewport" content="width=device-width, initial-scale=1">');
    expect(fixed).not.toMatch(/maximum-scale|user-scalable/);
  });

  it("leaves only <li> inside the sidebar lists and keeps the close button in the sidebar", () => {
    const lists = [...fixed.matchAll(/<ol>([\s\S]*?)<\/ol>/g)].map((m) => m[1]!);
    expect(lists).toHaveLength(2);
    for (const list of lists) expect(list.replace(/<li\b[\s\S]*?<\/li>/g, "").trim()).toBe("");
    const nav = /<nav id="observablehq-sidebar">([\s\S]*?)<\/nav>/.exec(fixed)![1]!;
    expect(nav).toContain('<label id="observablehq-sidebar-close" for="observablehq-sidebar-toggle"></label>');
  });

  it("fails when Framework's template changes, instead of shipping pages without lang", () => {
    expect(() => fixPageTemplate(FRAMEWORK_PAGE.replace("<html>", '<html class="x">'), "en")).toThrow(
      /template changed: <html> without attributes/,
    );
  });

  it("gives pages in a language folder that folder's language", () => {
    const languages = { default: "en", byFolder: { fr: "fr" } };
    expect(pageLanguage("fr/index.html", languages)).toBe("fr");
    expect(pageLanguage("french.html", languages)).toBe("en");
    expect(pageLanguage("states/NOR.html", languages)).toBe("en");
  });
});

describe("the way to the first paint", () => {
  // The head as Framework 1.13.4 writes it with this project's configuration: the table tools inlined by
  // observablehq.config.ts (the real script).
  const tools = readFileSync(join(ROOT, "src", "components", "table-tools.js"), "utf8");
  const page = `<!DOCTYPE html>\n<html lang="en">\n<head>\n<link rel="stylesheet" type="text/css" href="./_import/style.css">\n<script>${tools}</script>\n</head>\n<body>\n<main><h1>Overview</h1></main>\n</body>\n</html>\n`;

  it("moves the table tools from <head> to the end of <body>, whole and once", () => {
    const out = deferTableTools(page);
    const [head, body] = out.split("</head>");
    expect(head).not.toContain("Sorting and filtering");
    expect(body).toContain(`<script>${tools}</script>\n</body>`);
    expect(out.split("Sorting and filtering").length).toBe(2);
  });

  it("fails when the template has no table tools", () => {
    expect(() => deferTableTools(page.replace(/<script>[\s\S]*<\/script>/, ""))).toThrow(/table tools/);
  });
});
