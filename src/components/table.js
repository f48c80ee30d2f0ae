// An accessible, printable HTML table: a <caption>, <th scope="col"> headers, numbers right-aligned.
// columns: [{key, label, format?(value,row) → string|Node, numeric?}]; the same markup as the tables that page
// loaders write at build time (data-loaders/site/page.ts).
export function dataTable(rows, {columns, caption, id, scroll = false} = {}) {
  const table = document.createElement("table");
  table.className = "data";
  if (id) table.id = id;
  if (caption) table.createCaption().textContent = caption;
  const head = table.createTHead().insertRow();
  for (const c of columns) {
    const th = document.createElement("th");
    th.scope = "col";
    th.textContent = c.label ?? c.key;
    if (c.numeric) th.className = "num";
    head.appendChild(th);
  }
  const body = table.createTBody();
  for (const row of rows) {
    const tr = body.insertRow();
    for (const c of columns) {
      const td = tr.insertCell();
      if (c.numeric) td.className = "num";
      const value = c.format ? c.format(row[c.key], row) : row[c.key];
      if (value instanceof Node) td.appendChild(value);
      else td.textContent = value == null ? "—" : String(value);
    }
  }
  if (!scroll) return table;
  const wrapper = document.createElement("div");
  wrapper.className = "table-scroll";
  wrapper.tabIndex = 0; // a scrollable region must be reachable by keyboard
  wrapper.setAttribute("role", "region");
  wrapper.setAttribute("aria-label", caption ?? "table");
  wrapper.appendChild(table);
  return wrapper;
}

/** A collapsed "data table" text alternative placed under a chart (expanded when printing). */
export function tableAlternative(rows, options) {
  const details = document.createElement("details");
  details.className = "alt";
  // Paper cannot expand it: open when drawn for print (charts re-render at the print width).
  details.open = typeof matchMedia === "function" && matchMedia("print").matches;
  const summary = document.createElement("summary");
  summary.textContent = `Data table${options.caption ? `: ${options.caption}` : ""}`;
  details.append(summary, dataTable(rows, options));
  return details;
}
