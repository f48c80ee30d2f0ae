/**
 * Carrying the previous report's reviewed hand datasets over to a new report (layout.ts HAND_DATASETS): the
 * relations between its statements (count_relations, list_relations), the group sizes (scope_sizes), and the
 * facts and figures it states (report_facts, report_figures). Each row rests on text of the report:
 *   count_relations, list_relations   the statements of the findings its terms name (finding:, of:, named:, union:,
 *                                     subset, superset), matched by text like the finding links (carry-over.ts),
 *                                     and the facts and figures it names (carried themselves)
 *   scope_sizes, report_facts,        the sentence in its `statement` column (shortened with … where long), found
 *   report_figures                    again word for word in the new report; a scope size's term finding too
 * A carried row gets the new finding ids, the new paragraph numbers (paragraph, related and the "para N" of its
 * reason), the new report as its cycle where it was the previous report's, and, where it has a reason or a note,
 * the mark "Carried from <previous> (unchanged text): ". A row whose text changed needs a look; a row none of whose
 * text is printed any more no longer applies. Every row gets exactly one row in the review list.
 */
import type { CsvRow } from "../../lib/csv.ts";
import type { Finding } from "../findings/types.ts";
import { splitReport } from "../findings/paragraphs.ts";
import { carriedReason, findingMatcher, squash, type CarryStatus, type ReviewRow } from "./carry-over.ts";

export interface HandTable {
  name: string;
  /** The hand file to write in the new report's folder, as the review list names it. */
  file: string;
  rows: CsvRow[];
  lines: number[];
}

export interface CarryContext {
  fromReport: string;
  toReport: string;
  previousFindings: Map<string, { statement: string; counted: string; paragraph: string }>;
  findings: Finding[];
  reportText: string;
  /** Text the report prints outside its paragraphs, read whole: the indicator texts of its tables. */
  tableTexts: string[];
}

const KEYS: Record<string, string[]> = {
  count_relations: ["relation_id"],
  list_relations: ["relation_id"],
  scope_sizes: ["scope_group", "cycle"],
  report_facts: ["fact_id"],
  report_figures: ["figure_id"],
};

/**
 * Text compared word for word: footnote marks, punctuation and the kind of quote or apostrophe do not count
 * ("Convention’s" and "Convention's", "Convention, the" and "Convention the" are the same words).
 */
const words = (s: string) =>
  ` ${s
    .replace(/[\u00b9\u00b2\u00b3\u2070-\u2079]/g, "")
    .replace(/[^\p{L}\p{N}]+/gu, " ")
    .trim()} `;

/** The words of each numbered paragraph and summary item of the new report. */
function reportUnits(text: string): { id: string; text: string }[] {
  return splitReport(text).map((u) => ({ id: u.id, text: words(u.segments.map((s) => s.text).join(" ")) }));
}

/** The pieces of a statement shortened with an ellipsis, each to be found as printed. */
const pieces = (statement: string) =>
  statement
    .split(/…|\.\.\./)
    .map((p) => words(p))
    .filter((p) => p.trim().length > 0);

const LEADING_NUMBER = /^\d+(?=\b)/;

