// Page loader: the Overview. Every number comes from a view (membership_counts, cycle_trends, largest_movements,
// pillar_trends, unga_resolution_votes, consistency_issues); the charts are the briefing's and the site's one
// definitions (data-loaders/presentation/charts.ts), inlined as SVG so they show without JavaScript.
import { judgementBarsChart, membershipChart, ungaVotesChart } from "../data-loaders/presentation/charts.ts";
import type { MembershipCountRow, PillarRow, UngaRow } from "../data-loaders/lib/view-rows.ts";
import type { CycleTrendsRow, LargestMovementsRow } from "../data-loaders/lib/relations.generated.ts";
import { POLARITY_LABEL, formatNumber } from "../data-loaders/presentation/formats.ts";
import { changeBadge, chartFigure, emitPage, htmlTable, page } from "../data-loaders/site/page.ts";
import { escapeHtml } from "../data-loaders/site/page-text.ts";
import { contestedFlag, contestedNotes, type Contested } from "../data-loaders/site/contested.ts";
import {
  afterStatusWords,
  membershipSourceWords,
  statusAsAtWords,
  type MembershipSource,
} from "../data-loaders/site/edition.ts";
import { runLoader, siteQuery, sqlFileRows, withSiteDatabase } from "../data-loaders/site/site-db.ts";

type CycleTrend = CycleTrendsRow;

/** sql/site/largest_movements.sql. */
type Movement = Pick<
  LargestMovementsRow,
  | "indicator_id"
  | "pillar_code"
  | "text"
  | "unit"
  | "polarity"
  | "previous_cycle"
  | "previous_value"
  | "value"
  | "change_since_previous"
  | "judgement"
  | "judgement_reason"
  | "source_ref"
>;

const e = escapeHtml;

function kpi(value: string, label: string, source: string, kind = ""): string {
  return `<div class="kpi${kind ? ` ${kind}` : ""}"><div class="value">${value}</div><div class="label">${label}</div><div class="source">${source}</div></div>`;
}

