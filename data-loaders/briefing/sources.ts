/**
 * Source references for the notes, made short enough to read: the indicator rows cite
 * "13MSP Progress Report, section VI.A table, Action 9, 13MSP column"; several cells of one row become
 * "…, Action 9, 12MSP and 13MSP columns", several rows of one table "…, section VI.A table, Actions 1, 2 and 9
 * (10MSP to 13MSP columns)".
 */
interface Ref {
  base: string;
  column: string | null;
}

function parse(ref: string): Ref {
  const m = /^(.*), (\S+) column$/.exec(ref);
  return m ? { base: m[1]!, column: m[2]! } : { base: ref, column: null };
}

function andList(items: string[]): string {
  return items.length <= 1 ? items.join("") : `${items.slice(0, -1).join(", ")} and ${items.at(-1)}`;
}

/** Cells of the same row(s) → one reference per row with its columns, in first-seen order. */
export function compactCells(refs: string[]): string[] {
  const groups = new Map<string, string[]>();
  for (const r of refs) {
    const { base, column } = parse(r);
    const cols = groups.get(base) ?? [];
    if (column && !cols.includes(column)) cols.push(column);
    groups.set(base, cols);
  }
  return [...groups].map(([base, cols]) =>
    cols.length ? `${base}, ${andList(cols)} column${cols.length > 1 ? "s" : ""}` : base,
  );
}

/**
 * Rows of one table with the same columns → "<table>, Actions 1, 2 and 9 (10MSP, 11MSP, 12MSP and 13MSP columns)".
 * Falls back to the row list when rows differ in their columns or tables.
 */
export function compactTable(refs: string[]): string {
  const parsed = refs.map(parse);
  const rows = new Map<string, string[]>();
  for (const p of parsed) {
    const cols = rows.get(p.base) ?? [];
    if (p.column && !cols.includes(p.column)) cols.push(p.column);
    rows.set(p.base, cols);
  }
  const bases = [...rows.keys()];
  const colSets = new Set([...rows.values()].map((c) => c.join("|")));
  const split = bases.map((b) => {
    const i = b.lastIndexOf(", ");
    return i > 0 ? { table: b.slice(0, i), row: b.slice(i + 2) } : { table: b, row: "" };
  });
  const tables = new Set(split.map((s) => s.table));
  if (tables.size === 1 && colSets.size === 1 && split.every((s) => /^Action \d+$/.test(s.row))) {
    const actions = [...new Set(split.map((s) => s.row.replace(/^Action /, "")))];
    const cols = [...rows.values()][0]!;
    return `${[...tables][0]}, ${actions.length > 1 ? "Actions" : "Action"} ${andList(actions)}${cols.length ? ` (${andList(cols)} column${cols.length > 1 ? "s" : ""})` : ""}`;
  }
  return compactCells(refs).join("; ");
}
