/** Universalization: membership, the UNGA resolution votes by year, yes votes by CCM status, and vote shifts. */
import { renderSvg } from "../presentation/render.ts";
import { statusesOf, ungaVotesChart, yesByStatusChart } from "../presentation/charts.ts";
import { TEXT_WIDTH_PX } from "./page.ts";
import type { CycleRow } from "../lib/view-rows.ts";
import { num, type Block, type Inline, type Section } from "./model.ts";
import { capitalize, formatThousands } from "../presentation/number-words.ts";
import { listNames } from "./text.ts";
import type { ChartFile, Context } from "./context.ts";
import { membershipParagraph, ungaSentence } from "./membership-unga.ts";

export async function universalizationSection(ctx: Context, target: CycleRow, charts: ChartFile[]): Promise<Section> {
  const blocks: Block[] = [];
  const membership = membershipParagraph(ctx, target);
  if (membership.length) blocks.push({ kind: "paragraph", content: membership });
  else
    blocks.push({
      kind: "paragraph",
      content: [
        "The database has no membership history (state_status), so the number of States Parties is not given here.",
      ],
    });
  const unga = ctx.data.unga;
  if (!unga || unga.length === 0) {
    blocks.push({
      kind: "paragraph",
      content: ["The database has no UNGA resolution votes (unga_resolutions), so the UNGA trend is not given here."],
    });
    return { id: "universalization", title: "Universalization and the UNGA resolution", blocks };
  }
  const sentence = ungaSentence(ctx);
  if (sentence) blocks.push({ kind: "paragraph", content: sentence });
  const note = ctx.note("unga-votes");
  const missingCountry = unga.filter((r) => !r.has_country_votes).map((r) => String(r.year));
  if (missingCountry.length) {
    blocks.push({
      kind: "paragraph",
      content: [
        `Country-by-country votes are not available for ${listNames(missingCountry)}`,
        note,
        `: for ${missingCountry.length === 1 ? "that year" : "those years"} only the published totals are shown, and a total that was not published is marked "not published", not 0.`,
      ],
    });
  }
  const cellOf = (n: number | null) => (n === null ? "not published" : formatThousands(n));
  blocks.push({
    kind: "table",
    name: "unga-votes",
    caption: ["Table U. UNGA resolution on the implementation of the Convention: recorded votes by year", note],
    head: ["Year", "Resolution", "Yes", "No", "Abstain", "Non-voting"],
    align: ["left", "left", "right", "right", "right", "right"],
    rows: unga.map((r) => [
      String(r.year),
      r.resolution ?? r.resolution_id,
      cellOf(r.total_yes),
      cellOf(r.total_no),
      cellOf(r.total_abstentions),
      cellOf(r.total_non_voting),
    ]),
  });
  const { spec, title, description } = ungaVotesChart(unga, { width: TEXT_WIDTH_PX });
  const svg = await renderSvg(spec);
  const file = "charts/unga-votes.svg";
  charts.push({ file, svg });
  blocks.push({ kind: "chart", file, title, description, svg, note: note.note });
  blocks.push(...(await yesByStatusBlocks(ctx, charts)));
  blocks.push(...votesByStatusBlocks(ctx));
  blocks.push(...voteFlowBlocks(ctx));
  blocks.push(...voteShiftBlocks(ctx));
  return { id: "universalization", title: "Universalization and the UNGA resolution", blocks };
}

/** Yes votes by the voter's CCM status on the vote date: a table and a stacked bar chart. */
async function yesByStatusBlocks(ctx: Context, charts: ChartFile[]): Promise<Block[]> {
  const rows = ctx.data.yesByStatus;
  if (!rows || rows.length === 0) return [];
  const years = [...new Set(rows.map((r) => r.year))].sort((a, b) => a - b);
  const statuses = statusesOf(rows);
  const note = ctx.note("yes-by-status");
  const cell = (year: number, code: string): string => {
    const r = rows.find((x) => x.year === year && x.ccm_status === code);
    if (r && r.yes !== null) return formatThousands(r.yes);
    return rows.some((x) => x.year === year && x.has_country_votes) ? "0" : "not available";
  };
  const blocks: Block[] = [];
  const latest = years.at(-1)!;
  const latestNotParty = rows.find((r) => r.year === latest && r.ccm_status === "not_party");
  if (latestNotParty?.yes != null) {
    blocks.push({
      kind: "paragraph",
      content: [
        num(`votes ${latest} yes not_party`),
        ` States not party voted in favour of the ${latest} resolution`,
        note,
        ".",
      ],
    });
  }
  blocks.push({
    kind: "table",
    name: "unga-yes-by-status",
    caption: ["Table V. Yes votes on the CCM resolution by the voter's CCM status on the vote date", note],
    head: ["Year", ...statuses.map((s) => capitalize(s.plural))],
    align: ["left", ...statuses.map(() => "right" as const)],
    rows: years.map((y) => [String(y), ...statuses.map((s) => cell(y, s.status))]),
  });
  const { spec, title, description } = yesByStatusChart(rows, { width: TEXT_WIDTH_PX });
  const svg = await renderSvg(spec);
  const file = "charts/unga-yes-by-status.svg";
  charts.push({ file, svg });
  blocks.push({ kind: "chart", file, title, description, svg, note: note.note });
  return blocks;
}

