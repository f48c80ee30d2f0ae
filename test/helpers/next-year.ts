/**
 * The next-year fixture: a 14MSP Progress Report made from the 13MSP text with the changes a new report brings:
 *   - the title names 14MSP, and every indicator table gets a fifth cycle column 14MSP (the 13MSP figure again)
 *   - a revised mark: indicator 1.1's 12MSP figure is printed 08* instead of 07 (the table's * footnote applies)
 *   - a changed list: paragraph 18 names Colombia instead of Cuba among its seven States Parties
 *   - renumbered paragraphs: a new paragraph 18 is inserted, so the old paragraphs 18 onwards move up by one
 * Written by test/fixtures/reports/make-14msp.ts into test/fixtures/reports/14MSP-progress-report.txt.
 */
export const NEW_PARAGRAPH =
  "The Presidency thanks the States Parties that submitted their Article 7 reports through the online reporting platform.";

function strikeMarks(cell: string): string {
  return cell
    .replace(/<\/?i>/g, "")
    .replace(/[*¹²³⁴⁵⁶⁷⁸⁹⁰]/g, "")
    .trim();
}

export function nextYearReport(text13: string): string {
  let text = text13.replace(
    /^Convention on Cluster Munitions 13MSP Progress Report:/m,
    "Convention on Cluster Munitions 14MSP Progress Report:",
  );
  const lines = text.split("\n").map((line) => {
    if (!line.includes("\t")) return line;
    const cells = line.split("\t");
    const last = cells.at(-1)!;
    if (/13MSP/.test(last)) return `${line}\t${last.replace("13MSP", "14MSP")}`;
    if (cells.length < 6) return line;
    return `${line}\t${strikeMarks(last)}`;
  });
  text = lines.join("\n");
  const row11 = /^(Action 1\tStates Parties \(SPs\) that report having included[^\n]*?\t00\t02\t)07(\t07\t07)$/m;
  if (!row11.test(text)) throw new Error("fixture: indicator 1.1's row not found");
  text = text.replace(row11, "$108*$2");
  const para18 = "seven States Parties (Afghanistan, Chad, Cuba, Iraq, Lebanon, Lao PDR, and South Sudan)";
  if (!text.includes(para18)) throw new Error("fixture: paragraph 18's list not found");
  text = text.replace(
    para18,
    "seven States Parties (Afghanistan, Chad, Colombia, Iraq, Lebanon, Lao PDR, and South Sudan)",
  );
  let inserted = false;
  text = text.replace(/^(\d+)\. /gm, (m, n: string) => {
    const num = Number(n);
    if (num < 18) return m;
    if (num === 18 && !inserted) {
      inserted = true;
      return `18. ${NEW_PARAGRAPH}\n\n19. `;
    }
    return `${num + 1}. `;
  });
  return text;
}
