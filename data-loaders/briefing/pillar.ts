/** One section per pillar: counts, largest movements in words, small-multiple chart and the trend table. */
import { renderSvg } from "../presentation/render.ts";
import { pillarTrendChart } from "../presentation/charts.ts";
import { TEXT_WIDTH_PX } from "./page.ts";
import type { CycleRow, TrendRow } from "../lib/view-rows.ts";
import { num, type Block, type Section } from "./model.ts";
import { figure, formatThousands } from "../presentation/number-words.ts";
import { compactTable } from "./sources.ts";
import { firstSentence, signed } from "./text.ts";
import { bullets, sentence, type ChartFile, type Context } from "./context.ts";

function cellValue(r: TrendRow | undefined): string {
  // As the report prints it; the caption says that N/A means not measured (it is never read as 0).
  if (!r || r.value === null) return "N/A";
  if (r.value_secondary !== null) return `${figure(r.value)} / ${formatThousands(r.value_secondary)}`;
  return `${figure(r.value)}${r.revised ? "*" : ""}`;
}

/** The table's Trend cell: the view's judgement; a paired value gives each measure its own trend. */
function trendWords(r: TrendRow): string {
  if (r.direction === "not measured" || r.direction === "first measured") return r.direction;
  const moved = (direction: string | null) => (direction === "up" ? "rose" : direction === "down" ? "fell" : "held");
  const run = (streak: number | null, direction: string | null) =>
    streak !== null && streak >= 2 && direction !== "flat" ? ` (${streak} in a row)` : "";
  const record = (rec: string | null) => (rec === "highest" || rec === "lowest" ? `, ${rec}` : "");
  // A completed indicator is at its lowest because nobody is left to do it: no record is given.
  if (r.judgement === "completed") return "completed (group exhausted)";
  let s = r.judgement === "not comparable" ? moved(r.direction) : r.judgement;
  s += run(r.streak, r.direction);
  if (r.measured_to_date > 2) s += record(r.record_to_date);
  if (
    r.value_secondary !== null &&
    r.secondary_measure &&
    r.secondary_direction &&
    r.secondary_direction !== "first measured"
  ) {
    s = `${r.measure ?? "first"}: ${s}; ${r.secondary_measure}: ${moved(r.secondary_direction)}${run(r.secondary_streak, r.secondary_direction)}${record(r.secondary_record_to_date)}`;
  }
  return s;
}

/** Column widths (percent) of a trend table: the indicator text gets what the figures leave. */
function trendWidths(cycleCount: number): number[] {
  const lap = 5.5;
  const figureCol = 6.5;
  const change = 8;
  const trend = 14;
  const indicator = 100 - lap - figureCol * cycleCount - 2 * change - trend;
  return [lap, indicator, ...Array.from({ length: cycleCount }, () => figureCol), change, change, trend];
}

/** Short table label: the first clause of the indicator text, spelled out. */
function label(text: string, max = 110): string {
  const s = firstSentence(text)
    .replace(/ \(SPs\)/g, "")
    .replace(/\bSPs\b/g, "States Parties");
  if (s.length <= max) return s;
  const cut = s.lastIndexOf(" ", max - 1);
  return `${s.slice(0, cut > 60 ? cut : max - 1)} …`;
}

