// An accessible, printable HTML table: a <caption>, <th scope="col"> headers, numbers right-aligned, in a frame
// (a labelled region) that scrolls when the table is wider than the screen.
// columns: [{key, label, format?(value,row) → string|Node, numeric?, value?(value,row) → filter value}]; the same markup as the tables that page
// loaders write at build time (data-loaders/site/page.ts).
export function dataTable(rows, { columns, caption, id, scroll = false } = {}) {
  const table = document.createElement("table");
  table.className = "data";
  if (id) table.id = id;
  if (caption) table.createCaption().textContent = caption;
  const head = table.createTHead().insertRow();
  for (const c of columns) {
    const th = document.createElement("th");
    th.scope = "col";
    th.textContent = c.label ?? c.key;
    th.dataset.key = c.key;
    if (c.numeric) th.className = "num";
    head.appendChild(th);
  }
  const body = table.createTBody();
  for (const row of rows) {
    const tr = body.insertRow();
    for (const c of columns) {
      const td = tr.insertCell();
      if (c.numeric) td.className = "num";
      if (c.value) td.dataset.value = c.value(row[c.key], row) ?? "";
      const value = c.format ? c.format(row[c.key], row) : row[c.key];
      if (value instanceof Node) td.appendChild(value);
      else td.textContent = value == null ? "—" : String(value);
    }
  }
  const wrapper = document.createElement("div");
  wrapper.appendChild(table);
  // A scrolling frame must be reachable by keyboard and say what it holds.
  const scrollable = (on) => {
    if (on) {
      wrapper.tabIndex = 0;
      wrapper.setAttribute("role", "region");
      wrapper.setAttribute("aria-label", caption ?? "table");
    } else {
      for (const a of ["tabindex", "role", "aria-label"]) wrapper.removeAttribute(a);
    }
  };
  if (scroll) {
    wrapper.className = "table-scroll";
    scrollable(true);
  } else {
    // Wide tables scroll sideways in their frame at high zoom; the frame is a tab stop only while it scrolls.
    wrapper.className = "table-wrap";
    if (typeof ResizeObserver === "function") {
      const observer = new ResizeObserver(() => scrollable(wrapper.scrollWidth > wrapper.clientWidth + 1));
      observer.observe(wrapper);
      observer.observe(table);
    }
  }
  return wrapper;
}

let alternatives = 0;

/**
 * A collapsed "data table" text alternative placed under a chart (expanded when printing). With `chart`, the
 * chart becomes one image for assistive technology, named by its own label and pointing to this table.
 */
export function tableAlternative(rows, options) {
  const details = document.createElement("details");
  details.className = "alt";
  details.id = `data-table-${++alternatives}`;
  if (options.chart) describeChart(options.chart, details);
  // Paper cannot expand it: open when drawn for print (charts re-render at the print width).
  details.open = typeof matchMedia === "function" && matchMedia("print").matches;
  const summary = document.createElement("summary");
  summary.textContent = `Data table${options.caption ? `: ${options.caption}` : ""}`;
  details.append(summary, dataTable(rows, options));
  return details;
}

/**
 * Any chart markup (an <svg>, or a wrapper that draws one later): one image with a name (its aria-label) and
 * an extended description, the data table (aria-details). Its marks are parts of that image, not objects of
 * their own, so labels that chart libraries put on mark groups are hidden from assistive technology.
 */
export function describeChart(chart, details) {
  const image =
    chart instanceof SVGSVGElement || chart.getAttribute("role")
      ? chart
      : (chart.querySelector(":scope > svg:last-of-type") ?? chart);
  image.setAttribute("role", "img");
  image.setAttribute("aria-details", details.id);
  if (!image.hasAttribute("aria-label"))
    image.setAttribute("aria-label", details.querySelector("summary")?.textContent ?? "chart");
  for (const part of image.querySelectorAll("[aria-label], [role]")) part.setAttribute("aria-hidden", "true");
  return chart;
}
