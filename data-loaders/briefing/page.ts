/**
 * The printed page of the briefing: A4 with the PDF's margins. The text width is what a chart is drawn at, so a
 * chart spans the text like a table does (CSS pixels, 96 to the inch, as Chromium lays out the print).
 */
export const PAGE_MM = { width: 210, height: 297 } as const;
export const MARGIN_MM = { top: 22, bottom: 20, left: 18, right: 18 } as const;

const PX_PER_MM = 96 / 25.4;

/** The width of the text column in CSS pixels (174 mm on A4: 657 px). */
export const TEXT_WIDTH_PX = Math.floor((PAGE_MM.width - MARGIN_MM.left - MARGIN_MM.right) * PX_PER_MM);