runLoader("index.md", async () => {
  const data = await withSiteDatabase(async (db) => ({
    counts: await siteQuery<MembershipCountRow>(db, "membership_counts"),
    cycles: await siteQuery<CycleTrend>(db, "cycle_trends"),
    moves: await siteQuery<Movement>(db, "largest_movements", undefined, { allowEmpty: true }),
    pillars: await siteQuery<PillarRow>(db, "pillar_trends"),
    // No cycle: every recorded vote (the briefing passes its cycle to stop at its own vote).
    unga: await sqlFileRows<UngaRow>(db, "briefing/unga_totals.sql", { cycle: null }),
    issues: await siteQuery(db, "consistency_issues", undefined, { allowEmpty: true }),
    contested: await siteQuery<Contested>(db, "indicator_contested", undefined, { allowEmpty: true }),
    membership: (await siteQuery<MembershipSource>(db, "membership_source"))[0]!,
  }));
  // "UN Treaty Collection, status as at <day>": the edition of the membership data, from the database.
  const membershipEdition = e(membershipSourceWords(data.membership));
  const latest = data.cycles.find((c) => c.is_latest);
  if (!latest) throw new Error("cycle_trends has no latest cycle");
  const previous = data.cycles[data.cycles.indexOf(latest) - 1]?.cycle ?? "the previous cycle";
  const count = (kind: string, status: string, cycle?: string) =>
    data.counts.find((r) => r.kind === kind && r.status === status && (cycle === undefined || r.cycle === cycle));
  const partiesAtEnd = count("period_end", "state_party", latest.cycle);
  const partiesToday = count("today", "state_party");
  const signatoriesToday = count("today", "signatory");
  const depositedToday = count("today", "deposited");
  const lastVote = data.unga.filter((r) => r.total_yes !== null).at(-1);
  // The "today" counts are read from a table taken on an earlier day: the cards say what it cannot hold.
  const notYet = e(afterStatusWords(data.membership));

  const kpis = [
    kpi(
      formatNumber(partiesAtEnd?.states ?? partiesToday?.states),
      `States Parties ${partiesAtEnd ? `at the ${e(partiesAtEnd.label)}` : e(partiesToday?.label ?? "")}; ${formatNumber(partiesToday?.states)} ${e(partiesToday?.label ?? "today")}`,
      `Source: ${membershipEdition}${notYet} (<a href="./universalization">map and counts on any date</a>)`,
    ),
    kpi(
      formatNumber(signatoriesToday?.states),
      `Signatories not yet party${depositedToday?.states ? `, and ${formatNumber(depositedToday.states)} deposited, not yet in force` : ""}, ${e(signatoriesToday?.label ?? "today")}`,
      `Source: ${membershipEdition}${notYet}`,
    ),
    kpi(
      `<a href="./indicators#improved">${latest.improved} <span class="dir-good">▲ improved</span></a> · <a href="./indicators#declined">${latest.declined} <span class="dir-bad">▼ declined</span></a>${latest.completed ? ` · <a href="./indicators#completed">${latest.completed} <span class="dir-good">✓ completed</span></a>` : ""}`,
      `Indicators, ${e(latest.cycle)} vs ${e(previous)} (of ${latest.indicators})`,
      `Source: ${e(latest.cycle)} Progress Report, indicator tables (<a href="./indicators">every indicator, by judgement</a>)`,
      // Three counts with their links: set at body size, a list rather than a headline.
      "tally",
    ),
    kpi(
      lastVote ? formatNumber(lastVote.total_yes) : "—",
      `Yes votes, UNGA ${lastVote?.year ?? ""} CCM resolution`,
      // The record in words, its address as the link (a bare address ran out of the card).
      `Source: ${lastVote ? (lastVote.source_ref?.startsWith("https://") ? `<a href="${e(lastVote.source_ref)}">UN Digital Library voting record of ${e(lastVote.resolution_id)}</a>` : e(lastVote.source_ref ?? lastVote.resolution_id)) : "—"}`,
    ),
    kpi(
      String(data.issues.length),
      "Places where the report disagrees with itself",
      `<a href="./data-quality">Each one, with its paragraphs</a>`,
    ),
  ];

  const moves = data.moves.length
    ? htmlTable(data.moves, {
        caption: `Largest improvements and declines between ${previous} and ${latest.cycle}: the three largest counted in States Parties, then the largest of each other unit, moves tied at the cut all named (view largest_movements, ranked within each unit)`,
        columns: [
          {
            key: "indicator_id",
            label: "Indicator",
            html: (m) =>
              `<a href="./pillars/${e(m.pillar_code)}#indicator-${e(m.indicator_id)}">${e(m.indicator_id)}</a>`,
          },
          { key: "text", label: "What it counts" },
          { key: "unit", label: "Unit" },
          { key: "previous_value", label: previous, numeric: true },
          {
            key: "value",
            label: latest.cycle,
            numeric: true,
            html: (m) => formatNumber(m.value) + contestedFlag(data.contested, m.indicator_id, latest.cycle, "."),
          },
          {
            key: "change_since_previous",
            label: "Change",
            html: (m) => changeBadge(m.change_since_previous, m.judgement, m.judgement_reason),
          },
          { key: "polarity", label: "Direction", html: (m) => e(POLARITY_LABEL[m.polarity] ?? m.polarity) },
          { key: "source_ref", label: "Source" },
        ],
      })
    : `<p>No indicator moved between ${e(previous)} and ${e(latest.cycle)}.</p>`;

  const pillarsFigure = await chartFigure(
    {
      wide: judgementBarsChart(data.pillars, previous, latest.cycle, "wide"),
      narrow: judgementBarsChart(data.pillars, previous, latest.cycle, "narrow"),
    },
    {
      id: "table-pillar-movements",
      caption: `indicators that improved, completed, held, declined or cannot be compared, ${previous} to ${latest.cycle}, by pillar`,
      rows: data.pillars,
      columns: [
        {
          key: "pillar",
          label: "Pillar",
          html: (p) => `<a href="./pillars/${e(p.pillar_code)}">${e(p.pillar_code)}. ${e(p.pillar)}</a>`,
        },
        { key: "indicators", label: "Indicators", numeric: true },
        { key: "improved", label: "Improved", numeric: true },
        { key: "declined", label: "Declined", numeric: true },
        { key: "completed", label: "Completed", numeric: true },
        { key: "held", label: "Held", numeric: true },
        { key: "not_comparable", label: "Not comparable", numeric: true },
      ],
    },
    undefined,
    // The bars count judgements of the latest values, some of which the data dispute (view indicator_contested).
    contestedNotes(
      data.contested.filter((c) => c.cycle === latest.cycle),
      [...new Map(data.contested.filter((c) => c.cycle === latest.cycle).map((c) => [c.indicator_id, c])).values()],
      ".",
      `Disputed ${latest.cycle} values whose movements these bars count:`,
    ),
  );

  const series = data.counts.filter(
    (r) =>
      (r.kind === "year_end" || r.kind === "today") && ["state_party", "deposited", "signatory"].includes(r.status),
  );
  const membershipFigure = await chartFigure(
    { wide: membershipChart(series, "wide"), narrow: membershipChart(series, "narrow") },
    {
      id: "table-membership",
      caption: "States Parties, deposited instruments and signatories on 31 December of each year, and today",
      rows: series,
      columns: [
        { key: "label", label: "On" },
        { key: "status_plural", label: "Status" },
        { key: "states", label: "States", numeric: true },
      ],
    },
  );

  const ungaFigure = await chartFigure(
    { wide: ungaVotesChart(data.unga, "wide"), narrow: ungaVotesChart(data.unga, "narrow") },
    {
      id: "table-unga-votes",
      caption: "UNGA votes on the CCM resolution",
      rows: data.unga,
      columns: [
        { key: "year", label: "Year", html: (r) => String(r.year) },
        { key: "resolution_id", label: "Resolution" },
        { key: "total_yes", label: "Yes", numeric: true },
        { key: "total_no", label: "No", numeric: true },
        { key: "total_abstentions", label: "Abstain", numeric: true },
        { key: "source_ref", label: "Source" },
      ],
    },
  );

  return emitPage(
    "index.md",
    page(
      { title: "Overview", toc: false },
      "# Convention on Cluster Munitions: trends",
      `<p class="muted">How the Lausanne Action Plan indicators, membership and UN General Assembly support have moved across the reporting cycles. Every figure names its source: the view of the database it is read from, and the table, paragraph or file behind that view.</p>`,
      `<div class="kpis">${kpis.join("")}</div>`,
      `## What moved most, ${e(latest.cycle)} vs ${e(previous)}`,
      moves,
      `## Movements by pillar`,
      pillarsFigure,
      `<p class="source">Source: view <code>pillar_trends</code> (judged in <code>indicator_trends</code> by each indicator's polarity), from the indicator tables of the progress report. The same chart opens the <a href="./briefings">briefing</a>.</p>`,
      "## States Parties over time",
      membershipFigure,
      `<p class="source">Source: view <code>membership_counts</code> over <code>state_status</code>, built from the ${e(data.membership.producer_name)} participation table (MTDSG XXVI-6, ${e(statusAsAtWords(data.membership))}), which dates every signature, ratification and withdrawal to the day, so the counts on every date up to then are exact (entry into force under Article 17)${notYet ? `, and later ones hold the entries into force it schedules${notYet}` : ""}. See <a href="./downloads">Downloads</a>.</p>`,
      "## Support in the UN General Assembly",
      ungaFigure,
      `<p class="source">Source: view <code>unga_resolution_votes</code> (UN Digital Library voting records; CCM website vote totals). Explore votes by State on the <a href="./universalization">Universalization</a> page.</p>`,
    ),
  );
});
