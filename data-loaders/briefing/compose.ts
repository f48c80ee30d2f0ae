/**
 * Compose the briefing document from the database's rows: summary, one section per pillar (trend table,
 * chart, largest movements in words), universalization with the UNGA trend, the consistency annex, and a
 * numbered source note for every figure. Pure apart from chart rendering; the same data give the same document.
 */
import { judgementBarsSpec, pillarTrendSpec, renderSvg, votesSpec, type IndicatorPoint } from "./charts.ts";
import type { BriefingData, CycleRow, TrendRow } from "./data.ts";
import { Footnotes, renumberNotes, type Block, type Briefing, type Inline, type Section } from "./model.ts";
import { capitalize, countPhrase, figure, formatThousands, percent } from "./number-words.ts";
import { compactCells, compactTable } from "./sources.ts";
import { firstSentence, indicatorSentence, listNames, longDate, signed } from "./text.ts";

export interface ComposeOptions {
  /** Printed date line, e.g. "27 November 2026"; omitted when not pinned, so output stays reproducible. */
  date?: string;
}

export interface ChartFile {
  file: string;
  svg: string;
}

export async function composeBriefing(data: BriefingData, options: ComposeOptions = {}): Promise<{ doc: Briefing; charts: ChartFile[] }> {
  const notes = new Footnotes();
  const charts: ChartFile[] = [];
  const ctx = new Context(data, notes);
  const target = data.cycles.find((c) => c.is_target)!;
  const first = data.cycles[0]!;
  const sections: Section[] = [];

  sections.push(await summarySection(ctx, target, first, charts));
  for (const pillar of data.pillars) {
    sections.push(await pillarSection(ctx, pillar.pillar_code, target, charts));
    if (pillar.pillar_code === "C") sections.push(await universalizationSection(ctx, target, charts));
  }
  if (!data.pillars.some((p) => p.pillar_code === "C")) sections.push(await universalizationSection(ctx, target, charts));
  sections.push(annexSection(ctx));
  sections.push(aboutSection(ctx));

  const period = target.period_start && target.period_end ? ` (reporting period ${longDate(target.period_start)} – ${longDate(target.period_end)})` : "";
  const doc: Briefing = {
    cycle: data.cycle,
    title: `Convention on Cluster Munitions: annual trend briefing, ${data.cycle}`,
    subtitle: `Lausanne Action Plan indicators from ${first.cycle} to ${target.cycle}${period}`,
    date: options.date ? `Published ${options.date}` : `Generated from the ccm-trends database`,
    sections,
    notes: notes.texts,
  };
  return { doc: renumberNotes(doc), charts };
}

