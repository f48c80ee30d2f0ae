/**
 * Resolving references against the database: the one resolver of every briefing, whether its source is the
 * analyst's file or the generated draft (init.ts writes the draft in the same syntax). Every reference names a thing
 * the database holds (an indicator, a finding, a cycle, a field of a mart), so it resolves whatever the values are;
 * only a name the database does not hold is a problem (file, line, column and the closest valid names).
 */
import type { DuckDBConnection } from "@duckdb/node-api";
import { queryRows, sqlText } from "../../lib/db.ts";
import { show, type InputProblem } from "../../lib/errors.ts";
import { capitalize, formatThousands, percent, proseNumber } from "../../presentation/number-words.ts";
import { contestedPhrase, listPlain, tally } from "../context.ts";
import type { ContestedRow, TallyTermRow } from "../data.ts";
import { compactCells } from "../sources.ts";
import { listNames, ordinalWord, steadyItem, type SteadyRow } from "../text.ts";
import { longDate } from "../../lib/dates.ts";
import type { TrendRow } from "../../lib/view-rows.ts";
import { DATASETS_NOTE } from "./notes.ts";
import { BLOCK_KINDS, NOTE_KIND, NUMBER_KINDS, STYLES, type Reference } from "./parse.ts";

const VOTE_FIELDS = ["yes", "no", "abstain", "non_voting"] as const;

/** The vote shifts of view unga_vote_shifts, as {shifts} and {names shifts} name them. */
const SHIFTS = ["voted_no", "abstained", "did_not_vote"];

/** The lists of {ids} that are not judgements: the indicators that moved the same way in every change (mart judgements, steady). */
const STEADY: Record<string, string> = { rose_every_cycle: "rose", fell_every_cycle: "fell" };

/** A resolved reference: a number (shown by the style) or a text (a cycle name, a date, a clause), and its note. */
type Resolved = { value: number; note: string } | { text: string; note: string };

/** Edit distance with swapped neighbours as one edit ("LOA" is one typo from "LAO"), case ignored: for "closest valid names". */
function distance(x: string, y: string): number {
  const a = x.toLowerCase();
  const b = y.toLowerCase();
  const d = Array.from({ length: a.length + 1 }, (_, i) => [i, ...Array<number>(b.length).fill(0)]);
  for (let j = 1; j <= b.length; j++) d[0]![j] = j;
  for (let i = 1; i <= a.length; i++)
    for (let j = 1; j <= b.length; j++) {
      d[i]![j] = Math.min(d[i - 1]![j]! + 1, d[i]![j - 1]! + 1, d[i - 1]![j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1])
        d[i]![j] = Math.min(d[i]![j]!, d[i - 2]![j - 2]! + 1);
    }
  return d[a.length]![b.length]!;
}

/** The (up to five) valid names closest to a wrong one. */
export function closest(wrong: string, valid: string[]): string[] {
  return [...valid]
    .map((v) => ({ v, d: distance(wrong, v) - (v.startsWith(wrong) || wrong.startsWith(v) ? 1 : 0) }))
    .sort((x, y) => x.d - y.d || x.v.localeCompare(y.v))
    .slice(0, 5)
    .map((x) => x.v);
}

/**
 * Whether the draft's note `key` is the source of a number reference, so that a {note <key>} after it covers it: an
 * indicator's note covers that indicator's value, trend fields, changes and contest (and the count of cycles its
 * record is of); a finding's its named States; a pillar's its counts; the trend counts', cycles', membership,
 * withdrawal, UNGA, vote-shift, consistency and dataset notes the numbers they count.
 */
export function covers(key: string, ref: Reference): boolean {
  const [family, arg] = key.split(" ");
  const date = ref.kind === "date" ? ref.args[0] : undefined;
  switch (family) {
    case "value":
      return (
        (["value", "trend", "change", "contested"].includes(ref.kind) && ref.args[0] === arg) || ref.kind === "cycles"
      );
    case "finding":
      return (ref.kind === "named" || ref.kind === "names") && ref.args[0] === arg;
    case "pillar":
      return ["count", "ids", "tally"].includes(ref.kind) && arg !== undefined && ref.args.includes(arg);
    case "trends":
      return ["count", "ids", "tally", "cycles", "trend"].includes(ref.kind);
    case "cycles":
      return ref.kind === "count" || ref.kind === "cycles" || date === "period_start" || date === "period_end";
    case "membership":
      return ref.kind === "members" || date === "period_start" || date === "period_end";
    case "withdrawals":
      return ref.kind === "withdrawals" || date === "withdrawal" || (ref.kind === "names" && ref.args[0] === family);
    case "unga":
    case "unga-votes":
    case "yes-by-status":
      return ref.kind === "votes";
    case "shifts":
      return ref.kind === "shifts" || (ref.kind === "names" && ref.args[0] === family);
    case "flows":
      return ref.kind === "flows" || (ref.kind === "names" && ref.args[0] === family);
    case "issues":
    case "annex":
    case "annex-records":
      return ref.kind === "issues";
    case "datasets":
      return ref.kind === "count" && ref.args[0] === "datasets";
    case "revisions":
      return ref.kind === "revisions" && ref.args[0] === arg;
  }
  return false;
}

