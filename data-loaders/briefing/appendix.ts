/** The annex of the report's internal inconsistencies, and the section about the data. */
import type { Block, Section } from "./model.ts";
import { countPhrase } from "./number-words.ts";
import type { Context } from "./context.ts";

export function annexSection(ctx: Context): Section {
  const issues = ctx.data.issues;
  const blocks: Block[] = [];
  if (!issues) {
    blocks.push({ kind: "paragraph", content: ["The database has no consistency checks (consistency_issues), so this annex is empty."] });
  } else if (issues.length === 0) {
    blocks.push({ kind: "paragraph", content: ["The consistency checks found no inconsistency in the report."] });
  } else {
    const note = ctx.notes.cite(`Consistency checks of ccm-trends (view consistency_issues) over ${ctx.dataset("findings")} and ${ctx.dataset("indicator_values")}; paragraph numbers are those of the progress report.`);
    blocks.push({
      kind: "paragraph",
      content: [
        `${countPhrase(issues.length, { capitalize: true })} ${issues.length === 1 ? "point" : "points"} in the report where a stated figure, a list of States or a table do not agree with each other${severities(issues.map((i) => i.severity))}`,
        note,
        ". Errors are contradictions as printed; warnings may have an explanation that the report gives elsewhere.",
      ],
    });
    blocks.push({
      kind: "table",
      caption: ["Annex table. Consistency issues in the progress report", note],
      // Numbered, so a sentence that gives a contested figure can point to its item ("see annex item 5").
      head: ["No.", "Paragraph", "Kind", "Severity", "Expected", "Found", "Explanation"],
      align: ["right", "left", "left", "left", "left", "left", "left"],
      widths: [4, 10, 12, 8, 16, 16, 34],
      rows: issues.map((i, n) => [String(n + 1), [i.paragraph, i.related].filter(Boolean).join(" / ") || "–", i.kind.replaceAll("_", " "), i.severity, i.expected ?? "–", i.found ?? "–", i.explanation]),
      className: "issues",
    });
  }
  return { id: "annex", title: "Annex: consistency issues in the report", blocks, pageBreak: true };
}

export function aboutSection(ctx: Context): Section {
  const blocks: Block[] = [];
  const datasetsNote = ctx.notes.cite("Table datasets of the ccm-trends database, recorded by the pipeline from sources/*.meta.json.");
  blocks.push({
    kind: "paragraph",
    content: [
      `Every figure in this briefing is read from the ccm-trends database, built from ${countPhrase(ctx.data.datasets.length)} curated datasets`,
      datasetsNote,
      `; every number carries a note with its source. Changes compare a value with the latest earlier cycle in which the indicator was measured; a value the report gives as N/A is "not measured", never zero. Whether a movement is an improvement depends on the indicator's polarity (for example, fewer confirmed cases of use is better); a value that falls because nobody is left to do it (every State Party in the group has completed) is completion, not decline. A share is taken of the group the indicator counts among (affected States Parties, States Parties with victims, extension requests, …), with the report's own count for that cycle, or of the States Parties during the reporting period; where that size is not known, no share is given. Largest movements are ranked within a unit: a change in women or delegations is not ranked against a change in States Parties.`,
    ],
  });
  blocks.push({
    kind: "table",
    caption: ["Datasets", datasetsNote],
    className: "datasets",
    widths: [17, 26, 17, 31, 9],
    head: ["Dataset", "Title", "Producer", "Source", "Date"],
    align: ["left", "left", "left", "left", "left"],
    rows: ctx.data.datasets.map((d) => [d.name, d.title, d.producer, d.source, d.date]),
  });
  return { id: "about", title: "About the data", blocks, pageBreak: true };
}

/** " (nine (09) errors and five (05) warnings)", by severity in the annex's order. */
function severities(list: string[]): string {
  const order = ["error", "warning", "info"];
  const counts = order.map((sev) => [sev, list.filter((s) => s === sev).length] as const).filter(([, n]) => n > 0);
  if (counts.length < 2) return "";
  const parts = counts.map(([sev, n]) => `${countPhrase(n)} ${n === 1 ? sev : `${sev}s`}`);
  return ` (${parts.slice(0, -1).join(", ")} and ${parts.at(-1)})`;
}
