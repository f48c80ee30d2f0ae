/** The summary: overall movement, steady risers and fallers, largest moves, membership, UNGA, annex count, pillar overview. */
import { renderSvg } from "../presentation/render.ts";
import { judgementBarsChart } from "../presentation/charts.ts";
import type { CycleRow, TrendRow } from "./data.ts";
import { num, type Block, type Inline, type Section } from "./model.ts";
import { countNoun, proseNumber } from "../presentation/number-words.ts";
import { listNames } from "./text.ts";
import { longDate } from "../presentation/formats.ts";
import { bullets, listPieces, listPlain, sentence, tally, type ChartFile, type Context } from "./context.ts";
import { membershipParagraph, ungaSentence } from "./membership-unga.ts";

/**
 * Indicators that moved the same way in every cycle so far ("rose in each of the three cycles since 10MSP"). A paired
 * value trends per measure: its first measure may fall every cycle while its second rose once, and the sentence says so.
 */
function streakSentence(ctx: Context): Inline[] | null {
  const moves = ctx.data.cycles.length - 1;
  if (moves < 2) return null;
  const steady = (direction: string) =>
    ctx.targetRows.filter((r) => r.direction === direction && r.streak === moves).sort((a, b) => a.action - b.action || a.seq - b.seq);
  const up = steady("up");
  const down = steady("down");
  if (!up.length && !down.length) return null;
  const since = ctx.data.cycles[0]!.cycle;
  const name = (r: TrendRow): Inline[] => {
    if (r.value_secondary === null || !r.secondary_measure) return [r.indicator_id];
    const counting = `${r.indicator_id}, counting ${r.measure ?? "its first measure"}`;
    if (r.secondary_direction === r.direction && r.secondary_streak === moves) return [`${counting} and ${r.secondary_measure} alike`];
    const run = r.secondary_streak ?? 0;
    const verb = r.secondary_direction === "up" ? "rose" : r.secondary_direction === "down" ? "fell" : "held";
    return [`${counting}; its ${r.secondary_measure} ${verb} only in the last `, ...(run === 1 ? ["cycle"] : [num(`trend ${r.indicator_id} secondary_streak`, proseNumber(run)), " cycles"])];
  };
  const part = (rows: TrendRow[], verb: string, count: string, first: boolean): Inline[] => [
    num(`count ${count}|indicator`, `${proseNumber(rows.length, { capitalize: first })} ${rows.length === 1 ? "indicator" : "indicators"}`),
    ` ${verb} in each of the `,
    num("cycles changes", proseNumber(moves)),
    " cycles since ",
    num("cycle first", since),
    " (",
    ...listPieces(rows.map(name), listNames),
    ")",
  ];
  const parts = [...(up.length ? [part(up, "rose", "rose_every_cycle", true)] : []), ...(down.length ? [part(down, "fell", "fell_every_cycle", !up.length)] : [])];
  return parts.flatMap((p, i) => (i ? ["; ", ...p] : p));
}

/** Why the indicators that cannot be compared cannot be, each reason with the indicators it is true for. */
function notComparableSentence(ctx: Context): Inline[] | null {
  const reasons: [string, string, string][] = [
    ["not measured", "not_measured", "were not measured in this cycle"],
    ["first measured", "first_measured", "were measured for the first time"],
    ["no better direction", "no_better_direction", "moved, but neither direction is better for them (a rise or fall is neither good nor bad news by itself)"],
  ];
  const rows = ctx.targetRows.filter((r) => r.judgement === "not comparable");
  if (!rows.length) return null;
  const groups = reasons
    .map(([basis, count, why]) => [rows.filter((r) => r.judgement_basis === basis).map((r) => r.indicator_id), count, why] as const)
    .filter(([ids]) => ids.length);
  const said = (ids: string[], why: string) => why.replace(/^were/, ids.length === 1 ? "was" : "were").replace(/for them/, ids.length === 1 ? "for it" : "for them");
  const noun = (n: number) => (n === 1 ? "indicator" : "indicators");
  if (groups.length === 1) {
    const [ids, count, why] = groups[0]!;
    return [num(`count ${count}|indicator`, `${proseNumber(ids.length, { capitalize: true })} ${noun(ids.length)}`), " (", num(`ids ${count}`, listNames(ids)), `) cannot be compared: ${ids.length === 1 ? "it" : "they"} ${said(ids, why)}`];
  }
  const parts = groups.map(([ids, count, why]): Inline[] => [num(`count ${count}`, proseNumber(ids.length)), " (", num(`ids ${count}`, listNames(ids)), `) ${said(ids, why)}`]);
  return [num("count not_comparable|indicator", `${proseNumber(rows.length, { capitalize: true })} ${noun(rows.length)}`), " cannot be compared: ", ...listPieces(parts, listPlain)];
}

