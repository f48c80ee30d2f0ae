import { dataTable, tableAlternative } from "./table.js";
import { redrawChart } from "./vega.js";

// The two explorers of the Universalization page. The page shows the default choice as pre-rendered SVG and
// tables; when the reader picks another one, these re-draw the same Vega-Lite spec (built in
// data-loaders/presentation/charts.ts) with other param values and re-list the view's rows. Nothing is computed here:
// a day typed in the map's date field is looked up among the days the database lists (the last one before it).

const sameDay = (a, b) => a.as_of === b.as_of && a.kind === b.kind;

/**
 * The drawing that fits the container, as the page's pre-rendered pair does (style.css, the container query at
 * 560 px): the phone's spec (shipped without its rows) with the desktop spec's datasets, or the desktop spec.
 */
function specFor(container, data) {
  return container.clientWidth <= 560 && data.narrowSpec
    ? { ...data.narrowSpec, datasets: data.spec.datasets }
    : data.spec;
}

// What the page showed first (drawn at build time), put back when the reader returns to the default choice.
const firstShown = new WeakMap();
function showsDefault(container, isDefault) {
  if (!firstShown.has(container)) firstShown.set(container, [...container.childNodes]);
  if (isDefault) container.replaceChildren(...firstShown.get(container));
  return isDefault;
}

/**
 * Any day from the first signature to today: every State's status and the counts per status as the database
 * gives them for the last day on or before it on which a status changed (data.changes, from SQL; a status holds
 * until the next change). Rows and counts in the shapes of status_on_dates and membership_counts.
 */
export function anyDay(data, date) {
  const { states, statuses, days } = data.changes;
  const change = days.findLast((d) => d.as_of <= date) ?? days[0];
  const rows = states.map((s, i) => ({ as_of: change.as_of, ...s, ...statuses[Number(change.codes[i])] }));
  const counts = statuses.map((s, i) => ({ status_label: s.status_label, states: change.counts[i] }));
  return { as_of: date, kind: "any", label: dayLabel(date), rows, counts };
}

/** "1 August 2010", as status_dates labels its days. */
const dayLabel = (date) =>
  new Date(`${date}T00:00:00Z`).toLocaleDateString("en-GB", {
    day: "numeric",
    month: "long",
    year: "numeric",
    timeZone: "UTC",
  });

/**
 * The map's date control: a list of the days membership is counted on (status_dates) and a date field for any
 * other day from the first signature to today; its value is the day chosen last (a row of status_dates, or anyDay).
 * The page writes the control at build time (src/universalization.md.ts), inert until this makes it work where it
 * stands: nothing on the page moves when the script starts.
 */
export function dayChooser(data, form) {
  const select = form?.querySelector("select#status-day");
  const date = form?.querySelector("input#status-any-day");
  if (!select || !date) throw new Error("dayChooser: the page has no written day control (#day-chooser)");
  form.inert = false;
  form.value = data.initial;
  select.addEventListener("input", (event) => {
    event.stopPropagation();
    if (select.value === "") return date.focus();
    form.value = data.dates[Number(select.value)];
    date.value = form.value.as_of;
    form.dispatchEvent(new Event("input", { bubbles: true }));
  });
  date.addEventListener("input", (event) => {
    event.stopPropagation();
    if (!date.value || date.value < date.min || date.value > date.max) return;
    form.value = anyDay(data, date.value);
    const counted = data.dates.findIndex((d) => d.as_of === date.value && d.kind !== "today");
    select.value = counted < 0 ? "" : String(counted);
    form.dispatchEvent(new Event("input", { bubbles: true }));
  });
  return form;
}