export async function pillarSection(
  ctx: Context,
  code: string,
  target: CycleRow,
  charts: ChartFile[],
): Promise<Section> {
  const { data, notes } = ctx;
  const pillar = data.pillars.find((p) => p.pillar_code === code)!;
  const rows = ctx.targetRows.filter((r) => r.pillar_code === code);
  const cycles = data.cycles.map((c) => c.cycle);
  const previous = data.cycles.at(-2)?.cycle;
  const first = data.cycles[0]!.cycle;
  const blocks: Block[] = [];

  const tableRefs = rows.flatMap((r) =>
    (ctx.byIndicator.get(r.indicator_id) ?? []).map((x) => x.source_ref).filter((x): x is string => x !== null),
  );
  const sourceNote = notes.cite(
    `${compactTable(tableRefs)} (${ctx.dataset("indicator_values")}); changes and trends computed by ccm-trends (view indicator_trends).`,
  );
  const countNote = ctx.note(`pillar ${code}`);
  // The judgements a tally leaves to a clause of their own ("two cannot be compared"), in the mart's words.
  const notComparable = ctx.data.terms.filter((t) => t.pillar === code && t.kind === "judgement" && !t.in_tally);
  blocks.push({
    kind: "paragraph",
    content: [
      "Of the ",
      num(`count indicators ${code}|indicator`),
      " of this pillar in the ",
      num("cycle"),
      " cycle, ",
      num(`tally ${code}`),
      ...notComparable.filter((t) => t.n > 0).flatMap((t) => ["; ", num(`count ${t.term} ${code}`), ` ${t.phrase}`]),
      countNote,
      ".",
    ],
  });

  // The moves the section names, by the rule of mart pillar_highlights (three of each unit, States Parties first).
  const moves = data.pillarHighlights
    .filter((m) => m.pillar_code === code)
    .map((m) => ctx.row(m.indicator_id, data.cycle)!);
  const units = new Set(moves.map((r) => r.unit));
  if (moves.length) {
    blocks.push({
      kind: "paragraph",
      content: [
        units.size > 1
          ? `Largest movements since the previous cycle, ranked within each unit (${[...units].join(", ")}):`
          : `Largest movements since the previous cycle:`,
      ],
    });
    blocks.push(bullets(moves.map((r) => sentence(ctx, r))));
  } else {
    blocks.push({ kind: "paragraph", content: ["No indicator of this pillar moved in the ", num("cycle"), " cycle."] });
  }

  const head = ["LAP", "Indicator", ...cycles, previous ? `vs ${previous}` : "Change", `vs ${first}`, "Trend"];
  const align: ("left" | "right")[] = ["left", "left", ...cycles.map(() => "right" as const), "right", "right", "left"];
  const tableRows = rows.map((r) => {
    const history = ctx.byIndicator.get(r.indicator_id) ?? [];
    return [
      r.indicator_id,
      label(r.text),
      ...cycles.map((c) => cellValue(history.find((h) => h.cycle === c))),
      signed(r.change_since_previous),
      signed(r.change_since_first),
      trendWords(r),
    ];
  });
  const revised = rows.some((r) => (ctx.byIndicator.get(r.indicator_id) ?? []).some((h) => h.revised));
  const notMeasured = rows.some((r) => (ctx.byIndicator.get(r.indicator_id) ?? []).some((h) => h.value === null));
  const legend = [revised ? "* figure updated in a later report" : "", notMeasured ? "N/A: not measured" : ""]
    .filter(Boolean)
    .join("; ");
  const history = rows.flatMap((r) => ctx.byIndicator.get(r.indicator_id) ?? []);
  const chart = pillarTrendChart(code, pillar.pillar, history, cycles, target.cycle, { width: TEXT_WIDTH_PX });
  if (chart) {
    const file = `charts/pillar-${code}.svg`;
    const svg = await renderSvg(chart.spec);
    charts.push({ file, svg });
    blocks.push({
      kind: "chart",
      file,
      title: chart.title,
      description: chart.description,
      svg,
      note: sourceNote.note,
    });
  }
  const tableBlock: Block = {
    kind: "table",
    name: `pillar-${code}`,
    caption: [
      `Table ${code}. ${pillar.pillar}: indicator values, ${first} to ${target.cycle}${legend ? ` (${legend})` : ""}`,
      sourceNote,
    ],
    head,
    align,
    rows: tableRows,
    className: "trend",
    widths: trendWidths(cycles.length),
  };

  blocks.push(tableBlock);
  return { id: `pillar-${code}`, title: `${code}. ${pillar.pillar}`, blocks };
}
