// Page loader: the Briefings page publishes every briefing, newest first, from its document model
// (briefings/<cycle>/briefing.json, written by `npm run briefing -- <cycle>` beside briefing.md, .html and
// .pdf) rendered by the briefing's own HTML writer, so the page says exactly what the briefing says, with its
// charts inline and its numbered sources; the PDF is a file attachment. The model is the rendered analyst's
// source (sources/briefings/<cycle>.md, references resolved against the database) when there is one, the
// generated draft otherwise: the page names which, and never re-reads the Markdown.
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { escapeHtml, renderNotes, renderSections } from "../data-loaders/briefing/html.ts";
import { withoutInnerAria } from "../data-loaders/presentation/render.ts";
import type { Briefing } from "../data-loaders/briefing/model.ts";
import { emitPage, pageHtml, page } from "../data-loaders/site/page.ts";
import { ROOT, runLoader, siteQuery, withSiteDatabase } from "../data-loaders/site/site-db.ts";

function readBriefing(dir: string, cycle: string): Briefing {
  const file = join(dir, cycle, "briefing.json");
  if (!existsSync(file))
    throw new Error(`briefings/${cycle}/briefing.json is missing: run \`npm run briefing -- ${cycle}\``);
  const doc = JSON.parse(readFileSync(file, "utf8")) as Briefing;
  if (doc.cycle !== cycle || !Array.isArray(doc.sections) || !Array.isArray(doc.notes))
    throw new Error(`briefings/${cycle}/briefing.json is not a briefing of ${cycle}`);
  return doc;
}

/**
 * One briefing as page text: one HTML block (no blank line, no `$`), ids prefixed by the cycle, each chart one
 * image named by its description (the caption under it gives the same text).
 */
function briefingHtml(briefing: Briefing): string {
  const doc = {
    ...briefing,
    sections: briefing.sections.map((s) => ({
      ...s,
      blocks: s.blocks.map((b) => (b.kind === "chart" ? { ...b, svg: withoutInnerAria(b.svg) } : b)),
    })),
  };
  const p = `${doc.cycle}-`;
  const { html: sections, refs } = uniqueReferences(renderSections(doc, { idPrefix: p, headingLevel: 3 }), p);
  const { html: body, contents } = withContents(sections, p);
  const html = [
    `<div class="briefing">`,
    `<p class="muted">${escapeHtml(doc.subtitle)}. ${escapeHtml(doc.date)}.</p>`,
    `<nav class="briefing-contents" aria-label="Contents of the ${escapeHtml(doc.cycle)} briefing"><h3 id="${p}contents">Contents</h3><ol>${contents.map((c) => `<li><a href="#${c.id}">${c.title}</a></li>`).join("")}<li><a href="#${p}notes">Notes and sources</a></li></ol></nav>`,
    body,
    `<section id="${p}notes"><h3>Notes and sources</h3><ol class="notes source">${notesWithBacklinks(renderNotes(doc, p), p, refs)}</ol></section>`,
    `</div>`,
  ].join("\n");
  return pageHtml(html);
}

/**
 * The briefing's note references made unique: a note cited several times had the same id at each place (invalid
 * HTML, and a note could not link back). The first keeps "<cycle>-ref-<n>", the next ones get "-2", "-3", …;
 * returns each note's reference ids in the order of the text.
 */
function uniqueReferences(html: string, p: string): { html: string; refs: Map<string, string[]> } {
  const refs = new Map<string, string[]>();
  const out = html.replace(new RegExp(`id="(${p}ref-\\d+)"`, "g"), (_, id: string) => {
    const ids = refs.get(id) ?? [];
    const unique = ids.length ? `${id}-${ids.length + 1}` : id;
    refs.set(id, [...ids, unique]);
    return `id="${unique}"`;
  });
  return { html: out, refs };
}

/** The briefing's sections (each a <section id> with its heading): the contents panel lists them. */
function withContents(html: string, p: string): { html: string; contents: { id: string; title: string }[] } {
  const contents = [...html.matchAll(/<section id="([^"]+)"[^>]*>\s*<h3>(.*?)<\/h3>/g)]
    .map((m) => ({ id: m[1]!, title: m[2]! }))
    .filter((c) => c.id.startsWith(p));
  return { html, contents };
}

