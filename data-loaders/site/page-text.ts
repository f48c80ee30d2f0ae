/** Text helpers for page loaders (Markdown/HTML written at build time). */

/** Escape text for HTML, and `$` too: Framework would read `${…}` in page text as a JavaScript expression. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"'$]/g, (c) => `&#${c.charCodeAt(0)};`);
}

/** The provenance of a curated dataset (a row of `datasets`) as a definition list. */
export function datasetProvenance(dataset: Record<string, unknown>): string {
  const fields: [string, string][] = [
    ["title", "Title"],
    ["producer", "Producer"],
    ["source", "Source"],
    ["date", "Date"],
    ["licence", "Licence"],
    ["reference", "Reference"],
    ["method", "Method"],
    ["file", "File"],
    ["sha256", "SHA-256"],
    ["derived_from", "Derived from"],
  ];
  const items = fields
    .filter(([key]) => dataset[key] != null && dataset[key] !== "")
    .map(([key, label]) => {
      const value = String(dataset[key]);
      const shown = /^https?:\/\//.test(value) ? `<a href="${escapeHtml(value)}">${escapeHtml(value)}</a>` : escapeHtml(value);
      return `<dt>${label}</dt><dd>${shown}</dd>`;
    });
  return `<dl class="source">${items.join("")}</dl>`;
}