/** Indicators that fell because the group they follow is exhausted: completion, not decline. */
function completedSentence(ctx: Context): Inline[] | null {
  const rows = ctx.targetRows.filter((r) => r.judgement === "completed");
  if (!rows.length) return null;
  const groups = [...new Set(rows.map((r) => `no ${r.completion_group_label ?? "States Parties in the group"} are left${r.completion_source ? ` (${r.completion_source})` : ""}`))];
  return [
    num("count completed|indicator", `${proseNumber(rows.length, { capitalize: true })} ${rows.length === 1 ? "indicator" : "indicators"}`),
    " (",
    num("ids completed", listNames(rows.map((r) => r.indicator_id))),
    `) fell because nobody is left to do what ${rows.length === 1 ? "it counts" : "they count"}: ${listPlain(groups)}. This is completion, not decline`,
  ];
}

/** Improved / declined / held per pillar: a table and a stacked bar chart. */
async function pillarOverviewBlocks(ctx: Context, target: CycleRow, note: { note: number }, charts: ChartFile[]): Promise<Block[]> {
  const pillars = ctx.data.pillars;
  const previous = ctx.data.cycles.at(-2)?.cycle ?? "the previous cycle";
  const { spec, title, description } = judgementBarsChart(pillars, previous, target.cycle);
  const svg = await renderSvg(spec);
  const file = "charts/pillars-overview.svg";
  charts.push({ file, svg });
  return [
    {
      kind: "table",
      caption: [`Table S. Indicators that improved, declined, held or completed between ${previous} and ${target.cycle}, by pillar`, note],
      head: ["Pillar", "Indicators", "Improved", "Declined", "Held", "Completed", "Not comparable"],
      align: ["left", "right", "right", "right", "right", "right", "right"],
      name: "pillars-overview",
      rows: pillars.map((p) => [`${p.pillar_code}. ${p.pillar}`, String(p.indicators), String(p.improved), String(p.declined), String(p.held), String(p.completed), String(p.not_comparable)]),
      widths: [35, 11, 11, 11, 10, 11, 11],
    },
    { kind: "chart", file, title, description, svg, note: note.note },
  ];
}

