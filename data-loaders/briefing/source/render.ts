/**
 * Rendering a parsed source: every reference resolved (resolve.ts), every {note <key>} placed, tables, charts and
 * sections of the draft included, into the same document model the writers (Markdown, HTML, PDF, the site's
 * Briefings page) render. All problems are collected and thrown together; nothing is written on a problem.
 */
import type { DuckDBConnection } from "@duckdb/node-api";
import { InputError, show } from "../../lib/errors.ts";
import { formatThousands, parseNumberWord } from "../../presentation/number-words.ts";
import type { Block, Footnotes, Inline, Section } from "../model.ts";
import { BLOCK_KINDS, NOTE_KIND, type ParsedSource, type Piece, type Reference } from "./parse.ts";
import { closest, covers, opensSentence, Resolver, type ResolverCache } from "./resolve.ts";
import { countedWords } from "../text.ts";

/**
 * What a source renders against besides the database: the draft's sections (by id, for {section}), their tables,
 * charts and named blocks, and the note of each thing the database holds, by key ({note <key>}, source/notes.ts).
 */
export interface Generated {
  cycle: string;
  sections: Section[];
  notes: Map<string, string>;
  /** What an earlier render against the same database read (the draft's, for the analyst's source). */
  cache?: ResolverCache;
}

export interface RenderedSource {
  title: string | null;
  sections: Section[];
  warnings: string[];
}

/**
 * Resolve every reference of a source against the database and assemble its sections. Problems (unknown
 * names, no row) are collected and thrown together as one InputError naming file, line and column.
 */
