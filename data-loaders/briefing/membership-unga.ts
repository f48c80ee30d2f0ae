/** Sentences on membership (States Parties, signatories, withdrawals) and on the latest UNGA vote, used by the summary and the universalization section. */
import type { CycleRow } from "../lib/view-rows.ts";
import { num, type Inline } from "./model.ts";
import { listNames } from "./text.ts";
import { longDate } from "../lib/dates.ts";
import { listPieces, type Context } from "./context.ts";

/** The membership sentences as one paragraph's content. */
export function membershipParagraph(ctx: Context, target: CycleRow): Inline[] {
  return membershipSentences(ctx, target).flatMap((m, i) => (i ? [" ", ...m] : m));
}

export function membershipSentences(ctx: Context, target: CycleRow): Inline[][] {
  const m = ctx.data.membership;
  const out: Inline[][] = [];
  if (m && m.as_of && m.states_parties > 0) {
    const note = ctx.note("membership");
    const on = m.as_of === target.period_end ? "period_end" : null;
    out.push([
      "As of ",
      on ? num(`date ${on}`) : longDate(m.as_of),
      ", ",
      num(`members state_party ${on ?? m.as_of}`),
      " States were party to the Convention and ",
      num(`members signatory ${on ?? m.as_of}`),
      " had signed it without ratifying",
      note,
      ".",
    ]);
  }
  const w = ctx.data.withdrawals;
  if (w && w.length) {
    const note = ctx.note("withdrawals");
    out.push([
      num("withdrawals|State Party/States Parties"),
      " (",
      num("names withdrawals"),
      ") withdrew from the Convention during the ",
      num("cycle"),
      " cycle, with effect from ",
      ...listPieces(
        w.map((x) => [num(`date withdrawal ${x.iso3}`)]),
        listNames,
      ),
      note,
      ".",
    ]);
  }
  return out;
}

export function ungaSentence(ctx: Context): Inline[] | null {
  const rows = (ctx.data.unga ?? []).filter((r) => r.total_yes !== null);
  const last = rows.at(-1);
  if (!last) return null;
  const prev = rows.at(-2);
  const low = ctx.data.lowestSince?.find((l) => l.year === last.year);
  const note = ctx.note("unga");
  const s: Inline[] = [
    num(`votes ${last.year} yes`),
    ` States voted in favour of the ${last.year} UNGA resolution on the implementation of the Convention`,
  ];
  if (prev && prev.total_yes !== null) {
    const before = num(`votes ${prev.year} yes`);
    if (last.total_yes! < prev.total_yes) s.push(", down from ", before, ` in ${prev.year}`);
    else if (last.total_yes! > prev.total_yes) s.push(", up from ", before, ` in ${prev.year}`);
    else s.push(`, as many as in ${prev.year}`);
  }
  if (low && low.earlier_years > 0) {
    const gap = low.years_without_data ? `; no total is available for ${low.years_without_data}` : "";
    if (low.lowest_since_series_start) s.push(` (the fewest since the series began in ${low.series_start}${gap})`);
    else if (
      low.last_as_low_year !== null &&
      low.last_as_low_year < last.year - 1 &&
      last.total_yes! < (prev?.total_yes ?? Infinity)
    )
      s.push(` (the fewest since ${low.last_as_low_year}${gap})`);
  }
  return [...s, note, "."];
}
