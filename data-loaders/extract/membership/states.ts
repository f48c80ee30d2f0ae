/**
 * Builds the `states` and `state_aliases` datasets from the raw reference and membership files.
 *
 * Which entities are States here: the 193 UN Member States (the Member States that voted or were
 * recorded in the UNDL CCM vote file), the two observer States the reference marks with "*" (Holy See,
 * State of Palestine) and the two non-member States it marks with "**" (Cook Islands, Niue: CCM parties).
 * Names come from the reference's UNTERM columns; where those are empty (TUR, CIV) from its official_name_*
 * columns; `sources/overrides/states_manual.csv` corrects what neither gets right (CIV: "Ivory Coast").
 */
import { InputError } from "../../lib/errors.ts";
import { StateResolver } from "../../lib/states.ts";
import { readRawTable, required, type RawTable } from "./raw-table.ts";
import { splitNames, stateListsInReport } from "./report-state-lists.ts";

export type Row = Record<string, string>;

export const STATE_COLUMNS = [
  "iso3",
  "iso2",
  "m49",
  "name_en",
  "name_fr",
  "name_es",
  "name_ru",
  "name_zh",
  "name_ar",
  "formal_name_en",
  "region",
  "subregion",
  "intermediate_region",
  "un_member",
  "un_status",
  "name_source",
] as const;
export const ALIAS_COLUMNS = ["alias", "iso3", "source", "note"] as const;

const ISO3 = "ISO3166-1-Alpha-3";
const LANGUAGES: [string, string, string][] = [
  // [our column, UNTERM short column, fallback column]
  ["name_en", "UNTERM English Short", "official_name_en"],
  ["name_fr", "UNTERM French Short", "official_name_fr"],
  ["name_es", "UNTERM Spanish Short", "official_name_es"],
  ["name_ru", "UNTERM Russian Short", "official_name_ru"],
  ["name_zh", "UNTERM Chinese Short", "official_name_cn"],
  ["name_ar", "UNTERM Arabic Short", "official_name_ar"],
];

