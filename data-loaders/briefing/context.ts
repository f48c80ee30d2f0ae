/**
 * What every section of the briefing shares: rows by indicator, dataset citations and source notes, and the
 * report-style sentence of an indicator row (with its share of States Parties and the States the report names).
 */
import type { BriefingData, ContestedRow, NamedStatesRow, TrendRow } from "./data.ts";
import { Footnotes, num, type Block, type Inline } from "./model.ts";
import { proseNumber, formatThousands, percent } from "../lib/number-words.ts";
import { compactCells } from "./sources.ts";
import { indicatorPieces, listNames } from "./text.ts";

export interface ChartFile {
  file: string;
  svg: string;
}

/** Shared lookups: rows by indicator, source citations. */
export class Context {
  readonly byIndicator = new Map<string, TrendRow[]>();
  readonly targetRows: TrendRow[];
  constructor(
    readonly data: BriefingData,
    readonly notes: Footnotes,
  ) {
    for (const r of data.trends) {
      const list = this.byIndicator.get(r.indicator_id) ?? [];
      list.push(r);
      this.byIndicator.set(r.indicator_id, list);
    }
    this.targetRows = data.trends.filter((r) => r.cycle === data.cycle);
  }

  /** Short citation of a curated dataset; the "About the data" section gives each one in full. */
  dataset(name: string): string {
    return this.data.datasets.some((x) => x.name === name) ? `dataset ${name}` : `${name} (not in this database)`;
  }

  row(indicatorId: string, cycle: string | null): TrendRow | undefined {
    return cycle ? this.byIndicator.get(indicatorId)?.find((r) => r.cycle === cycle) : undefined;
  }

  /** Note for a printed value and, when it is compared, the value it is compared with. */
  valueNote(r: TrendRow): Inline {
    const key = `value ${r.indicator_id}${r.cycle === this.data.cycle ? "" : ` ${r.cycle}`}`;
    const refs = [refOf(r)];
    const prev = this.row(r.indicator_id, r.previous_cycle);
    if (prev && r.previous_value !== null) refs.push(refOf(prev));
    const computed = refs.length > 1 ? " Change and record computed by ccm-trends (view indicator_trends)." : "";
    const share = r.share !== null && r.denominator_basis && r.value ? ` Denominator: ${r.denominator} ${r.denominator_basis}, ${denominatorSource(this, r)}.` : "";
    return this.notes.cite(`Indicator ${r.indicator_id}: ${compactCells(refs).join("; ")} (${this.dataset("indicator_values")}).${computed}${share}`, key);
  }
}

/** Where a denominator comes from: the report's own count of the group (with its paragraph) or the membership history. */
function denominatorSource(ctx: Context, r: TrendRow): string {
  const src = r.denominator_source ?? "source not recorded";
  // A group size the report states is stated by the report of its own cycle (scope_sizes: each report sizes its
  // own cycle, and the 13MSP report is the 13MSP cycle's), so its paragraph is that report's.
  return src.startsWith("para ") ? `${r.cycle} Progress Report ${src} (${ctx.dataset("scope_sizes")}, scope from ${ctx.dataset("indicator_scopes")})` : `${src}`;
}

/** Where a contested figure is given, as a reader finds it in the report. */
function placeOf(paragraph: string | null): string {
  if (!paragraph) return "the report";
  if (/^\d/.test(paragraph)) return `para ${paragraph}`;
  if (/^[IVX]+\.[A-Z]\.\d/.test(paragraph)) return `summary item ${paragraph}`;
  if (/^VI\.[A-Z] table/.test(paragraph)) return "the indicator's own text in the table";
  return paragraph;
}

/**
 * How the report (or the UN's records) contradict a row's value (view indicator_contested): the other figures, where
 * they are given, and the numbered rows of the annex tables, so the sentence points to the check.
 */
export function contestedPhrase(ctx: Context, r: TrendRow): string | undefined {
  const rows = (ctx.data.contested ?? []).filter((c) => c.indicator_id === r.indicator_id && c.cycle === r.cycle);
  const issues = ctx.data.issues ?? [];
  const itemOf = (c: ContestedRow) => issues.findIndex((i) => i.kind === c.kind && i.paragraph === c.paragraph && i.related === c.related && i.expected === c.expected && i.found === c.found) + 1;
  const annex = (ns: number[]) => `consistency annex, ${ns.length === 1 ? "item" : "items"} ${listPlain(ns.sort((a, b) => a - b).map(String))}`;
  const parts: string[] = [];
  // Real disagreements (view figure_doubts decides): the other figures and the annex rows that list them.
  const internal = rows.filter((c) => c.against === "report" && c.doubt === "contested");
  const items = internal.map(itemOf).filter((n) => n > 0);
  if (items.length) {
    const byFigure = new Map<string, string[]>();
    for (const c of internal) {
      const key = c.other_figure === null ? "" : String(c.other_figure);
      byFigure.set(key, [...(byFigure.get(key) ?? []), placeOf(c.paragraph)]);
    }
    const gives = [...byFigure].map(([figure, places]) => (figure ? `${listPlain(places)} ${places.length === 1 ? "gives" : "give"} ${figure}` : `${listPlain(places)} ${places.length === 1 ? "disagrees" : "disagree"}`));
    parts.push(`${listPlain(gives)} (${annex(items)})`);
  }
  const records = ctx.data.recordIssues ?? [];
  for (const c of rows.filter((x) => x.against === "records")) {
    const n = records.findIndex((i) => i.paragraph === c.paragraph && i.report_says === c.expected && i.record_says === c.found) + 1;
    if (n === 0) continue;
    // The change on the record beside the report's, where the record gives both cycles (11.2: 37 → 25).
    const onRecord =
      c.record_value !== null && c.record_previous_value !== null && c.record_change !== null && c.previous_cycle
        ? `; on the records, ${c.record_change < 0 ? "down" : c.record_change > 0 ? "up" : "unchanged"} from ${c.record_previous_value} in the ${c.previous_cycle} cycle to ${c.record_value}${c.record_change ? ` (${c.record_change > 0 ? "+" : "−"}${Math.abs(c.record_change)})` : ""}`
        : "";
    parts.push(`the UN's records give ${c.other_figure ?? "another figure"} (records annex, item ${n})${onRecord}`);
  }
  const said = parts.length ? [`contested: ${listPlain(parts)}`] : [];
  // Doubts that are no disagreement about the figure: named as what they are, with the reason.
  for (const c of rows.filter((x) => x.doubt === "warning")) {
    const n = itemOf(c);
    said.push(`${c.warning_kind ? `a ${c.warning_kind}` : "a warning"}, not a contradiction: ${c.doubt_reason}${n > 0 ? ` (${annex([n])})` : ""}`);
  }
  return said.length ? said.join("; ") : undefined;
}

