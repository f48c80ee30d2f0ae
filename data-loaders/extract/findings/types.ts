/**
 * The shapes of narrative findings and of what the extractor needs, in a leaf module (it imports only the generated
 * row types of lib/), so that the stages of the extraction (findings.ts, count-phrases.ts, finding-text.ts, finding-links.ts) share
 * them without importing one another in a circle.
 */
import type { FindingsRow } from "../../lib/relations.generated.ts";

/** What the extractor needs from StateResolver (data-loaders/lib/states.ts). */
export interface NameResolver {
  resolve(name: string): string | null;
  suggest(name: string, n?: number): string[];
}

/** A finding as the extractor writes it: a row of dataset findings, described once in its metadata. */
export type Finding = FindingsRow;
export type ListKind = FindingsRow["list_kind"];
export type NamedAs = FindingsRow["named_as"];

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