/** Whether a number placed after `before` opens a sentence (written in words, capitalised). */
export function opensSentence(before: string, first: boolean): boolean {
  return (first && before.trim() === "") || /[.!?]\s+$/.test(before);
}

function signedFigure(n: number): string {
  return n > 0 ? `+${formatThousands(n)}` : n < 0 ? `−${formatThousands(-n)}` : "0";
}

/** The text of a resolved reference in its place: the prose rule, or the style asked for; a noun agreeing with it. */
function shown(ref: Reference, r: Resolved, start: boolean): string {
  if ("text" in r) return r.text;
  const v = r.value;
  let out: string;
  switch (ref.style) {
    case "digits":
      out = formatThousands(Math.abs(v));
      break;
    case "signed":
      out = signedFigure(v);
      break;
    case "ordinal":
      out = ordinalWord(v);
      break;
    case "percent":
      out = percent(v);
      break;
    case "words":
      out = proseNumber(v, { capitalize: start, words: true });
      break;
    default:
      out = proseNumber(v, { capitalize: start });
  }
  if (start && ref.style !== null) out = capitalize(out);
  if (ref.noun) {
    const [singular, plural = `${singular}s`] = ref.noun.split("/").map((x) => x.trim()) as [string, string?];
    out += ` ${Math.abs(v) === 1 ? singular : plural}`;
  }
  return out;
}

/** What the resolver has read from the database (names and rows of the refs queries), shared by the resolvers of one database. */
export interface ResolverCache {
  names: Map<string, string[]>;
  rows: Map<string, Record<string, unknown>[]>;
}

export function newResolverCache(): ResolverCache {
  return { names: new Map(), rows: new Map() };
}

/**
 * Resolves references against the database: the one resolver of the analyst's source and of the generated draft
 * (whose numbers carry the same references), so both give the same text. Problems are collected, not thrown.
 */
export class Resolver {
  readonly problems: InputProblem[] = [];
  private readonly names: Map<string, string[]>;
  private readonly rows: Map<string, Record<string, unknown>[]>;

  constructor(
    private readonly conn: DuckDBConnection,
    readonly cycle: string,
    readonly file: string,
    private readonly queries: Map<string, string> = new Map(),
    readonly queryFile = "",
    cache: ResolverCache = newResolverCache(),
  ) {
    this.names = cache.names;
    this.rows = cache.rows;
  }

  private async valid(list: string): Promise<string[]> {
    if (!this.names.has(list))
      this.names.set(
        list,
        (await queryRows<{ name: string }>(this.conn, sqlText(`briefing/refs/${list}.sql`))).map((r) => String(r.name)),
      );
    return this.names.get(list)!;
  }

  /**
   * Rows of a refs query (sql/briefing/refs/<file>.sql), run once per parameters. A reference that needs what the
   * briefing's data reads names that query instead ("../cycle"): one query, so the two cannot disagree.
   */
  private async query<T = Record<string, unknown>>(
    file: string,
    params?: Record<string, string | number>,
  ): Promise<T[]> {
    const key = `${file} ${JSON.stringify(params ?? {})}`;
    if (!this.rows.has(key))
      this.rows.set(key, await queryRows(this.conn, sqlText(`briefing/refs/${file}.sql`), params));
    return this.rows.get(key) as T[];
  }

  /** One finding's named States, their count, paragraph, indicator and report ({named}, {names}), or undefined for an unknown id. */
  async finding(finding: string) {
    return (
      await this.query<{
        finding_id: string;
        indicator_id: string | null;
        cycle: string;
        value: number;
        names: string | null;
        paragraph: string;
        report_id: string;
        findings_dataset: string;
        finding_states_dataset: string;
      }>("named")
    ).find((r) => r.finding_id === finding);
  }

  /** One indicator's row of view indicator_trends in a cycle (what {trend} reads), or undefined. */
  async trendRow(indicator: string, cycle: string): Promise<TrendRow | undefined> {
    return (await this.query<TrendRow>("trend", { cycle })).find((r) => r.indicator_id === indicator);
  }

  problem(ref: Reference, expected: string, fix: string, found = show(ref.raw)): null {
    this.problems.push({ file: this.file, line: ref.line, column: ref.column, expected, found, fix });
    return null;
  }

  private async unknown(ref: Reference, what: string, name: string, list: string | string[]): Promise<null> {
    const near = closest(name, typeof list === "string" ? await this.valid(list) : list);
    return this.problem(
      ref,
      `a known ${what}`,
      near.length
        ? `use one of the closest valid names: ${near.join(", ")}`
        : `the database has no ${what} at all: run \`npm run pipeline\``,
      show(name),
    );
  }

