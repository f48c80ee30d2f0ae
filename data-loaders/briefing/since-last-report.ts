/**
 * "What changed since last year": for a briefing whose report follows another in the database, the values
 * its report prints differently from the report before (revised figures, newly marked revisions) and the
 * statements whose named States changed (who joined a list, who left it), each sentence footnoted with both
 * reports' places. Read from the views indicator_revisions and finding_revisions; absent for the first report.
 */
import { num, type Block, type Section } from "./model.ts";
import type { FindingRevisionRow, IndicatorRevisionRow } from "../lib/view-rows.ts";
import { listNames } from "./text.ts";
import type { Context } from "./context.ts";

const KIND: Record<IndicatorRevisionRow["kind"], string> = {
  value: "figure revised",
  newly_marked_revised: "now marked as revised",
  printed_form: "printed differently",
};

function changeText(r: IndicatorRevisionRow): string {
  if (r.change === null || r.change === 0) return "–";
  return r.change > 0 ? `+${r.change}` : `−${-r.change}`;
}

function valueBlocks(ctx: Context, previous: string, report: string, values: IndicatorRevisionRow[]): Block[] {
  // The reports are named by their cycles ({cycle}, {cycle previous}), and the counts are references, so that init
  // writes these paragraphs as editable sentences.
  const reports = [num("cycle"), num("cycle previous")] as const;
  if (values.length === 0) {
    return [
      {
        kind: "paragraph",
        content: [
          "The ",
          reports[0],
          " report prints every figure of the earlier cycles as the ",
          reports[1],
          " report did",
          ctx.note("revisions figures"),
          ".",
        ],
      },
    ];
  }
  const note = ctx.note("revisions figures");
  return [
    {
      kind: "paragraph",
      content: [
        "The ",
        reports[0],
        " report prints ",
        num("revisions figures|figure"),
        " of earlier cycles (",
        num("revisions figures cycles"),
        ") differently from the ",
        reports[1],
        " report",
        note,
        ". The trends in this briefing use the latest printing.",
      ],
    },
    {
      kind: "table",
      name: "since-last-report.revised",
      caption: [`Figures revised since the ${previous} report`, note],
      head: ["Indicator", "Cycle", previous, report, "Change", "What changed", "Footnote"],
      align: ["left", "left", "right", "right", "right", "left", "left"],
      rows: values.map((v) => [
        v.indicator_id,
        v.cycle,
        v.earlier_printed,
        v.later_printed,
        changeText(v),
        KIND[v.kind],
        v.footnote ?? "–",
      ]),
    },
  ];
}

function findingSentence(f: FindingRevisionRow): string {
  const parts: string[] = [];
  if (f.earlier_count !== f.later_count)
    parts.push(`the count went from ${f.earlier_count ?? "none"} to ${f.later_count ?? "none"}`);
  const joined = f.joined_names ?? [];
  const left = f.left_names ?? [];
  if (joined.length) parts.push(`${listNames(joined)} joined the list`);
  if (left.length) parts.push(`${listNames(left)} ${left.length === 1 ? "is" : "are"} no longer named`);
  const where =
    f.earlier_paragraph === f.later_paragraph
      ? `paragraph ${f.later_paragraph}`
      : `paragraph ${f.later_paragraph} (paragraph ${f.earlier_paragraph} of the ${f.earlier_report} report)`;
  return `${f.counted.charAt(0).toUpperCase()}${f.counted.slice(1)}, ${where}: ${parts.join("; ")}`;
}

function findingBlocks(ctx: Context, previous: string, report: string, findings: FindingRevisionRow[]): Block[] {
  if (findings.length === 0) {
    return [
      {
        kind: "paragraph",
        content: [
          "No statement printed in both reports names other States or gives another count in the ",
          num("cycle"),
          " report than in the ",
          num("cycle previous"),
          " report",
          ctx.note("revisions statements"),
          ".",
        ],
      },
    ];
  }
  return [
    {
      kind: "paragraph",
      content: [
        // The report is the subject, so that no verb agrees with the count: the sentence stays true as it changes.
        "In ",
        num("revisions statements|statement"),
        " printed in both reports, the ",
        num("cycle"),
        " report names other States or gives another count",
        ctx.note("revisions statements"),
        ":",
      ],
    },
    {
      kind: "list",
      name: "since-last-report.findings-list",
      items: findings.map((f) => [
        findingSentence(f),
        ctx.notes.cite(`${f.earlier_source}; ${f.later_source} (view finding_revisions).`),
        ".",
      ]),
    },
  ];
}

/** The section, or null for a briefing of the first report in the database. */
export function sinceLastReportSection(ctx: Context): Section | null {
  const since = ctx.data.sinceLastReport;
  if (!since) return null;
  const report = ctx.data.cycle;
  return {
    id: "since-last-report",
    title: `What changed since the ${since.previous} report`,
    blocks: [
      ...valueBlocks(ctx, since.previous, report, since.values),
      ...findingBlocks(ctx, since.previous, report, since.findings),
    ],
  };
}
