/** The summary: overall movement, steady risers and fallers, largest moves, membership, UNGA, annex count, pillar overview. */
import { renderSvg } from "../charts/render.ts";
import { judgementBarsChart } from "../charts/specs.ts";
import type { CycleRow } from "./data.ts";
import type { Block, Section } from "./model.ts";
import { capitalize, countPhrase } from "../lib/number-words.ts";
import { longDate, listNames } from "./text.ts";
import { bullets, sentence, tally, type ChartFile, type Context } from "./context.ts";
import { membershipSentences, ungaSentence } from "./membership-unga.ts";

/** Indicators that moved the same way in every cycle so far ("rose in each of the three cycles since 10MSP"). */
function streakSentence(ctx: Context): string | null {
  const moves = ctx.data.cycles.length - 1;
  if (moves < 2) return null;
  const steady = (direction: string) =>
    ctx.targetRows
      .filter((r) => r.direction === direction && r.streak === moves)
      .sort((a, b) => a.action - b.action || a.seq - b.seq)
      .map((r) => r.indicator_id);
  const up = steady("up");
  const down = steady("down");
  if (!up.length && !down.length) return null;
  const since = ctx.data.cycles[0]!.cycle;
  const part = (ids: string[], verb: string) => `${countPhrase(ids.length)} ${ids.length === 1 ? "indicator" : "indicators"} ${verb} in each of the ${countPhrase(moves)} cycles since ${since} (${listNames(ids)})`;
  const parts = [...(up.length ? [part(up, "rose")] : []), ...(down.length ? [part(down, "fell")] : [])];
  return capitalize(parts.join("; "));
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
      caption: [`Table S. Indicators that improved, declined or held between ${previous} and ${target.cycle}, by pillar`, note],
      head: ["Pillar", "Indicators", "Improved", "Declined", "Held", "Not comparable"],
      align: ["left", "right", "right", "right", "right", "right"],
      rows: pillars.map((p) => [`${p.pillar_code}. ${p.pillar}`, String(p.indicators), String(p.improved), String(p.declined), String(p.held), String(p.not_comparable)]),
      widths: [40, 12, 12, 12, 12, 12],
    },
    { kind: "chart", file, title, description, svg, note: note.note },
  ];
}

export async function summarySection(ctx: Context, target: CycleRow, first: CycleRow, charts: ChartFile[]): Promise<Section> {
  const { data, notes } = ctx;
  const blocks: Block[] = [];
  const indicators = ctx.byIndicator.size;
  const measured = ctx.targetRows.filter((r) => r.value !== null).length;
  const trendNote = notes.cite(`Counts computed by ccm-trends (views indicator_trends and pillar_trends) from ${ctx.dataset("indicator_values")} and ${ctx.dataset("indicators")}.`);
  const cycleRefs = [...new Set(data.cycles.map((c) => c.source_ref ?? `${c.cycle}: no reference`))];
  const cycleNote = notes.cite(`Reporting cycles (${ctx.dataset("cycles")}): ${cycleRefs.join("; ")}.`);
  blocks.push({
    kind: "paragraph",
    content: [
      `This briefing follows ${countPhrase(indicators)} indicators of the Lausanne Action Plan (LAP) through ${countPhrase(data.cycles.length)} reporting cycles, from ${first.cycle} to ${target.cycle}`,
      target.period_start && target.period_end ? `; the ${target.cycle} cycle covers ${longDate(target.period_start)} to ${longDate(target.period_end)}` : "",
      cycleNote,
      `. ${capitalize(countPhrase(measured))} of them were measured in the ${target.cycle} cycle`,
      trendNote,
      ".",
    ],
  });
  const sum = (k: "improved" | "declined" | "held" | "not_comparable") => data.pillars.reduce((a, p) => a + p[k], 0);
  blocks.push({
    kind: "paragraph",
    content: [
      `Compared with the previous cycle, ${tally(sum("improved"), sum("declined"), sum("held"), "indicators")}; ${sum("not_comparable") ? `${countPhrase(sum("not_comparable"))} cannot be compared because they were not measured, were measured for the first time, or have no better direction` : "every indicator can be compared"}`,
      trendNote,
      ".",
    ],
  });
  const streaks = streakSentence(ctx);
  if (streaks) blocks.push({ kind: "paragraph", content: [streaks, trendNote, "."] });
  const membership = membershipSentences(ctx, target);
  if (membership.length) blocks.push({ kind: "paragraph", content: membership.flat() });

  const byRank = data.movements.map((m) => ctx.row(m.indicator_id, data.cycle)!).filter(Boolean);
  const improved = byRank.filter((r) => r.judgement === "improved").slice(0, 3);
  const declined = byRank.filter((r) => r.judgement === "declined").slice(0, 3);
  if (improved.length) {
    blocks.push({ kind: "paragraph", content: [`The largest improvements in the ${data.cycle} cycle:`] });
    blocks.push(bullets(improved.map((r) => sentence(ctx, r))));
  }
  if (declined.length) {
    blocks.push({ kind: "paragraph", content: [`The largest declines:`] });
    blocks.push(bullets(declined.map((r) => sentence(ctx, r))));
  }
  const unga = ungaSentence(ctx);
  if (unga) blocks.push({ kind: "paragraph", content: unga });
  if (data.issues) {
    blocks.push({
      kind: "paragraph",
      content: [
        data.issues.length
          ? `The consistency checks found ${countPhrase(data.issues.length)} points where the report's figures or lists do not agree with each other; the annex lists them with their paragraphs`
          : "The consistency checks found no point where the report's figures or lists disagree",
        notes.cite(`Consistency checks of ccm-trends (view consistency_issues) over ${ctx.dataset("findings")} and ${ctx.dataset("indicator_values")}.`),
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