export async function summarySection(ctx: Context, target: CycleRow, first: CycleRow, charts: ChartFile[]): Promise<Section> {
  const { data, notes } = ctx;
  const blocks: Block[] = [];
  const indicators = ctx.byIndicator.size;
  const measured = ctx.targetRows.filter((r) => r.value !== null).length;
  const trendNote = notes.cite(`Counts computed by ccm-trends (views indicator_trends and pillar_trends) from ${ctx.dataset("indicator_values")} and ${ctx.dataset("indicators")}.`, "trends");
  const cycleRefs = [...new Set(data.cycles.map((c) => c.source_ref ?? `${c.cycle}: no reference`))];
  const cycleNote = notes.cite(`Reporting cycles (${ctx.dataset("cycles")}): ${cycleRefs.join("; ")}.`, "cycles");
  blocks.push({
    kind: "paragraph",
    content: [
      "This briefing follows ",
      num("count indicators", proseNumber(indicators)),
      " indicators of the Lausanne Action Plan (LAP) through ",
      num("cycles", proseNumber(data.cycles.length)),
      " reporting cycles, from ",
      num("cycle first", first.cycle),
      " to ",
      num("cycle", target.cycle),
      ...(target.period_start && target.period_end
        ? ["; the ", num("cycle", target.cycle), " cycle covers ", num("date period_start", longDate(target.period_start)), " to ", num("date period_end", longDate(target.period_end))]
        : []),
      cycleNote,
      ". ",
      num("count measured", proseNumber(measured, { capitalize: true })),
      " of them were measured in the ",
      num("cycle", target.cycle),
      " cycle",
      trendNote,
      ".",
    ],
  });
  const notComparable = notComparableSentence(ctx);
  const counts = { improved: 0, declined: 0, held: 0, completed: 0 };
  for (const p of data.pillars) for (const k of Object.keys(counts) as (keyof typeof counts)[]) counts[k] += p[k];
  const noun = [counts.improved, counts.declined, counts.held, counts.completed].find((n) => n > 0) === 1 ? "indicator" : "indicators";
  blocks.push({
    kind: "paragraph",
    content: ["Compared with the previous cycle, ", num("tally|indicator", tally(counts.improved, counts.declined, counts.held, noun, counts.completed)), notComparable ? "" : "; every indicator can be compared", trendNote, "."],
  });
  const completed = completedSentence(ctx);
  if (completed) blocks.push({ kind: "paragraph", content: [...completed, trendNote, "."] });
  if (notComparable) blocks.push({ kind: "paragraph", content: [...notComparable, trendNote, "."] });
  const streaks = streakSentence(ctx);
  if (streaks) blocks.push({ kind: "paragraph", content: [...streaks, trendNote, "."] });
  const membership = membershipParagraph(ctx, target);
  if (membership.length) blocks.push({ kind: "paragraph", content: membership });

  // Moves are ranked within a unit (view largest_movements, rank_in_unit): +13 women and +11 States Parties are not
  // the same size. States Parties first, the unit most indicators count; then the largest move of each other unit.
  const MAIN_UNIT = "States Parties";
  const ranked = (judgement: string, unit: (u: string | null) => boolean, top: number) =>
    data.movements
      .filter((m) => m.judgement === judgement && unit(m.unit) && m.rank_in_unit <= top)
      .sort((a, b) => a.rank_in_unit - b.rank_in_unit || (a.unit ?? "").localeCompare(b.unit ?? ""))
      .map((m) => ctx.row(m.indicator_id, data.cycle)!)
      .filter(Boolean)
      .slice(0, top === 1 ? undefined : top);
  for (const [judgement, heading] of [
    ["improved", ["The largest improvements in the ", num("cycle", data.cycle), " cycle, ranked by the change in the number of States Parties:"]],
    ["declined", ["The largest declines, ranked the same way:"]],
  ] as const) {
    const main = ranked(judgement, (u) => u === MAIN_UNIT, 3);
    const others = ranked(judgement, (u) => u !== MAIN_UNIT, 1);
    if (main.length) {
      blocks.push({ kind: "paragraph", content: [...heading] });
      blocks.push(bullets(main.map((r) => sentence(ctx, r))));
    }
    if (others.length) {
      blocks.push({ kind: "paragraph", content: [`Among indicators that count something else, the largest ${judgement === "improved" ? "improvement" : "decline"} in each unit (${listPlain([...new Set(others.map((r) => r.unit ?? "other"))])}):`] });
      blocks.push(bullets(others.map((r) => sentence(ctx, r))));
    }
  }
  const unga = ungaSentence(ctx);
  if (unga) blocks.push({ kind: "paragraph", content: unga });
  if (data.issues) {
    blocks.push({
      kind: "paragraph",
      content: [
        ...(data.issues.length
          ? ["The consistency checks found ", num("issues consistency|point", countNoun(data.issues.length, "point")), " where the report's figures or lists do not agree with each other; the annex lists them with their paragraphs"]
          : ["The consistency checks found no point where the report's figures or lists disagree"]),
        notes.cite(`Consistency checks of ccm-trends (view consistency_issues) over ${ctx.dataset("findings")} and ${ctx.dataset("indicator_values")}.`, "issues"),
        ".",
      ],
    });
  }
  blocks.push(...(await pillarOverviewBlocks(ctx, target, trendNote, charts)));
  if (data.missing.length) {
    blocks.push({ kind: "paragraph", content: [`Not covered, because the database does not contain them yet: ${data.missing.join(", ")}.`] });
  }
  return { id: "summary", title: "Summary", blocks };
}
