/**
 * The briefing as one self-contained HTML file (inline CSS and SVG, local fonts only) that reads well on
 * screen and prints to A4 through Chromium: sections that run on (a page break before each would leave the end
 * of the page before it empty), charts at the text width, tables that do not split rows,
 * footnote numbers linked to the notes.
 */
import { TEXT } from "../presentation/palette.ts";
import { isNote, shownText, type Block, type Briefing, type Inline } from "./model.ts";

export function escapeHtml(s: string): string {
  return s.replaceAll("&", "&amp;").replaceAll("<", "&lt;").replaceAll(">", "&gt;").replaceAll('"', "&quot;");
}

/**
 * How the body is written: charts inline or as files, a prefix for every id (several briefings on one site
 * page), and the heading level of the sections (2 in the briefing file, deeper inside a site page).
 */
export interface BodyOptions {
  charts?: "inline" | "files";
  idPrefix?: string;
  headingLevel?: number;
}

function text(content: Inline[], p = ""): string {
  return content
    .map((c) =>
      !isNote(c)
        ? escapeHtml(shownText(c))
        : `<sup class="fn"><a href="#${p}note-${c.note}" id="${p}ref-${c.note}">${c.note}</a></sup>`,
    )
    .join("");
}

function block(b: Block, p = ""): string {
  switch (b.kind) {
    case "paragraph":
      return `<p>${text(b.content, p)}</p>`;
    case "list":
      return `<ul>\n${b.items.map((i) => `<li>${text(i, p)}</li>`).join("\n")}\n</ul>`;
    case "table": {
      const cls = (i: number) => (b.align[i] === "right" ? ' class="num"' : "");
      const head = b.head.map((h, i) => `<th scope="col"${cls(i)}>${escapeHtml(h)}</th>`).join("");
      const rows = b.rows
        // A name like indicator_instances may break after an underscore, not inside a word (a narrow column).
        .map(
          (r) => `<tr>${r.map((c, i) => `<td${cls(i)}>${escapeHtml(c).replaceAll("_", "_<wbr>")}</td>`).join("")}</tr>`,
        )
        .join("\n");
      const cols = b.widths
        ? `<colgroup>${b.widths.map((w) => `<col style="width:${w}%">`).join("")}</colgroup>\n`
        : "";
      // A short table of short rows is kept on one page; a long one, or one of tall rows (the annexes' and the
      // datasets' wrapped text), may break between rows (the header repeats): moved whole, it would leave the
      // rest of its page empty.
      const keep = b.rows.length <= 12 && !["trend", "issues", "datasets"].includes(b.className ?? "");
      const classes = [b.className, keep ? "keep" : undefined].filter(Boolean).join(" ");
      return `<table${classes ? ` class="${classes}"` : ""}>\n<caption>${text(b.caption, p)}</caption>\n${cols}<thead><tr>${head}</tr></thead>\n<tbody>\n${rows}\n</tbody>\n</table>`;
    }
    case "chart":
      return `<figure class="chart">\n${b.svg}\n<figcaption>${escapeHtml(b.title)}<sup class="fn"><a href="#${p}note-${b.note}">${b.note}</a></sup>. <span class="alt">${escapeHtml(b.description)}</span></figcaption>\n</figure>`;
  }
}

