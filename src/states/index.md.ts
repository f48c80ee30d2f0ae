// Page loader: the States directory, every State with its CCM status today, written into the HTML at build time
// (the rows the State pages read: data-loaders/site/state-pages.ts); the script of every long table adds the
// filter box, the lists and sorting (components/table-tools.js).
import { emitPage, htmlTable, page } from "../../data-loaders/site/page.ts";
import { escapeHtml } from "../../data-loaders/site/page-text.ts";
import { statePagesData } from "../../data-loaders/site/state-pages.ts";
import { runLoader } from "../../data-loaders/site/site-db.ts";

const e = escapeHtml;

runLoader("states/index.md", async () => {
  const { states } = await statePagesData();
  const table = htmlTable(states, {
    caption: `${states.length} States and their CCM status today`,
    columns: [
      { key: "name_en", label: "State", html: (s) => `<a href="./${e(s.iso3)}">${e(s.name_en)}</a>` },
      { key: "iso3", label: "ISO3" },
      { key: "region", label: "Region" },
      { key: "subregion", label: "Sub-region" },
      { key: "status_label", label: "CCM status" },
    ],
  });
  return emitPage(
    "states/index.md",
    page(
      { title: "States", toc: false },
      "# States",
      `<p class="muted">Every State with its Convention on Cluster Munitions status today. Filter by name, ISO code, region or status (the box and the lists above the table; <code>?q=</code> words in the address fill the box); open a State for its status history, UNGA votes, the findings that name it and its reporting record.</p>`,
      table,
      `<p class="source">Sources: UN M49 country codes and UNTERM names (States), the UN Treaty Collection (CCM status).</p>`,
    ),
  );
});
