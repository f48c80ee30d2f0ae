/** Text helpers for page loaders (Markdown/HTML written at build time). */

/** Escape text for HTML, and `$` too: Framework would read `${…}` in page text as a JavaScript expression. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"'$]/g, (c) => `&#${c.charCodeAt(0)};`);
}

/**
 * The provenance of a curated dataset (a row of `datasets`) as a definition list: the document a reader cites
 * (title, producer, source, date, licence, reference), then the file, its hash and the method under
 * "Technical details".
 */
export function datasetProvenance(dataset: Record<string, unknown>): string {
  const list = (fields: [string, string][]) =>
    fields
      .filter(([key]) => dataset[key] != null && dataset[key] !== "")
      .map(([key, label]) => {
        const value = String(dataset[key]);
        const shown = /^https?:\/\//.test(value)
          ? `<a href="${escapeHtml(value)}">${escapeHtml(value)}</a>`
          : escapeHtml(value);
        return `<dt>${label}</dt><dd>${shown}</dd>`;
      })
      .join("");
  const document = list([
    ["title", "Title"],
    ["producer", "Producer"],
    ["source", "Source"],
    ["date", "Date"],
    ["licence", "Licence"],
    ["reference", "Reference"],
  ]);
  const technical = list([
    ["method", "Method"],
    ["file", "File"],
    ["sha256", "SHA-256"],
    ["derived_from", "Derived from"],
  ]);
  return `<dl class="source">${document}</dl>${technical ? `<details class="technical"><summary>Technical details</summary><dl class="source">${technical}</dl></details>` : ""}`;
}
