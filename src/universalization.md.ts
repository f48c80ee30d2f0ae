// Page loader: Universalization. The map and the vote chart of the default choice (today; the latest resolution
// with per-State votes, by region) are drawn at build time from their one Vega-Lite definition and inlined as
// SVG; the date control and the vote explorer re-draw the same specs in the browser (components/explorers.js).
import {
  statusMapData,
  voteExplorerData,
  type Resolution,
  type StatusMapData,
} from "../data-loaders/site/explorers.ts";
import { longDate } from "../data-loaders/lib/dates.ts";
import { chartFigure, emitPage, htmlTable, page, type Column } from "../data-loaders/site/page.ts";
import { escapeHtml } from "../data-loaders/site/page-text.ts";
import { runLoader, siteQuery, withSiteDatabase } from "../data-loaders/site/site-db.ts";
import { afterStatusWords, statusAsAtWords, type MembershipSource } from "../data-loaders/site/edition.ts";
import type { StateVoteRow, StatusOnDateRow } from "../data-loaders/lib/view-rows.ts";

const e = escapeHtml;

const stateLink = (r: { iso3: string; name_en: string }) => `<a href="./states/${e(r.iso3)}">${e(r.name_en)}</a>`;

const voteColumns: Column<StateVoteRow>[] = [
  { key: "name_en", label: "State", html: stateLink },
  { key: "region", label: "Region" },
  { key: "status_label", label: "CCM status at the vote" },
  { key: "vote_label", label: "Vote" },
  {
    key: "source_line",
    label: "Source line",
    numeric: true,
    html: (r) => (r.source_line === null ? "—" : String(r.source_line)),
  },
];

/** What the vote chart shows, in words; components/explorers.js writes the same sentence for every other choice. */
function voteCaption(r: Resolution, groupLabel: string): string {
  return `The chart shows the recorded votes on ${r.resolution_id} (${r.year}) by ${groupLabel}, every vote.`;
}

/** The chosen resolution's voting record as a link to its public address (unga_resolutions.source_ref, from the UN vote files). */
function voteSource(r: Resolution): string {
  const record = r.undl_id ? `UN Digital Library voting record ${r.undl_id}` : "UN voting record";
  const link = r.source_ref?.startsWith("https://") ? `<a href="${e(r.source_ref)}">${e(record)}</a>` : e(record);
  return `Source: ${link} (${e(r.resolution_id)}, ${r.year}), the votes of each State; statuses at the vote from the UN Treaty Collection (CCM status table).`;
}

/**
 * The map's date control, written here as src/components/explorers.js's dayChooser expects it: the days membership
 * is counted on (the one drawn chosen) and a date field from the first signature to today. Inert until the page's
 * script makes it work where it stands (nothing moves then); hidden when scripts are off (frame.ts's siteHead).
 */
function dayControl(map: StatusMapData): string {
  const options = map.dates
    .map(
      (d, i) =>
        `<option value="${i}"${d.as_of === map.initial.as_of && d.kind === map.initial.kind ? " selected" : ""}>${e(d.label)}</option>`,
    )
    .join("");
  return (
    `<div class="day-chooser" id="day-chooser" inert>` +
    `<span><label for="status-day">Status on</label> <select id="status-day">${options}<option value="">another day (below)</option></select></span> ` +
    `<span><label for="status-any-day">or any day from ${e(longDate(map.changes.first))} to today</label> ` +
    `<input type="date" id="status-any-day" min="${e(map.changes.first)}" max="${e(map.changes.last)}" value="${e(map.initial.as_of)}"></span>` +
    `</div>`
  );
}