export async function renderSource(
  conn: DuckDBConnection,
  src: ParsedSource,
  generated: Generated,
  notes: Footnotes,
): Promise<RenderedSource> {
  const resolver = new Resolver(conn, generated.cycle, src.file, src.queries, src.queryFile, generated.cache);
  const warnings: string[] = [];
  const problem = (ref: Reference, expected: string, fix: string, found?: string) =>
    resolver.problem(ref, expected, fix, found);
  const needs = (ref: Reference, usage: string): boolean => {
    if (ref.args.length === 1) return true;
    problem(ref, `{${usage}}`, `write it as {${usage}} (see docs/briefing.md)`);
    return false;
  };
  const generatedBlocks = generated.sections.flatMap((s) => s.blocks);
  const chartName = (file: string) => /([^/]+)\.svg$/.exec(file)?.[1] ?? file;

  const resolveBlock = async (ref: Reference): Promise<Block[] | null> => {
    switch (ref.kind) {
      case "section": {
        if (!needs(ref, "section <id>")) return null;
        const s = generated.sections.find((x) => x.id === ref.args[0]);
        if (!s)
          return problem(
            ref,
            "the id of a generated section",
            `use one of the closest valid names: ${closest(
              ref.args[0]!,
              generated.sections.map((x) => x.id),
            ).join(", ")}`,
            show(ref.args[0]),
          );
        return s.blocks;
      }
      case "block": {
        if (!needs(ref, "block <name>")) return null;
        const named = generatedBlocks.filter(
          (b) => (b.kind === "paragraph" || b.kind === "list") && b.name === ref.args[0],
        );
        if (!named.length) {
          const valid = [
            ...new Set(
              generatedBlocks.flatMap((b) => ((b.kind === "paragraph" || b.kind === "list") && b.name ? [b.name] : [])),
            ),
          ];
          return problem(
            ref,
            "the name of a generated paragraph or list",
            valid.length
              ? `use one of the closest valid names: ${closest(ref.args[0]!, valid).join(", ")}`
              : "this draft names none: write the paragraph yourself",
            show(ref.args[0]),
          );
        }
        return named;
      }
      case "chart": {
        if (!needs(ref, "chart <name>")) return null;
        const charts = generatedBlocks.filter((b): b is Extract<Block, { kind: "chart" }> => b.kind === "chart");
        // A pillar's chart answers to its code too ({chart D} is {chart pillar-D}).
        const chart = charts.find(
          (c) => chartName(c.file) === ref.args[0] || chartName(c.file) === `pillar-${ref.args[0]}`,
        );
        if (!chart)
          return problem(
            ref,
            "the name of a chart",
            `use one of the closest valid names: ${closest(
              ref.args[0]!,
              charts.flatMap((c) => [chartName(c.file), chartName(c.file).replace(/^pillar-/, "")]),
            ).join(", ")}`,
            show(ref.args[0]),
          );
        return [chart];
      }
      case "table": {
        if (!needs(ref, "table <name>")) return null;
        const table = generatedBlocks.find((b) => b.kind === "table" && b.name === ref.args[0]);
        if (table) return [table];
        if (!src.queries.has(ref.args[0]!)) {
          const valid = [
            ...generatedBlocks.flatMap((b) => (b.kind === "table" && b.name ? [b.name] : [])),
            ...src.queries.keys(),
          ];
          return problem(
            ref,
            `the name of a generated table or of a query in ${src.queryFile}`,
            `use one of the closest valid names: ${closest(ref.args[0]!, valid).join(", ")}`,
            show(ref.args[0]),
          );
        }
        const rows = await resolver.namedQuery(ref);
        if (!rows) return null;
        if (!rows.length)
          return problem(ref, `query "${ref.args[0]}" to return rows`, "it returned none: check its conditions");
        const head = Object.keys(rows[0]!);
        const cells = rows.map((r) =>
          head.map((h) =>
            typeof r[h] === "number" ? formatThousands(r[h] as number) : r[h] === null ? "–" : String(r[h]),
          ),
        );
        const align = head.map(
          (h) => (rows.every((r) => typeof r[h] === "number" || r[h] === null) ? "right" : "left") as "left" | "right",
        );
        return [
          {
            kind: "table",
            caption: [
              `Query "${ref.args[0]}"`,
              notes.cite(`Query "${ref.args[0]}" in ${src.queryFile}, run on the ccm-trends database.`),
            ],
            head,
            align,
            rows: cells,
          },
        ];
      }
    }
    return resolver.resolve(ref).then(() => null);
  };

  /**
   * Text pieces → inline content. A {note <key>} places that note and covers the numbers before it (in the same
   * paragraph or item) whose source it is (`covers`); a number no {note} covers gets its own note right after it (a
   * cycle name is a name: it gets none).
   */
  const inlineOf = async (lines: Piece[][]): Promise<Inline[]> => {
    const out: Inline[] = [];
    let text = "";
    const uncovered: { at: number; note: string; ref: Reference }[] = [];
    const flat: Piece[] = lines.flatMap((l, i) => (i ? [" ", ...l] : l));
    const values: { ref: Reference; value: number }[] = [];
    // The source as written up to here, references included: what the words beside a {trend} say.
    let written = "";
    for (let i = 0; i < flat.length; i++) {
      const p = flat[i]!;
      const writtenBefore = written;
      written += typeof p === "string" ? p : p.raw;
      if (typeof p === "string") {
        text += p;
        continue;
      }
      if ((BLOCK_KINDS as readonly string[]).includes(p.kind)) {
        problem(p, "an inline number reference here", `put {${p.kind} …} on a line of its own`);
        continue;
      }
      if (p.kind === NOTE_KIND) {
        const key = p.args.join(" ");
        const note = generated.notes.get(key);
        if (note === undefined) {
          problem(
            p,
            "the key of a note of a thing the database holds (value <indicator> [cycle], finding <id>, pillar <code>, trends, …)",
            `use one of the closest valid names: ${closest(key, [...generated.notes.keys()]).join(", ")}`,
            show(key),
          );
          continue;
        }
        if (text) out.push(text);
        text = "";
        out.push(notes.cite(note));
        for (let k = uncovered.length - 1; k >= 0; k--) if (covers(key, uncovered[k]!.ref)) uncovered.splice(k, 1);
        continue;
      }
      const before = text;
      const r = await resolver.text(p, opensSentence(before, out.length === 0));
      if (!r) continue;
      const after = typeof flat[i + 1] === "string" ? (flat[i + 1] as string) : "";
      if (r.value !== null) checkTyped(p, r.value, before, after);
      if (p.kind === "value" && r.value !== null) values.push({ ref: p, value: r.value });
      if (p.kind === "named" || p.kind === "names") await checkNamedBeside(p, values);
      if (p.kind === "trend") await checkTrendWords(p, writtenBefore, after);
      if (p.kind === "value" && r.value !== null && p.noun === null) await checkCountedWords(p, r.value, after);
      if (text) out.push(text);
      text = "";
      out.push(r.text);
      if (p.kind !== "cycle") uncovered.push({ at: out.length, note: r.note, ref: p });
    }
    if (text) out.push(text);
    for (const u of uncovered.reverse()) out.splice(u.at, 0, notes.cite(u.note));
    return out;
  };

  /**
   * A finding's States beside the value of the indicator it speaks to ("{value 9.2} States Parties …; para 22 names all
   * {named 13MSP-22-1}"): when the two no longer agree (a corrected figure, a State taken off the list), the sentence
   * may say what is no longer true, and the generated draft would no longer pair them: a warning with its line.
   */
  const checkNamedBeside = async (ref: Reference, values: { ref: Reference; value: number }[]) => {
    const finding = await resolver.finding(ref.args[0]!);
    if (!finding?.indicator_id) return;
    const beside = values.find(
      (v) => v.ref.args[0] === finding.indicator_id && (v.ref.args[1] ?? generated.cycle) === finding.cycle,
    );
    if (beside && beside.value !== finding.value) {
      warnings.push(
        `${src.file}:${ref.line}:${ref.column}: ${ref.raw} counts ${formatThousands(finding.value)} States beside ${beside.ref.raw}, which now gives ${formatThousands(beside.value)}; finding ${finding.finding_id} no longer names as many States as indicator ${finding.indicator_id} counts: read the sentence again`,
      );
    }
  };

  /**
   * The words the draft chose from an indicator's trend, written beside its {trend} references: "up from" or "down
   * from" before {trend X previous_value}, "rise in a row" or "fall in a row" after {trend X streak}, "still below"
   * or "still above" before {trend X first_cycle}, "the highest" or "the lowest" of the cycles before
   * {trend X first_cycle} or {trend X measured_to_date}. When the data move, the number follows and the word does
   * not: a warning with its line when the word no longer holds (the text renders as written).
   */
  const checkTrendWords = async (ref: Reference, before: string, after: string) => {
    const [indicator, field, at = generated.cycle] = ref.args as [string, string, string?];
    const row = await resolver.trendRow(indicator, at);
    if (!row) return;
    const stale = (words: string, now: string) =>
      warnings.push(
        `${src.file}:${ref.line}:${ref.column}: "${words}" is written beside ${ref.raw}, but indicator ${indicator} ${now} in the ${at} cycle: read the sentence again`,
      );
    // A paired value's second measure has its own direction: "(…: {trend 17.2 value_secondary}, down from
    // {trend 17.2 previous_value_secondary}, the {trend 17.2 secondary_streak|ordinal} fall in a row)".
    const second = field === "previous_value_secondary" || field === "secondary_streak";
    const direction = second ? row.secondary_direction : row.direction;
    const [was, is] = second
      ? [
          row.value_secondary === null || row.secondary_change_since_previous === null
            ? null
            : row.value_secondary - row.secondary_change_since_previous,
          row.value_secondary,
        ]
      : [row.previous_value, row.value];
    const moved = `${second ? `(${row.secondary_measure ?? "its second measure"}) ` : ""}went ${direction === "flat" ? "neither up nor down" : (direction ?? "unmeasured")} (${was ?? "not measured"} in the ${row.previous_cycle ?? "previous"} cycle, ${is ?? "not measured"} now)`;
    if (field === "previous_value" || field === "previous_value_secondary") {
      const said = /\b(up|down) from\s*$/i.exec(before)?.[1]?.toLowerCase();
      if (said && said !== direction) stale(`${said} from`, moved);
    }
    if (field === "streak" || field === "secondary_streak") {
      const said = /^\s*(rise|fall) in a row/i.exec(after)?.[1]?.toLowerCase();
      const now = direction === "up" ? "rise" : direction === "down" ? "fall" : null;
      if (said && said !== now) stale(`${said} in a row`, moved);
    }
    if (field === "first_cycle") {
      const said = /\bstill (below|above) the\s*$/i.exec(before)?.[1]?.toLowerCase();
      const since = row.change_since_first;
      const now = since === null ? null : since < 0 ? "below" : since > 0 ? "above" : "level with";
      if (said && said !== now)
        stale(
          `still ${said}`,
          `is ${now ?? "not comparable with its first value"} (${row.first_value ?? "not measured"} in the ${row.first_cycle} cycle, ${row.value ?? "not measured"} now)`,
        );
    }
    if (field === "first_cycle" || field === "measured_to_date") {
      // "(the highest of the {cycles} cycles since {trend X first_cycle})", "(equal to the lowest of the
      // {trend X measured_to_date} cycles in which it was measured)": the clause since its "(" or ";".
      const clause = before.slice(Math.max(before.lastIndexOf("("), before.lastIndexOf(";")) + 1);
      const m =
        field === "first_cycle"
          ? /\b(equal to the )?(highest|lowest) of the \{cycles[^}]*\} cycles since\s*$/i.exec(clause)
          : /\b(equal to the )?(highest|lowest) of the\s*$/i.exec(clause);
      if (m) {
        const said = `${m[1] ? "joint " : ""}${m[2]!.toLowerCase()}`;
        if (said !== row.record_to_date)
          stale(
            `${m[1] ?? "the "}${m[2]}`,
            `is ${row.record_to_date ? `now the ${row.record_to_date}` : "neither the highest nor the lowest"} of its cycles to date`,
          );
      }
    }
  };

  /**
   * The draft's words after an indicator's count, in the number the count had ("{value 26.1} States Parties reported"):
   * when the count becomes one, or stops being one, a warning with its line and the words that agree.
   */
  const checkCountedWords = async (ref: Reference, value: number, after: string) => {
    const [indicator, at = generated.cycle] = ref.args as [string, string?];
    const row = await resolver.trendRow(indicator, at);
    const words = row && countedWords(row.text, value);
    // Word for word: "State Party delegation" is the start of "State Party delegations" as a string.
    const head = words && after.trimStart().split(/\s+/).slice(0, words.other.split(" ").length).join(" ");
    if (!words || head !== words.other) return;
    warnings.push(
      `${src.file}:${ref.line}:${ref.column}: "${words.other}" follows ${ref.raw}, which now gives ${formatThousands(value)}; write "${words.agreeing}"`,
    );
  };

  /** A figure typed beside a reference ("70 {value 9.1}", "{value 9.1} (70)") that disagrees with it; "(12.1, …)" is a list of indicators. */
  const checkTyped = (ref: Reference, value: number, before: string, after: string) => {
    const typed = [
      // A comma is a thousands separator only between digits: "In 2024, {votes …}" types no figure beside it.
      /(\d{1,3}(?:,\d{3})+|\d+|[A-Za-z]+(?:-[a-z]+)?)\s*\(?\s*$/.exec(before)?.[1],
      /^\s*\(?\s*(\d{1,3}(?:,\d{3})+|\d+)\b(?!\.\d)/.exec(after)?.[1],
    ];
    for (const t of typed) {
      if (!t || /^no$/i.test(t)) continue;
      const n = /^\d/.test(t) ? Number(t.replace(/,/g, "")) : parseNumberWord(t);
      if (n !== null && n !== Math.abs(value))
        warnings.push(
          `${src.file}:${ref.line}:${ref.column}: "${t}" is typed beside ${ref.raw}, which now gives ${formatThousands(value)}; remove the typed figure (the reference prints the number)`,
        );
    }
  };

  const sections: Section[] = [];
  for (const [i, s] of src.sections.entries()) {
    const blocks: Block[] = [];
    for (const b of s.blocks) {
      if (b.kind === "ref") blocks.push(...((await resolveBlock(b.ref)) ?? []));
      else if (b.kind === "paragraph") blocks.push({ kind: "paragraph", content: await inlineOf(b.lines) });
      else {
        const items: Inline[][] = [];
        for (const item of b.items) items.push(await inlineOf(item));
        blocks.push({ kind: "list", items });
      }
    }
    // A section included whole, or under the heading of a generated section (as init writes them), keeps that
    // section's id.
    const only = s.blocks.length === 1 ? s.blocks[0]! : undefined;
    const included =
      only?.kind === "ref" && only.ref.kind === "section"
        ? generated.sections.find((g) => g.id === only.ref.args[0])
        : generated.sections.find((g) => g.title === s.title);
    sections.push({
      id: included?.id ?? (slug(s.title) || `section-${i + 1}`),
      title: s.title,
      blocks,
    });
  }
  if (resolver.problems.length) throw new InputError(resolver.problems);
  return { title: src.title, sections, warnings };
}

function slug(s: string): string {
  return s
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-|-$/g, "");
}