/**
 * Every vote of the last two CCM votes by the voter's CCM status on the vote date (view unga_yes_by_status): where
 * the yes votes of each group went is read off the rows (States Parties 101 → 89 yes, 18 non-voting).
 */
function votesByStatusBlocks(ctx: Context): Block[] {
  const rows = (ctx.data.yesByStatus ?? []).filter((r) => r.has_country_votes);
  const years = [...new Set(rows.map((r) => r.year))].sort((a, b) => a - b).slice(-2);
  if (years.length < 2) return [];
  const shown = rows.filter((r) => years.includes(r.year));
  const statuses = statusesOf(shown);
  const votes = [
    ["yes", "Yes"],
    ["no", "No"],
    ["abstain", "Abstain"],
    ["non_voting", "Non-voting"],
  ] as const;
  const cell = (year: number, status: string, vote: (typeof votes)[number][0]) =>
    formatThousands(shown.find((r) => r.year === year && r.ccm_status === status)?.[vote] ?? 0);
  return [
    {
      kind: "table",
      name: "unga-votes-by-status",
      caption: [
        `Table W. Votes on the ${years[0]} and ${years[1]} CCM resolutions by the voter's CCM status on the vote date`,
        ctx.note("yes-by-status"),
      ],
      head: ["CCM status on the vote date", ...years.flatMap((y) => votes.map(([, label]) => `${label} ${y}`))],
      align: ["left", ...years.flatMap(() => votes.map(() => "right" as const))],
      rows: statuses.map((s) => [
        capitalize(s.plural),
        ...years.flatMap((y) => votes.map(([vote]) => cell(y, s.status, vote))),
      ]),
    },
  ];
}

/**
 * Where the votes went from the previous CCM vote to the cycle's (view unga_vote_flows): each change of vote, largest
 * first, with the States that made it by their CCM status on the later vote date, named.
 */
function voteFlowBlocks(ctx: Context): Block[] {
  const rows = ctx.data.voteFlows;
  if (!rows?.length) return [];
  const { previous_year: before, year } = rows[0]!;
  const note = ctx.note("flows");
  const flows = [...new Map(rows.map((r) => [`${r.vote_before} ${r.vote_after}`, r])).values()];
  const parts = flows.map((f, i): Inline[] => {
    const groups = rows.filter((r) => r.vote_before === f.vote_before && r.vote_after === f.vote_after);
    const key = `flows ${f.vote_before} ${f.vote_after}`;
    return [
      num(i === 0 ? `${key}|State/States` : key),
      // No year right before a count: a figure typed beside a reference reads as a stale copy of it.
      ` that ${f.did_before} ${f.did_after} (`,
      ...groups.flatMap((g, j): Inline[] => [
        ...(j ? ["; "] : []),
        num(`${key} ${g.ccm_status}|${g.noun_one}/${g.noun_many}`),
        ": ",
        num(`names ${key} ${g.ccm_status}`),
      ]),
      ")",
    ];
  });
  return [
    {
      kind: "paragraph",
      content: [
        `From ${before} to ${year}, by CCM status on the ${year} vote date: `,
        ...parts.flatMap((p, i) => (i ? ["; ", ...p] : p)),
        note,
        ".",
      ],
    },
  ];
}

/** States that voted yes in an earlier year and later abstained, voted no or did not vote. */
function voteShiftBlocks(ctx: Context): Block[] {
  const rows = ctx.data.voteShifts;
  if (!rows) return [];
  const states = [...new Set(rows.map((r) => r.name_en))].sort();
  const gaps = rows[0]?.years_without_country_votes ?? null;
  if (states.length === 0) {
    return [
      {
        kind: "paragraph",
        content: [
          "No State that voted yes in an earlier year later abstained, voted no or did not vote, in the years with per-country votes.",
        ],
      },
    ];
  }
  const note = ctx.note("shifts");
  const byShift = (shift: string) => states.filter((n) => rows.some((r) => r.name_en === n && r.shift === shift));
  const years = [...new Set(rows.map((r) => r.year))].sort((a, b) => a - b);
  const parts: Inline[] = [];
  for (const shift of ["voted no", "abstained", "did not vote"]) {
    const names = byShift(shift);
    if (names.length)
      parts.push(
        ...(parts.length ? ["; "] : []),
        num(`shifts ${shift.replaceAll(" ", "_")}`),
        ` ${shift} at least once (`,
        num(`names shifts ${shift.replaceAll(" ", "_")}`),
        ")",
      );
  }
  return [
    {
      kind: "paragraph",
      content: [
        num("shifts"),
        ` States that had voted in favour in an earlier year later abstained, voted no or did not vote, between ${years[0]} and ${years.at(-1)}: `,
        ...parts,
        note,
        `.${gaps ? ` Per-country votes are not available for ${gaps}, so shifts in those years cannot be seen.` : ""}`,
      ],
    },
  ];
}
