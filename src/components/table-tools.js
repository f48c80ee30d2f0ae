// Sorting and filtering for every data table longer than a screen, and the small-screen sidebar: one script that
// observablehq.config.ts inlines into every page's <head> (no module, no network), run on the tables written at
// build time (data-loaders/site/page.ts) and on those drawn later in the browser (components/table.js).
//
// - Each column header becomes a button: sort by that column, again to reverse (aria-sort says which). Text is
//   compared in the page's language with numbers in text in numeric order (Intl.Collator), numeric columns as
//   numbers; a cell's data-sort (e.g. a State's name) wins over its text.
// - A "Filter rows" box keeps the rows holding every typed word (case and accents ignored); a column whose cells
//   take a few values (data-value, else the text: pillar, judgement, status, vote) gets a list to pick one.
// - ?<column key>=<value> in the address preselects a list, ?q=<words> the box; so does a link to an element
//   with data-filter="<column key>=<value>" (indicators#declined: Framework checks links' anchors, not queries).
// - A report selector (a pillar page with several reports in the database) shows the values as printed by the
//   chosen report: ?report=<id> in the address picks it, the rows' anchors (#indicator-9.2) move to its table.
// - On a narrow screen, following a link of the sidebar leaves it closed on the next page.
// - Site search: an exact indicator number ("2.1") puts that indicator first, a paragraph ("para 21", "21") its
//   findings row (Framework's search splits "2.1" into "2" and "1" and ranks every page holding both).
// - Printing expands the collapsed data tables under the charts (their text alternatives), so paper keeps them.
(() => {
  addEventListener("beforeprint", () => document.querySelectorAll("details.alt").forEach((d) => (d.open = true)));
  const MIN_ROWS = 12; // about a screen of rows
  const MAX_CHOICES = 15;
  let tables = 0;
  const forms = new WeakMap(); // table → its tools, removed with it when a page re-draws the table

  const fold = (s) =>
    s
      .normalize("NFD")
      .replace(/[\u0300-\u036f]/g, "")
      .toLowerCase();
  const cellValue = (td) => (td?.dataset.value ?? td?.textContent ?? "").trim();
  const sortValue = (td) => (td?.dataset.sort ?? td?.textContent ?? "").trim();
  const number = (s) => {
    const n = Number(
      s
        .replace(/[\s,\u202f\u2009+]/g, "")
        .replace(/^[^\d−-]*([−-]?\d+(\.\d+)?).*$/, "$1")
        .replace("−", "-"),
    );
    return Number.isFinite(n) && /\d/.test(s) ? n : null;
  };

  function enhance(table) {
    if (table.dataset.tools || table.closest("details.alt")) return;
    const body = table.tBodies[0];
    const head = table.tHead?.rows[0];
    if (!body || !head || body.rows.length < MIN_ROWS) return;
    table.dataset.tools = "on";
    const id = ++tables;
    const rows = Array.from(body.rows);
    const headers = Array.from(head.cells);
    const collator = new Intl.Collator(document.documentElement.lang || undefined, {
      numeric: true,
      sensitivity: "base",
    });
    const params = new URLSearchParams(location.search);
    const name = table.caption?.textContent?.trim() || "table";

    // Sorting
    let sortedBy = -1;
    let ascending = true;
    headers.forEach((th, i) => {
      const button = document.createElement("button");
      button.type = "button";
      button.className = "sort";
      button.append(...th.childNodes);
      button.title = "Sort by this column";
      th.append(button);
      th.setAttribute("aria-sort", "none");
      button.addEventListener("click", () => {
        ascending = sortedBy === i ? !ascending : true;
        sortedBy = i;
        const numeric = th.classList.contains("num");
        const keyed = rows.map((tr, at) => ({ tr, at, v: sortValue(tr.cells[i]) }));
        keyed.sort((a, b) => {
          let c;
          if (numeric) {
            const x = number(a.v),
              y = number(b.v);
            c = x === null ? (y === null ? 0 : 1) : y === null ? -1 : x - y;
            if (x === null || y === null) return c || a.at - b.at; // missing values last either way
          } else c = collator.compare(a.v, b.v);
          return (ascending ? c : -c) || a.at - b.at;
        });
        body.append(...keyed.map((k) => k.tr));
        headers.forEach((h, j) =>
          h.setAttribute("aria-sort", j === i ? (ascending ? "ascending" : "descending") : "none"),
        );
        status.textContent = `Sorted by ${button.textContent.trim()}, ${ascending ? "ascending" : "descending"}.`;
      });
    });

    // Filtering
    const form = document.createElement("div");
    form.className = "table-tools no-print";
    const box = document.createElement("input");
    box.type = "search";
    box.id = `table-filter-${id}`;
    box.setAttribute("aria-label", `Filter rows of: ${name}`);
    box.placeholder = "Filter rows";
    box.value = params.get("q") ?? "";
    const boxLabel = document.createElement("label");
    boxLabel.htmlFor = box.id;
    boxLabel.textContent = "Filter ";
    form.append(boxLabel, box);
    const selects = [];
    headers.forEach((th, i) => {
      const values = [...new Set(rows.map((tr) => cellValue(tr.cells[i])))].filter((v) => v && v !== "—");
      if (values.length < 2 || values.length > MAX_CHOICES || values.length === rows.length) return;
      const select = document.createElement("select");
      select.id = `table-filter-${id}-${i}`;
      const label = document.createElement("label");
      label.htmlFor = select.id;
      label.textContent = `${th.textContent.trim()} `;
      select.append(new Option("all", ""), ...values.sort(collator.compare).map((v) => new Option(v, v)));
      const wanted = th.dataset.key && params.get(th.dataset.key);
      if (wanted && values.includes(wanted)) select.value = wanted;
      select.addEventListener("change", apply);
      selects.push({ select, i, key: th.dataset.key, values });
      const span = document.createElement("span");
      span.append(label, select);
      form.append(" ", span);
    });
    const status = document.createElement("p");
    status.className = "muted table-status";
    status.setAttribute("role", "status");
    form.append(status);
    box.addEventListener("input", apply);
    function apply() {
      const words = fold(box.value).split(/\s+/).filter(Boolean);
      let shown = 0;
      for (const tr of rows) {
        const text = fold(tr.textContent ?? "");
        const keep =
          words.every((w) => text.includes(w)) &&
          selects.every(({ select, i }) => !select.value || cellValue(tr.cells[i]) === select.value);
        tr.hidden = !keep;
        if (keep) ++shown;
      }
      status.textContent = shown === rows.length ? `${rows.length} rows.` : `${shown} of ${rows.length} rows shown.`;
    }
    const frame = table.parentElement?.matches(".table-wrap, .table-scroll") ? table.parentElement : table;
    // A table written at build time has its tools written there too, inert (data-loaders/site/page.ts): these take
    // their place, the same size, so the table does not move.
    const written = frame.previousElementSibling;
    if (written?.matches(".table-tools[inert]")) written.replaceWith(form);
    else frame.before(form);
    forms.set(table, form);
    // A link to an element with data-filter="<column key>=<value>" (e.g. indicators#declined) picks that value.
    const fromHash = () => {
      const [key, value] = (
        document.getElementById(decodeURIComponent(location.hash.slice(1)))?.dataset.filter ?? ""
      ).split("=");
      const chosen = selects.find((x) => x.key === key && x.values.includes(value));
      if (!chosen) return;
      chosen.select.value = value;
      apply();
    };
    addEventListener("hashchange", fromHash);
    fromHash();
    apply();
  }

  function enhanceAll(root) {
    for (const t of root.querySelectorAll?.("table.data") ?? []) enhance(t);
  }

  // A link to a row (#indicator-…, #para-…) lands on it once the page has drawn it (State pages draw their
  // tables in the browser), once.
  let landed = location.hash.length <= 1;
  function land() {
    if (landed) return;
    const target = document.getElementById(decodeURIComponent(location.hash.slice(1)));
    if (!target) return;
    landed = true;
    target.classList.add("target");
    requestAnimationFrame(() => target.scrollIntoView({ block: "start" }));
  }

  // The report selector: the elements of each report's view carry data-report-view="<id>"; the rows of its tables
  // carry their anchor in data-row-id, which is their id only while the view is shown. The sources named on the
  // page (data-report-sources) follow the choice; the choice is kept in the address, without the default.
  function reportChoice() {
    const select = document.querySelector("select[data-report-choice]");
    if (!select) return;
    const show = () => {
      const views = Array.from(document.querySelectorAll("[data-report-view]"));
      for (const view of views) view.hidden = view.dataset.reportView !== select.value;
      for (const view of views)
        for (const row of view.querySelectorAll("[data-row-id]")) if (view.hidden) row.removeAttribute("id");
      for (const view of views)
        for (const row of view.querySelectorAll("[data-row-id]")) if (!view.hidden) row.id = row.dataset.rowId;
      const sources = select.selectedOptions[0]?.dataset.sources;
      if (sources) for (const s of document.querySelectorAll("[data-report-sources]")) s.textContent = sources;
    };
    // Written inert at build time, in its place (hidden when scripts are off): taken up here, nothing moves.
    select.closest(".report-choice")?.removeAttribute("inert");
    const wanted = new URLSearchParams(location.search).get("report");
    if (wanted && Array.from(select.options).some((o) => o.value === wanted)) select.value = wanted;
    show();
    select.addEventListener("change", () => {
      show();
      const status = document.querySelector("[data-report-status]");
      if (status) status.textContent = `Showing the values as printed by the ${select.value} report.`;
      const url = new URL(location.href);
      if (select.selectedOptions[0]?.defaultSelected) url.searchParams.delete("report");
      else url.searchParams.set("report", select.value);
      history.replaceState(history.state, "", url);
    });
  }

  // The result the words name exactly, moved to the top of Framework's search results when they are drawn.
  function exactSearchFirst() {
    const results = document.getElementById("observablehq-search-results");
    const input = document.querySelector("#observablehq-search input");
    if (!results || !input) return;
    new MutationObserver(() => {
      const words = input.value.trim().toLowerCase();
      const anchor = /^\d+\.\d+$/.test(words)
        ? `#indicator-${words}`
        : /^(?:para(?:graph)?\.?\s*)?(\d+|[ivx]+\.[a-k]\.\d+)$/.test(words)
          ? `#para-${words.replace(/^para(?:graph)?\.?\s*/, "").toUpperCase()}`
          : null;
      const list = results.querySelector("ol");
      if (!anchor || !list) return;
      const item = Array.from(list.children).find((li) =>
        li.querySelector("a")?.getAttribute("href")?.endsWith(anchor),
      );
      if (item && item !== list.firstElementChild) list.prepend(item);
    }).observe(results, { childList: true });
  }

  function start() {
    exactSearchFirst();
    reportChoice();
    enhanceAll(document);
    new MutationObserver((changes) => {
      for (const c of changes) {
        for (const n of c.removedNodes) {
          if (n.nodeType !== 1) continue;
          for (const t of n.matches("table.data") ? [n] : n.querySelectorAll("table.data[data-tools]"))
            if (!t.isConnected) forms.get(t)?.remove();
        }
        for (const n of c.addedNodes) {
          if (n.nodeType !== 1) continue;
          if (n.matches("table.data")) enhance(n);
          else enhanceAll(n);
        }
      }
      land();
    }).observe(document.body, { childList: true, subtree: true });
    land();
    // Narrow screens: the sidebar covers the page; after following one of its links it is closed again.
    const wide = () => matchMedia("(min-width: calc(640px + 6rem + 272px))").matches;
    document.getElementById("observablehq-sidebar")?.addEventListener("click", (event) => {
      if (!wide() && event.target.closest?.("a[href]")) sessionStorage.removeItem("observablehq-sidebar");
    });
  }

  if (document.readyState === "loading") addEventListener("DOMContentLoaded", start);
  else start();
})();