/** Shared lookups: rows by indicator, source citations. */
class Context {
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

function refOf(r: TrendRow): string {
  return r.source_ref ?? `no ${r.cycle} value in the report's table`;
}

/** "two (02) improved, one (01) declined and none held": zero is said as "none", never "zero (00)". */
function tally(improved: number, declined: number, held: number, noun = ""): string {
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

function listPlain(items: string[], conj = "and"): string {
  return items.length <= 1 ? items.join("") : `${items.slice(0, -1).join(", ")} ${conj} ${items.at(-1)}`;
}

function cyclesToDate(ctx: Context): number {
  return ctx.data.cycles.length;
}

/** The report-style sentence for a row, with the share of all States Parties where the denominator is known. */
function sentence(ctx: Context, r: TrendRow): Inline[] {
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
function namedFor(ctx: Context, r: TrendRow): { finding_id: string; paragraph: string; names: string } | undefined {
  const candidates = (ctx.data.namedStates ?? []).filter((n) => n.indicator_id === r.indicator_id && n.named === r.value && r.value !== null && r.value > 0);
  return candidates[0];
}

/** Report-style bullet list: items end with ";", the last with ".". */
function bullets(items: Inline[][]): Block {
  return { kind: "list", items: items.map((item, i) => (i === items.length - 1 && item.at(-1) === ";" ? [...item.slice(0, -1), "."] : item)) };
}

/** Indicators that moved the same way in every cycle so far ("rose in each of the three cycles since 10MSP"). */
function streakSentence(ctx: Context): string | null {
  const moves = ctx.data.cycles.length - 1;
  if (moves < 2) return null;
  const steady = (direction: string) =>
    ctx.targetRows
      .filter((r) => r.direction === direction && r.streak === moves)
      .sort((a, b) => a.action - b.action || a.seq - b.seq)
      .map((r) => r.indicator_id);
  const up = steady("up");
  const down = steady("down");
  if (!up.length && !down.length) return null;
  const since = ctx.data.cycles[0]!.cycle;
  const part = (ids: string[], verb: string) => `${countPhrase(ids.length)} ${ids.length === 1 ? "indicator" : "indicators"} ${verb} in each of the ${countPhrase(moves)} cycles since ${since} (${listNames(ids)})`;
  const parts = [...(up.length ? [part(up, "rose")] : []), ...(down.length ? [part(down, "fell")] : [])];
  return capitalize(parts.join("; "));
}

/** Improved / declined / held per pillar: a table and a stacked bar chart. */
async function pillarOverviewBlocks(ctx: Context, target: CycleRow, note: { note: number }, charts: ChartFile[]): Promise<Block[]> {
  const pillars = ctx.data.pillars;
  const previous = ctx.data.cycles.at(-2)?.cycle ?? "the previous cycle";
  const judgements = [
    ["improved", "improved"],
    ["held", "held"],
    ["declined", "declined"],
    ["not_comparable", "not comparable"],
  ] as const;
  const bars = pillars.flatMap((p) =>
    judgements.filter(([k]) => p[k] > 0).map(([k, label], i) => ({ pillar: `${p.pillar_code}. ${p.pillar}`, judgement: label, indicators: p[k], order: i })),
  );
  const title = `Indicators by movement, ${previous} to ${target.cycle}, per pillar`;
  const description = `Stacked horizontal bar chart: for each of the ${pillars.length} pillars, how many indicators improved, held, declined or cannot be compared between ${previous} and ${target.cycle}.`;
  const svg = await renderSvg(judgementBarsSpec(title, "Judged by each indicator's polarity (is a rise good news?)", description, bars, pillars.map((p) => `${p.pillar_code}. ${p.pillar}`)));
  const file = "charts/pillars-overview.svg";
  charts.push({ file, svg });
  return [
    {
      kind: "table",
      caption: [`Table S. Indicators that improved, declined or held between ${previous} and ${target.cycle}, by pillar`, note],
      head: ["Pillar", "Indicators", "Improved", "Declined", "Held", "Not comparable"],
      align: ["left", "right", "right", "right", "right", "right"],
      rows: pillars.map((p) => [`${p.pillar_code}. ${p.pillar}`, String(p.indicators), String(p.improved), String(p.declined), String(p.held), String(p.not_comparable)]),
      widths: [40, 12, 12, 12, 12, 12],
    },
    { kind: "chart", file, title, description, svg, note: note.note },
  ];
}

async function summarySection(ctx: Context, target: CycleRow, first: CycleRow, charts: ChartFile[]): Promise<Section> {
  const { data, notes } = ctx;
  const blocks: Block[] = [];
  const indicators = ctx.byIndicator.size;
  const measured = ctx.targetRows.filter((r) => r.value !== null).length;
  const trendNote = notes.cite(`Counts computed by ccm-trends (views indicator_trends and pillar_trends) from ${ctx.dataset("indicator_values")} and ${ctx.dataset("indicators")}.`);
  const cycleRefs = [...new Set(data.cycles.map((c) => c.source_ref ?? `${c.cycle}: no reference`))];
  const cycleNote = notes.cite(`Reporting cycles (${ctx.dataset("cycles")}): ${cycleRefs.join("; ")}.`);
  blocks.push({
    kind: "paragraph",
    content: [
      `This briefing follows ${countPhrase(indicators)} indicators of the Lausanne Action Plan (LAP) through ${countPhrase(data.cycles.length)} reporting cycles, from ${first.cycle} to ${target.cycle}`,
      target.period_start && target.period_end ? `; the ${target.cycle} cycle covers ${longDate(target.period_start)} to ${longDate(target.period_end)}` : "",
      cycleNote,
      `. ${capitalize(countPhrase(measured))} of them were measured in the ${target.cycle} cycle`,
      trendNote,
      ".",
    ],
  });
  const sum = (k: "improved" | "declined" | "held" | "not_comparable") => data.pillars.reduce((a, p) => a + p[k], 0);
  blocks.push({
    kind: "paragraph",
    content: [
      `Compared with the previous cycle, ${tally(sum("improved"), sum("declined"), sum("held"), "indicators")}; ${sum("not_comparable") ? `${countPhrase(sum("not_comparable"))} cannot be compared because they were not measured, were measured for the first time, or have no better direction` : "every indicator can be compared"}`,
      trendNote,
      ".",
    ],
  });
  const streaks = streakSentence(ctx);
  if (streaks) blocks.push({ kind: "paragraph", content: [streaks, trendNote, "."] });
  const membership = membershipSentences(ctx, target);
  if (membership.length) blocks.push({ kind: "paragraph", content: membership.flat() });

  const byRank = data.movements.map((m) => ctx.row(m.indicator_id, data.cycle)!).filter(Boolean);
  const improved = byRank.filter((r) => r.judgement === "improved").slice(0, 3);
  const declined = byRank.filter((r) => r.judgement === "declined").slice(0, 3);
  if (improved.length) {
    blocks.push({ kind: "paragraph", content: [`The largest improvements in the ${data.cycle} cycle:`] });
    blocks.push(bullets(improved.map((r) => sentence(ctx, r))));
  }
  if (declined.length) {
    blocks.push({ kind: "paragraph", content: [`The largest declines:`] });
    blocks.push(bullets(declined.map((r) => sentence(ctx, r))));
  }
  const unga = ungaSentence(ctx);
  if (unga) blocks.push({ kind: "paragraph", content: unga });
  if (data.issues) {
    blocks.push({
      kind: "paragraph",
      content: [
        data.issues.length
          ? `The consistency checks found ${countPhrase(data.issues.length)} points where the report's figures or lists do not agree with each other; the annex lists them with their paragraphs`
          : "The consistency checks found no point where the report's figures or lists disagree",
        notes.cite(`Consistency checks of ccm-trends (view consistency_issues) over ${ctx.dataset("findings")} and ${ctx.dataset("indicator_values")}.`),
        ".",
      ],
    });
  }
  blocks.push(...(await pillarOverviewBlocks(ctx, target, trendNote, charts)));
  if (data.missing.length) {
    blocks.push({ kind: "paragraph", content: [`Not covered, because the database does not contain them yet: ${data.missing.join(", ")}.`] });
  }
  return { id: "summary", title: "Summary", blocks };
}

function membershipSentences(ctx: Context, target: CycleRow): Inline[][] {
  const m = ctx.data.membership;
  const out: Inline[][] = [];
  if (m && m.as_of && m.states_parties > 0) {
    const note = ctx.notes.cite(`Counted by ccm-trends on ${longDate(m.as_of)} from the membership history (view state_status over ${ctx.dataset("state_events")}: ${m.sources ?? "source not recorded"}).`);
    out.push([
      `As of ${longDate(m.as_of)}, ${countPhrase(m.states_parties)} States were party to the Convention and ${countPhrase(m.signatories)} had signed it without ratifying`,
      note,
      ". ",
    ]);
  }
  const w = ctx.data.withdrawals;
  if (w && w.length) {
    const names = listNames(w.map((x) => x.name_en));
    const note = ctx.notes.cite(`Withdrawals (table state_events): ${w.map((x) => `${x.name_en}, effective ${longDate(x.event_date)}, ${x.source ?? "no source recorded"}`).join("; ")}.`);
    out.push([
      `${countPhrase(w.length, { capitalize: true })} ${w.length === 1 ? "State Party" : "States Parties"} (${names}) withdrew from the Convention during the ${target.cycle} cycle, with effect from ${listNames(w.map((x) => longDate(x.event_date)))}`,
      note,
      ".",
    ]);
  }
  return out;
}

function ungaSentence(ctx: Context): Inline[] | null {
  const rows = (ctx.data.unga ?? []).filter((r) => r.total_yes !== null);
  const last = rows.at(-1);
  if (!last) return null;
  const prev = rows.at(-2);
  const low = ctx.data.lowestSince?.find((l) => l.year === last.year);
  const refs = [ungaRef(last), ...(prev ? [ungaRef(prev)] : [])];
  if (low) refs.push(`comparison with every earlier year by ccm-trends (view unga_lowest_since)`);
  const note = ctx.notes.cite(`${refs.join("; ")}.`);
  let s = `${countPhrase(last.total_yes!, { capitalize: true })} States voted in favour of the ${last.year} UNGA resolution on the implementation of the Convention`;
  if (prev && prev.total_yes !== null) {
    if (last.total_yes! < prev.total_yes) s += `, down from ${countPhrase(prev.total_yes)} in ${prev.year}`;
    else if (last.total_yes! > prev.total_yes) s += `, up from ${countPhrase(prev.total_yes)} in ${prev.year}`;
    else s += `, as many as in ${prev.year}`;
  }
  if (low && low.earlier_years > 0) {
    const gap = low.years_without_data ? `; no total is available for ${low.years_without_data}` : "";
    if (low.lowest_since_series_start) s += ` (the fewest since the series began in ${low.series_start}${gap})`;
    else if (low.last_as_low_year !== null && low.last_as_low_year < last.year - 1 && last.total_yes! < (prev?.total_yes ?? Infinity)) s += ` (the fewest since ${low.last_as_low_year}${gap})`;
  }
  return [s, note, "."];
}

function ungaRef(r: { year: number; resolution: string | null; resolution_id: string; source: string | null; source_ref: string | null }): string {
  return `UNGA ${r.year} (${r.resolution ?? r.resolution_id}): ${[r.source, r.source_ref].filter(Boolean).join(", ") || "table unga_resolutions"}`;
}

function cellValue(r: TrendRow | undefined): string {
  // As the report prints it; the caption says that N/A means not measured (it is never read as 0).
  if (!r || r.value === null) return "N/A";
  if (r.value_secondary !== null) return `${figure(r.value)} / ${formatThousands(r.value_secondary)}`;
  return `${figure(r.value)}${r.revised ? "*" : ""}`;
}

function trendWords(r: TrendRow): string {
  if (r.direction === "not measured" || r.direction === "first measured") return r.direction;
  let s = r.judgement === "not comparable" ? (r.direction === "up" ? "rose" : "fell") : r.judgement;
  if (r.streak !== null && r.streak >= 2 && r.direction !== "flat") s += ` (${r.streak} in a row)`;
  if (r.record_to_date === "highest" || r.record_to_date === "lowest") s += `, ${r.record_to_date}`;
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
  const s = firstSentence(text).replace(/ \(SPs\)/g, "").replace(/\bSPs\b/g, "States Parties");
  if (s.length <= max) return s;
  const cut = s.lastIndexOf(" ", max - 1);
  return `${s.slice(0, cut > 60 ? cut : max - 1)} …`;
}

async function pillarSection(ctx: Context, code: string, target: CycleRow, charts: ChartFile[]): Promise<Section> {
  const { data, notes } = ctx;
  const pillar = data.pillars.find((p) => p.pillar_code === code)!;
  const rows = ctx.targetRows.filter((r) => r.pillar_code === code);
  const cycles = data.cycles.map((c) => c.cycle);
  const previous = data.cycles.at(-2)?.cycle;
  const first = data.cycles[0]!.cycle;
  const blocks: Block[] = [];

  const tableRefs = rows.flatMap((r) => (ctx.byIndicator.get(r.indicator_id) ?? []).map((x) => x.source_ref).filter((x): x is string => x !== null));
  const sourceNote = notes.cite(`${compactTable(tableRefs)} (${ctx.dataset("indicator_values")}); changes and trends computed by ccm-trends (view indicator_trends).`);
  const countNote = notes.cite(`Counts for pillar ${code} computed by ccm-trends (view pillar_trends) from the values of Table ${code}.`);
  blocks.push({
    kind: "paragraph",
    content: [
      `Of the ${countPhrase(pillar.indicators)} ${pillar.indicators === 1 ? "indicator" : "indicators"} of this pillar in the ${target.cycle} cycle, ${tally(pillar.improved, pillar.declined, pillar.held)}${pillar.not_comparable ? `; ${countPhrase(pillar.not_comparable)} cannot be compared` : ""}`,
      countNote,
      ".",
    ],
  });

  const moves = data.movements.filter((m) => m.pillar_code === code && m.rank_in_pillar <= 3).map((m) => ctx.row(m.indicator_id, data.cycle)!);
  if (moves.length) {
    blocks.push({ kind: "paragraph", content: [`Largest movements since the previous cycle:`] });
    blocks.push(bullets(moves.map((r) => sentence(ctx, r))));
  } else {
    blocks.push({ kind: "paragraph", content: [`No indicator of this pillar moved in the ${target.cycle} cycle.`] });
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
  const legend = [revised ? "* figure updated in a later report" : "", notMeasured ? "N/A: not measured" : ""].filter(Boolean).join("; ");
  const points: IndicatorPoint[] = [];
  for (const r of rows) {
    for (const h of ctx.byIndicator.get(r.indicator_id) ?? []) {
      if (h.value !== null) points.push({ indicator: h.indicator_id, label: h.indicator_id, cycle: h.cycle, ordinal: h.ordinal, value: h.value });
    }
  }
  if (points.length) {
    const title = `${code}. ${pillar.pillar}: indicator values by cycle`;
    const rising = rows.filter((r) => (r.change_since_first ?? 0) > 0).length;
    const falling = rows.filter((r) => (r.change_since_first ?? 0) < 0).length;
    const description = `Small line charts of the ${rows.length} indicators of pillar ${code} from ${first} to ${target.cycle}, one per indicator: ${rising} are higher and ${falling} lower in ${target.cycle} than in ${first}; unmeasured cycles are gaps.`;
    const file = `charts/pillar-${code}.svg`;
    const svg = await renderSvg(pillarTrendSpec(title, `One panel per LAP indicator, each on its own scale from zero; 10 = ${first} … ${target.cycle.replace("MSP", "")} = ${target.cycle}`, description, points, cycles));
    charts.push({ file, svg });
    blocks.push({ kind: "chart", file, title, description, svg, note: sourceNote.note });
  }
  const tableBlock: Block = {
    kind: "table",
    caption: [`Table ${code}. ${pillar.pillar}: indicator values, ${first} to ${target.cycle}${legend ? ` (${legend})` : ""}`, sourceNote],
    head,
    align,
    rows: tableRows,
    className: "trend",
    widths: trendWidths(cycles.length),
  };

  blocks.push(tableBlock);
  return { id: `pillar-${code}`, title: `${code}. ${pillar.pillar}`, blocks, pageBreak: true };
}

async function universalizationSection(ctx: Context, target: CycleRow, charts: ChartFile[]): Promise<Section> {
  const blocks: Block[] = [];
  const membership = membershipSentences(ctx, target);
  if (membership.length) blocks.push({ kind: "paragraph", content: membership.flat() });
  else blocks.push({ kind: "paragraph", content: ["The database has no membership history (state_status), so the number of States Parties is not given here."] });
  const unga = ctx.data.unga;
  if (!unga || unga.length === 0) {
    blocks.push({ kind: "paragraph", content: ["The database has no UNGA resolution votes (unga_resolutions), so the UNGA trend is not given here."] });
    return { id: "universalization", title: "Universalization and the UNGA resolution", blocks, pageBreak: true };
  }
  const sentence = ungaSentence(ctx);
  if (sentence) blocks.push({ kind: "paragraph", content: sentence });
  const missingCountry = unga.filter((r) => !r.has_country_votes).map((r) => String(r.year));
  if (missingCountry.length) {
    blocks.push({
      kind: "paragraph",
      content: [`Country-by-country votes are not available for ${listNames(missingCountry)}: for ${missingCountry.length === 1 ? "that year" : "those years"} only the published totals are shown, and a total that was not published is marked "not published", not 0.`],
    });
  }
  const note = ctx.notes.cite(`UNGA votes on the CCM resolution: ${unga.map(ungaRef).join("; ")}.`);
  const cellOf = (n: number | null) => (n === null ? "not published" : formatThousands(n));
  blocks.push({
    kind: "table",
    caption: ["Table U. UNGA resolution on the implementation of the Convention: recorded votes by year", note],
    head: ["Year", "Resolution", "Yes", "No", "Abstain", "Non-voting"],
    align: ["left", "left", "right", "right", "right", "right"],
    rows: unga.map((r) => [String(r.year), r.resolution ?? r.resolution_id, cellOf(r.total_yes), cellOf(r.total_no), cellOf(r.total_abstentions), cellOf(r.total_non_voting)]),
  });
  const bars = unga.flatMap((r) =>
    [
      { group: "yes", votes: r.total_yes, groupOrder: 1 },
      { group: "abstain", votes: r.total_abstentions, groupOrder: 2 },
      { group: "no", votes: r.total_no, groupOrder: 3 },
    ]
      .filter((b) => b.votes !== null)
      .map((b) => ({ year: r.year, group: b.group, votes: b.votes!, groupOrder: b.groupOrder })),
  );
  const title = "UNGA votes on the CCM resolution by year";
  const description = `Stacked bar chart of yes, abstain and no votes on the annual UNGA resolution on the Convention, ${unga[0]!.year} to ${unga.at(-1)!.year}; years where only some totals were published show only those.`;
  const svg = await renderSvg(
    votesSpec(title, "General Assembly plenary votes", description, bars, [
      { name: "yes", colour: "#1f4e79" },
      { name: "abstain", colour: "#9ecae1" },
      { name: "no", colour: "#b2182b" },
    ]),
  );
  const file = "charts/unga-votes.svg";
  charts.push({ file, svg });
  blocks.push({ kind: "chart", file, title, description, svg, note: note.note });
  blocks.push(...(await yesByStatusBlocks(ctx, charts)));
  blocks.push(...voteShiftBlocks(ctx));
  return { id: "universalization", title: "Universalization and the UNGA resolution", blocks, pageBreak: true };
}

const STATUS_LABELS: [string, string, string][] = [
  ["state_party", "States Parties", "#1f4e79"],
  ["deposited", "deposited, not in force", "#6baed6"],
  ["signatory", "signatories", "#9ecae1"],
  ["withdrawn", "withdrawn", "#fdae6b"],
  ["not_party", "States not party", "#bdbdbd"],
  ["unknown", "unknown status", "#e7d4a8"],
];

/** Yes votes by the voter's CCM status on the vote date: a table and a stacked bar chart. */
async function yesByStatusBlocks(ctx: Context, charts: ChartFile[]): Promise<Block[]> {
  const rows = ctx.data.yesByStatus;
  if (!rows || rows.length === 0) return [];
  const years = [...new Set(rows.map((r) => r.year))].sort((a, b) => a - b);
  const statuses = STATUS_LABELS.filter(([code]) => rows.some((r) => r.ccm_status === code));
  const note = ctx.notes.cite(
    `Yes votes by CCM status on the vote date, computed by ccm-trends (view unga_yes_by_status) from the per-country votes (table unga_votes) and the membership history (view state_status); ${[...new Set(rows.filter((r) => !r.has_country_votes).map((r) => `${r.year}: ${r.basis ?? "published total"}`))].join("; ") || "all years from per-country votes"}.`,
  );
  const cell = (year: number, code: string): string => {
    const r = rows.find((x) => x.year === year && x.ccm_status === code);
    if (r && r.yes !== null) return formatThousands(r.yes);
    return rows.some((x) => x.year === year && x.has_country_votes) ? "0" : "not available";
  };
  const blocks: Block[] = [];
  const latest = years.at(-1)!;
  const latestNotParty = rows.find((r) => r.year === latest && r.ccm_status === "not_party");
  if (latestNotParty?.yes != null) {
    blocks.push({
      kind: "paragraph",
      content: [`${countPhrase(latestNotParty.yes, { capitalize: true })} States not party voted in favour of the ${latest} resolution`, note, "."],
    });
  }
  blocks.push({
    kind: "table",
    caption: ["Table V. Yes votes on the CCM resolution by the voter's CCM status on the vote date", note],
    head: ["Year", ...statuses.map(([, label]) => capitalize(label))],
    align: ["left", ...statuses.map(() => "right" as const)],
    rows: years.map((y) => [String(y), ...statuses.map(([code]) => cell(y, code))]),
  });
  const bars = rows
    .filter((r) => r.yes !== null)
    .map((r) => ({ year: r.year, group: STATUS_LABELS.find(([c]) => c === r.ccm_status)?.[1] ?? r.ccm_status, votes: r.yes!, groupOrder: STATUS_LABELS.findIndex(([c]) => c === r.ccm_status) }));
  const title = "Yes votes on the CCM resolution by CCM status of the voter";
  const partial = years.filter((y) => !rows.some((r) => r.year === y && r.has_country_votes));
  const description = `Stacked bar chart of yes votes per year, ${years[0]} to ${latest}, split by the voter's status under the Convention on the day of the vote${partial.length ? `; for ${partial.join(", ")} only the yes votes of States not party are published` : ""}.`;
  const svg = await renderSvg(votesSpec(title, "States Parties, signatories and States not party", description, bars, statuses.map(([, label, colour]) => ({ name: label, colour }))));
  const file = "charts/unga-yes-by-status.svg";
  charts.push({ file, svg });
  blocks.push({ kind: "chart", file, title, description, svg, note: note.note });
  return blocks;
}

/** States that voted yes in an earlier year and later abstained, voted no or did not vote. */
function voteShiftBlocks(ctx: Context): Block[] {
  const rows = ctx.data.voteShifts;
  if (!rows) return [];
  const states = [...new Set(rows.map((r) => r.name_en))].sort();
  const gaps = rows[0]?.years_without_country_votes ?? null;
  if (states.length === 0) {
    return [{ kind: "paragraph", content: ["No State that voted yes in an earlier year later abstained, voted no or did not vote, in the years with per-country votes."] }];
  }
  const note = ctx.notes.cite("States that voted yes in an earlier year and later did not, computed by ccm-trends (view unga_vote_shifts) from the per-country votes (table unga_votes, UN Digital Library).");
  const byShift = (shift: string) => states.filter((n) => rows.some((r) => r.name_en === n && r.shift === shift));
  const years = [...new Set(rows.map((r) => r.year))].sort((a, b) => a - b);
  const parts: string[] = [];
  for (const shift of ["voted no", "abstained", "did not vote"]) {
    const names = byShift(shift);
    if (names.length) parts.push(`${countPhrase(names.length)} ${shift} at least once (${listNames(names)})`);
  }
  return [
    {
      kind: "paragraph",
      content: [
        `${countPhrase(states.length, { capitalize: true })} States that had voted in favour in an earlier year later abstained, voted no or did not vote, between ${years[0]} and ${years.at(-1)}: ${parts.join("; ")}`,
        note,
        `.${gaps ? ` Per-country votes are not available for ${gaps}, so shifts in those years cannot be seen.` : ""}`,
      ],
    },
  ];
}

function annexSection(ctx: Context): Section {
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
      content: [`${countPhrase(issues.length, { capitalize: true })} ${issues.length === 1 ? "point" : "points"} in the report where a stated figure, a list of States or a table do not agree with each other`, note, "."],
    });
    blocks.push({
      kind: "table",
      caption: ["Annex table. Consistency issues in the progress report", note],
      head: ["Paragraph", "Kind", "Severity", "Expected", "Found", "Explanation"],
      align: ["left", "left", "left", "left", "left", "left"],
      widths: [10, 13, 9, 17, 17, 34],
      rows: issues.map((i) => [[i.paragraph, i.related].filter(Boolean).join(" / ") || "–", i.kind.replaceAll("_", " "), i.severity, i.expected ?? "–", i.found ?? "–", i.explanation]),
      className: "issues",
    });
  }
  return { id: "annex", title: "Annex: consistency issues in the report", blocks, pageBreak: true };
}

function aboutSection(ctx: Context): Section {
  const blocks: Block[] = [];
  const datasetsNote = ctx.notes.cite("Table datasets of the ccm-trends database, recorded by the pipeline from sources/*.meta.json.");
  blocks.push({
    kind: "paragraph",
    content: [
      `Every figure in this briefing is read from the ccm-trends database, built from ${countPhrase(ctx.data.datasets.length)} curated datasets`,
      datasetsNote,
      `; every number carries a note with its source. Changes compare a value with the latest earlier cycle in which the indicator was measured; a value the report gives as N/A is "not measured", never zero. Whether a movement is an improvement depends on the indicator's polarity (for example, fewer confirmed cases of use is better).`,
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
