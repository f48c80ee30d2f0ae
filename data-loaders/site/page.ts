/**
 * Pages written at build time (Framework page loaders, src/*.md.ts): figures with their chart inlined as SVG and
 * their data table, and plain HTML tables, so that a page shows its numbers and charts at first paint, with
 * JavaScript disabled, in print and offline. The markup matches src/components/table.js (class "data").
 */
import type { Chart } from "../presentation/charts.ts";
import { formatNumber } from "../presentation/formats.ts";
import { escapeHtml } from "./page-text.ts";

export interface Column<T> {
  key: string;
  label: string;
  numeric?: boolean;
  /** Returns HTML (already escaped); without it the value is shown as escaped text, "—" when null. */
  html?: (row: T) => string;
  /** The cell's value for filtering (data-value), when its text says more (e.g. the judgement of a change). */
  value?: (row: T) => string | null;
}

export interface TableOptions<T> {
  columns: Column<T>[];
  caption?: string;
  id?: string;
  scroll?: boolean;
  /** An id per row, so that other pages can link to it (e.g. "indicator-9.2"); null for a row without one. */
  rowId?: (row: T) => string | null;
  /**
   * Tables of which the page shows one at a time (the pillar page's report selector): each row id is kept in
   * data-row-id and is the row's id only in the table shown ("shown"); src/components/table-tools.js moves the
   * ids to the table the reader picks, so that #indicator-9.2 lands on the row in view.
   */
  switchable?: "shown" | "hidden";
  /**
   * On a narrow screen each row reads as a block of labelled cells (class "stack", each cell's column name in
   * data-label): a table of long sentences that a phone cannot show side by side (style.css).
   */
  stack?: boolean;
  /**
   * The filter box and lists src/components/table-tools.js puts above a long table, written at build time (tableTools
   * below); false for a table the script leaves alone (one inside a chart's `<details class="alt">`).
   */
  tools?: boolean;
}

/**
 * Written after each table in its frame (which says so with the class ends-marked). Until the browser has read it,
 * the table is laid out but not shown (src/style.css): a long table can be painted while its page is still
 * arriving, and the rows read after would widen its columns under the reader's eyes (a layout shift of 0.005-0.017
 * in about one load in ten of /states/ and /findings). Shown at once when read; a browser without :has() shows the
 * table as it arrives, as before.
 */
const TABLE_END = '<span class="table-end" hidden></span>';

export function htmlTable<T extends object>(rows: T[], options: TableOptions<T>): string {
  const { columns, caption, id, scroll, rowId, switchable, stack, tools = true } = options;
  const cls = (c: Column<T>) => (c.numeric ? ' class="num"' : "");
  // data-key names a column in the address (?judgement=declined preselects its filter, src/components/table-tools.js).
  const head = columns
    .map((c) => `<th scope="col"${cls(c)} data-key="${escapeHtml(c.key)}">${escapeHtml(c.label)}</th>`)
    .join("");
  const attrs = (row: T, c: Column<T>) => {
    const v = c.value?.(row);
    return `${cls(c)}${v ? ` data-value="${escapeHtml(v)}"` : ""}${stack ? ` data-label="${escapeHtml(c.label)}"` : ""}`;
  };
  const cell = (row: T, c: Column<T>) => {
    if (c.html) return c.html(row);
    const v = (row as Record<string, unknown>)[c.key];
    if (v === null || v === undefined) return "—";
    return escapeHtml(typeof v === "number" ? formatNumber(v) : String(v));
  };
  const idOf = (r: T) => {
    const rid = rowId?.(r);
    if (!rid) return "";
    const anchor = switchable === "hidden" ? "" : ` id="${escapeHtml(rid)}"`;
    return switchable ? `${anchor} data-row-id="${escapeHtml(rid)}"` : anchor;
  };
  const body = rows
    .map((r) => `<tr${idOf(r)}>${columns.map((c) => `<td${attrs(r, c)}>${cell(r, c)}</td>`).join("")}</tr>`)
    .join("");
  // Each cell's value as the script reads it: its data-value, else its text.
  const values = () => rows.map((r) => columns.map((c) => (c.value?.(r) || textOf(cell(r, c))).trim()));
  const form = tools && rows.length >= TOOLS_MIN_ROWS ? tableTools(columns, values(), caption) : "";
  const table = `<table class="data${stack ? " stack" : ""}"${id ? ` id="${escapeHtml(id)}"` : ""}>${caption ? `<caption>${escapeHtml(caption)}</caption>` : ""}<thead><tr>${head}</tr></thead><tbody>${body}</tbody></table>`;
  // A frame that scrolls (tall, or wide at high zoom) is a labelled region the keyboard can reach, as in
  // components/table.js; without a script to tell when it scrolls, the frame is always a tab stop. The empty
  // .table-end after the table tells the style sheet that the browser has read all of it (TABLE_END).
  return `${form}<div class="${scroll ? "table-scroll" : "table-wrap"} ends-marked" tabindex="0" role="region" aria-label="${escapeHtml(caption ?? "table")}">${table}${TABLE_END}</div>`;
}

