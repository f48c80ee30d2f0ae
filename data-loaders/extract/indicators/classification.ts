/**
 * Unit, scope and polarity of each indicator. What the indicator text says mechanically (its
 * subject: "Affected SPs …" counts States Parties within the affected ones) is read here; the
 * judgement (is a rise good news?) and any unit or scope the text does not give come from the
 * reviewed hand file sources/overrides/indicator_classification.csv. Nothing is merged silently:
 * a missing, stale or surplus hand row is an InputError, and a hand value that replaces one read
 * from the text is named in the indicator's `classification_note`.
 */
import { InputError, show } from "../../lib/errors.ts";

export type Polarity = "higher_is_better" | "lower_is_better" | "neutral";

export interface ClassificationEntry {
  indicator_id: string;
  /** The indicator text must start with this, so a hand row cannot drift onto another indicator. */
  text_begins: string;
  unit: string | null;
  scope: string | null;
  polarity: Polarity;
  polarity_note: string;
  /** For paired values only: what the first and the second figure count. */
  measure: string | null;
  secondary_measure: string | null;
  /** Where the row is, for error messages. */
  file: string;
  line: number;
}

export interface Classification {
  unit: string;
  scope: string | null;
  polarity: Polarity;
  polarity_note: string;
  measure: string;
  secondary_measure: string | null;
  /** Empty unless the hand file set the unit or scope; then says which and what the text gave. */
  classification_note: string | null;
}

/** The subject of the indicator sentence decides what is counted. Order matters: first match wins. */
const UNIT_BY_SUBJECT: { subject: RegExp; unit: string }[] = [
  { subject: /^(States Parties|(Affected |Donor |New )?SPs)\b/, unit: "States Parties" },
  { subject: /^SP delegations\b/, unit: "delegations" },
  { subject: /^States not party\b/, unit: "States not party" },
  { subject: /^States\b/, unit: "States" },
  { subject: /^Women\b/, unit: "people" },
  { subject: /^Confirmed cases\b/, unit: "cases" },
  { subject: /^Dedicated meetings\b/, unit: "meetings" },
  { subject: /^Article \d+ extension requests\b/, unit: "requests" },
  { subject: /^Retained cluster munitions\b/, unit: "munitions" },
];

/** A qualified subject names the denominator: "Affected SPs", "SPs with outstanding Article 3 obligations". */
const SCOPE_BY_SUBJECT: { subject: RegExp; scope: (m: RegExpExecArray) => string }[] = [
  { subject: /^Affected SPs\b/, scope: () => "affected SPs" },
  { subject: /^Donor SPs\b/, scope: () => "donor SPs" },
  {
    subject: /^(SPs (?:with|seeking) .+?) (?:that have|that provided|submitted|reported|provided)\b/,
    scope: (m) => m[1]!,
  },
];

export function unitFromText(text: string): string | null {
  return UNIT_BY_SUBJECT.find((r) => r.subject.test(text))?.unit ?? null;
}

export function scopeFromText(text: string): string | null {
  for (const rule of SCOPE_BY_SUBJECT) {
    const m = rule.subject.exec(text);
    if (m) return rule.scope(m);
  }
  return null;
}

interface IndicatorForClassification {
  indicator_id: string;
  text: string;
  paired: boolean;
}

export function classifyIndicators(
  indicators: IndicatorForClassification[],
  entries: ClassificationEntry[],
  handFile: string,
): Map<string, Classification> {
  const byId = new Map<string, ClassificationEntry>();
  for (const e of entries) byId.set(e.indicator_id, e);
  const known = new Set(indicators.map((i) => i.indicator_id));
  const problems = [];
  for (const e of entries) {
    if (!known.has(e.indicator_id)) {
      problems.push({
        file: e.file,
        line: e.line,
        column: "indicator_id",
        expected: "an indicator that the report's tables contain",
        found: show(e.indicator_id),
        fix: "remove the row, or correct its indicator_id if the report renumbered the indicators",
      });
    }
  }
  const result = new Map<string, Classification>();
  for (const ind of indicators) {
    const derivedUnit = unitFromText(ind.text);
    const derivedScope = scopeFromText(ind.text);
    const e = byId.get(ind.indicator_id);
    if (!e) {
      problems.push({
        file: handFile,
        column: "indicator_id",
        expected: `a row for indicator ${ind.indicator_id} (${show(ind.text)})`,
        found: "no row",
        fix: `add: ${ind.indicator_id},"${ind.text.slice(0, 40)}",${derivedUnit ? "" : "<unit>"},,<polarity>,<why> — the unit ${derivedUnit ? `read from the text is "${derivedUnit}"` : "cannot be read from the text"}${derivedScope ? `, the scope is "${derivedScope}"` : ""}`,
      });
      continue;
    }
    if (!ind.text.startsWith(e.text_begins)) {
      problems.push({
        file: e.file,
        line: e.line,
        column: "text_begins",
        expected: `the beginning of indicator ${ind.indicator_id}'s text, ${show(ind.text)}`,
        found: show(e.text_begins),
        fix: "the report's indicators changed: review the row (and the rows after it) against the new text",
      });
      continue;
    }
    const unit = e.unit ?? derivedUnit;
    if (!unit) {
      problems.push({
        file: e.file,
        line: e.line,
        column: "unit",
        expected: `a unit for ${ind.indicator_id}: its text does not say what is counted`,
        found: "an empty cell",
        fix: "write the unit (States Parties, States not party, States, people, cases, munitions, meetings, requests, …)",
      });
      continue;
    }
    if (ind.paired && (!e.measure || !e.secondary_measure)) {
      problems.push({
        file: e.file,
        line: e.line,
        column: "measure",
        expected: `measure and secondary_measure for ${ind.indicator_id}: the report prints paired values (a / b)`,
        found: "empty cells",
        fix: "name what each of the two figures counts, e.g. cluster munitions and explosive submunitions",
      });
      continue;
    }
    const notes: string[] = [];
    if (e.unit && e.unit !== derivedUnit)
      notes.push(
        derivedUnit
          ? `unit set by hand, replacing "${derivedUnit}" read from the text`
          : "unit set by hand (the text does not say)",
      );
    const scope = e.scope ?? derivedScope;
    if (e.scope && e.scope !== derivedScope)
      notes.push(
        derivedScope
          ? `scope set by hand, replacing "${derivedScope}" read from the text`
          : "scope set by hand (the text gives none)",
      );
    result.set(ind.indicator_id, {
      unit,
      scope,
      polarity: e.polarity,
      polarity_note: e.polarity_note,
      measure: e.measure ?? unit,
      secondary_measure: e.secondary_measure,
      classification_note: notes.length ? `${notes.join("; ")} (${e.file} line ${e.line})` : null,
    });
  }
  if (problems.length) throw new InputError(problems);
  return result;
}
