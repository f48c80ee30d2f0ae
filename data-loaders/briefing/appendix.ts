/** The annex of the report's internal inconsistencies, and the section about the data. */
import { num, type Block, type Inline, type Section } from "./model.ts";
import type { Context } from "./context.ts";

/**
 * An annex table of issues, its rows numbered from 1 in a first "No." column, so that a sentence giving a contested
 * figure can point to its row ("consistency annex, item 5"; "records annex, item 3"). Every other column is text.
 */
function numberedIssues(name: string, caption: Inline[], head: string[], widths: number[], rows: string[][]): Block {
  return {
    kind: "table",
    name,
    caption,
    head: ["No.", ...head],
    align: ["right", ...head.map(() => "left" as const)],
    widths: [4, ...widths],
    rows: rows.map((r, n) => [String(n + 1), ...r]),
    className: "issues",
  };
}

export function annexSection(ctx: Context): Section {
  const issues = ctx.data.issues;
  const blocks: Block[] = [];
  if (!issues) {
    blocks.push({
      kind: "paragraph",
      content: ["The database has no consistency checks (consistency_issues), so this annex is empty."],
    });
  } else if (issues.length === 0) {
    blocks.push({ kind: "paragraph", content: ["The consistency checks found no inconsistency in the report."] });
  } else {
    const note = ctx.note("annex");
    blocks.push({
      kind: "paragraph",
      content: [
        num("issues consistency|point"),
        " in the report where a stated figure, a list of States or a table do not agree with each other",
        ...severities(
          "consistency",
          issues.map((i) => i.severity),
        ),
        note,
        ". Errors are contradictions as printed; warnings may have an explanation that the report gives elsewhere.",
      ],
    });
    blocks.push(
      numberedIssues(
        "annex",
        ["Annex table. Consistency issues in the progress report", note],
        ["Paragraph", "Kind", "Severity", "Expected", "Found", "Explanation"],
        [10, 12, 8, 16, 16, 34],
        issues.map((i) => [
          [i.paragraph, i.related].filter(Boolean).join(" / ") || "–",
          i.kind.replaceAll("_", " "),
          i.severity,
          i.expected ?? "–",
          i.found ?? "–",
          i.explanation,
        ]),
      ),
    );
  }
  return { id: "annex", title: "Annex: consistency issues in the report", blocks };
}

/** The annex of the report's statements that the UN's own records (votes, treaty actions) contradict. */
export function recordAnnexSection(ctx: Context): Section {
  const issues = ctx.data.recordIssues;
  const blocks: Block[] = [];
  if (!issues) {
    blocks.push({
      kind: "paragraph",
      content: [
        "The database has no comparison of the report with the UN's records (report_record_issues), so this annex is empty.",
      ],
    });
  } else if (issues.length === 0) {
    blocks.push({
      kind: "paragraph",
      content: [
        "Every statement of the report about UNGA votes and membership that the UN's records can check agrees with them.",
      ],
    });
  } else {
    const note = ctx.note("annex-records");
    blocks.push({
      kind: "paragraph",
      content: [
        num("issues records|statement"),
        ` of the report about UNGA votes or membership ${issues.length === 1 ? "disagrees" : "disagree"} with the UN's own records`,
        ...severities(
          "records",
          issues.map((i) => i.severity),
        ),
        note,
        ". Each row gives both sides and the definition used to read the record; where the report's words allow another reading, the record's figure under that reading is given too.",
      ],
    });
    blocks.push(
      numberedIssues(
        "annex-records",
        ["Annex table. The report against the UN's records", note],
        ["Para.", "Subject", "Severity", "The report says", "The record says", "Sources and definition"],
        [10, 13, 8, 15, 20, 30],
        issues.map((i) => [
          i.paragraph,
          i.subject,
          i.severity,
          i.report_says,
          i.record_says,
          `${i.report_source}; ${i.record_source}. ${i.definition}${i.alternative_definition ? ` (other reading: ${i.alternative_definition})` : ""}.`,
        ]),
      ),
    );
  }
  return { id: "annex-records", title: "Annex: the report against the UN's records", blocks };
}

export function aboutSection(ctx: Context): Section {
  const blocks: Block[] = [];
  const datasetsNote = ctx.note("datasets");
  blocks.push({
    kind: "paragraph",
    content: [
      "Every figure in this briefing is read from the ccm-trends database, built from ",
      num("count datasets"),
      " datasets (the curated datasets of sources/ and the UN Digital Library's voting files)",
      datasetsNote,
      `; every number carries a note with its source. Changes compare a value with the latest earlier cycle in which the indicator was measured; a value the report gives as N/A is "not measured", never zero. Whether a movement is an improvement depends on the indicator's polarity (for example, fewer confirmed cases of use is better); a value that falls because nobody is left to do it (every State Party in the group has completed) is completion, not decline. A share is taken of the group the indicator counts among (affected States Parties, States Parties with victims, extension requests, …), with the report's own count for that cycle, or of the States Parties during the reporting period; where that size is not known, no share is given. Largest movements are ranked within a unit: a change in women or delegations is not ranked against a change in States Parties.`,
    ],
  });
  blocks.push({
    kind: "table",
    name: "datasets",
    caption: ["Datasets", datasetsNote],
    className: "datasets",
    widths: [16, 26, 15, 32, 11],
    head: ["Dataset", "Title", "Producer", "Source", "Date"],
    align: ["left", "left", "left", "left", "left"],
    // The kind said beside the name: a voting file of sources/unga/ is not a curated dataset.
    rows: ctx.data.datasets.map((d) => [
      d.kind === "curated dataset" ? d.name : `${d.name} (${d.kind})`,
      d.title,
      d.producer,
      d.source,
      d.date,
    ]),
  });
  return { id: "about", title: "About the data", blocks };
}

/** " (nine errors and five warnings)", by severity in the annex's order; each count a reference. */
function severities(list: "consistency" | "records", severities: string[]): Inline[] {
  const order = ["error", "warning", "info"];
  const counts = order
    .map((sev) => [sev, severities.filter((s) => s === sev).length] as const)
    .filter(([, n]) => n > 0);
  if (counts.length < 2) return [];
  const parts = counts.map(([sev]): Inline[] => [num(`issues ${list} ${sev}|${sev}`)]);
  return [" (", ...parts.flatMap((p, i) => (i === 0 ? p : [i === parts.length - 1 ? " and " : ", ", ...p])), ")"];
}
