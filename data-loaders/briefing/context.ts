/**
 * What every section of the briefing shares: rows by indicator, dataset citations and source notes, and the
 * report-style sentence of an indicator row (with its share of States Parties and the States the report names).
 */
import type { BriefingData, ContestedRow, TallyTermRow } from "./data.ts";
import type { NamedStatesRow, TrendRow } from "../lib/view-rows.ts";
import { Footnotes, num, type Block, type Inline, type Note } from "./model.ts";
import { proseNumber } from "../presentation/number-words.ts";
import { datasetCitation, noteCatalog, paragraphPlace, valueKey } from "./source/notes.ts";
import { indicatorPieces } from "./text.ts";

export interface ChartFile {
  file: string;
  svg: string;
}

/** Shared lookups: rows by indicator, and the notes of the database's things by key (source/notes.ts). */
export class Context {
  readonly byIndicator = new Map<string, TrendRow[]>();
  readonly targetRows: TrendRow[];
  /** The note of each thing the database holds, by key: the one text of {note <key>} in the draft and in a source. */
  readonly catalog: Map<string, string>;
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
    this.catalog = noteCatalog(data);
  }

  /** Short citation of a curated dataset; the "About the data" section gives each one in full. */
  dataset(name: string): string {
    return datasetCitation(this.data, name);
  }

  /** The note of a thing the database holds, placed by its key (as {note <key>} in the draft's source). */
  note(key: string): Note {
    const text = this.catalog.get(key);
    if (text === undefined) throw new Error(`The draft cites note "${key}", which the database gives no note for`);
    return this.notes.cite(text, key);
  }

  row(indicatorId: string, cycle: string | null): TrendRow | undefined {
    return cycle ? this.byIndicator.get(indicatorId)?.find((r) => r.cycle === cycle) : undefined;
  }

  /** Note for a printed value and, when it is compared, the value it is compared with. */
  valueNote(r: TrendRow): Note {
    return this.note(valueKey(this.data, r));
  }
}

/**
 * How the report (or the UN's records) contradict a value (mart contested_figures): the other figures, where they are
 * given, and the numbered rows of the annex tables, so the sentence points to the check; undefined when no annex row
 * lists a contradiction.
 */
export function contestedPhrase(rows: ContestedRow[]): string | undefined {
  const parts: string[] = [];
  // Real disagreements only (view figure_doubts decides): the other figures and the annex rows that list them.
  const internal = rows.filter((c) => c.against === "report" && c.doubt === "contested");
  const items = internal
    .map((c) => c.annex_item)
    .filter((n): n is number => n !== null)
    .sort((a, b) => a - b);
  if (items.length) {
    const byFigure = new Map<string, string[]>();
    for (const c of internal) {
      const key = c.other_figure === null ? "" : String(c.other_figure);
      byFigure.set(key, [...(byFigure.get(key) ?? []), c.place]);
    }
    const gives = [...byFigure].map(([figure, places]) =>
      figure
        ? `${listPlain(places)} ${places.length === 1 ? "gives" : "give"} ${figure}`
        : `${listPlain(places)} ${places.length === 1 ? "disagrees" : "disagree"}`,
    );
    parts.push(
      `${listPlain(gives)} (consistency annex, ${items.length === 1 ? "item" : "items"} ${listPlain(items.map(String))})`,
    );
  }
  for (const c of rows.filter((x) => x.against === "records")) {
    if (c.annex_item === null) continue;
    // The change on the record beside the report's, where the record gives both cycles (11.2: 37 → 25).
    const onRecord =
      c.record_value !== null && c.record_previous_value !== null && c.record_change !== null && c.previous_cycle
        ? `; on the records, ${c.record_change < 0 ? "down" : c.record_change > 0 ? "up" : "unchanged"} from ${c.record_previous_value} in the ${c.previous_cycle} cycle to ${c.record_value}${c.record_change ? ` (${c.record_change > 0 ? "+" : "−"}${Math.abs(c.record_change)})` : ""}`
        : "";
    parts.push(
      `the UN's records give ${c.other_figure ?? "another figure"} (records annex, item ${c.annex_item})${onRecord}`,
    );
  }
  const said = parts.length ? [`contested: ${listPlain(parts)}`] : [];
  // Doubts that are no disagreement about the figure: named as what they are, with the reason in words.
  for (const c of rows.filter((x) => x.doubt === "warning")) {
    said.push(
      `${c.warning_kind ? `a ${c.warning_kind}` : "a warning"}, not a contradiction: ${c.doubt_reason}${c.annex_item !== null ? ` (consistency annex, item ${c.annex_item})` : ""}`,
    );
  }
  return said.length ? said.join("; ") : undefined;
}

