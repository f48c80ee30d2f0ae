/**
 * Any report as published → the text the extractors read, where each of its lines came from, and the
 * document's own facts (facts.ts). `.txt` is read as it is; `.docx` and `.pdf` are turned into the same
 * text (docx.ts, pdf.ts, report-text.ts). A file that cannot be a progress report is refused here, in
 * words, before anything is extracted or written.
 */
import { readFileSync, statSync } from "node:fs";
import { extname } from "node:path";
import { InputError } from "../../lib/errors.ts";
import { renderReportText, type Place } from "./report-text.ts";
import { documentFacts, checkLapReport, type DocumentFacts } from "./facts.ts";

export type ReportFormat = "txt" | "docx" | "pdf";

export interface ReportDocument {
  format: ReportFormat;
  /** The text the extractors read (for .txt, the file itself). */
  text: string;
  /** Where line n + 1 of text is in the published document (empty for .txt: the text is the document). */
  places: (Place | null)[];
  facts: DocumentFacts;
}

const FORMATS: Record<string, ReportFormat> = { ".txt": "txt", ".docx": "docx", ".pdf": "pdf" };

export async function readReportDocument(file: string): Promise<ReportDocument> {
  const format = FORMATS[extname(file).toLowerCase()];
  if (!format) {
    throw new InputError({
      file,
      expected: "a progress report as published: a .docx (Word) or .pdf file, or a .txt export of its text",
      found: extname(file) ? `a ${extname(file)} file` : "a file name without an extension",
      fix: "give the report's .docx or .pdf as downloaded (a .doc or .odt must first be saved as .docx)",
    });
  }
  let bytes: Buffer;
  try {
    if (statSync(file).isDirectory()) throw new Error("it is a folder");
    bytes = readFileSync(file);
  } catch (e) {
    throw new InputError({
      file,
      expected: `a progress report (.${format}) to read`,
      found: (e as NodeJS.ErrnoException).code === "ENOENT" ? "no such file" : (e as Error).message,
      fix: "check the path, e.g. npm run extract -- ~/Downloads/14MSP-progress-report.docx",
    });
  }
  if (bytes.length === 0 || (format === "txt" && bytes.toString("utf8").trim() === "")) {
    throw new InputError({
      file,
      line: format === "txt" ? 1 : undefined,
      expected:
        format === "txt" ? "the report's text" : `a ${format === "docx" ? "Word document" : "PDF"} holding the report`,
      found: "an empty file",
      fix:
        format === "txt"
          ? "export the report's text again"
          : "download the report again: the file has no content (an interrupted download leaves an empty file)",
    });
  }
  if (format === "txt") {
    const text = bytes.toString("utf8").replace(/^\uFEFF/, "");
    return { format, text, places: [], facts: documentFacts(text, [], format) };
  }
  // Loaded when a published file is read: the PDF reader alone took about a second to import, which every `ccm`
  // command paid at start (the command line imports the extract command), a .txt extract included.
  const read =
    format === "docx"
      ? await (await import("./docx.ts")).readDocx(bytes, file)
      : await (await import("./pdf.ts")).readPdf(bytes, file);
  const rendered = renderReportText(read.blocks);
  checkLapReport(rendered.text, file, format);
  return {
    format,
    text: rendered.text,
    places: rendered.places,
    facts: documentFacts(rendered.text, read.furniture, format),
  };
}