/** Status on a day: the counts table, the map and its list of States, for `day` (a row of status_dates, or anyDay). */
export async function showStatusOn(container, data, day) {
  if (showsDefault(container, sameDay(day, data.initial))) return;
  const counts = day.counts ?? data.counts.filter((c) => sameDay(c, day));
  const all = day.rows ?? data.spec.datasets.status.filter((r) => r.as_of === day.as_of);
  const states = all.filter((r) => r.status !== "not_party");
  const { figure, chart, details } = chartFigure(states, {
    id: "table-status-on-date",
    caption: `every State that had signed or joined, ${day.label}`,
    columns: [
      { key: "name_en", label: "State", format: (n, d) => link(`./states/${d.iso3}`, n) },
      { key: "region", label: "Region" },
      { key: "status_label", label: "Status" },
    ],
  });
  container.replaceChildren(
    dataTable(counts, {
      caption: `States by status, ${day.label}`,
      columns: [
        { key: "status_label", label: "Status" },
        { key: "states", label: "States", numeric: true },
      ],
    }),
    figure,
  );
  const base = specFor(container, data);
  const spec = day.rows ? { ...base, datasets: { ...base.datasets, status: day.rows } } : base;
  await redrawChart(
    chart,
    spec,
    { as_of: all[0]?.as_of ?? day.as_of },
    {
      label: `World map of Convention on Cluster Munitions status, ${day.label}, and Europe enlarged below it. The table below lists every State that had signed or joined.`,
      describedBy: "table-status-on-date",
      details: details.id,
    },
  );
}

/** Votes on a resolution by region or by CCM status at the vote, and the votes themselves. */
export async function showVotes(container, data, { resolution, groupBy, votes }) {
  const groupLabel = groupBy === "region" ? "region" : "CCM status at the vote";
  describeVotes(data, resolution, groupLabel, votes);
  const initial =
    resolution.resolution_id === data.initial.resolution_id &&
    groupBy === "region" &&
    votes.length === data.votes.length;
  if (showsDefault(container, initial)) return;
  const rows = data.spec.datasets.votes.filter(
    (r) => r.resolution_id === resolution.resolution_id && votes.includes(r.vote),
  );
  const { figure, chart, details } = chartFigure(rows, {
    id: "table-votes",
    caption: `recorded votes on ${resolution.resolution_id} (${resolution.year}) by ${groupLabel}`,
    columns: voteColumns,
  });
  container.replaceChildren(figure);
  await redrawChart(
    chart,
    specFor(container, data),
    { resolution: resolution.resolution_id, group_by: groupBy, votes },
    {
      label: `Stacked bars of the recorded votes on ${resolution.resolution_id} (${resolution.year}) by ${groupLabel}. The table below lists every vote.`,
      describedBy: "table-votes",
      details: details.id,
    },
  );
}

/**
 * The sentence saying what the vote chart shows (#vote-caption) and the chosen resolution's voting record as a link
 * (#vote-source), as src/universalization.md.ts writes them for the first choice: they follow every choice.
 */
function describeVotes(data, resolution, groupLabel, votes) {
  const caption = document.getElementById("vote-caption");
  const shown =
    votes.length === data.votes.length
      ? "every vote"
      : votes.length
        ? `only ${data.votes
            .filter((v) => votes.includes(v.vote))
            .map((v) => v.label)
            .join(", ")}`
        : "no vote chosen";
  if (caption)
    caption.textContent = `The chart shows the recorded votes on ${resolution.resolution_id} (${resolution.year}) by ${groupLabel}, ${shown}.`;
  const source = document.getElementById("vote-source");
  if (!source) return;
  const record = resolution.undl_id ? `UN Digital Library voting record ${resolution.undl_id}` : "UN voting record";
  const where = resolution.source_ref?.startsWith("https://")
    ? link(resolution.source_ref, record)
    : document.createTextNode(record);
  source.replaceChildren(
    "Source: ",
    where,
    ` (${resolution.resolution_id}, ${resolution.year}), the votes of each State; statuses at the vote from the UN Treaty Collection (CCM status table).`,
  );
}

export const voteColumns = [
  { key: "name_en", label: "State", format: (n, d) => link(`./states/${d.iso3}`, n) },
  { key: "region", label: "Region" },
  { key: "status_label", label: "CCM status at the vote" },
  { key: "vote_label", label: "Vote" },
  { key: "source_line", label: "Source line", numeric: true },
];

/** A figure for a chart re-drawn in the browser: the chart's box, then its rows as a table in a disclosure. */
function chartFigure(rows, table) {
  const chart = document.createElement("div");
  chart.className = "chart-svg"; // fits the screen like the charts drawn at build time
  const figure = document.createElement("figure");
  figure.className = "chart";
  const details = tableAlternative(rows, { ...table, scroll: true });
  figure.append(chart, details);
  return { figure, chart, details };
}

function link(href, text) {
  const a = document.createElement("a");
  a.href = href;
  a.textContent = text;
  return a;
}
