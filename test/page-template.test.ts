/**
 * The fix of Framework 1.13's page template (scripts/site/page-template.ts) on the real template: a page
 * rendered by Framework's own renderer gets lang, a zoomable viewport and valid sidebar list markup.
 */
import { describe, expect, it } from "vitest";
import { fixPageTemplate, pageLanguage } from "../scripts/site/page-template.ts";

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
