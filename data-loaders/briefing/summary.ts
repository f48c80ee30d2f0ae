/** The summary: overall movement, steady risers and fallers, largest moves, membership, UNGA, annex count, pillar overview. */
import { renderSvg } from "../presentation/render.ts";
import { judgementBarsChart } from "../presentation/charts.ts";
import { TEXT_WIDTH_PX } from "./page.ts";
import type { CycleRow } from "../lib/view-rows.ts";
import { num, type Block, type Inline, type Section } from "./model.ts";
import { bullets, listPieces, listPlain, sentence, type ChartFile, type Context } from "./context.ts";
import { membershipParagraph, ungaSentence } from "./membership-unga.ts";

/**
 * Indicators that moved the same way in every cycle so far ("rose in each of the three cycles since 10MSP"). A paired
 * value trends per measure: its first measure may fall every cycle while its second rose once, and the sentence says so.
 */
function streakSentence(ctx: Context): Inline[] | null {
  const moves = ctx.data.cycles.length - 1;
  if (moves < 2) return null;
  // Whether any indicator moved the same way every time: mart judgements (steady).
  const up = ctx.data.judgements.some((j) => j.steady === "rose");
  const down = ctx.data.judgements.some((j) => j.steady === "fell");
  if (!up && !down) return null;
  // The list is a reference, like the count: when the data change, both follow them.
  const part = (verb: string, count: string): Inline[] => [
    num(`count ${count}|indicator`),
    ` ${verb} in each of the `,
    num("cycles changes"),
    " cycles since ",
    num("cycle first"),
    " (",
    num(`ids ${count}`),
    ")",
  ];
  const parts = [
    ...(up ? [part("rose", "rose_every_cycle")] : []),
    ...(down ? [part("fell", "fell_every_cycle")] : []),
  ];
  return parts.flatMap((p, i) => (i ? ["; ", ...p] : p));
}

/**
 * Why the indicators that cannot be compared cannot be: each reason of mart tally_terms that holds, in its words,
 * with the indicators it is true for.
 */
function notComparableSentence(ctx: Context): Inline[] | null {
  const groups = ctx.data.terms.filter((t) => t.pillar === "" && t.kind === "reason" && t.n > 0);
  if (!groups.length) return null;
  // The judgement the reasons explain: the one a tally leaves to a sentence of its own.
  const whole = ctx.data.terms.find((t) => t.pillar === "" && t.kind === "judgement" && !t.in_tally)!;
  if (groups.length === 1) {
    const g = groups[0]!;
    return [
      num(`count ${g.term}|indicator`),
      " (",
      num(`ids ${g.term}`),
      `) ${whole.phrase}: ${g.n === 1 ? "it" : "they"} ${g.phrase}`,
    ];
  }
  const parts = groups.map((g): Inline[] => [num(`count ${g.term}`), " (", num(`ids ${g.term}`), `) ${g.phrase}`]);
  return [num(`count ${whole.term}|indicator`), ` ${whole.phrase}: `, ...listPieces(parts, listPlain)];
}

/** Indicators that fell because the group they follow is exhausted: completion, not decline. */
function completedSentence(ctx: Context): Inline[] | null {
  const rows = ctx.data.judgements.filter((j) => j.judgement_key === "completed");
  if (!rows.length) return null;
  const groups = [
    ...new Set(
      rows.map(
        (r) =>
          `no ${r.completion_group_label ?? "States Parties in the group"} are left${r.completion_source ? ` (${r.completion_source})` : ""}`,
      ),
    ),
  ];
  return [
    num("count completed|indicator"),
    " (",
    num("ids completed"),
    `) fell because nobody is left to do what ${rows.length === 1 ? "it counts" : "they count"}: ${listPlain(groups)}. This is completion, not decline`,
  ];
}

/** Improved / declined / held per pillar: a table and a stacked bar chart. */
async function pillarOverviewBlocks(
  ctx: Context,
  target: CycleRow,
  note: { note: number },
  charts: ChartFile[],
): Promise<Block[]> {
  const pillars = ctx.data.pillars;
  const previous = ctx.data.cycles.at(-2)?.cycle ?? "the previous cycle";
  const { spec, title, description } = judgementBarsChart(pillars, previous, target.cycle, { width: TEXT_WIDTH_PX });
  const svg = await renderSvg(spec);
  const file = "charts/pillars-overview.svg";
  charts.push({ file, svg });
  return [
    {
      kind: "table",
      caption: [
        `Table S. Indicators that improved, declined, held or completed between ${previous} and ${target.cycle}, by pillar`,
        note,
      ],
      head: ["Pillar", "Indicators", "Improved", "Declined", "Held", "Completed", "Not comparable"],
      align: ["left", "right", "right", "right", "right", "right", "right"],
      name: "pillars-overview",
      rows: pillars.map((p) => [
        `${p.pillar_code}. ${p.pillar}`,
        String(p.indicators),
        String(p.improved),
        String(p.declined),
        String(p.held),
        String(p.completed),
        String(p.not_comparable),
      ]),
      widths: [35, 11, 11, 11, 10, 11, 11],
    },
    { kind: "chart", file, title, description, svg, note: note.note },
  ];
}