  private needs(ref: Reference, min: number, max: number, usage: string): boolean {
    if (ref.args.length >= min && ref.args.length <= max) return true;
    this.problem(ref, `{${usage}}`, `write it as {${usage}} (see docs/briefing.md)`);
    return false;
  }

  private async knownCycle(ref: Reference, cycle: string): Promise<boolean> {
    if ((await this.valid("cycles")).includes(cycle)) return true;
    await this.unknown(ref, "cycle", cycle, "cycles");
    return false;
  }

  private async indicatorValue(
    ref: Reference,
    indicator: string,
    cycle: string,
  ): Promise<{ value: number; source_ref: string | null } | null> {
    if (!(await this.valid("indicators")).includes(indicator))
      return this.unknown(ref, "indicator", indicator, "indicators");
    if (!(await this.knownCycle(ref, cycle))) return null;
    const row = (
      await this.query<{ indicator_id: string; value: number | null; source_ref: string | null }>("value", { cycle })
    ).find((r) => r.indicator_id === indicator);
    if (!row || row.value === null)
      return this.problem(
        ref,
        `a value of indicator ${indicator} in the ${cycle} cycle`,
        `the report gives none (not measured): name another cycle, or write the sentence without this number`,
      );
    return { value: row.value, source_ref: row.source_ref };
  }

  /** The cycles up to one (default: the briefing's) that have indicator values, in order. */
  private async cyclesTo(cycle = this.cycle) {
    return this.query<{
      cycle: string;
      period_start: string | null;
      period_end: string | null;
      source_ref: string | null;
    }>("../cycle", { cycle });
  }

  /** "[pillar] [cycle]" in either order after a count's name. */
  private async pillarAndCycle(
    ref: Reference,
    args: string[],
    pillars: string[],
  ): Promise<{ pillar: string; cycle: string } | null> {
    let pillar = "";
    let cycle = this.cycle;
    for (const a of args) {
      if (pillars.includes(a)) pillar = a;
      else if ((await this.valid("cycles")).includes(a)) cycle = a;
      else return this.unknown(ref, "pillar code or cycle", a, [...pillars, ...(await this.valid("cycles"))]);
    }
    return { pillar, cycle };
  }

  /**
   * {ids rose_every_cycle} and {ids fell_every_cycle} [pillar] [cycle]: the indicators that moved the same way in
   * every change between the cycles with values so far, in report order, each as the draft lists it (steadyItem).
   */
  private async steadyIds(
    ref: Reference,
    name: string,
    rest: string[],
    terms: TallyTermRow[],
  ): Promise<Resolved | null> {
    const where = await this.pillarAndCycle(ref, rest, [...new Set(terms.map((r) => r.pillar).filter(Boolean))]);
    if (!where) return null;
    const way = STEADY[name]!;
    const rows = (
      await this.query<SteadyRow & { pillar: string; steady: string }>("steady", { cycle: where.cycle })
    ).filter((r) => r.steady === way && (where.pillar === "" || r.pillar === where.pillar));
    const what = `indicators ${where.pillar ? `of pillar ${where.pillar}` : "of all pillars"} that ${way} in each change between the cycles with values up to the ${where.cycle} cycle`;
    if (!rows.length)
      return this.problem(
        ref,
        `at least one of the ${what}`,
        "there are none: write the sentence without the list (the {count} of them is zero)",
      );
    const changes = (await this.cyclesTo(where.cycle)).length - 1;
    return {
      text: listNames(rows.map((r) => steadyItem(r, changes))),
      note: `The ${what}, by ccm-trends (mart judgements, view indicator_trends).`,
    };
  }

  /** {withdrawals [cycle]} and {names withdrawals [cycle]}: the withdrawals with effect in a cycle's reporting period. */
  private async withdrawals(
    ref: Reference,
    at: string,
  ): Promise<{ rows: { name_en: string; event_date: string }[]; note: string } | null> {
    if (!(await this.knownCycle(ref, at))) return null;
    const rows = (await this.query<{ name_en: string; event_date: string; cycle: string | null }>("withdrawal")).filter(
      (r) => r.cycle === at,
    );
    return {
      rows,
      note: `Withdrawals with effect in the ${at} reporting period (table state_events)${rows.length ? `: ${rows.map((r) => `${r.name_en}, ${longDate(r.event_date)}`).join("; ")}` : ""}.`,
    };
  }

  /** {shifts [shift]} and {names shifts [shift]}: the States that voted yes in an earlier year and later did not. */
  private async shifts(
    ref: Reference,
    shift: string | undefined,
  ): Promise<{ rows: { iso3: string; name_en: string }[]; note: string } | null> {
    if (shift !== undefined && !SHIFTS.includes(shift)) return this.unknown(ref, "vote shift", shift, SHIFTS);
    // Votes up to the cycle's own (mart cycle_votes): a later vote is not the cycle's.
    const rows = (
      await this.query<{ iso3: string; name_en: string; shift: string }>("shifts", { cycle: this.cycle })
    ).filter((r) => shift === undefined || r.shift === shift);
    return {
      rows,
      note: `States that voted yes in an earlier year and later ${shift ? shift.replaceAll("_", " ") : "did not"}, computed by ccm-trends (view unga_vote_shifts) from the per-country votes (table unga_votes, UN Digital Library).`,
    };
  }

