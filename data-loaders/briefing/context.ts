/**
 * What every section of the briefing shares: rows by indicator, dataset citations and source notes, and the
 * report-style sentence of an indicator row (with its share of States Parties and the States the report names).
 */
import type { BriefingData, TrendRow } from "./data.ts";
import { Footnotes, type Block, type Inline } from "./model.ts";
import { countPhrase, formatThousands, percent } from "../lib/number-words.ts";
import { compactCells } from "./sources.ts";
import { indicatorSentence, listNames } from "./text.ts";

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
    const refs = [refOf(r)];
    const prev = this.row(r.indicator_id, r.previous_cycle);
    if (prev && r.previous_value !== null) refs.push(refOf(prev));
    const computed = refs.length > 1 ? " Change and record computed by ccm-trends (view indicator_trends)." : "";
    const share = r.share !== null && r.denominator_basis && r.value ? ` Denominator: ${r.denominator_basis} (view state_status).` : "";
    return this.notes.cite(`Indicator ${r.indicator_id}: ${compactCells(refs).join("; ")} (${this.dataset("indicator_values")}).${computed}${share}`);
  }
}

export function refOf(r: TrendRow): string {
  return r.source_ref ?? `no ${r.cycle} value in the report's table`;
}

/** "two (02) improved, one (01) declined and none held": zero is said as "none", never "zero (00)". */
export function tally(improved: number, declined: number, held: number, noun = ""): string {
  const parts = [
    [improved, "improved"],
    [declined, "declined"],
    [held, "held"],
  ] as const;
  const said = parts.filter(([n]) => n > 0).map(([n, w], i) => `${countPhrase(n)} ${i === 0 && noun ? `${noun} ` : ""}${w}`);
  const none = parts.filter(([n]) => n === 0).map(([, w]) => w);
  const main = said.length ? listPlain(said) : "no indicator moved";
  return none.length && said.length ? `${main}; none ${listPlain(none, "or")}` : main;
}

export function listPlain(items: string[], conj = "and"): string {
  return items.length <= 1 ? items.join("") : `${items.slice(0, -1).join(", ")} ${conj} ${items.at(-1)}`;
}

export function cyclesToDate(ctx: Context): number {
  return ctx.data.cycles.length;
}

/** The report-style sentence for a row, with the share of all States Parties where the denominator is known. */
export function sentence(ctx: Context, r: TrendRow): Inline[] {
  let s = indicatorSentence(r, cyclesToDate(ctx));
  if (r.share !== null && r.denominator !== null && r.value) s += `, ${percent(r.share)} of the ${formatThousands(r.denominator)} ${r.denominator_basis ?? "States Parties"}`;
  const named = r.cycle === ctx.data.cycle ? namedFor(ctx, r) : undefined;
  if (!named) return [s, ctx.valueNote(r), ";"];
  const names = named.names.split("; ");
  const where = /^\d+$/.test(named.paragraph) ? `para ${named.paragraph}` : `item ${named.paragraph}`;
  const who = names.length <= 12 ? `${where} names ${names.length === 1 ? "it" : "them"}: ${listNames(names)}` : `${where} names all ${countPhrase(names.length)}`;
  return [s, ctx.valueNote(r), `; ${who}`, ctx.notes.cite(`13MSP Progress Report ${where}, as extracted in finding ${named.finding_id} (${ctx.dataset("findings")}, ${ctx.dataset("finding_states")}).`), ";"];
}

/** The finding that names exactly the States an indicator counts in the briefing's cycle, if the report gives one. */
export function namedFor(ctx: Context, r: TrendRow): { finding_id: string; paragraph: string; names: string } | undefined {
  const candidates = (ctx.data.namedStates ?? []).filter((n) => n.indicator_id === r.indicator_id && n.named === r.value && r.value !== null && r.value > 0);
  return candidates[0];
}

/** Report-style bullet list: items end with ";", the last with ".". */
export function bullets(items: Inline[][]): Block {
  return { kind: "list", items: items.map((item, i) => (i === items.length - 1 && item.at(-1) === ";" ? [...item.slice(0, -1), "."] : item)) };
}