/** One judgement a tally lists, as mart tally_terms gives it (sql/briefing/refs/terms.sql). */
export type TallyTerm = Pick<
  TallyTermRow,
  "term" | "n" | "phrase" | "said_when_none" | "contested_ids" | "contested_overturned"
>;

/**
 * "31 improved (one on a contested figure, 47.2, which the other figures judge the same), 16 declined, 24 held and
 * three completed": the judgements of mart tally_terms in its order, zero said as "none" where the mart says a zero is
 * news, and beside each count the indicators whose judgement rests on a contested figure, with whether the other
 * figures (the UN's records, or the report's other statement) give the same judgement.
 */
export function tally(terms: readonly TallyTerm[], noun = ""): string {
  const contested = (t: TallyTerm): string => {
    const k = t.contested_ids.length;
    if (!k) return "";
    const o = t.contested_overturned;
    const stands = !o.length
      ? ", which the other figures judge the same"
      : o.length === k
        ? ", which the other figures would judge otherwise"
        : `; the other figures would judge ${listPlain(o)} otherwise`;
    return ` (${proseNumber(k)} on ${k === 1 ? "a contested figure" : "contested figures"}, ${listPlain(t.contested_ids)}${stands})`;
  };
  const said = terms
    .filter((t) => t.n > 0)
    .map((t, i) => `${proseNumber(t.n)} ${i === 0 && noun ? `${noun} ` : ""}${t.phrase}${contested(t)}`);
  const none = terms.filter((t) => t.n === 0 && t.said_when_none).map((t) => t.phrase);
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
    s.push(
      ", ",
      num(`trend ${r.indicator_id} share${at}|percent`),
      " of the ",
      num(`trend ${r.indicator_id} denominator${at}|digits`),
      ` ${r.denominator_basis ?? "States Parties"}`,
    );
  }
  const contested = contestedPhrase(
    (ctx.data.contested ?? []).filter((c) => c.indicator_id === r.indicator_id && c.cycle === r.cycle),
  );
  if (contested) s.push("; ", num(`contested ${r.indicator_id}${at}`));
  const named = r.cycle === ctx.data.cycle ? namedFor(ctx, r) : undefined;
  if (!named) return [...s, ctx.valueNote(r), ";"];
  const names = named.names.split("; ");
  const where = paragraphPlace(named.paragraph);
  // The names are a reference too ({names <finding>}), so an analyst's source lists the States the database holds.
  const who: Inline[] =
    names.length <= 12
      ? [`${where} names ${names.length === 1 ? "it" : "them"}: `, num(`names ${named.finding_id}`)]
      : [`${where} names all `, num(`named ${named.finding_id}`)];
  return [...s, ctx.valueNote(r), "; ", ...who, ctx.note(`finding ${named.finding_id}`), ";"];
}

/** The finding that names exactly the States an indicator counts in the briefing's cycle, if the report gives one. */
export function namedFor(ctx: Context, r: TrendRow): NamedStatesRow | undefined {
  const candidates = (ctx.data.namedStates ?? []).filter(
    (n) => n.indicator_id === r.indicator_id && n.named === r.value && r.value !== null && r.value > 0,
  );
  return candidates[0];
}

/** Report-style bullet list: items end with ";", the last with ".". */
export function bullets(items: Inline[][]): Block {
  return {
    kind: "list",
    items: items.map((item, i) => (i === items.length - 1 && item.at(-1) === ";" ? [...item.slice(0, -1), "."] : item)),
  };
}

/** Where each part goes in the joined text: NUL, a character no State name or sentence holds, around its index. */
// eslint-disable-next-line no-control-regex
const PART_MARK = /\u0000(\d+)\u0000/;

/**
 * Join inline parts the way a string joiner joins names ("A, B, and C" with listNames, "A, B and C" with
 * listPlain), keeping each part's numbers as references.
 */
export function listPieces(parts: Inline[][], join: (items: string[]) => string): Inline[] {
  const joined = join(parts.map((_, i) => `\u0000${i}\u0000`));
  return joined.split(PART_MARK).flatMap((piece, i) => (i % 2 ? parts[Number(piece)]! : piece ? [piece] : []));
}
