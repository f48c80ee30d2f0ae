/**
 * The document's own facts, read from its first page and its page furniture: the UN document symbol
 * (CCM/MSP/2025/8), job number (GE.25-13517), date, meeting, agenda item, reporting period and who submitted
 * it. They go to the report's document file (report-document.ts), never into a dataset row; the running
 * heads and footers they come from are never part of the text.
 *
 * Also the check that a published file is a progress report on the Lausanne Action Plan at all, which says
 * what was found instead when it is not.
 */
import { isoDate, LONG_DATE } from "../../lib/dates.ts";
import { InputError } from "../../lib/errors.ts";

export interface DocumentFacts {
  title: string | null;
  symbol: string | null;
  job_number: string | null;
  date: string | null;
  meeting: string | null;
  meeting_venue_dates: string | null;
  agenda_item: string | null;
  agenda_item_title: string | null;
  period_start: string | null;
  period_end: string | null;
  submitted_by: string | null;
}

const DATE = `(${LONG_DATE})`;
/** A UN document symbol: capitals, then slash-separated parts (CCM/MSP/2025/8, CCM/CONF/2026/WP.1). */
const SYMBOL = /\b([A-Z]{2,}(?:\/[A-Za-z0-9.]+){2,})\b/;
/** A UN job number printed in the footer: GE.25-13517, GE.26-01234(E). */
const JOB_NUMBER = /\b([A-Z]{1,3}\.\d{2}-\d{4,6})(?:\s*\([A-Z]\))?/;
const TITLE = /Progress Report/;

/** Text without the export's markup and footnote marks. */
function plain(line: string): string {
  return line
    .replace(/<\/?(i|b|em|strong)>/gi, "")
    .replace(/\*+/g, "")
    .replace(/[\u00b9\u00b2\u00b3\u2070-\u2079]+/g, "")
    .replace(/\s+/g, " ")
    .replace(/[\s,;]+$/, "")
    .trim();
}

export function documentFacts(text: string, furniture: string[], format: string): DocumentFacts {
  const lines = text.split("\n").map((l) => l.trim());
  const titleIndex = lines.findIndex((l, i) => i < 60 && TITLE.test(l) && !l.includes("\t"));
  const front = lines.slice(0, titleIndex >= 0 ? titleIndex : 30).filter((l) => l !== "");
  const firstOf = (re: RegExp, within: string[]) => within.map((l) => re.exec(l)).find((m) => m) ?? null;
  const symbol =
    firstOf(SYMBOL, furniture) ?? (format === "txt" ? firstOf(new RegExp(`^${SYMBOL.source}$`), front) : null);
  const job = firstOf(JOB_NUMBER, furniture);
  const date = firstOf(new RegExp(`^${DATE}$`), front);
  const meetingAt = front.findIndex((l) => /(Meeting of States Parties|Review Conference)$/.test(plain(l)));
  const venue = meetingAt >= 0 && /\d{4}$/.test(front[meetingAt + 1] ?? "") ? plain(front[meetingAt + 1]!) : null;
  const itemAt = front.findIndex((l) => /^Item \S+ of the (provisional )?agenda$/i.test(plain(l)));
  const itemTitle =
    itemAt >= 0
      ? front
          .slice(itemAt + 1)
          .map(plain)
          .join(" ")
          .trim()
      : "";
  const period = new RegExp(`covers the period from ${DATE} to ${DATE}`).exec(text.replace(/\s+/g, " "));
  const submittedAt = lines.findIndex((l, i) => i < 80 && /Submitted by/i.test(l));
  let submitted: string | null = null;
  if (submittedAt >= 0) {
    const parts: string[] = [];
    for (let i = submittedAt; i < Math.min(lines.length, submittedAt + 6); i++) {
      const l = lines[i]!;
      if (
        i > submittedAt &&
        (l === ""
          ? parts.length > 1 && !/\b(of|the|and|States)$/.test(plain(parts.at(-1)!))
          : /^([IVX]+|\d+)\.\s/.test(l))
      )
        break;
      if (l !== "") parts.push(l);
    }
    submitted = plain(parts.join(" ")).replace(/^Submitted by\s+/i, "") || null;
  }
  return {
    title: titleIndex >= 0 ? plain(lines[titleIndex]!) : null,
    symbol: symbol?.[1] ?? null,
    job_number: job?.[1] ?? null,
    date: date ? isoDate(date[1]!) : null,
    meeting: meetingAt >= 0 ? plain(front[meetingAt]!) : null,
    meeting_venue_dates: venue,
    agenda_item: itemAt >= 0 ? (/^Item (\S+)/i.exec(plain(front[itemAt]!))?.[1] ?? null) : null,
    agenda_item_title: itemTitle || null,
    period_start: period ? isoDate(period[1]!) : null,
    period_end: period ? isoDate(period[2]!) : null,
    submitted_by: submitted,
  };
}

/**
 * A published file that is not a progress report on the Lausanne Action Plan with its indicator tables is
 * refused with what it is instead: the action plan its title names, the tables it has.
 */
export function checkLapReport(text: string, file: string, format: string): void {
  const lines = text.split("\n");
  const rows = lines.filter((l) => l.includes("\t")).map((l) => l.split("\t").map(plain));
  if (rows.some((cells) => cells[0]?.toUpperCase() === "LAP" && cells[1]?.toUpperCase() === "INDICATORS")) return;
  const head = lines.slice(0, 80).join(" ");
  const plan = /\b((?!Lausanne)[A-Z][a-z]+) Action Plan\b/.exec(head);
  const title = lines.find((l, i) => i < 60 && TITLE.test(l)) ?? lines.find((l) => l.trim() !== "");
  const kind = format === "pdf" ? "PDF" : "Word document";
  // Tables as the reader sees them: a run of rows; each named by its first row.
  const firstRows: string[] = [];
  lines.forEach((l, i) => {
    if (l.includes("\t") && !(lines[i - 1] ?? "").includes("\t"))
      firstRows.push(l.split("\t").map(plain).filter(Boolean).join(" | "));
  });
  const tables =
    firstRows.length === 0
      ? "no table"
      : `${firstRows.length} table${firstRows.length > 1 ? "s" : ""}, none headed LAP | INDICATORS | <cycles> (the first begins ${JSON.stringify(firstRows[0]!.slice(0, 60))})`;
  const what = plan
    ? `a report on the ${plan[1]} Action Plan (${JSON.stringify(plain(title ?? "").slice(0, 160))}) with ${tables}`
    : `${title ? `${JSON.stringify(plain(title).slice(0, 160))} ` : ""}with ${tables}`;
  throw new InputError({
    file,
    expected: `a ${kind} of a CCM Progress Report on the Lausanne Action Plan, with its LAP indicator tables (a header row LAP, INDICATORS, then one column per cycle such as 10MSP)`,
    found: what,
    fix: "give the Progress Report of a Meeting of States Parties under the Lausanne Action Plan; if this is one and its tables look different, teach data-loaders/extract/published/ the new layout",
  });
}