runLoader("universalization.md", async () => {
  const { map, votes, membership } = await withSiteDatabase(async (db) => ({
    map: await statusMapData(db),
    votes: await voteExplorerData(db),
    membership: (await siteQuery<MembershipSource>(db, "membership_source"))[0]!,
  }));
  // The table the statuses come from may be older than the last day the map offers (today): the source says what a
  // day after the table's cannot hold.
  const edition = `${statusAsAtWords(membership)}${afterStatusWords(membership)}`;
  const day = map.initial;
  const counts = map.counts.filter((c) => c.as_of === day.as_of && c.kind === day.kind);
  const states = map.rows.filter((r) => r.as_of === day.as_of && r.status !== "not_party");
  const mapFigure = await chartFigure(map.chart, {
    id: "table-status-on-date",
    caption: `every State that had signed or joined, ${day.label}`,
    scroll: true,
    rows: states,
    columns: [
      { key: "name_en", label: "State", html: (r: StatusOnDateRow) => stateLink(r) },
      { key: "region", label: "Region" },
      { key: "status_label", label: "Status" },
    ],
  });
  const countsTable = htmlTable(counts, {
    caption: `States by status, ${day.label}`,
    columns: [
      { key: "status_label", label: "Status" },
      { key: "states", label: "States", numeric: true },
    ],
  });

  const resolution = votes.initial;
  const cast = votes.rows.filter((r) => r.resolution_id === resolution.resolution_id);
  const votesFigure = await chartFigure(votes.chart, {
    id: "table-votes",
    caption: `recorded votes on ${resolution.resolution_id} (${resolution.year})`,
    scroll: true,
    rows: cast,
    columns: voteColumns,
  });

  return emitPage(
    "universalization.md",
    page(
      { title: "Universalization", toc: true },
      "# Universalization",
      "## Status on a date",
      `<p class="muted">Every State's status under the Convention on 31 December of each year, on the last day of each reporting period and today (view <code>status_on_dates</code>), or on any day since the first signature (${e(map.changes.first)}): each State's status on every day a status changed is computed in the database, and a day shows the last change on or before it. The map shows ${e(day.label)}; choose another day below.</p>`,
      "```js\n" +
        'import {dayChooser, showStatusOn, showVotes, voteColumns} from "./components/explorers.js";\n' +
        'import {dataTable} from "./components/table.js";\n' +
        'const statusMap = await FileAttachment("data/status-map.json").json();\n' +
        'const day = Generators.input(dayChooser(statusMap, document.getElementById("day-chooser")));\n' +
        "```",
      dayControl(map),
      `<div id="status-on-date">${countsTable}${mapFigure}</div>`,
      '```js\nshowStatusOn(document.getElementById("status-on-date"), statusMap, day);\n```',
      `<p class="source">Source: views <code>status_on_dates</code> and <code>membership_counts</code> over <code>state_status</code> (${e(membership.producer_name)}, MTDSG XXVI-6, ${e(edition)}; withdrawal of Lithuania: report para 63 and footnote 3). Map outlines: Natural Earth via <code>world-atlas</code> (1:110m); small States may not be drawn — the table lists them all.</p>`,
      "## UNGA vote explorer",
      `<p class="muted">Recorded votes of each State, with each State's CCM status on the day of the vote. <span id="vote-caption">${e(voteCaption(resolution, "region"))}</span> Choose another resolution, grouping or votes below.</p>`,
      "```js\n" +
        'const voteData = await FileAttachment("data/vote-explorer.json").json();\n' +
        'const resolution = view(Inputs.select(voteData.resolutions, {label: "Resolution", format: (r) => `${r.year} · ${r.resolution_id} (${r.topic})`, value: voteData.resolutions.find((r) => r.resolution_id === voteData.initial.resolution_id)}));\n' +
        'const groupBy = view(Inputs.radio(new Map([["Region", "region"], ["CCM status at the vote", "status_label"]]), {label: "Group by", value: "region"}));\n' +
        'const voteFilter = view(Inputs.checkbox(new Map(voteData.votes.map((v) => [v.label, v.vote])), {label: "Votes", value: voteData.votes.map((v) => v.vote)}));\n' +
        "```",
      `<div id="vote-explorer">${votesFigure}</div>`,
      '```js\nshowVotes(document.getElementById("vote-explorer"), voteData, {resolution, groupBy, votes: voteFilter});\n```',
      `<p class="source" id="vote-source">${voteSource(resolution)}</p>`,
      // The votes, filtered by the box every long table gets (components/table-tools.js): one filter box, not two.
      "```js\n" +
        "const castVotes = voteData.spec.datasets.votes.filter((v) => v.resolution_id === resolution.resolution_id && voteFilter.includes(v.vote));\n" +
        "```",
      "```js\ndisplay(dataTable(castVotes, {caption: `${resolution.resolution_id} (${resolution.year}): ${castVotes.length} votes`, scroll: true, columns: voteColumns}));\n```",
    ),
  );
});