/**
 * Each note with links back to every place the text cites it, and its citation in words first: the machine
 * references the briefing writes in parentheses (datasets, views, marts, tables, lines of the text file) are moved after
 * the words, as technical details.
 */
function notesWithBacklinks(html: string, p: string, refs: Map<string, string[]>): string {
  const machine = /\s*\(((?:dataset|datasets|view|views|mart|marts|table|tables|line|lines|file|query|sql)\b[^()]*)\)/g;
  return html.replace(new RegExp(`<li id="${p}note-(\\d+)">([\\s\\S]*?)</li>`, "g"), (_, n: string, text: string) => {
    const technical = [...text.matchAll(machine)].map((m) => m[1]);
    const words = text.replace(machine, "");
    const back = (refs.get(`${p}ref-${n}`) ?? []).map(
      (id, i, all) =>
        `<a href="#${id}" class="backlink" aria-label="Back to the text${all.length > 1 ? `, place ${i + 1} of ${all.length}` : ""}">↩${all.length > 1 ? i + 1 : ""}</a>`,
    );
    const details = technical.length
      ? ` <span class="technical">Technical reference: ${[...new Set(technical)].join("; ")}.</span>`
      : "";
    return `<li id="${p}note-${n}">${words}${details} ${back.join(" ")}</li>`;
  });
}

/** The download line (which names the source the briefing was written from) and the briefing itself. */
function briefingParts(dir: string, cycle: string): string[] {
  const doc = readBriefing(dir, cycle);
  const from = doc.source ? `written in <code>${escapeHtml(doc.source)}</code>, rendered` : "generated";
  return [
    // Saved under a name that says what it is (Framework serves the file under a hashed name).
    `<p><a download="ccm-${escapeHtml(cycle)}-trend-briefing.pdf" href="./data/briefing-files/${cycle}/briefing.pdf">Download the ${escapeHtml(cycle)} briefing as PDF</a> · ${from} by <code>npm run briefing -- ${escapeHtml(cycle)}</code></p>`,
    ...readAgain(doc),
    briefingHtml(doc),
  ];
}

/** The sentences of the analyst's source that the data may no longer bear out, as the build warned of them. */
function readAgain(doc: Briefing): string[] {
  const list = doc.readAgain ?? [];
  if (!list.length) return [];
  const n = list.length;
  return [
    // Framework's warning box (no label attribute: the W3C checker allows none on a div).
    `<div class="warning read-again"><p><strong>${n} ${n === 1 ? "place" : "places"} in the source to read again.</strong> The data have moved since these sentences of <code>${escapeHtml(doc.source ?? "the source")}</code> were written: each number in the briefing is the database's, but the words beside it may no longer hold. Rewrite them, then run <code>npm run briefing -- ${escapeHtml(doc.cycle)}</code>.</p><ul>${list.map((w) => `<li>${escapeHtml(w)}</li>`).join("")}</ul></div>`,
  ];
}

runLoader(
  "briefings.md",
  async () => {
    const cycles = await withSiteDatabase((db) => siteQuery<{ cycle: string }>(db, "cycles"));
    const dir = process.env.CCM_BRIEFINGS_DIR ?? join(ROOT, "briefings");
    const available = existsSync(dir) ? new Set(readdirSync(dir)) : new Set<string>();
    const published = cycles
      .map((c) => c.cycle)
      .filter((c) => available.has(c))
      .reverse();
    if (!published.length) throw new Error("no briefing in briefings/<cycle>/: run `npm run briefing -- 13MSP` first");
    const parts = published.flatMap((cycle) => [
      `## ${escapeHtml(cycle)} trend briefing`,
      ...briefingParts(dir, cycle),
    ]);
    process.stderr.write(`briefings.md: ${published.join(", ")}\n`);
    return emitPage("briefings.md", page({ title: "Briefings", toc: true }, "# Briefings", ...parts));
  },
  { readsBriefings: true },
);
