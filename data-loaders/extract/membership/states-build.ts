/**
 * Reads the raw membership inputs and writes the curated datasets states, state_aliases, state_events
 * and membership_reconciliation into sources/. Run by `npm run ccm -- build-states`.
 */
import { readFileSync, writeFileSync } from "node:fs";
import { readUtf8Text } from "../../lib/csv.ts";
import { join } from "node:path";
import { stringify } from "csv-stringify/sync";
import { readRawTable, type RawTable } from "./raw-table.ts";
import { ALIAS_COLUMNS, buildAliases, buildStates, STATE_COLUMNS, type Row } from "./states.ts";
import { buildStateEvents, EVENT_COLUMNS, RECONCILIATION_COLUMNS } from "./state-events.ts";

/** Every input, relative to the repository root. The raw files are copies of ../shared/data (see sources/raw/PROVENANCE.md). */
export const STATE_INPUTS = {
  reference: "sources/raw/reference/country-codes.csv",
  participants: "sources/raw/membership/untc-ccm-participants-2026-02-03.csv",
  untcDates: "sources/raw/membership/untc-ccm-dates-A-to-El-Salvador.csv",
  monitorDates: "sources/raw/membership/monitor-2022-dates-A-to-Hungary.csv",
  statusYears: "sources/raw/membership/untc-ccm-status-years.csv",
  article7: "sources/raw/article7/overdue-initial-reports-snapshots.csv",
  votes: "sources/unga/undl-ccm-votes-2015-2021.csv",
  report: "sources/reports/13MSP-progress-report.txt",
  statesManual: "sources/overrides/states_manual.csv",
  aliasesManual: "sources/overrides/state_aliases_manual.csv",
  eventsManual: "sources/overrides/state_events_manual.csv",
  reconciliationManual: "sources/overrides/membership_reconciliation_manual.csv",
  rules: "sources/overrides/convention_rules.csv",
} as const;

export const STATE_OUTPUTS = {
  states: "sources/states.csv",
  state_aliases: "sources/state_aliases.csv",
  state_events: "sources/state_events.csv",
  membership_reconciliation: "sources/membership_reconciliation.csv",
} as const;

export interface StateSources {
  states: Row[];
  state_aliases: Row[];
  state_events: Row[];
  membership_reconciliation: Row[];
}

export function buildStateSources(root: string): StateSources {
  const read = (path: string, columns: string[]): RawTable => {
    const t = readRawTable(join(root, path), columns);
    return { ...t, file: path };
  };
  const reference = read(STATE_INPUTS.reference, [
    "ISO3166-1-Alpha-3",
    "ISO3166-1-Alpha-2",
    "M49",
    "UNTERM English Short",
    "UNTERM English Formal",
    "official_name_en",
    "Region Name",
    "Sub-region Name",
    "Intermediate Region Name",
    "CLDR display name",
  ]);
  const votes = read(STATE_INPUTS.votes, ["ms_code", "ms_name"]);
  const untc = read(STATE_INPUTS.untcDates, [
    "state_as_written",
    "signature",
    "provisional_application",
    "ratification_or_accession",
    "accession",
  ]);
  const monitor = read(STATE_INPUTS.monitorDates, [
    "state_as_written",
    "signature",
    "ratification_or_accession",
    "accession",
  ]);
  const article7 = read(STATE_INPUTS.article7, ["state_as_written"]);
  const states = buildStates({
    reference,
    votes,
    statesManual: read(STATE_INPUTS.statesManual, ["iso3", "column", "value", "source"]),
  });
  const { rows: aliases, resolver } = buildAliases(states, {
    reference,
    votes,
    aliasesManual: read(STATE_INPUTS.aliasesManual, ["alias", "iso3", "source", "note"]),
    namedIn: [untc, monitor, article7],
    report: {
      file: STATE_INPUTS.report,
      text: readUtf8Text(STATE_INPUTS.report, readFileSync(join(root, STATE_INPUTS.report))),
    },
  });
  const { events, reconciliation } = buildStateEvents(states, resolver, {
    participants: read(STATE_INPUTS.participants, [
      "iso3",
      "participant",
      "signature_date",
      "consent_date",
      "consent_kind",
      "withdrawal_deposit_date",
      "withdrawal_effective_date",
      "cross_checked_with",
      "notes",
    ]),
    dateLists: [untc, monitor],
    statusYears: read(STATE_INPUTS.statusYears, ["iso2", "standing", "year"]),
    eventsManual: read(STATE_INPUTS.eventsManual, [...EVENT_COLUMNS]),
    reconciliationManual: read(STATE_INPUTS.reconciliationManual, [
      "iso3",
      "kind",
      "subject",
      "sources",
      "description",
      "resolution",
      "outcome",
    ]),
    rules: read(STATE_INPUTS.rules, ["rule", "value", "source"]),
  });
  return { states, state_aliases: aliases, state_events: events, membership_reconciliation: reconciliation };
}

const COLUMNS: Record<keyof StateSources, readonly string[]> = {
  states: STATE_COLUMNS,
  state_aliases: ALIAS_COLUMNS,
  state_events: EVENT_COLUMNS,
  membership_reconciliation: RECONCILIATION_COLUMNS,
};

/** The CSV text of each output file, keyed by its path relative to the repository root. */
export function renderStateSources(built: StateSources): Map<string, string> {
  const out = new Map<string, string>();
  for (const name of Object.keys(STATE_OUTPUTS) as (keyof StateSources)[]) {
    out.set(
      STATE_OUTPUTS[name],
      stringify(built[name], { header: true, columns: [...COLUMNS[name]], record_delimiter: "unix" }),
    );
  }
  return out;
}

export function writeStateSources(root: string, built: StateSources): { file: string; rows: number }[] {
  return [...renderStateSources(built)].map(([file, text]) => {
    writeFileSync(join(root, file), text);
    return { file, rows: text.split("\n").length - 2 };
  });
}
