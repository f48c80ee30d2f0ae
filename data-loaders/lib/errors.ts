/**
 * Errors about input data. Every message names the file, the line and column where known,
 * what was expected, what was found, and how to fix it. The CLI prints `message` and exits 1.
 */
export interface InputProblem {
  file: string;
  /** 1-based line in the file (the header is line 1). */
  line?: number;
  /** A CSV field: its name, or its 1-based field number; in plain text, the 1-based character position. */
  column?: number | string;
  expected: string;
  found?: string;
  fix: string;
}

export function formatProblem(p: InputProblem): string {
  let where = p.file;
  if (p.line !== undefined) where += `:${p.line}`;
  if (typeof p.column === "number") where += `:${p.column}`;
  const col = typeof p.column === "string" ? ` column "${p.column}":` : "";
  const found = p.found !== undefined ? `, found ${p.found}` : "";
  return `${where}:${col} expected ${p.expected}${found}.\n  How to fix: ${p.fix}`;
}

export class InputError extends Error {
  readonly problems: InputProblem[];
  constructor(problems: InputProblem | InputProblem[]) {
    const list = Array.isArray(problems) ? problems : [problems];
    const shown = list.slice(0, 20).map(formatProblem);
    if (list.length > 20) shown.push(`… and ${list.length - 20} more problems of the same kinds.`);
    super(shown.join("\n"));
    this.name = "InputError";
    this.problems = list;
  }
}

/** Render a value for an error message: quoted, truncated, control characters visible. */
export function show(value: unknown): string {
  if (value === undefined) return "nothing";
  if (value === null) return "null";
  let s = String(value);
  if (s.length > 60) s = s.slice(0, 57) + "…";
  return JSON.stringify(s);
}
