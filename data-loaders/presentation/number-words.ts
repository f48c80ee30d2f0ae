/**
 * English numbers, both ways. Reading the CCM progress report: "Seventy", "twenty-four", "111" and the
 * summary's "(07)" echo in the narrative (extraction). Writing, in two styles: the report's printed form
 * ("Seventy (70)", "07"), kept for tables and provenance, and prose for running text ("seven", "70", "no",
 * "one indicator"): words for one to nine and at the start of a sentence, digits otherwise, never zero padding.
 * One table of words for every direction and style.
 */
const UNITS = [
  "zero",
  "one",
  "two",
  "three",
  "four",
  "five",
  "six",
  "seven",
  "eight",
  "nine",
  "ten",
  "eleven",
  "twelve",
  "thirteen",
  "fourteen",
  "fifteen",
  "sixteen",
  "seventeen",
  "eighteen",
  "nineteen",
];
const TENS = ["", "", "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"];

const WORDS = new Map<string, number>();
UNITS.forEach((w, i) => WORDS.set(w, i));
TENS.forEach((t, i) => {
  if (!t) return;
  WORDS.set(t, i * 10);
  for (let u = 1; u <= 9; u++) {
    // The report hyphenates ("twenty-four"); a space or an en dash also occurs in typed prose.
    WORDS.set(`${t}-${UNITS[u]}`, i * 10 + u);
    WORDS.set(`${t} ${UNITS[u]}`, i * 10 + u);
  }
});
// "No State Party reported …" states a count of zero.
WORDS.set("no", 0);

/**
 * Reading. Up to ninety-nine: the report's State counts stop at seventy, and larger figures are written in
 * digits. Regular-expression source matching one number word or up to three digits (no capture groups).
 * Four digits in the prose are years ("2024 annual reports"), never counts of States.
 */
export const NUMBER_SOURCE = `(?:\\d{1,3}|(?:${TENS.filter(Boolean).join("|")})(?:[-\\u2010\\u2011 ](?:${UNITS.slice(1, 10).join("|")}))?|${UNITS.slice(0, 20).reverse().join("|")}|no)`;

/** The value of a number word or digit string, or null when it is not one. */
export function parseNumberWord(word: string): number | null {
  const w = word
    .trim()
    .toLowerCase()
    .replace(/[\u2010\u2011]/g, "-");
  if (/^\d+$/.test(w)) return Number(w);
  return WORDS.get(w) ?? null;
}

// Writing.

/** English words for a whole number 0 ≤ n < 1,000,000 (British "and"): 111 → "one hundred and eleven". */
export function numberToWords(n: number): string {
  if (!Number.isInteger(n) || n < 0 || n >= 1_000_000)
    throw new RangeError(`numberToWords: ${n} is not a whole number from 0 to 999,999`);
  if (n < 20) return UNITS[n]!;
  if (n < 100) return TENS[Math.floor(n / 10)]! + (n % 10 ? `-${UNITS[n % 10]}` : "");
  if (n < 1000) {
    const rest = n % 100;
    return `${UNITS[Math.floor(n / 100)]} hundred${rest ? ` and ${numberToWords(rest)}` : ""}`;
  }
  const rest = n % 1000;
  const thousands = `${numberToWords(Math.floor(n / 1000))} thousand`;
  if (!rest) return thousands;
  return `${thousands}${rest < 100 ? " and " : " "}${numberToWords(rest)}`;
}

/** Figures as the report prints them: 7 → "07", 70 → "70", 15497 → "15,497". */
export function figure(n: number): string {
  if (Number.isInteger(n) && n >= 0 && n < 10) return `0${n}`;
  return formatThousands(n);
}

// One formatter for the process: `toLocaleString` with options builds a new one on every call (about 30 µs against
// under 1 µs here), and the briefing and the site's pages format many thousands of figures.
const THOUSANDS = new Intl.NumberFormat("en-GB", { maximumFractionDigits: 2 });

/** 15497 → "15,497", 2.345 → "2.35" (en-GB grouping, at most two decimals). */
export function formatThousands(n: number): string {
  return THOUSANDS.format(n);
}

/** "seventy (70)"; capitalised at the start of a sentence: "Seventy (70)". Negative numbers are written as their size. */
export function countPhrase(n: number, options: { capitalize?: boolean } = {}): string {
  const size = Math.abs(n);
  const words = numberToWords(size);
  return `${options.capitalize ? capitalize(words) : words} (${figure(size)})`;
}

export function capitalize(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}

/** A share as a percentage with one decimal: 0.0693 → "6.9%". */
export function percent(share: number): string {
  return `${(share * 100).toFixed(1)}%`;
}

// Prose: the style of the briefing's sentences, the analyst's source and the site.

/**
 * A count in running text: words from one to nine, digits from 10 ("seven", "59", "1,024"); zero is "no"
 * (it precedes a noun: "no States Parties"). At the start of a sentence (capitalize) a count is always in
 * words, since a sentence never opens with a digit: "Seventy States Parties …". Negative numbers are
 * written as their size (the sentence says up or down).
 */
export function proseNumber(n: number, options: { capitalize?: boolean; words?: boolean } = {}): string {
  const size = Math.abs(n);
  if (!Number.isInteger(size) || size >= 1_000_000) return formatThousands(size);
  const words = size === 0 ? "no" : numberToWords(size);
  if (options.capitalize) return capitalize(words);
  if (options.words || size < 10) return words;
  return formatThousands(size);
}

/**
 * A count with its noun, in the right number: "one indicator", "12 indicators", "no indicators";
 * the plural defaults to the singular plus "s".
 */
export function countNoun(
  n: number,
  singular: string,
  plural = `${singular}s`,
  options: { capitalize?: boolean } = {},
): string {
  return `${proseNumber(n, options)} ${Math.abs(n) === 1 ? singular : plural}`;
}