export async function summarySection(
  ctx: Context,
  target: CycleRow,
  first: CycleRow,
  charts: ChartFile[],
): Promise<Section> {
  const { data } = ctx;
  const blocks: Block[] = [];
  const trendNote = ctx.note("trends");
  const cycleNote = ctx.note("cycles");
  blocks.push({
    kind: "paragraph",
    content: [
      "This briefing follows ",
      num("count indicators"),
      " indicators of the Lausanne Action Plan (LAP) through ",
      num("cycles"),
      " reporting cycles, from ",
      num("cycle first"),
      " to ",
      num("cycle"),
      ...(target.period_start && target.period_end
        ? ["; the ", num("cycle"), " cycle covers ", num("date period_start"), " to ", num("date period_end")]
        : []),
      cycleNote,
      ". ",
      num("count measured"),
      " of them were measured in the ",
      num("cycle"),
      " cycle",
      trendNote,
      ".",
    ],
  });
  const notComparable = notComparableSentence(ctx);
  blocks.push({
    kind: "paragraph",
    content: [
      "Compared with the previous cycle, ",
      num("tally|indicator"),
      notComparable ? "" : "; every indicator can be compared",
      trendNote,
      ".",
    ],
  });
  const completed = completedSentence(ctx);
  if (completed) blocks.push({ kind: "paragraph", content: [...completed, trendNote, "."] });
  if (notComparable) blocks.push({ kind: "paragraph", content: [...notComparable, trendNote, "."] });
  const streaks = streakSentence(ctx);
  if (streaks) blocks.push({ kind: "paragraph", content: [...streaks, trendNote, "."] });
  const membership = membershipParagraph(ctx, target);
  if (membership.length) blocks.push({ kind: "paragraph", content: membership });

  // The largest moves by the rule of mart highlights: three counted in States Parties, then the largest of each other
  // unit (+13 women and +11 States Parties are not the same size).
  const highlighted = (judgement: string, main: boolean) =>
    data.highlights
      .filter((m) => m.judgement === judgement && m.is_main_unit === main)
      .map((m) => ctx.row(m.indicator_id, data.cycle)!);
  for (const [judgement, heading] of [
    [
      "improved",
      [
        "The largest improvements in the ",
        num("cycle"),
        " cycle, ranked by the change in the number of States Parties:",
      ],
    ],
    ["declined", ["The largest declines, ranked the same way:"]],
  ] as const) {
    const main = highlighted(judgement, true);
    const others = highlighted(judgement, false);
    if (main.length) {
      // A tie at the cut is listed whole (mart highlights); the heading says so, so four items are not a miscount.
      // In words without a number: the draft is a source whose quantities are references, never typed in.
      const ranks = data.highlights
        .filter((m) => m.judgement === judgement && m.is_main_unit)
        .map((m) => m.rank_in_unit);
      const tied = ranks.filter((r) => ranks.indexOf(r) !== ranks.lastIndexOf(r)).length;
      const tie = tied ? [" (tied at the cut, so every tied indicator is listed)"] : [];
      blocks.push({
        kind: "paragraph",
        content: [...heading.slice(0, -1), `${String(heading.at(-1)).replace(/:$/, "")}`, ...tie, ":"],
      });
      blocks.push(bullets(main.map((r) => sentence(ctx, r))));
    }
    if (others.length) {
      blocks.push({
        kind: "paragraph",
        content: [
          `Among indicators that count something else, the largest ${judgement === "improved" ? "improvement" : "decline"} in each unit (${listPlain([...new Set(others.map((r) => r.unit ?? "other"))])}):`,
        ],
      });
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
          ? [
              "The consistency checks found ",
              num("issues consistency|point"),
              " where the report's figures or lists do not agree with each other; the annex lists them with their paragraphs",
            ]
          : ["The consistency checks found no point where the report's figures or lists disagree"]),
        ctx.note("issues"),
        ".",
      ],
    });
  }
  blocks.push(...(await pillarOverviewBlocks(ctx, target, trendNote, charts)));
  if (data.missing.length) {
    blocks.push({
      kind: "paragraph",
      content: [`Not covered, because the database does not contain them yet: ${data.missing.join(", ")}.`],
    });
  }
  return { id: "summary", title: "Summary", blocks };
}
