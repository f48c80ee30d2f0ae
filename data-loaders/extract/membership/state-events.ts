/**
 * Builds `state_events` (CCM signature, deposit of consent, entry into force, withdrawal per State) and
 * `membership_reconciliation` (every disagreement or gap between the membership sources, and what was done).
 *
 * Precedence: the complete UN Treaty Collection participation table (the depositary's record, every
 * participant with exact dates) first; the older, truncated lists (UNTC A to El Salvador, the Cluster Munition
 * Monitor 2022, the UNTC status list's years) only corroborate it, each agreement or disagreement recorded;
 * the reviewed rows of sources/overrides/state_events_manual.csv replace a generated row (each with its source).
 * Entry into force follows Article 17 and the effective date of a withdrawal Article 20(3), both derived here
 * and compared with the dates the table states.
 *
 * Precision: `day`; `year` (only the year is known: `known_by` is 31 December); `unknown` (no date in any
 * file: `known_by` is the earliest date a source presupposes the event). The status view places every event
 * on its `known_by` date, so a status is never claimed before a source supports it.
 */
import { InputError } from "../../lib/errors.ts";
import type { StateResolver } from "../../lib/states.ts";
import { entryIntoForceFor, parseDayMonthYear, withdrawalEffectiveFor, type ConventionRules } from "./state-dates.ts";
import { fileLabel, type Row } from "./states.ts";
import { required, type RawRow, type RawTable } from "./raw-table.ts";

export const EVENT_COLUMNS = [
  "iso3",
  "event",
  "event_date",
  "event_year",
  "precision",
  "known_by",
  "source",
  "note",
] as const;
export const RECONCILIATION_COLUMNS = [
  "issue_id",
  "iso3",
  "kind",
  "sources",
  "description",
  "resolution",
  "outcome",
] as const;
export const EVENTS = [
  "signature",
  "ratification",
  "acceptance",
  "accession",
  "ratification_or_accession",
  "entry_into_force",
  "withdrawal_deposited",
  "withdrawal_effective",
] as const;
const CONSENT = new Set(["ratification", "acceptance", "accession", "ratification_or_accession"]);
const CONSENT_KINDS = ["ratification", "acceptance", "accession"];

export interface EventsInput {
  /** The complete UNTC participation table (ISO dates): the record every other list is checked against. */
  participants: RawTable;
  /** Older exact-date lists, UNTC (4-digit years) then the Monitor's (2-digit years): corroboration only. */
  dateLists: RawTable[];
  statusYears: RawTable;
  eventsManual: RawTable;
  reconciliationManual: RawTable;
  rules: RawTable;
}

interface EventRow {
  iso3: string;
  event: string;
  event_date: string;
  event_year: string;
  precision: "day" | "year" | "unknown";
  known_by: string;
  sources: string[];
  notes: string[];
}

export function conventionRules(rules: RawTable): ConventionRules {
  const get = (name: string): string => {
    const row = rules.rows.find((r) => r.values.rule === name);
    if (!row)
      throw new InputError({
        file: rules.file,
        expected: `a row for rule "${name}"`,
        found: "none",
        fix: "restore the rule with its Article reference",
      });
    return required(rules, row, "value", `the value of ${name}`);
  };
  return {
    entryIntoForce: get("entry_into_force_date"),
    monthsAfterDeposit: Number(get("months_after_deposit")),
    withdrawalMonths: Number(get("withdrawal_months_after_notification")),
  };
}

function isoCell(table: RawTable, row: RawRow, column: string): string | null {
  const text = row.values[column] ?? "";
  if (text === "") return null;
  const d = new Date(`${text}T00:00:00Z`);
  if (!/^\d{4}-\d{2}-\d{2}$/.test(text) || Number.isNaN(d.getTime()) || d.toISOString().slice(0, 10) !== text) {
    throw new InputError({
      file: table.file,
      line: row.line,
      column,
      expected: "a date as YYYY-MM-DD",
      found: JSON.stringify(text),
      fix: "restore the original file (see sources/raw/PROVENANCE.md)",
    });
  }
  return text;
}