/** As in src/components/table-tools.js: the rows from which a table gets its tools, and the most choices of a list. */
const TOOLS_MIN_ROWS = 12;
const TOOLS_MAX_CHOICES = 15;
const ENTITIES: Record<string, string> = { amp: "&", lt: "<", gt: ">", quot: '"', apos: "'", nbsp: "\u00a0" };

/** The text of a cell's HTML, as a browser's textContent gives it (the cells hold text, tags and entities). */
function textOf(html: string): string {
  return html
    .replace(/<[^>]*>/g, "")
    .replace(/&(#x[0-9a-f]+|#[0-9]+|[a-z]+);/gi, (whole, e: string) =>
      e[0] === "#"
        ? String.fromCodePoint(e[1] === "x" || e[1] === "X" ? parseInt(e.slice(2), 16) : Number(e.slice(1)))
        : (ENTITIES[e.toLowerCase()] ?? whole),
    );
}

/**
 * The tools src/components/table-tools.js puts above a long table (the filter box, a list for each column of a few
 * values, the count of rows), written at build time as the script writes them, without their ids: the script puts
 * its own in their place, of the same size, so the table does not move when the page's script runs (no layout
 * shift). Inert until then, and hidden when scripts are off (the noscript style of frame.ts's siteHead).
 * test/site.test.ts compares them with the script's.
 */
function tableTools<T>(columns: Column<T>[], values: string[][], caption: string | undefined): string {
  const name = caption?.trim() || "table";
  const collator = new Intl.Collator("en", { numeric: true, sensitivity: "base" });
  const lists = columns.flatMap((c, i) => {
    const choices = [...new Set(values.map((row) => row[i] ?? ""))].filter((v) => v && v !== "—");
    if (choices.length < 2 || choices.length > TOOLS_MAX_CHOICES || choices.length === values.length) return [];
    const options = choices
      .sort(collator.compare)
      .map((v) => `<option value="${escapeHtml(v)}">${escapeHtml(v)}</option>`)
      .join("");
    return [
      ` <span><label>${escapeHtml(c.label.trim())} </label><select><option value="">all</option>${options}</select></span>`,
    ];
  });
  return (
    `<div class="table-tools no-print" inert><label>Filter </label>` +
    `<input type="search" aria-label="Filter rows of: ${escapeHtml(name)}" placeholder="Filter rows">${lists.join("")}` +
    `<p class="muted table-status" role="status">${values.length} rows.</p></div>`
  );
}

/** A chart drawn twice: for a desktop column and for a phone (data-loaders/presentation/charts.ts, ChartLayout). */
export interface ChartPair {
  wide: Chart;
  narrow: Chart;
}

/**
 * A chart from its one definition (data-loaders/presentation/charts.ts), inlined as SVG: one image (role="img") with its
 * description as accessible name, aria-describedby pointing at its data table and aria-details at the collapsed
 * block that holds it (opened for print), as the site's components do for charts drawn in the browser. A pair is
 * inlined twice, and the figure shows the drawing that fits its column (style.css, a container query): a chart
 * scaled down to a phone had 5 px labels, one drawn for it has 10 px. `notes` (HTML) follow the chart: what the data
 * say about its figures (a disputed value, contested.ts).
 */
export async function chartFigure<T extends object>(
  chart: Chart | ChartPair,
  table: TableOptions<T> & { id: string; rows: T[]; caption: string },
  figureId?: string,
  notes = "",
): Promise<string> {
  const details = `details-${table.id}`;
  // Vega is loaded only by pages that draw a chart (a State page's loader starts without it).
  const { renderSvg } = await import("../presentation/render.ts");
  const draw = (c: Chart) => renderSvg(c.spec, { describedBy: table.id, details, decimals: 1, oneImage: true });
  const drawings =
    "spec" in chart
      ? `<div class="chart-svg">${pageHtml(await draw(chart))}</div>`
      : `<div class="chart-svg chart-wide">${pageHtml(await draw(chart.wide))}</div><div class="chart-svg chart-narrow">${pageHtml(await draw(chart.narrow))}</div>`;
  return [
    `<figure class="chart${"spec" in chart ? "" : " chart-pair"}"${figureId ? ` id="${escapeHtml(figureId)}"` : ""}>`,
    drawings,
    notes,
    `<details class="alt" id="${escapeHtml(details)}"><summary>Data table: ${escapeHtml(table.caption)}</summary>${htmlTable(table.rows, { ...table, tools: false })}</details>`,
    `</figure>`,
  ].join("");
}

/**
 * HTML (an inline SVG, a rendered briefing) made safe as page text: on one line (a blank line would end
 * Markdown's HTML block) and without `$` (Framework reads `${…}` in page text as a JavaScript expression).
 */
export function pageHtml(svg: string): string {
  return svg.replace(/\s*\n\s*/g, " ").replaceAll("$", "&#36;");
}

/** JSON for a js code block of a generated page (a `</script>` inside strings cannot end the block). */
export function jsJson(value: unknown): string {
  return JSON.stringify(value).replaceAll("</", "<\\/");
}

/**
 * A change and its judgement from indicator_trends, e.g. "▲ +3 (improved)": arrow, signed number and the view's
 * word (improved, declined, held, completed, not comparable); the colour (class) only reinforces the word, and
 * the view's reason is the tooltip. The site does not judge a change itself.
 */
export function changeBadge(change: number | null, judgement: string | null, reason?: string | null): string {
  if (change === null || judgement === null) return "—";
  const arrow = change > 0 ? "▲" : change < 0 ? "▼" : "■";
  const cls =
    judgement === "improved" || judgement === "completed"
      ? "dir-good"
      : judgement === "declined"
        ? "dir-bad"
        : "dir-neutral";
  const title = reason ? ` title="${escapeHtml(reason)}"` : "";
  return `<span class="${cls}"${title}>${arrow} ${change > 0 ? "+" : ""}${escapeHtml(formatNumber(change))} (${escapeHtml(judgement)})</span>`;
}

/** Front matter and the page's Markdown, joined. */
export function page(front: Record<string, string | boolean>, ...parts: string[]): string {
  const head = [
    "---",
    ...Object.entries(front).map(([k, v]) => `${k}: ${typeof v === "string" ? JSON.stringify(v) : v}`),
    "---",
  ].join("\n");
  return `${head}\n\n${parts.join("\n\n")}\n`;
}

/** A page loader's Markdown, as its output (runLoader writes it and logs its size); an empty page is an error. */
export function emitPage(name: string, markdown: string): string {
  if (!markdown.trim()) throw new Error(`${name}: the page is empty`);
  return markdown;
}
