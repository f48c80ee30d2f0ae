/**
 * Print the briefing's HTML to an A4 PDF with headless Chromium (the Debian package, driven by
 * playwright-core; no browser download). A fresh, empty profile and no background networking: the page
 * is self-contained (inline CSS and SVG, local fonts), so nothing needs the network.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { CHROMIUM_ARGS, requireChromium } from "../lib/chromium.ts";
import { MARGIN_MM } from "./page.ts";

export { ChromiumMissingError } from "../lib/chromium.ts";

export interface PrintOptions {
  /** Chromium executable; defaults to CCM_CHROMIUM, else the first Chromium, Chrome or Edge installed. */
  executablePath?: string;
  /** Running header text (left) and footer text (left); page numbers are added on the right. */
  header: string;
  footer: string;
  /** Pinned timestamp for the PDF's CreationDate/ModDate (YYYYMMDDHHmmSS, UTC), so the same input gives the same bytes. */
  timestamp?: string;
}

/**
 * A headless Chromium for printing PDFs, started by the first print and kept for the next: `briefing --all`
 * prints every report's PDF in one browser (its start is 1.3–1.6 s of a PDF's 4–5 s). Started ahead, while the
 * database is read, it gained nothing on two cores (the start slowed the reading as much), and a briefing that
 * fails before its PDF would start one for nothing. Close it when done, also after a failure.
 */
export interface PdfPrinter {
  print(html: string, outFile: string, options: PrintOptions): Promise<void>;
  close(): Promise<void>;
}

/** A printer with the given Chromium (a missing browser is said here, before any work); it starts on the first print. */
export function newPrinter(executablePath?: string): PdfPrinter {
  const path = requireChromium(executablePath);
  let profile: string | null = null;
  let launched: Promise<import("playwright-core").BrowserContext> | null = null;
  const launch = () => {
    const dir = (profile = mkdtempSync(join(tmpdir(), "ccm-briefing-chromium-")));
    return import("playwright-core").then(({ chromium }) =>
      chromium.launchPersistentContext(dir, {
        executablePath: path,
        args: CHROMIUM_ARGS,
        headless: true,
        offline: true,
      }),
    );
  };
  let closed: Promise<void> | null = null;
  return {
    async print(html, outFile, options) {
      if (closed) throw new Error("this PDF printer was closed");
      const page = await (await (launched ??= launch())).newPage();
      try {
        await page.setContent(html, { waitUntil: "load" });
        await page.emulateMedia({ media: "print" });
        await page.pdf({
          path: outFile,
          format: "A4",
          printBackground: true,
          // Tagged PDF (structure tree from the HTML: headings, paragraphs, lists, tables, figures with their
          // text) for screen readers, and an outline (bookmarks) from the h1/h2 headings: title, sections, pillars.
          tagged: true,
          outline: true,
          displayHeaderFooter: true,
          margin: {
            top: `${MARGIN_MM.top}mm`,
            bottom: `${MARGIN_MM.bottom}mm`,
            left: `${MARGIN_MM.left}mm`,
            right: `${MARGIN_MM.right}mm`,
          },
          headerTemplate: runningLine(options.header, ""),
          footerTemplate: runningLine(
            options.footer,
            'Page <span class="pageNumber"></span> of <span class="totalPages"></span>',
          ),
        });
      } finally {
        await page.close();
      }
      pinPdfDates(outFile, options.timestamp ?? "20000101000000");
      pinStructureIds(outFile);
    },
    close() {
      closed ??= (launched ?? Promise.resolve(null))
        .then(
          (context) => context?.close(),
          () => {},
        )
        .finally(() => {
          if (profile) rmSync(profile, { recursive: true, force: true });
        });
      return closed;
    },
  };
}

/** Print one HTML page to a PDF in a Chromium of its own. */
export async function printPdf(html: string, outFile: string, options: PrintOptions): Promise<void> {
  const printer = newPrinter(options.executablePath);
  try {
    await printer.print(html, outFile, options);
  } finally {
    await printer.close();
  }
}

/**
 * A tagged PDF names table header cells by Chromium's DOM node ids (`/ID (node00000104)`, used by `/Headers`
 * and the ID tree), which shift with how many nodes the browser happened to create first: the same page gives
 * other numbers under load. Renumber them by rank (1, 2, …), same width, so order (the ID tree is sorted) and
 * byte offsets stay valid and the same input gives the same bytes.
 */
export function pinStructureIds(file: string): void {
  const text = readFileSync(file).toString("latin1");
  const ids = [...new Set([...text.matchAll(/\(node(\d{8})\)/g)].map((m) => m[1]!))].sort();
  const rank = new Map(ids.map((id, i) => [id, String(i + 1).padStart(8, "0")]));
  writeFileSync(
    file,
    Buffer.from(
      text.replace(/\(node(\d{8})\)/g, (_, id: string) => `(node${rank.get(id)})`),
      "latin1",
    ),
  );
}

/**
 * Chromium stamps the PDF with the time of printing, the only bytes that differ between two prints of the
 * same page. Overwrite both stamps with the pinned one, same length, so the cross-reference offsets stay valid.
 */
export function pinPdfDates(file: string, timestamp: string): void {
  if (!/^\d{14}$/.test(timestamp)) throw new Error(`PDF timestamp must be YYYYMMDDHHmmSS, got "${timestamp}"`);
  const text = readFileSync(file).toString("latin1");
  const pinned = text.replace(
    /\/(CreationDate|ModDate) \(D:(\d{14})([^)]*)\)/g,
    (whole, key: string, _stamp: string, zone: string) => {
      const replacement = `/${key} (D:${timestamp}${"+00'00'".slice(0, zone.length).padEnd(zone.length, " ")})`;
      return replacement.length === whole.length ? replacement : whole;
    },
  );
  writeFileSync(file, Buffer.from(pinned, "latin1"));
}

/** Chromium's header/footer templates need their own inline styles (page CSS does not reach them). */
function runningLine(left: string, right: string): string {
  const esc = left.replaceAll("&", "&amp;").replaceAll("<", "&lt;");
  return `<div style="font-family:'DejaVu Sans',sans-serif;font-size:7.5pt;color:#555;width:100%;margin:0 ${MARGIN_MM.left}mm;display:flex;justify-content:space-between;border-bottom:0;"><span>${esc}</span><span>${right}</span></div>`;
}
