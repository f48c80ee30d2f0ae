/**
 * What the extract command keeps of a published report beside its datasets:
 *   - the file as published (<text name>.docx / .pdf), unchanged: the primary source;
 *   - the text read from it (<text name>.txt), which the datasets' report_line numbers refer to;
 *   - <text name>.document.json: the document's own facts (symbol, job number, date, meeting, agenda item,
 *     reporting period, submitted by; see facts.ts), the format and checksum of the file read, and where each
 *     line of the text is in the published document (its page in a PDF; its paragraph or table row in a .docx).
 * And the datasets' source references, which name that place ("…, 13MSP column; page 12").
 */
import { createHash } from "node:crypto";
import { basename } from "node:path";
import type { ExtractedDataset } from "../write.ts";
import { describePlace } from "./report-text.ts";
import type { ReportDocument } from "./read-report.ts";
import type { DocumentFacts } from "./facts.ts";

export interface DocumentRecord extends DocumentFacts {
  report_id: string;
  format: string;
  /** The file as given to the extract command (its name only). */
  read_from: string;
  sha256: string;
  /** Line of the text → its place in the published document; empty for a .txt (the text is the document). */
  line_places: Record<string, string>;
}

export function documentRecord(
  reportId: string,
  file: string,
  bytes: Buffer,
  doc: ReportDocument,
  cycles: ExtractedDataset | undefined,
): DocumentRecord {
  const line_places: Record<string, string> = {};
  doc.places.forEach((p, i) => {
    const where = describePlace(p);
    if (where) line_places[String(i + 1)] = where;
  });
  // The period as the extracted cycles state it (para 1's "covers the period from … to …"), else as the text reads.
  const own = (
    cycles?.rows as { cycle?: string; period_start?: string | null; period_end?: string | null }[] | undefined
  )?.find((r) => r.cycle === reportId);
  return {
    report_id: reportId,
    format: doc.format,
    read_from: basename(file),
    sha256: createHash("sha256").update(bytes).digest("hex"),
    ...doc.facts,
    period_start: own?.period_start ?? doc.facts.period_start,
    period_end: own?.period_end ?? doc.facts.period_end,
    line_places,
  };
}

/**
 * The datasets with each source reference naming its place in the published document: a row with a
 * report_line and a source_ref gets "; page 12" (a PDF) or "; table 3, row 4" (a .docx). From a .txt nothing
 * changes.
 */
export function withPlaces(datasets: ExtractedDataset[], doc: ReportDocument): ExtractedDataset[] {
  if (doc.places.length === 0) return datasets;
  return datasets.map((d) => ({
    ...d,
    rows: d.rows.map((row) => {
      const r = row as { report_line?: unknown; source_ref?: unknown };
      if (typeof r.source_ref !== "string" || typeof r.report_line !== "number") return row;
      const where = describePlace(doc.places[r.report_line - 1]);
      return where ? { ...row, source_ref: `${r.source_ref}; ${where}` } : row;
    }),
  }));
}