/** UNTERM short names carry the article in brackets and membership marks: "Philippines (the)", "Niue **". */
export function unShortName(untermShort: string): string {
  return untermShort
    .replace(/\s*\*+\s*$/, "")
    .replace(/\s*\((?:the|l'|l’|le|la|les|el|los|las)\)$/i, "")
    .trim();
}

function unFormalName(untermFormal: string): string {
  return untermFormal.replace(/\s*\*+\s*$/, "").trim();
}

export interface StatesInput {
  reference: RawTable;
  /** UNDL vote file: ms_code (ISO3) and ms_name of every Member State recorded. */
  votes: RawTable;
  statesManual: RawTable;
}

export function buildStates(input: StatesInput): Row[] {
  const { reference, votes, statesManual } = input;
  const memberCodes = new Set(votes.rows.map((r) => required(votes, r, "ms_code", "the ISO3 code of a Member State")));
  const rows: Row[] = [];
  for (const r of reference.rows) {
    const v = r.values;
    const iso3 = v[ISO3] ?? "";
    const short = v["UNTERM English Short"] ?? "";
    const marks = /(\*+)\s*$/.exec(short)?.[1] ?? "";
    const isMember = memberCodes.has(iso3);
    if (!isMember && marks === "") continue; // territories and other entries that are not States here
    if (isMember && marks !== "") {
      throw new InputError({
        file: reference.file,
        line: r.line,
        column: "UNTERM English Short",
        expected: `no "*" mark for ${iso3}, a Member State recorded in ${votes.file}`,
        found: JSON.stringify(short),
        fix: "check which file is out of date",
      });
    }
    const state: Row = { iso3, iso2: v["ISO3166-1-Alpha-2"] ?? "", m49: (v["M49"] ?? "").padStart(3, "0") };
    const fallbacks: string[] = [];
    for (const [col, unterm, fallback] of LANGUAGES) {
      const name = unShortName(v[unterm] ?? "");
      if (name) state[col] = name;
      else {
        state[col] = (v[fallback] ?? "").trim();
        if (state[col]) fallbacks.push(`${col} from ${fallback}`);
      }
    }
    state.formal_name_en = unFormalName(v["UNTERM English Formal"] ?? "");
    state.region = v["Region Name"] ?? "";
    state.subregion = v["Sub-region Name"] ?? "";
    state.intermediate_region = v["Intermediate Region Name"] ?? "";
    // "*" marks the observer States, "**" States that are neither members nor observers (UNTERM's convention).
    state.un_status = isMember ? "member" : marks === "*" ? "observer" : "non-member";
    state.un_member = String(isMember);
    state.name_source = fallbacks.length
      ? `country-codes.csv UNTERM columns; UNTERM empty, so ${fallbacks.join(", ")}`
      : "country-codes.csv UNTERM columns";
    rows.push(state);
  }
  const byIso3 = new Map(rows.map((s) => [s.iso3!, s]));
  for (const code of memberCodes) {
    if (!byIso3.has(code))
      throw new InputError({
        file: votes.file,
        column: "ms_code",
        expected: `an ISO3 code listed in ${reference.file}`,
        found: JSON.stringify(code),
        fix: "correct the code or update the reference file",
      });
  }
  for (const r of statesManual.rows) {
    const iso3 = required(statesManual, r, "iso3", "an ISO3 code");
    const column = required(statesManual, r, "column", "a column of states.csv");
    const state = byIso3.get(iso3);
    if (!state || !(STATE_COLUMNS as readonly string[]).includes(column) || column === "iso3") {
      throw new InputError({
        file: statesManual.file,
        line: r.line,
        column: state ? "column" : "iso3",
        expected: state ? `one of ${STATE_COLUMNS.slice(1).join(", ")}` : "the ISO3 code of a State in states.csv",
        found: JSON.stringify(state ? column : iso3),
        fix: "correct the override",
      });
    }
    state[column] = required(statesManual, r, "value", "the corrected value");
    state.name_source += `; ${column} overridden (${required(statesManual, r, "source", "the source of the correction")})`;
  }
  for (const s of rows) {
    if (!s.name_en)
      throw new InputError({
        file: reference.file,
        column: "UNTERM English Short",
        expected: `an English name for ${s.iso3}`,
        found: "none",
        fix: "add a name_en override to sources/overrides/states_manual.csv",
      });
  }
  return rows.sort((a, b) => a.iso3!.localeCompare(b.iso3!));
}

/** Collects alias rows: one per distinct spelling, with every place the spelling is used. */
class AliasBook {
  private readonly rows = new Map<string, { iso3: string; sources: string[]; notes: string[] }>();
  constructor(private readonly states: Row[]) {}

  add(alias: string, iso3: string, source: string, note = ""): void {
    const spelling = alias.replace(/\s*\*+\s*$/, "").trim();
    if (!spelling) return;
    const row = this.rows.get(spelling);
    if (row && row.iso3 !== iso3)
      throw new Error(
        `the spelling "${spelling}" is used for both ${row.iso3} (${row.sources.join("; ")}) and ${iso3} (${source})`,
      );
    const r = row ?? { iso3, sources: [], notes: [] };
    if (!r.sources.includes(source)) r.sources.push(source);
    if (note && !r.notes.includes(note)) r.notes.push(note);
    this.rows.set(spelling, r);
  }

  resolver(): StateResolver {
    return new StateResolver(
      [...this.rows].map(([alias, r]) => ({ alias, iso3: r.iso3 })),
      this.states.map((s) => ({ iso3: s.iso3!, name: s.name_en! })),
    );
  }

  toRows(): Row[] {
    return [...this.rows]
      .map(([alias, r]) => ({ alias, iso3: r.iso3, source: r.sources.join("; "), note: r.notes.join(" ") }))
      .sort((a, b) => a.alias.localeCompare(b.alias, "en") || a.alias.localeCompare(b.alias));
  }
}

export interface AliasInput {
  reference: RawTable;
  votes: RawTable;
  aliasesManual: RawTable;
  /** Raw files whose `state_as_written` column names States (membership lists, article 7 snapshots). */
  namedIn: RawTable[];
  /** The progress report's text: every name in its lists of States must resolve. */
  report: { file: string; text: string };
}

/** A short label for a file in the `source` column: its name without folders. */
export function fileLabel(table: RawTable): string {
  return table.file.split("/").pop()!;
}

export function buildAliases(states: Row[], input: AliasInput): { rows: Row[]; resolver: StateResolver } {
  const book = new AliasBook(states);
  const known = new Set(states.map((s) => s.iso3!));
  const ref = fileLabel(input.reference);
  for (const r of input.reference.rows) {
    const iso3 = r.values[ISO3] ?? "";
    if (!known.has(iso3)) continue;
    const state = states.find((s) => s.iso3 === iso3)!;
    book.add(state.name_en!, iso3, "states.csv name_en");
    for (const col of ["UNTERM English Short", "UNTERM English Formal", "official_name_en", "CLDR display name"]) {
      const v = r.values[col] ?? "";
      if (v)
        book.add(
          v,
          iso3,
          `${ref}: ${col}`,
          iso3 === "CIV" && col === "official_name_en" ? "Not the UN name: the UN short name is Côte d'Ivoire." : "",
        );
    }
    const formal = unFormalName(r.values["UNTERM English Formal"] ?? "");
    if (formal.startsWith("the ")) book.add(formal.slice(4), iso3, `${ref}: UNTERM English Formal without "the"`);
  }
  for (const r of input.aliasesManual.rows) {
    const iso3 = required(input.aliasesManual, r, "iso3", "an ISO3 code");
    if (!known.has(iso3))
      throw new InputError({
        file: input.aliasesManual.file,
        line: r.line,
        column: "iso3",
        expected: "the ISO3 code of a State in states.csv",
        found: JSON.stringify(iso3),
        fix: "correct the code",
      });
    book.add(
      required(input.aliasesManual, r, "alias", "a spelling"),
      iso3,
      required(input.aliasesManual, r, "source", "where the spelling is used"),
      r.values.note ?? "",
    );
  }
  // The vote file names each Member State next to its ISO3 code: every spelling it uses is an alias of that code,
  // unless it already means another State (which would be a data error worth stopping for).
  let resolver = book.resolver();
  const votes = fileLabel(input.votes);
  for (const r of input.votes.rows) {
    const code = r.values.ms_code ?? "";
    const name = required(input.votes, r, "ms_name", "the Member State's name");
    const other = resolver.resolve(name);
    if (other && other !== code)
      throw new InputError({
        file: input.votes.file,
        line: r.line,
        column: "ms_name",
        expected: `a name of ${code}`,
        found: `${JSON.stringify(name)}, which is a name of ${other}`,
        fix: "check the row's ms_code and ms_name",
      });
    book.add(name, code, `${votes}: ms_name`);
  }
  resolver = book.resolver();
  for (const table of input.namedIn) {
    const label = `${fileLabel(table)}: state_as_written`;
    for (const r of table.rows) {
      const name = required(table, r, "state_as_written", "a State name");
      const iso3 = resolver.resolve(name);
      if (!iso3)
        throw new InputError({
          file: table.file,
          line: r.line,
          column: "state_as_written",
          expected: "a State name known to the reference or sources/overrides/state_aliases_manual.csv",
          found: `${JSON.stringify(name)}; closest known: ${resolver.suggest(name).join(", ")}`,
          fix: "add the spelling to sources/overrides/state_aliases_manual.csv with where it is used",
        });
      book.add(name, iso3, label);
    }
  }
  // The report's lists of States: each spelling must resolve; its paragraphs are recorded as where it is used.
  const paragraphs = new Map<string, { iso3: string; paras: string[] }>();
  for (const list of stateListsInReport(input.report.text)) {
    for (const item of list.items) {
      for (const name of splitNames(item, (n) => resolver.resolve(n) !== null)) {
        const iso3 = resolver.resolve(name);
        if (!iso3)
          throw new InputError({
            file: input.report.file,
            line: list.line,
            expected: "State names known to the reference or sources/overrides/state_aliases_manual.csv",
            found: `${JSON.stringify(name)}; closest known: ${resolver.suggest(name).join(", ")}`,
            fix: "add the spelling to sources/overrides/state_aliases_manual.csv with the paragraph",
          });
        const spelling = name.replace(/^the /, "");
        const p = paragraphs.get(spelling) ?? { iso3, paras: [] };
        const para = list.paragraph ? list.paragraph : `line ${list.line}`;
        if (!p.paras.includes(para)) p.paras.push(para);
        paragraphs.set(spelling, p);
      }
    }
  }
  const report = input.report.file.split("/").pop()!;
  for (const [spelling, { iso3, paras }] of paragraphs) {
    const numbered = paras.filter((p) => !p.startsWith("line"));
    const where = [
      numbered.length ? `${numbered.length > 1 ? "paras" : "para"} ${numbered.join(", ")}` : "",
      ...paras.filter((p) => p.startsWith("line")),
    ].filter(Boolean);
    book.add(spelling, iso3, `${report}: ${where.join(", ")}`);
  }
  return { rows: book.toRows(), resolver: book.resolver() };
}

export { readRawTable };
