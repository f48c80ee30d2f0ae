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
  if (!existsSync(file)) throw new Error(`briefings/${cycle}/briefing.json is missing: run \`npm run briefing -- ${cycle}\``);
  const doc = JSON.parse(readFileSync(file, "utf8")) as Briefing;
  if (doc.cycle !== cycle || !Array.isArray(doc.sections) || !Array.isArray(doc.notes)) throw new Error(`briefings/${cycle}/briefing.json is not a briefing of ${cycle}`);
  return doc;
}

/**
 * One briefing as page text: one HTML block (no blank line, no `$`), ids prefixed by the cycle, each chart one
 * image named by its description (the caption under it gives the same text).
 */
function briefingHtml(briefing: Briefing): string {
  const doc = { ...briefing, sections: briefing.sections.map((s) => ({ ...s, blocks: s.blocks.map((b) => (b.kind === "chart" ? { ...b, svg: withoutInnerAria(b.svg) } : b)) })) };
  const p = `${doc.cycle}-`;
  const html = [
    `<div class="briefing">`,
    `<p class="muted">${escapeHtml(doc.subtitle)}. ${escapeHtml(doc.date)}.</p>`,
    renderSections(doc, { idPrefix: p, headingLevel: 3 }),
    `<section id="${p}notes"><h3>Notes and sources</h3><ol class="notes source">${renderNotes(doc, p)}</ol></section>`,
    `</div>`,
  ].join("\n");
  return pageHtml(html);
}

/** The download line (which names the source the briefing was written from) and the briefing itself. */
function briefingParts(dir: string, cycle: string): string[] {
  const doc = readBriefing(dir, cycle);
  const from = doc.source ? `written in <code>${escapeHtml(doc.source)}</code>, rendered` : "generated";
  return [
    `<p><a download href="./data/briefing-files/${cycle}/briefing.pdf">Download the ${escapeHtml(cycle)} briefing as PDF</a> · ${from} by <code>npm run briefing -- ${escapeHtml(cycle)}</code></p>`,
    briefingHtml(doc),
  ];
}

runLoader("briefings.md", async () => {
  const cycles = await withSiteDatabase((db) => siteQuery<{ cycle: string }>(db, "cycles"));
  const dir = process.env.CCM_BRIEFINGS_DIR ?? join(ROOT, "briefings");
  const available = existsSync(dir) ? new Set(readdirSync(dir)) : new Set<string>();
  const published = cycles.map((c) => c.cycle).filter((c) => available.has(c)).reverse();
  if (!published.length) throw new Error("no briefing in briefings/<cycle>/: run `npm run briefing -- 13MSP` first");
  const parts = published.flatMap((cycle) => [
    `## ${escapeHtml(cycle)} trend briefing`,
    ...briefingParts(dir, cycle),
  ]);
  process.stderr.write(`briefings.md: ${published.join(", ")}\n`);
  await emitPage("briefings.md", page({ title: "Briefings", toc: true }, "# Briefings", ...parts));
});