function dateCell(table: RawTable, row: RawRow, column: string): string | null {
  const text = row.values[column] ?? "";
  if (text === "") return null;
  const iso = parseDayMonthYear(text);
  if (!iso)
    throw new InputError({
      file: table.file,
      line: row.line,
      column,
      expected: 'a date such as "3 Dec 2008" or "3 Dec 08"',
      found: JSON.stringify(text),
      fix: "correct the date",
    });
  return iso;
}

export function buildStateEvents(
  states: Row[],
  resolver: StateResolver,
  input: EventsInput,
): { events: Row[]; reconciliation: Row[] } {
  const rules = conventionRules(input.rules);
  const events = new Map<string, EventRow>();
  const recon: Row[] = [];
  const note = (
    iso3: string,
    kind: string,
    subject: string,
    sources: string,
    description: string,
    resolution: string,
    outcome: "resolved" | "unresolved",
  ) =>
    recon.push({
      issue_id: `${kind}:${iso3 || "ALL"}:${subject}`,
      iso3,
      kind,
      sources,
      description,
      resolution,
      outcome,
    });
  const key = (iso3: string, kind: string) => `${iso3}|${kind}`;
  const consentOf = (iso3: string) => [...events.values()].find((e) => e.iso3 === iso3 && CONSENT.has(e.event));

  // 0. The complete UNTC participation table: every participant, exact dates, the kind of consent, withdrawals.
  const pt = input.participants;
  const ptLabel = fileLabel(pt);
  const knownIso3 = new Set(states.map((s) => s.iso3!));
  for (const r of pt.rows) {
    const iso3 = required(pt, r, "iso3", "the ISO3 code of a State");
    if (!knownIso3.has(iso3))
      throw new InputError({
        file: pt.file,
        line: r.line,
        column: "iso3",
        expected: "the ISO3 code of a State in states.csv",
        found: JSON.stringify(iso3),
        fix: "correct the code, or add the State to the reference",
      });
    const at = (event: string, date: string, notes: string[] = []) =>
      events.set(key(iso3, CONSENT.has(event) ? "consent" : event), {
        iso3,
        event,
        event_date: date,
        event_year: date.slice(0, 4),
        precision: "day",
        known_by: date,
        sources: [ptLabel],
        notes,
      });
    const signature = isoCell(pt, r, "signature_date");
    if (signature) at("signature", signature);
    const consent = isoCell(pt, r, "consent_date");
    if (consent) {
      const kind = required(pt, r, "consent_kind", CONSENT_KINDS.join(", "));
      if (!CONSENT_KINDS.includes(kind))
        throw new InputError({
          file: pt.file,
          line: r.line,
          column: "consent_kind",
          expected: CONSENT_KINDS.join(", "),
          found: JSON.stringify(kind),
          fix: "correct the kind of consent",
        });
      at(kind, consent);
    }
    const notified = isoCell(pt, r, "withdrawal_deposit_date");
    const effective = isoCell(pt, r, "withdrawal_effective_date");
    if (notified) {
      at("withdrawal_deposited", notified);
      const byArticle20 = withdrawalEffectiveFor(notified, rules);
      if (effective && effective !== byArticle20) {
        note(
          iso3,
          "disagreement",
          "withdrawal-article-20",
          ptLabel,
          `The table gives ${effective} as the effective date of the withdrawal notified on ${notified}; Article 20(3) gives ${byArticle20}.`,
          "Kept the table's date.",
          "unresolved",
        );
      }
      at(
        "withdrawal_effective",
        effective ?? byArticle20,
        effective
          ? [`Article 20(3): six months after the notification of ${notified}.`]
          : [`Derived under Article 20(3) from the notification of ${notified}.`],
      );
    } else if (effective) {
      throw new InputError({
        file: pt.file,
        line: r.line,
        column: "withdrawal_deposit_date",
        expected: "the date the withdrawal was notified, since an effective date is given",
        found: "an empty cell",
        fix: "restore the original file",
      });
    }
    if (/DISAGREE/.test(r.values.cross_checked_with ?? "")) {
      note(
        iso3,
        "disagreement",
        "second-source",
        `${ptLabel}; ${r.values.cross_checked_with}`,
        r.values.notes ?? "",
        "Kept the UNTC date (the depositary's record).",
        "resolved",
      );
    }
  }
  note(
    "",
    "agreement",
    "participants",
    ptLabel,
    `${pt.rows.length} participants, each with exact dates (the file's own cross-check against a second source is in its cross_checked_with column).`,
    "Primary record for signature, consent, entry into force and withdrawal.",
    "resolved",
  );

  // 1. The older exact-date lists (UNTC to El Salvador, the Monitor 2022 to Hungary) corroborate the table.
  const listed = new Map<string, string[]>();
  for (const table of input.dateLists) {
    const label = fileLabel(table);
    for (const r of table.rows) {
      const iso3 = resolver.require(required(table, r, "state_as_written", "a State name"), `${table.file}:${r.line}`);
      listed.set(iso3, [...(listed.get(iso3) ?? []), label]);
      const signature = dateCell(table, r, "signature");
      const consent = dateCell(table, r, "ratification_or_accession");
      const provisional = "provisional_application" in r.values ? dateCell(table, r, "provisional_application") : null;
      const candidates: { kind: string; event: string; date: string; extra: string }[] = [];
      if (signature) candidates.push({ kind: "signature", event: "signature", date: signature, extra: "" });
      if (consent) {
        const accession = (r.values.accession ?? "").toLowerCase() === "true";
        candidates.push({
          kind: "consent",
          event: accession ? "accession" : "ratification",
          date: consent,
          extra: provisional ? `Provisional application (Article 18) from ${provisional}.` : "",
        });
      }
      for (const c of candidates) {
        const k = key(iso3, c.kind);
        const prior = events.get(k);
        if (!prior) {
          events.set(k, {
            iso3,
            event: c.event,
            event_date: c.date,
            event_year: c.date.slice(0, 4),
            precision: "day",
            known_by: c.date,
            sources: [label],
            notes: c.extra ? [c.extra] : [],
          });
          note(
            iso3,
            "gap",
            c.kind,
            `${ptLabel}; ${label}`,
            `${label} has ${c.event} on ${c.date}; the participation table has none.`,
            `Used ${label}.`,
            "unresolved",
          );
        } else if (
          prior.event_date === c.date &&
          (prior.event === c.event ||
            c.kind === "signature" ||
            (prior.event === "acceptance" && c.event === "ratification"))
        ) {
          // An acceptance is listed as a ratification by the older lists, which know only two kinds.
          prior.sources.push(label);
          if (c.extra && !prior.notes.includes(c.extra)) prior.notes.push(c.extra);
        } else {
          note(
            iso3,
            "disagreement",
            c.kind,
            `${prior.sources.join("; ")}; ${label}`,
            `${prior.sources[0]} has ${prior.event} on ${prior.event_date}; ${label} has ${c.event} on ${c.date}.`,
            `Kept ${prior.sources[0]} (the depositary's record comes first).`,
            "resolved",
          );
        }
      }
    }
  }
  const inBoth = [...listed].filter(([, l]) => l.length > 1).map(([iso3]) => iso3);
  if (inBoth.length) {
    note(
      "",
      "agreement",
      "date-lists",
      input.dateLists.map(fileLabel).join("; "),
      `${inBoth.length} States are in more than one exact-date list (matched by State, so differently spelt names such as "Congo, Rep." and "Congo" count); every disagreement among them has its own row (kind "disagreement").`,
      "Cross-checked.",
      "resolved",
    );
  }

  // 2. The UNTC status list: standing and a year, by ISO2.
  const byIso2 = new Map(states.map((s) => [s.iso2!, s.iso3!]));
  const sy = input.statusYears;
  const syLabel = fileLabel(sy);
  const inStatusList = new Set<string>();
  for (const r of sy.rows) {
    const iso2 = required(sy, r, "iso2", "an ISO 3166-1 alpha-2 code");
    const iso3 = byIso2.get(iso2);
    if (!iso3)
      throw new InputError({
        file: sy.file,
        line: r.line,
        column: "iso2",
        expected: "the ISO2 code of a State in states.csv",
        found: JSON.stringify(iso2),
        fix: "correct the code",
      });
    inStatusList.add(iso3);
    const standing = required(sy, r, "standing", "party, signatory or withdrawn");
    const year = r.values.year ?? "";
    const consent = consentOf(iso3);
    const signature = events.get(key(iso3, "signature"));
    if (standing === "withdrawn") {
      const withdrawal = events.get(key(iso3, "withdrawal_effective"));
      if (withdrawal) withdrawal.sources.push(syLabel);
      else
        note(
          iso3,
          "disagreement",
          "standing",
          syLabel,
          `The status list says withdrawn; the participation table has no withdrawal.`,
          "Kept the participation table.",
          "unresolved",
        );
      continue;
    }
    if (!/^\d{4}$/.test(year))
      throw new InputError({
        file: sy.file,
        line: r.line,
        column: "year",
        expected: "a four-digit year",
        found: JSON.stringify(year),
        fix: "correct the year",
      });
    if (standing === "party") {
      if (consent) {
        if (consent.event_year !== year)
          note(
            iso3,
            "disagreement",
            "consent-year",
            `${consent.sources.join("; ")}; ${syLabel}`,
            `${consent.event} on ${consent.event_date} in ${consent.sources[0]}, year ${year} in the status list.`,
            "Kept the exact date.",
            "resolved",
          );
        else consent.sources.push(syLabel);
      } else {
        events.set(key(iso3, "consent"), {
          iso3,
          event: "ratification_or_accession",
          event_date: "",
          event_year: year,
          precision: "year",
          known_by: `${year}-12-31`,
          sources: [syLabel],
          notes: [
            "The status list gives the year only and does not say whether it was a ratification or an accession.",
          ],
        });
        note(
          iso3,
          "precision",
          "consent",
          syLabel,
          `Only the year (${year}) of ratification or accession is in our files${signature ? "" : "; no signature date either"}.`,
          `Placed on ${year}-12-31 (the latest possible day); entry into force derived as an upper bound.`,
          "unresolved",
        );
      }
    } else if (standing === "signatory") {
      if (consent)
        note(
          iso3,
          "disagreement",
          "standing",
          `${consent.sources.join("; ")}; ${syLabel}`,
          `The status list says signatory, the exact list has ${consent.event} on ${consent.event_date}.`,
          "Kept the exact date.",
          "resolved",
        );
      if (signature) {
        if (signature.event_year !== year)
          note(
            iso3,
            "disagreement",
            "signature-year",
            `${signature.sources.join("; ")}; ${syLabel}`,
            `Signature on ${signature.event_date} in the exact list, year ${year} in the status list.`,
            "Kept the exact date.",
            "resolved",
          );
        else signature.sources.push(syLabel);
      } else {
        events.set(key(iso3, "signature"), {
          iso3,
          event: "signature",
          event_date: "",
          event_year: year,
          precision: "year",
          known_by: `${year}-12-31`,
          sources: [syLabel],
          notes: [],
        });
        note(
          iso3,
          "precision",
          "signature",
          syLabel,
          `Only the year (${year}) of signature is in our files.`,
          `Placed on ${year}-12-31 (the latest possible day).`,
          "unresolved",
        );
      }
    } else {
      throw new InputError({
        file: sy.file,
        line: r.line,
        column: "standing",
        expected: "party, signatory or withdrawn",
        found: JSON.stringify(standing),
        fix: "correct the standing",
      });
    }
  }
  for (const consent of [...events.values()].filter((e) => CONSENT.has(e.event) && !inStatusList.has(e.iso3))) {
    note(
      consent.iso3,
      "gap",
      "status-list",
      `${consent.sources.join("; ")}; ${syLabel}`,
      `${consent.event} on ${consent.event_date} in ${consent.sources[0]}, but missing from the status list.`,
      "Used the participation table.",
      "resolved",
    );
  }

  // 3. Reviewed manual rows (report facts, known gaps) replace generated rows of the same State and event.
  const em = input.eventsManual;
  const manualEif = new Set<string>();
  for (const r of em.rows) {
    const iso3 = required(em, r, "iso3", "an ISO3 code");
    if (!states.some((s) => s.iso3 === iso3))
      throw new InputError({
        file: em.file,
        line: r.line,
        column: "iso3",
        expected: "the ISO3 code of a State in states.csv",
        found: JSON.stringify(iso3),
        fix: "correct the code",
      });
    const event = required(em, r, "event", `one of ${EVENTS.join(", ")}`);
    if (!(EVENTS as readonly string[]).includes(event))
      throw new InputError({
        file: em.file,
        line: r.line,
        column: "event",
        expected: `one of ${EVENTS.join(", ")}`,
        found: JSON.stringify(event),
        fix: "correct the event",
      });
    const precision = required(em, r, "precision", "day, year or unknown") as EventRow["precision"];
    const row: EventRow = {
      iso3,
      event,
      event_date: r.values.event_date ?? "",
      event_year: r.values.event_year ?? "",
      precision,
      known_by: required(em, r, "known_by", "the date by which the event had certainly happened"),
      sources: [required(em, r, "source", "the source (report paragraph)")],
      notes: r.values.note ? [r.values.note] : [],
    };
    if (precision === "day" && (row.event_date === "" || row.known_by !== row.event_date))
      throw new InputError({
        file: em.file,
        line: r.line,
        column: "known_by",
        expected: "known_by equal to event_date for day precision",
        found: JSON.stringify(row.known_by),
        fix: "copy event_date into known_by",
      });
    const k = CONSENT.has(event) ? key(iso3, "consent") : key(iso3, event);
    const prior = events.get(k);
    if (prior)
      note(
        iso3,
        "override",
        event,
        `${prior.sources.join("; ")}; ${row.sources[0]}`,
        `Generated ${prior.event} (${prior.event_date || prior.event_year || "no date"}) replaced by the reviewed manual row.`,
        row.notes.join(" ") || "Manual row kept.",
        "resolved",
      );
    events.set(k, row);
    if (event === "entry_into_force") manualEif.add(iso3);
  }

  // 4. Entry into force, derived under Article 17 where no manual row gives it.
  for (const c of [...events.values()].filter((e) => CONSENT.has(e.event))) {
    if (manualEif.has(c.iso3)) continue;
    const basis = `${c.event} (${c.sources.join("; ")})`;
    if (c.precision === "day") {
      const date = entryIntoForceFor(c.event_date, rules);
      events.set(key(c.iso3, "entry_into_force"), {
        iso3: c.iso3,
        event: "entry_into_force",
        event_date: date,
        event_year: date.slice(0, 4),
        precision: "day",
        known_by: date,
        sources: ["derived: CCM Article 17"],
        notes: [
          `Derived from the ${basis} on ${c.event_date}: ${date === rules.entryIntoForce ? "among the first instruments, in force with the Convention" : `first day of the sixth month after deposit`}.`,
        ],
      });
    } else {
      const latest = entryIntoForceFor(c.known_by, rules);
      events.set(key(c.iso3, "entry_into_force"), {
        iso3: c.iso3,
        event: "entry_into_force",
        event_date: "",
        event_year: "",
        precision: "unknown",
        known_by: latest,
        sources: ["derived: CCM Article 17"],
        notes: [
          `Derived upper bound: the ${basis} is known only by ${c.known_by}, so entry into force is on ${latest} at the latest.`,
        ],
      });
    }
  }

  // 5. Reviewed notes that no rule can generate (counts, inferences).
  const rm = input.reconciliationManual;
  for (const r of rm.rows) {
    const outcome = required(rm, r, "outcome", "resolved or unresolved");
    if (outcome !== "resolved" && outcome !== "unresolved")
      throw new InputError({
        file: rm.file,
        line: r.line,
        column: "outcome",
        expected: "resolved or unresolved",
        found: JSON.stringify(outcome),
        fix: "correct the outcome",
      });
    note(
      r.values.iso3 ?? "",
      required(rm, r, "kind", "a kind"),
      required(rm, r, "subject", "a short subject"),
      required(rm, r, "sources", "the sources compared"),
      required(rm, r, "description", "what disagrees"),
      required(rm, r, "resolution", "what was done"),
      outcome,
    );
  }

  const order = (e: string) => EVENTS.indexOf(e as (typeof EVENTS)[number]);
  const eventRows = [...events.values()]
    .sort((a, b) => a.iso3.localeCompare(b.iso3) || order(a.event) - order(b.event))
    .map((e) => ({
      iso3: e.iso3,
      event: e.event,
      event_date: e.event_date,
      event_year: e.event_year,
      precision: e.precision,
      known_by: e.known_by,
      source: e.sources.join("; "),
      note: e.notes.join(" "),
    }));
  const seen = new Map<string, number>();
  for (const r of recon) {
    const n = (seen.get(r.issue_id!) ?? 0) + 1;
    seen.set(r.issue_id!, n);
    if (n > 1) r.issue_id = `${r.issue_id}:${n}`;
  }
  return { events: eventRows, reconciliation: recon };
}