  /**
   * {flows <vote before> <vote after> [CCM status]} and {names flows …}: the changed votes from the previous CCM vote
   * to the cycle's own (mart cycle_vote_years), of one change and status, with their note; null (a problem) when none.
   */
  private async flows(
    ref: Reference,
    [before, after, status]: [string, string, string?],
  ): Promise<{ rows: { states: number; state_names: string }[]; note: string } | null> {
    type Flow = {
      vote_before: string;
      vote_after: string;
      ccm_status: string;
      states: number;
      state_names: string;
      year: number;
    };
    const rows = await this.query<Flow>("../unga_vote_flows", { cycle: this.cycle });
    const votes = [...new Set(rows.flatMap((r) => [r.vote_before, r.vote_after]))];
    for (const v of [before, after]) if (!votes.includes(v)) return this.unknown(ref, "vote that changed", v, votes);
    const statuses = [...new Set(rows.map((r) => r.ccm_status))];
    if (status !== undefined && !statuses.includes(status)) return this.unknown(ref, "CCM status", status, statuses);
    const matching = rows.filter(
      (r) => r.vote_before === before && r.vote_after === after && (status === undefined || r.ccm_status === status),
    );
    if (!matching.length)
      return this.problem(
        ref,
        `States whose vote went from ${before} to ${after}${status ? ` among ${status}` : ""}`,
        "there are none: write the sentence without them",
      );
    const year = matching[0]!.year;
    return {
      rows: matching,
      note: `States whose vote on the CCM resolution went from ${before} to ${after} in ${year}${status ? ` (CCM status ${status} on the ${year} vote date)` : ""}, computed by ccm-trends (view unga_vote_flows) from the per-country votes (table unga_votes, UN Digital Library).`,
    };
  }

