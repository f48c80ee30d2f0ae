/**
 * The shapes of narrative findings and of what the extractor needs, in a leaf module (it imports nothing), so
 * that the stages of the extraction (findings.ts, count-phrases.ts, finding-text.ts, finding-links.ts) share
 * them without importing one another in a circle.
 */
/** What the extractor needs from StateResolver (data-loaders/lib/states.ts). */
export interface NameResolver {
  resolve(name: string): string | null;
  suggest(name: string, n?: number): string[];
}

export type ListKind = "parentheses" | "colon" | "dash" | "all_except" | "none";
export type NamedAs = "state_party" | "signatory" | "not_party" | "state" | "report" | "request";

export interface Finding {
  finding_id: string;
  paragraph: string;
  section: string;
  pillar_code: string | null;
  statement: string;
  stated_count: number | null;
  counted: string;
  indicator_id: string | null;
  cycle: string;
  /** 1-based line of the report where the paragraph, bullet or summary item starts. */
  report_line: number;
  segment: "text" | "bullet";
  /** The whole in "Two (02) of seven (07) States Parties", "Nine of the ten …". */
  of_count: number | null;
  /** The digits echoed in parentheses after the number word: "Seven (07)" → 7. */
  echo_count: number | null;
  named_count: number;
  list_kind: ListKind;
  named_as: NamedAs;
  parent_finding_id: string | null;
  /** True when the statement presents its States as part of the parent's ("of these", "only eight"). */
  subset_of_parent: boolean;
  /** Names printed twice in the same list, joined with "; " (each State is kept once). */
  duplicate_names: string | null;
  topic: string | null;
}

export interface FindingState {
  finding_id: string;
  iso3: string;
  name_as_written: string;
  detail: string | null;
  mark: string | null;
  position: number;
}

export interface FindingsResult {
  findings: Finding[];
  states: FindingState[];
}

export interface ExtractOptions {
  cycle?: string;
  /** File name used in error messages. */
  file?: string;
}