export function carryHandDatasets(
  tables: HandTable[],
  ctx: CarryContext,
): { carried: Map<string, CsvRow[]>; review: ReviewRow[] } {
  const match = findingMatcher(ctx.previousFindings, ctx.findings);
  const units = reportUnits(ctx.reportText);
  const whole = words([ctx.reportText, ...ctx.tableTexts].join(" "));
  // Old paragraph number → new one, from the findings printed again word for word.
  const paragraphs = new Map<string, string>();
  for (const id of ctx.previousFindings.keys()) {
    const m = match(id);
    const before = ctx.previousFindings.get(id)!;
    if (m.status === "carried" && /^\d+$/.test(before.paragraph) && /^\d+$/.test(m.findings[0]!.paragraph))
      paragraphs.set(before.paragraph, m.findings[0]!.paragraph);
  }
  const renumber = (n: string) => paragraphs.get(n) ?? n;
  /** "207", "63 and footnote 3": the leading paragraph number renumbered; "II.I.2", "VI.J table" as they are. */
  const paragraphField = (p: string | null | undefined) => (p ?? "").replace(LEADING_NUMBER, (n) => renumber(n));
  /** "209, 210" → each paragraph number renumbered; "indicator 47.2", "II.I.2", "(Action 47)" as they are. */
  const PARAGRAPH_NUMBER = /(?<![\w.]|Action )\d+(?!\w|\.\d)/g;
  const relatedField = (r: string | null) => (r ?? "").replace(PARAGRAPH_NUMBER, (n) => renumber(n));
  /** The paragraph numbers a reason cites ("(para 207)", "paras 209 and 210", "paras 131-134") renumbered. */
  const reasonText = (r: string) =>
    r.replace(/\b[Pp]aras?\.? \d+(?:(?:, | and |-|–| to )\d+)*(?!\w|\.\d)/g, (m) =>
      m.replace(PARAGRAPH_NUMBER, (n) => renumber(n)),
    );
  const cycle = (c: string | null) => (c === ctx.fromReport ? ctx.toReport : c);
  const mark = (text: string | null) => carriedReason(ctx.fromReport, text ?? "");

  /** Where a printed sentence is in the new report: the paragraph holding all its pieces, else anywhere. */
  const locate = (statement: string): { found: boolean; unit?: string } => {
    const ps = pieces(statement);
    if (ps.length === 0) return { found: false };
    const unit = units.find((u) => ps.every((p) => u.text.includes(p)));
    return { found: unit !== undefined || ps.every((p) => whole.includes(p)), unit: unit?.id };
  };
  const unitText = (id: string) =>
    squash(
      splitReport(ctx.reportText)
        .find((u) => u.id === id)
        ?.segments.map((s) => s.text)
        .join(" ") ?? "",
    );

  const carried = new Map<string, CsvRow[]>();
  const review: ReviewRow[] = [];
  // The facts and figures the relations name: the sentence each rests on, and whether it was carried.
  const stated = new Map<string, { statement: string; carried: boolean }>();
  // Facts and figures first: the relations name them.
  const order = ["report_facts", "report_figures", "scope_sizes", "count_relations", "list_relations"];
  for (const table of [...tables].sort((a, b) => order.indexOf(a.name) - order.indexOf(b.name))) {
    const out: CsvRow[] = [];
    carried.set(table.name, out);
    table.rows.forEach((row, i) => {
      const key = KEYS[table.name]!.map((k) => row[k] ?? "").join(" ");
      const base = { hand_file: table.file, previous_key: key, previous_line: table.lines[i] ?? i + 2 };
      const add = (
        status: CarryStatus,
        newRow: CsvRow | null,
        textBefore: string,
        textNow: string,
        whatToDo: string,
        newKey: string,
      ) => {
        review.push({
          ...base,
          status,
          new_key: newKey,
          text_before: textBefore,
          text_now: textNow,
          what_to_do: whatToDo,
        });
        if (newRow) out.push(newRow);
      };
      if (table.name === "report_facts" || table.name === "report_figures" || table.name === "scope_sizes") {
        const statement = row.statement ?? "";
        const at = locate(statement);
        const statedKey = table.name === "report_facts" ? `fact:${row.fact_id}` : `figure:${row.figure_id}`;
        const term = table.name === "scope_sizes" && row.term ? /^(finding|of):(.+)$/.exec(row.term) : null;
        const termMatch = term ? match(term[2]!) : null;
        const oldNumber = LEADING_NUMBER.exec(row.paragraph ?? "")?.[0];
        const newParagraph =
          at.unit && oldNumber && /^\d+$/.test(at.unit)
            ? (row.paragraph ?? "").replace(LEADING_NUMBER, at.unit)
            : paragraphField(row.paragraph);
        stated.set(statedKey, { statement, carried: at.found });
        if (at.found && (!termMatch || termMatch.status === "carried")) {
          const newRow: CsvRow = { ...row, paragraph: newParagraph };
          if ("cycle" in row) newRow.cycle = cycle(row.cycle ?? null);
          if (term && termMatch) newRow.term = `${term[1]}:${termMatch.findings[0]!.finding_id}`;
          if (table.name === "report_figures") newRow.note = mark(row.note ?? "");

          add(
            "carried",
            newRow,
            statement,
            statement,
            "none: carried over",
            KEYS[table.name]!.map((k) => newRow[k] ?? "").join(" "),
          );
          return;
        }
        const paragraphNow = oldNumber ? renumber(oldNumber) : (row.paragraph ?? "");
        const textNow = at.found
          ? `${statement} (the size's term ${row.term} changed: ${termMatch?.findings.map((f) => f.statement).join(" | ") || "no longer printed"})`
          : unitText(paragraphNow);
        if (textNow) {
          add(
            "needs_look",
            null,
            statement,
            textNow,
            `the sentence changed: if the row still holds, add it to ${table.file} with the sentence as the ${ctx.toReport} report prints it (paragraph ${paragraphNow})`,
            key,
          );
        } else {
          add(
            "no_longer_applies",
            null,
            statement,
            "",
            "the new report no longer prints this sentence: nothing to do unless it moved under other words",
            "",
          );
        }
        return;
      }
      // count_relations and list_relations: every finding they name, and the facts and figures.
      const termsOf =
        table.name === "count_relations"
          ? [row.whole ?? "", ...(row.parts ?? "").split(" + ")]
          : [`finding:${row.subset ?? ""}`, ...(row.superset ?? "").split(" + ").map((t) => `finding:${t.trim()}`)];
      const statuses: CarryStatus[] = [];
      const before: string[] = [];
      const now: string[] = [];
      const rewrite = (term: string): string => {
        const [kind, ref] = [term.slice(0, term.indexOf(":")), term.slice(term.indexOf(":") + 1)];
        if (kind === "finding" || kind === "of" || kind === "named" || kind === "union") {
          const ids = ref.split("|").map((id) => {
            const m = match(id.trim());
            statuses.push(m.status);
            before.push(m.before?.statement ?? id);
            now.push(...m.findings.map((f) => f.statement));
            return m.status === "carried" ? m.findings[0]!.finding_id : id.trim();
          });
          return `${kind}:${ids.join("|")}`;
        }
        const fact = kind === "fact" || kind === "figure" ? stated.get(term) : undefined;
        if (fact) {
          statuses.push(fact.carried ? "carried" : "needs_look");
          before.push(fact.statement);
          if (fact.carried) now.push(fact.statement);
        } else if (kind === "fact" || kind === "figure") statuses.push("needs_look");
        return term;
      };
      const terms = termsOf.map((t) => rewrite(t.trim()));
      const strip = (t: string) => t.replace(/^finding:/, "");
      const textBefore = before.join(" | ");
      const textNow = now.join(" | ");
      if (statuses.every((s) => s === "carried")) {
        const newRow: CsvRow = {
          ...row,
          cycle: cycle(row.cycle ?? null),
          paragraph: paragraphField(row.paragraph ?? null),
          related: relatedField(row.related ?? null),
          reason: mark(reasonText(row.reason ?? "")),
        };
        if (table.name === "count_relations")
          Object.assign(newRow, { whole: terms[0], parts: terms.slice(1).join(" + ") });
        else Object.assign(newRow, { subset: strip(terms[0]!), superset: terms.slice(1).map(strip).join(" + ") });
        add("carried", newRow, textBefore, textNow, "none: carried over", key);
      } else if (statuses.some((s) => s !== "no_longer_applies")) {
        add(
          "needs_look",
          null,
          textBefore,
          textNow,
          `a statement it rests on changed or is printed more than once: if the relation still holds, add it to ${table.file} with the ${ctx.toReport} finding ids`,
          key,
        );
      } else {
        add(
          "no_longer_applies",
          null,
          textBefore,
          "",
          "the new report prints none of the statements it rests on: nothing to do unless they moved under other words",
          "",
        );
      }
    });
  }
  return { carried, review };
}
