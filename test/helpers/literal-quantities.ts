/**
 * The scan of an analyst's briefing source for quantities typed as literal text: outside references, comments and
 * identifiers, a number in prose must be a reference. Used by the briefing source tests.
 */
import { parseNumberWord } from "../../data-loaders/presentation/number-words.ts";

export interface Offender {
  line: number;
  found: string;
  text: string;
}

/**
 * Identifiers are not quantities: indicator ids (12.1), paragraph and item locators (para 211, item II.C.2),
 * articles (Article 7), resolution symbols (A/RES/79/58), years (the 2024 UNGA resolution) and meeting names
 * (the 11MSP) unless used as a cycle ("the 13MSP cycle", "since 10MSP", "from 10MSP to 13MSP").
 */
const IDENTIFIERS = [
  /\bA\/RES\/\d+\/\d+/g,
  /\b\d+\.\d+(?:\.\d+)?\b/g,
  /\b(?:para|paras|paragraph|item|items|Article|Articles)\s+[IVX]*\.?[A-Z]?\.?\d+(?:\.\d+)*(?:\s*(?:,|and|to|–)\s*\d+)*/g,
  /\bitem\s+[IVX]+\.[A-Z](?:\.\d+)?/g,
  /\b(?:19|20)\d\d\b/g,
];
const CYCLE_USE = /\b(?:since|from|to)\s+\d+(?:MSP|RC)\b|\b\d+(?:MSP|RC)\s+cycle\b/g;

/** Every literal quantity in the prose of a source (paragraphs and list items), with its line. */
export function literalQuantities(source: string, definitions: string[] = []): Offender[] {
  const out: Offender[] = [];
  const defs = definitions.map((d) => d.toLowerCase());
  let comment = false;
  source.split("\n").forEach((raw, i) => {
    let l = raw;
    if (comment) {
      const end = l.indexOf("-->");
      if (end < 0) return;
      comment = false;
      l = l.slice(end + 3);
    }
    l = l.replace(/<!--.*?-->/g, " ");
    const open = l.indexOf("<!--");
    if (open >= 0) {
      comment = true;
      l = l.slice(0, open);
    }
    if (/^\s*#/.test(l)) return;
    const prose = l.replace(/\{[^{}]*\}/g, " ");
    const found: string[] = [...prose.matchAll(CYCLE_USE)].map((m) => m[0]);
    let rest = prose;
    for (const re of IDENTIFIERS) rest = rest.replace(re, " ");
    rest = rest.replace(/\b\d+(?:MSP|RC)\b/g, " ");
    const words = [...rest.matchAll(/[A-Za-z]+(?:-[a-z]+)?|\d[\d,.]*%?/g)];
    for (const [k, m] of words.entries()) {
      const w = m[0];
      const n = /^\d/.test(w) ? 1 : /^none$/i.test(w) ? 0 : parseNumberWord(w);
      // "no" and "zero" state a rule or an absence ("never zero"); counts are one to ninety-nine, "none", or digits.
      if (n === null || /^(no|zero)$/i.test(w)) continue;
      // A quantity that belongs to an indicator's own definition ("no later than three months", "by 30 April") is
      // the report's wording, not a number of the briefing.
      const near = (a: number, b: number) =>
        words
          .slice(Math.max(0, k - a), k + b + 1)
          .map((x) => x[0])
          .join(" ")
          .toLowerCase();
      if (defs.some((d) => d.includes(near(2, 0)) || d.includes(near(0, 2)) || d.includes(near(1, 1)))) continue;
      found.push(w);
    }
    for (const f of found) out.push({ line: i + 1, found: f, text: raw.trim().slice(0, 100) });
  });
  return out;
}
