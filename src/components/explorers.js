import {dataTable, tableAlternative} from "./table.js";
import {redrawChart} from "./vega.js";

// The two explorers of the Universalization page. The page shows the default choice as pre-rendered SVG and
// tables; when the reader picks another one, these re-draw the same Vega-Lite spec (built in
// data-loaders/charts/specs.ts) with other param values and re-list the view's rows. Nothing is computed here.

const sameDay = (a, b) => a.as_of === b.as_of && a.kind === b.kind;

/** Status on a day: the counts table, the map and its list of States, for `day` (a row of status_dates). */
export async function showStatusOn(container, data, day) {
  if (sameDay(day, data.initial)) return;
  const counts = data.counts.filter((c) => sameDay(c, day));
  const states = data.spec.datasets.status.filter((r) => r.as_of === day.as_of && r.status !== "not_party");
  const chart = document.createElement("div");
  const figure = document.createElement("figure");
  figure.className = "chart";
  const details = tableAlternative(states, {
    id: "table-status-on-date",
    caption: `every State that had signed or joined, ${day.label}`,
    scroll: true,
    columns: [
      {key: "name_en", label: "State", format: (n, d) => link(`./states/${d.iso3}`, n)},
      {key: "region", label: "Region"},
      {key: "status_label", label: "Status"}
    ]
  });
  figure.append(chart, details);
  container.replaceChildren(
    dataTable(counts, {caption: `States by status, ${day.label}`, columns: [{key: "status_label", label: "Status"}, {key: "states", label: "States", numeric: true}]}),
    figure
  );
  await redrawChart(chart, data.spec, {as_of: day.as_of}, {
    label: `World map of Convention on Cluster Munitions status, ${day.label}. The table below lists every State that had signed or joined.`,
    describedBy: "table-status-on-date",
    details: details.id
  });
}

/** Votes on a resolution by region or by CCM status at the vote, and the votes themselves. */
export async function showVotes(container, data, {resolution, groupBy, votes}) {
  const initial = resolution.resolution_id === data.initial.resolution_id && groupBy === "region" && votes.length === data.votes.length;
  if (initial) return;
  const rows = data.spec.datasets.votes.filter((r) => r.resolution_id === resolution.resolution_id && votes.includes(r.vote));
  const chart = document.createElement("div");
  const figure = document.createElement("figure");
  figure.className = "chart";
  const details = tableAlternative(rows, {
    id: "table-votes",
    caption: `recorded votes on ${resolution.resolution_id} (${resolution.year}) by ${groupBy === "region" ? "region" : "CCM status at the vote"}`,
    scroll: true,
    columns: voteColumns
  });
  figure.append(chart, details);
  container.replaceChildren(figure);
  const groupLabel = groupBy === "region" ? "region" : "CCM status at the vote";
  await redrawChart(chart, data.spec, {resolution: resolution.resolution_id, group_by: groupBy, votes}, {
    label: `Stacked bars of the recorded votes on ${resolution.resolution_id} (${resolution.year}) by ${groupLabel}. The table below lists every vote.`,
    describedBy: "table-votes",
    details: details.id
  });
}

export const voteColumns = [
  {key: "name_en", label: "State", format: (n, d) => link(`./states/${d.iso3}`, n)},
  {key: "region", label: "Region"},
  {key: "status_label", label: "CCM status at the vote"},
  {key: "vote_label", label: "Vote"},
  {key: "source_line", label: "Source line", numeric: true}
];

function link(href, text) {
  const a = document.createElement("a");
  a.href = href;
  a.textContent = text;
  return a;
}