  async resolve(ref: Reference): Promise<Resolved | null> {
    const cycle = this.cycle;
    switch (ref.kind) {
      case "value": {
        if (!this.needs(ref, 1, 2, "value <indicator> [cycle]")) return null;
        const [indicator, at = cycle] = ref.args as [string, string?];
        const v = await this.indicatorValue(ref, indicator, at);
        return (
          v && {
            value: v.value,
            note: `Indicator ${indicator}, ${at} cycle: ${v.source_ref ?? "the report's table"} (dataset indicator_values).`,
          }
        );
      }
      case "change": {
        if (!this.needs(ref, 2, 3, "change <indicator> <from cycle> [to cycle]")) return null;
        const [indicator, from, to = cycle] = ref.args as [string, string, string?];
        const a = await this.indicatorValue(ref, indicator, from);
        if (!a) return null;
        const b = await this.indicatorValue(ref, indicator, to);
        return (
          b && {
            value: b.value - a.value,
            note: `Indicator ${indicator}, change from the ${from} to the ${to} cycle, computed by ccm-trends from ${compactCells([a.source_ref ?? `no ${from} source`, b.source_ref ?? `no ${to} source`]).join("; ")} (dataset indicator_values).`,
          }
        );
      }
      case "trend": {
        if (!this.needs(ref, 2, 3, "trend <indicator> <field> [cycle]")) return null;
        const [indicator, field, at = cycle] = ref.args as [string, string, string?];
        if (!(await this.valid("indicators")).includes(indicator))
          return this.unknown(ref, "indicator", indicator, "indicators");
        if (!(await this.valid("trend_fields")).includes(field))
          return this.unknown(ref, "field of view indicator_trends", field, "trend_fields");
        if (!(await this.knownCycle(ref, at))) return null;
        const row = (await this.query("trend", { cycle: at })).find((r) => r.indicator_id === indicator);
        const v = row?.[field];
        if (v === null || v === undefined)
          return this.problem(
            ref,
            `a ${field} of indicator ${indicator} in the ${at} cycle`,
            "the view gives none there (not measured, or nothing to compare with): write the sentence without it",
          );
        const note = `Indicator ${indicator}, ${at} cycle, ${field.replaceAll("_", " ")}: computed by ccm-trends (view indicator_trends) from ${row!.source_ref ?? "the report's table"} (dataset indicator_values).`;
        return typeof v === "number" ? { value: v, note } : { text: String(v), note };
      }
      case "count": {
        if (!this.needs(ref, 1, 3, "count <name> [pillar] [cycle]")) return null;
        const [name, ...rest] = ref.args as [string, ...string[]];
        const all = await this.query<{ pillar: string; name: string; value: number }>("count", { cycle });
        const where = await this.pillarAndCycle(ref, rest, [...new Set(all.map((r) => r.pillar).filter(Boolean))]);
        if (!where) return null;
        const rows =
          where.cycle === cycle
            ? all
            : await this.query<{ pillar: string; name: string; value: number }>("count", { cycle: where.cycle });
        const row = rows.find((r) => r.name === name && r.pillar === (name === "datasets" ? "" : where.pillar));
        if (!row) return this.unknown(ref, "count", name, [...new Set(all.map((r) => r.name))]);
        if (name === "datasets")
          return {
            value: row.value,
            note: DATASETS_NOTE,
          };
        return {
          value: row.value,
          note: `Indicators ${where.pillar ? `of pillar ${where.pillar}` : "of all pillars"} in the ${where.cycle} cycle: ${name.replaceAll("_", " ")}, counted by ccm-trends (mart tallies).`,
        };
      }
      case "ids": {
        if (!this.needs(ref, 1, 3, "ids <judgement, reason or steady movement> [pillar] [cycle]")) return null;
        const [name, ...rest] = ref.args as [string, ...string[]];
        const all = await this.query<TallyTermRow>("terms", { cycle });
        if (name in STEADY) return this.steadyIds(ref, name, rest, all);
        const names = [...new Set(all.map((r) => r.term))];
        if (!names.includes(name))
          return this.unknown(ref, "judgement, reason or steady movement", name, [...names, ...Object.keys(STEADY)]);
        const where = await this.pillarAndCycle(ref, rest, [...new Set(all.map((r) => r.pillar).filter(Boolean))]);
        if (!where) return null;
        const rows = where.cycle === cycle ? all : await this.query<TallyTermRow>("terms", { cycle: where.cycle });
        const ids = rows.find((r) => r.term === name && r.pillar === where.pillar)?.indicator_ids ?? [];
        const what = `indicators ${where.pillar ? `of pillar ${where.pillar}` : "of all pillars"} in the ${where.cycle} cycle judged ${name.replaceAll("_", " ")}`;
        if (!ids.length)
          return this.problem(
            ref,
            `at least one of the ${what}`,
            "there are none: write the sentence without the list (the {count} of them is zero)",
          );
        return { text: listNames(ids), note: `The ${what}, by ccm-trends (mart tally_terms).` };
      }
      case "tally": {
        if (!this.needs(ref, 0, 2, "tally [pillar] [cycle]")) return null;
        const tallied = async (at: string) =>
          (await this.query<TallyTermRow>("terms", { cycle: at })).filter((r) => r.in_tally);
        const all = await tallied(cycle);
        const where = await this.pillarAndCycle(ref, ref.args, [...new Set(all.map((r) => r.pillar).filter(Boolean))]);
        if (!where) return null;
        const rows = (where.cycle === cycle ? all : await tallied(where.cycle)).filter(
          (r) => r.pillar === where.pillar,
        );
        const [singular, plural = `${singular}s`] = (ref.noun ?? "").split("/").map((x) => x.trim()) as [
          string,
          string?,
        ];
        const noun = ref.noun ? (rows.find((r) => r.n > 0)?.n === 1 ? singular : plural) : "";
        const contested = rows.flatMap((r) => r.contested_reasons);
        return {
          text: tally(rows, noun),
          note: `Indicators ${where.pillar ? `of pillar ${where.pillar}` : "of all pillars"} that ${listPlain(
            rows.map((r) => r.term.replaceAll("_", " ")),
            "or",
          )} in the ${where.cycle} cycle, counted by ccm-trends (mart tally_terms).${
            contested.length
              ? ` Resting on a contested figure (mart contested_judgements): ${contested.join("; ")}.`
              : ""
          }`,
        };
      }
      case "cycle": {
        if (!this.needs(ref, 0, 1, "cycle [first|previous]")) return null;
        const rows = await this.cyclesTo();
        const which = ref.args[0] ?? "";
        const row =
          which === "" ? rows.at(-1) : which === "first" ? rows[0] : which === "previous" ? rows.at(-2) : undefined;
        if (which && !["first", "previous"].includes(which))
          return this.unknown(ref, "cycle position", which, ["first", "previous"]);
        if (!row)
          return this.problem(
            ref,
            `a ${which} cycle before the ${cycle} cycle`,
            "the database holds no earlier cycle with values: write the sentence without it",
          );
        return { text: row.cycle, note: `Reporting cycles (dataset cycles): ${row.source_ref ?? row.cycle}.` };
      }
      case "cycles": {
        if (!this.needs(ref, 0, 1, "cycles [changes]")) return null;
        if (ref.args[0] && ref.args[0] !== "changes")
          return this.unknown(ref, "count of cycles", ref.args[0], ["changes"]);
        const rows = await this.cyclesTo();
        return {
          value: rows.length - (ref.args[0] ? 1 : 0),
          note: `Reporting cycles with indicator values up to the ${cycle} cycle (dataset cycles): ${rows.map((r) => r.cycle).join(", ")}.`,
        };
      }
      case "date": {
        if (!this.needs(ref, 1, 2, "date <period_start|period_end> [cycle] or {date withdrawal <ISO3>}")) return null;
        const [what, arg] = ref.args as [string, string?];
        if (what === "withdrawal") {
          const rows = await this.query<{ iso3: string; name_en: string; event_date: string; source: string | null }>(
            "withdrawal",
          );
          const row = rows.find((r) => r.iso3 === arg);
          if (!row)
            return this.unknown(
              ref,
              "State that withdrew (ISO 3166 alpha-3 code)",
              arg ?? "",
              rows.map((r) => r.iso3),
            );
          return {
            text: longDate(row.event_date),
            note: `Withdrawal of ${row.name_en} (table state_events): effective ${longDate(row.event_date)}, ${row.source ?? "no source recorded"}.`,
          };
        }
        if (what !== "period_start" && what !== "period_end")
          return this.unknown(ref, "date", what, ["period_start", "period_end", "withdrawal"]);
        const at = arg ?? cycle;
        if (!(await this.knownCycle(ref, at))) return null;
        const row = (await this.cyclesTo(at)).at(-1);
        const day = row?.cycle === at ? row[what] : null;
        if (!day)
          return this.problem(
            ref,
            `a ${what.replace("_", " ")} of the ${at} cycle`,
            "the cycles dataset gives none: write the sentence without it",
          );
        return { text: longDate(day), note: `Reporting cycles (dataset cycles): ${row!.source_ref ?? at}.` };
      }
      case "withdrawals": {
        if (!this.needs(ref, 0, 1, "withdrawals [cycle]")) return null;
        const w = await this.withdrawals(ref, ref.args[0] ?? cycle);
        return w && { value: w.rows.length, note: w.note };
      }
      case "named": {
        if (!this.needs(ref, 1, 1, "named <finding>")) return null;
        const finding = ref.args[0]!;
        const row = await this.finding(finding);
        if (!row) return this.unknown(ref, "finding", finding, "findings");
        return {
          value: row.value,
          note: `${row.report_id} Progress Report ${/^\d+$/.test(row.paragraph) ? "para" : "item"} ${row.paragraph}: States it names, as extracted in finding ${finding} (datasets ${row.findings_dataset}, ${row.finding_states_dataset}).`,
        };
      }
      case "names": {
        if (ref.args[0] === "withdrawals") {
          if (!this.needs(ref, 1, 2, "names withdrawals [cycle]")) return null;
          const at = ref.args[1] ?? cycle;
          const w = await this.withdrawals(ref, at);
          if (!w) return null;
          if (!w.rows.length)
            return this.problem(
              ref,
              `a withdrawal with effect in the ${at} reporting period`,
              "there is none: write the sentence without the list (the {withdrawals} count is zero)",
            );
          return { text: listNames(w.rows.map((r) => r.name_en)), note: w.note };
        }
        if (ref.args[0] === "flows") {
          if (!this.needs(ref, 3, 4, "names flows <vote before> <vote after> [CCM status]")) return null;
          const flows = await this.flows(ref, ref.args.slice(1) as [string, string, string?]);
          // By name, as the view lists each status's States.
          return (
            flows && { text: listNames(flows.rows.flatMap((r) => r.state_names.split(", ")).sort()), note: flows.note }
          );
        }
        if (ref.args[0] === "shifts") {
          if (!this.needs(ref, 1, 2, "names shifts [voted_no|abstained|did_not_vote]")) return null;
          const shift = ref.args[1];
          const shifts = await this.shifts(ref, shift);
          if (!shifts) return null;
          if (!shifts.rows.length)
            return this.problem(
              ref,
              `a State that voted yes in an earlier year and later ${shift ? shift.replaceAll("_", " ") : "did not"}`,
              "there is none: write the sentence without the list (the {shifts} count is zero)",
            );
          // By name, as the draft lists them.
          return { text: listNames([...new Set(shifts.rows.map((r) => r.name_en))].sort()), note: shifts.note };
        }
        if (!this.needs(ref, 1, 1, "names <finding>")) return null;
        const finding = ref.args[0]!;
        const row = await this.finding(finding);
        if (!row) return this.unknown(ref, "finding", finding, "findings");
        if (!row.names)
          return this.problem(
            ref,
            "a finding that names States",
            `${finding} names none: write its count with {named ${finding}}, or name another finding`,
          );
        return {
          text: listNames(row.names.split("; ")),
          note: `${row.report_id} Progress Report ${/^\d+$/.test(row.paragraph) ? "para" : "item"} ${row.paragraph}: the States it names, as extracted in finding ${finding} (datasets ${row.findings_dataset}, ${row.finding_states_dataset}).`,
        };
      }
      case "mentions": {
        if (!this.needs(ref, 1, 2, "mentions <ISO3> [cycle]")) return null;
        const [iso3, at = cycle] = ref.args as [string, string?];
        if (!(await this.valid("states")).includes(iso3))
          return this.unknown(ref, "State (ISO 3166 alpha-3 code)", iso3, "states");
        if (!(await this.knownCycle(ref, at))) return null;
        const row = (
          await queryRows<{ value: number; name: string }>(this.conn, sqlText("briefing/refs/mentions.sql"), {
            iso3,
            cycle: at,
          })
        )[0]!;
        return {
          value: row.value,
          note: `Findings of the ${at} Progress Report that name ${row.name} (${iso3}), counted by ccm-trends (datasets findings, finding_states).`,
        };
      }
      case "members": {
        if (!this.needs(ref, 2, 2, "members <status> <YYYY-MM-DD|period_start|period_end>")) return null;
        const [status, day] = ref.args as [string, string];
        if (!(await this.valid("statuses")).includes(status)) return this.unknown(ref, "status", status, "statuses");
        // The day may be the briefing cycle's first or last day of its reporting period.
        const period =
          day === "period_start" || day === "period_end" ? ((await this.cyclesTo()).at(-1)?.[day] ?? null) : undefined;
        if (period === null)
          return this.problem(
            ref,
            `a ${day.replace("_", " ")} of the ${cycle} cycle`,
            "the cycles dataset gives none: write the day as YYYY-MM-DD",
          );
        const date = period ?? day;
        if (!/^\d{4}-\d{2}-\d{2}$/.test(date) || Number.isNaN(Date.parse(date)))
          return this.problem(ref, "a date as YYYY-MM-DD", "write the day as e.g. 2025-07-31", show(date));
        const row = (
          await queryRows<{ value: number }>(this.conn, sqlText("briefing/refs/members.sql"), { status, date })
        )[0]!;
        return {
          value: row.value,
          note: `States with status ${status} on ${date}, counted by ccm-trends over table state_status (dataset state_events).`,
        };
      }
      case "votes": {
        if (!this.needs(ref, 2, 3, "votes <year> <yes|no|abstain|non_voting> [CCM status, with yes]")) return null;
        const [year, field, status] = ref.args as [string, string, string?];
        if (!(await this.valid("vote_years")).includes(year))
          return this.unknown(ref, "year of a CCM resolution vote", year, "vote_years");
        if (!(VOTE_FIELDS as readonly string[]).includes(field))
          return this.problem(
            ref,
            `one of ${VOTE_FIELDS.join(", ")}`,
            `use the closest: ${closest(field, [...VOTE_FIELDS]).join(", ")}`,
            show(field),
          );
        if (status !== undefined) {
          if (field !== "yes")
            return this.problem(
              ref,
              "yes before a CCM status",
              "votes by the voter's status are counted for yes only: {votes <year> yes <status>}",
              show(field),
            );
          if (!(await this.valid("statuses")).includes(status)) return this.unknown(ref, "status", status, "statuses");
          const row = (
            await this.query<{ yes: number | null; resolution_id: string }>("votes_by_status", {
              year: Number(year),
              status,
            })
          )[0];
          if (!row || row.yes === null)
            return this.problem(
              ref,
              `yes votes of States with status ${status} in ${year}`,
              "the UN's records give none for that year: leave this number out",
            );
          return {
            value: row.yes,
            note: `Yes votes on ${row.resolution_id} (${year}) by States with status ${status} on the vote date, computed by ccm-trends (view unga_yes_by_status) from the per-country votes (table unga_votes) and the membership history (view state_status).`,
          };
        }
        const row = (
          await queryRows<Record<string, number | string | null>>(this.conn, sqlText("briefing/refs/votes.sql"), {
            year: Number(year),
          })
        )[0]!;
        const v = row[field];
        if (v === null || v === undefined)
          return this.problem(
            ref,
            `a published ${field} total for ${year}`,
            "the UN did not publish it: leave this number out",
          );
        return {
          value: Number(v),
          note: `UNGA resolution ${row.resolution} (${year}), ${field === "non_voting" ? "non-voting" : field} total: ${row.source_ref ?? "UN Digital Library"} (view unga_resolution_votes).`,
        };
      }
      case "shifts": {
        if (!this.needs(ref, 0, 1, "shifts [voted_no|abstained|did_not_vote]")) return null;
        const shifts = await this.shifts(ref, ref.args[0]);
        return shifts && { value: new Set(shifts.rows.map((r) => r.iso3)).size, note: shifts.note };
      }
      case "flows": {
        if (!this.needs(ref, 2, 3, "flows <vote before> <vote after> [CCM status]")) return null;
        const flows = await this.flows(ref, ref.args as [string, string, string?]);
        return flows && { value: flows.rows.reduce((n, r) => n + r.states, 0), note: flows.note };
      }
      case "issues": {
        if (!this.needs(ref, 0, 2, "issues [consistency|records] [error|warning|info]")) return null;
        const [list = "consistency", severity] = ref.args as [string?, string?];
        if (!["consistency", "records"].includes(list))
          return this.unknown(ref, "list of issues", list, ["consistency", "records"]);
        if (severity !== undefined && !["error", "warning", "info"].includes(severity))
          return this.unknown(ref, "severity", severity, ["error", "warning", "info"]);
        const rows = (await this.query<{ severity: string }>(list === "records" ? "record_issues" : "issues")).filter(
          (r) => severity === undefined || r.severity === severity,
        );
        return {
          value: rows.length,
          note:
            list === "consistency"
              ? "Consistency checks of ccm-trends (view consistency_issues) over datasets findings and indicator_values."
              : "Comparisons of ccm-trends (view report_record_issues) of the report with the UN's records.",
        };
      }
      case "revisions": {
        if (!this.needs(ref, 1, 2, "revisions <figures|statements>, or revisions figures cycles")) return null;
        const [list, what] = ref.args as [string, string?];
        if (!["figures", "statements"].includes(list))
          return this.unknown(ref, "list of revisions", list, ["figures", "statements"]);
        if (what !== undefined && (list !== "figures" || what !== "cycles"))
          return this.unknown(ref, "list of the revised figures", what, ["cycles"]);
        const rows = (
          await this.query<{ list: string; earlier_report: string; cycle: string | null }>("revisions", { cycle })
        ).filter((r) => r.list === list);
        const view = list === "figures" ? "indicator_revisions" : "finding_revisions";
        const note = `Comparison of the ${cycle} Progress Report with the report before it by ccm-trends (view ${view}).`;
        if (what === undefined) return { value: rows.length, note };
        // The cycles of the revised figures, as the draft's sentence names them: the list follows its count.
        if (!rows.length)
          return this.problem(
            ref,
            `a figure of an earlier cycle that the ${cycle} report prints differently`,
            "there is none: write the sentence without the list (the {revisions figures} count is zero)",
          );
        return { text: [...new Set(rows.map((r) => r.cycle!))].join(", "), note };
      }
      case "contested": {
        if (!this.needs(ref, 1, 2, "contested <indicator> [cycle]")) return null;
        const [indicator, at = cycle] = ref.args as [string, string?];
        if (!(await this.valid("indicators")).includes(indicator))
          return this.unknown(ref, "indicator", indicator, "indicators");
        if (!(await this.knownCycle(ref, at))) return null;
        const phrase = contestedPhrase(
          (await this.query<ContestedRow>("../indicator_contested", { cycle: at })).filter(
            (r) => r.indicator_id === indicator,
          ),
        );
        if (!phrase)
          return this.problem(
            ref,
            `a figure of the report or the UN's records that contradicts indicator ${indicator} in the ${at} cycle`,
            "none does (view indicator_contested): write the sentence without it",
          );
        return {
          text: phrase,
          note: `Indicator ${indicator}, ${at} cycle: contradicted by the report or the UN's records (view indicator_contested); the annexes list each point.`,
        };
      }
      case "query": {
        if (!this.needs(ref, 1, 1, "query <name>")) return null;
        const rows = await this.namedQuery(ref);
        if (!rows) return null;
        const first = rows[0] ? Object.values(rows[0])[0] : undefined;
        if (rows.length !== 1 || typeof first !== "number")
          return this.problem(
            ref,
            `query "${ref.args[0]}" to give one row whose first column is a number`,
            `make it return one row (it gave ${rows.length}, first value ${show(first)}), or use {table ${ref.args[0]}}`,
          );
        return { value: first, note: `Query "${ref.args[0]}" in ${this.queryFile}, run on the ccm-trends database.` };
      }
    }
    const kinds = [...NUMBER_KINDS, ...BLOCK_KINDS, NOTE_KIND];
    return this.problem(
      ref,
      `a reference kind (${kinds.join(", ")})`,
      `use the closest: ${closest(ref.kind, kinds).join(", ")}`,
      show(ref.kind),
    );
  }