export function refOf(r: TrendRow): string {
  return r.source_ref ?? `no ${r.cycle} value in the report's table`;
}

/**
 * "two (02) improved, one (01) declined and none held": zero is said as "none", never "zero (00)". Completed
 * (fell because the group is exhausted) is said only when it happened: "none completed" would read as a failure.
 */
export function tally(improved: number, declined: number, held: number, noun = "", completed = 0): string {
  const parts = [
    [improved, "improved"],
    [declined, "declined"],
    [held, "held"],
    [completed, "completed"],
  ] as const;
  const said = parts.filter(([n]) => n > 0).map(([n, w], i) => `${proseNumber(n)} ${i === 0 && noun ? `${noun} ` : ""}${w === "completed" ? "completed (fell because nobody is left to do it)" : w}`);
  const none = parts.filter(([n, w]) => n === 0 && w !== "completed").map(([, w]) => w);
  const main = said.length ? listPlain(said) : "no indicator moved";
  return none.length && said.length ? `${main}; none ${listPlain(none, "or")}` : main;
}

export function listPlain(items: string[], conj = "and"): string {
  return items.length <= 1 ? items.join("") : `${items.slice(0, -1).join(", ")} ${conj} ${items.at(-1)}`;
}

export function cyclesToDate(ctx: Context): number {
  return ctx.data.cycles.length;
}

/**
 * The report-style sentence for a row: the share of the group the indicator counts among where that group's size
 * is known (never of all States Parties by default), a pointer to the annex when the report contradicts the value,
 * and the States the report names.
 */
export function sentence(ctx: Context, r: TrendRow): Inline[] {
  const at = r.cycle === ctx.data.cycle ? "" : ` ${r.cycle}`;
  const s = indicatorPieces(r, cyclesToDate(ctx), {}, { id: r.indicator_id, cycle: at ? r.cycle : null });
  if (r.share !== null && r.denominator !== null && r.value) {
    s.push(", ", num(`trend ${r.indicator_id} share${at}|percent`, percent(r.share)), " of the ", num(`trend ${r.indicator_id} denominator${at}|digits`, formatThousands(r.denominator)), ` ${r.denominator_basis ?? "States Parties"}`);
  }
  const contested = contestedPhrase(ctx, r);
  if (contested) s.push("; ", num(`contested ${r.indicator_id}${at}`, contested));
  const named = r.cycle === ctx.data.cycle ? namedFor(ctx, r) : undefined;
  if (!named) return [...s, ctx.valueNote(r), ";"];
  const names = named.names.split("; ");
  const where = /^\d+$/.test(named.paragraph) ? `para ${named.paragraph}` : `item ${named.paragraph}`;
  // The names are a reference too ({names <finding>}), so an analyst's source lists the States the database holds.
  const who: Inline[] = names.length <= 12 ? [`${where} names ${names.length === 1 ? "it" : "them"}: `, num(`names ${named.finding_id}`, listNames(names))] : [`${where} names all `, num(`named ${named.finding_id}`, proseNumber(names.length))];
  return [...s, ctx.valueNote(r), "; ", ...who, ctx.notes.cite(`${named.report_id} Progress Report ${where}, as extracted in finding ${named.finding_id} (${ctx.dataset(named.findings_dataset)}, ${ctx.dataset(named.finding_states_dataset)}).`, `finding ${named.finding_id}`), ";"];
}

/** The finding that names exactly the States an indicator counts in the briefing's cycle, if the report gives one. */
export function namedFor(ctx: Context, r: TrendRow): NamedStatesRow | undefined {
  const candidates = (ctx.data.namedStates ?? []).filter((n) => n.indicator_id === r.indicator_id && n.named === r.value && r.value !== null && r.value > 0);
  return candidates[0];
}

/** Report-style bullet list: items end with ";", the last with ".". */
export function bullets(items: Inline[][]): Block {
  return { kind: "list", items: items.map((item, i) => (i === items.length - 1 && item.at(-1) === ";" ? [...item.slice(0, -1), "."] : item)) };
}

/**
 * Join inline parts the way a string joiner joins names ("A, B, and C" with listNames, "A, B and C" with
 * listPlain), keeping each part's numbers as references.
 */
export function listPieces(parts: Inline[][], join: (items: string[]) => string): Inline[] {
  const joined = join(parts.map((_, i) => `\u0000${i}\u0000`));
  return joined.split(/\u0000(\d+)\u0000/).flatMap((piece, i) => (i % 2 ? parts[Number(piece)]! : piece ? [piece] : []));
}
