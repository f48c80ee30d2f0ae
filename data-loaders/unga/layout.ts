/**
 * The two column layouts of the UN Digital Library bulk voting file (record 4060887) and their
 * detection from the header line. The Feb 2026 version added `vote_note` after `subjects`.
 */
import { closeSync, openSync, readSync } from "node:fs";
import { InputError } from "../lib/errors.ts";

export type UndlLayout = "2025" | "2026";

const BEFORE_NOTE = ["undl_id", "ms_code", "ms_name", "ms_vote", "date", "session", "resolution", "draft", "committee_report", "meeting", "title", "agenda_title", "subjects"];
const AFTER_NOTE = ["total_yes", "total_no", "total_abstentions", "total_non_voting", "total_ms", "undl_link"];

export const UNDL_COLUMNS: Record<UndlLayout, string[]> = {
  "2025": [...BEFORE_NOTE, ...AFTER_NOTE],
  "2026": [...BEFORE_NOTE, "vote_note", ...AFTER_NOTE],
};

/** The first line of a file (up to 64 KB), without a UTF-8 BOM or a trailing CR. */
export function readHeaderLine(path: string): string {
  const fd = openSync(path, "r");
  try {
    const buf = Buffer.alloc(65536);
    const n = readSync(fd, buf, 0, buf.length, 0);
    let text = buf.subarray(0, n).toString("utf8");
    if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
    const end = text.indexOf("\n");
    return (end >= 0 ? text.slice(0, end) : text).replace(/\r$/, "");
  } finally {
    closeSync(fd);
  }
}

/** Which layout a file has, from its header; an InputError naming the difference otherwise. */
export function detectLayout(path: string, displayName = path): UndlLayout {
  const header = readHeaderLine(path)
    .split(",")
    .map((c) => c.trim().replace(/^"(.*)"$/, "$1"));
  for (const layout of ["2026", "2025"] as const) {
    if (header.join(",") === UNDL_COLUMNS[layout].join(",")) return layout;
  }
  const expected = UNDL_COLUMNS["2026"];
  const missing = expected.filter((c) => c !== "vote_note" && !header.includes(c));
  const extra = header.filter((c) => !expected.includes(c));
  const detail = [missing.length ? `missing ${missing.join(", ")}` : "", extra.length ? `unexpected ${extra.join(", ")}` : "", !missing.length && !extra.length ? "the columns in another order" : ""].filter(Boolean).join("; ");
  throw new InputError({
    file: displayName,
    line: 1,
    column: 1,
    expected: `the header of a UN Digital Library voting file, 2025 layout (${UNDL_COLUMNS["2025"].join(",")}) or Feb 2026 layout (with vote_note after subjects)`,
    found: `${header.join(",").slice(0, 200)} (${detail})`,
    fix: "drop the file in sources/unga/ as downloaded from https://digitallibrary.un.org/record/4060887, or move files that are not UNDL voting data out of that folder",
  });
}