  async namedQuery(ref: Reference): Promise<Record<string, unknown>[] | null> {
    const name = ref.args[0]!;
    const sql = this.queries.get(name);
    if (sql === undefined) {
      const near = closest(name, [...this.queries.keys()]);
      return this.problem(
        ref,
        `a query named in ${this.queryFile}`,
        near.length
          ? `use one of the closest valid names: ${near.join(", ")}`
          : `add it to ${this.queryFile} under a line "-- name: ${name}"`,
        show(name),
      );
    }
    try {
      return await queryRows(this.conn, sql, sql.includes("$cycle") ? { cycle: this.cycle } : undefined);
    } catch (e) {
      return this.problem(
        ref,
        `query "${name}" to run`,
        `fix the SQL in ${this.queryFile}: ${(e as Error).message.split("\n")[0]}`,
      );
    }
  }

  /** The text of a reference in its place (`start`: it opens a sentence), or null with a problem recorded. */
  async text(ref: Reference, start: boolean): Promise<{ text: string; value: number | null; note: string } | null> {
    if (ref.style !== null && !(STYLES as readonly string[]).includes(ref.style))
      return this.problem(
        ref,
        `a style (${STYLES.join(", ")})`,
        `use the closest: ${closest(ref.style, [...STYLES]).join(", ")}`,
        show(ref.style),
      );
    const r = await this.resolve(ref);
    if (!r) return null;
    return { text: shown(ref, r, start), value: "value" in r ? r.value : null, note: r.note };
  }
}