const CSS = `
@page { size: A4; }
:root { --ink: ${TEXT.ink}; --muted: ${TEXT.muted}; --rule: #c8c8c8; --accent: ${TEXT.accent}; }
* { box-sizing: border-box; }
html { font-family: "DejaVu Sans", "Noto Sans", sans-serif; font-size: 9.5pt; line-height: 1.45; color: var(--ink); }
body { margin: 0 auto; max-width: 180mm; padding: 0; }
@media screen { body { padding: 12mm 8mm; } }
header.title { border-bottom: 2px solid var(--accent); margin-bottom: 6mm; padding-bottom: 3mm; }
header.title h1 { font-size: 18pt; line-height: 1.2; margin: 0 0 2mm; color: var(--accent); }
header.title .subtitle { font-size: 11pt; margin: 0 0 1mm; }
header.title .date { color: var(--muted); margin: 0; }
h2 { font-size: 13pt; color: var(--accent); margin: 7mm 0 2.5mm; border-bottom: 1px solid var(--rule); padding-bottom: 1mm; break-after: avoid; }
p { margin: 0 0 2.5mm; text-align: left; orphans: 3; widows: 3; }
ul { margin: 0 0 3mm; padding-left: 5mm; }
li { margin-bottom: 1.2mm; }
sup.fn { font-size: 6.5pt; line-height: 0; }
sup.fn a { color: var(--accent); }
table { border-collapse: collapse; width: 100%; margin: 2mm 0 4mm; font-size: 8pt; break-inside: auto; }
caption { caption-side: top; text-align: left; font-weight: bold; font-size: 8.5pt; padding-bottom: 1.5mm; }
/* a caption and the header row never end a page without the table's first row under them */
caption, thead { break-after: avoid; }
th { text-align: left; font-weight: bold; border-bottom: 1.2px solid var(--ink); padding: 1.2mm 1.5mm; vertical-align: bottom; }
td { border-bottom: 0.5px solid var(--rule); padding: 1mm 1.5mm; vertical-align: top; }
tr { break-inside: avoid; }
table.keep { break-inside: avoid; }
thead { display: table-header-group; }
.num { text-align: right; font-variant-numeric: tabular-nums; }
/* a figure never breaks inside, but a paired value ("226 / 15,497") wraps at its spaces instead of running into
   the next column of a fixed-layout table */
td.num { white-space: normal; overflow-wrap: normal; }
table.trend, table.issues { table-layout: fixed; }
table.trend th { font-size: 7.5pt; }
td { overflow-wrap: break-word; }
th { hyphens: manual; }
table.issues td, table.datasets td { font-size: 7.5pt; }
table.datasets { table-layout: fixed; }
table.datasets td:last-child { white-space: nowrap; }
figure.chart { margin: 3mm 0 5mm; break-inside: avoid; }
/* charts are drawn at the text width (page.ts); a pillar of fewer panels keeps the panels' size, and a chart whose
   title Vega measured wide is scaled into the column */
figure.chart svg { max-width: 100%; height: auto; display: block; }
figcaption { font-size: 7.5pt; color: var(--muted); margin-top: 1mm; }
figcaption .alt { display: block; }
ol.notes { font-size: 7.5pt; color: var(--muted); padding-left: 6mm; }
ol.notes li { margin-bottom: 0.6mm; word-break: break-word; }
`;

/** The sections of the briefing, each with its heading and blocks. */
export function renderSections(doc: Briefing, options: BodyOptions = {}): string {
  const { charts = "inline", idPrefix: p = "", headingLevel: h = 2 } = options;
  return doc.sections
    .map((s) => {
      const blocks = s.blocks.map((b) =>
        b.kind === "chart" && charts === "files"
          ? block({ ...b, svg: `<img src="${escapeHtml(b.file)}" alt="${escapeHtml(b.description)}">` }, p)
          : block(b, p),
      );
      return `<section id="${p}${s.id}">\n<h${h}>${escapeHtml(s.title)}</h${h}>\n${blocks.join("\n")}\n</section>`;
    })
    .join("\n");
}

/** The numbered notes, each with the source of the figures that cite it. */
export function renderNotes(doc: Briefing, idPrefix = ""): string {
  return doc.notes.map((n, i) => `<li id="${idPrefix}note-${i + 1}">${escapeHtml(n)}</li>`).join("\n");
}

export function renderHtml(doc: Briefing, charts: "inline" | "files" = "inline"): string {
  const sections = renderSections(doc, { charts });
  const notes = renderNotes(doc);
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(doc.title)}</title>
<style>${CSS}</style>
</head>
<body>
<header class="title">
<h1>${escapeHtml(doc.title)}</h1>
<p class="subtitle">${escapeHtml(doc.subtitle)}</p>
<p class="date">${escapeHtml(doc.date)}</p>
</header>
${sections}
<section id="notes">
<h2>Notes and sources</h2>
<ol class="notes">
${notes}
</ol>
</section>
</body>
</html>
`;
}
