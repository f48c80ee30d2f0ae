/**
 * Numbers the way the CCM progress report writes them: "Seventy (70) States Parties", "Seven (07) States
 * Parties", "One hundred and eleven (111)". Words first, figures in brackets, single digits padded to two.
 */
const ONES = ["zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen", "nineteen"];
const TENS = ["", "", "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"];

/** English words for a whole number 0 ≤ n < 1,000,000 (British "and"): 111 → "one hundred and eleven". */
export function numberToWords(n: number): string {
  if (!Number.isInteger(n) || n < 0 || n >= 1_000_000) throw new RangeError(`numberToWords: ${n} is not a whole number from 0 to 999,999`);
  if (n < 20) return ONES[n]!;
  if (n < 100) return TENS[Math.floor(n / 10)]! + (n % 10 ? `-${ONES[n % 10]}` : "");
  if (n < 1000) {
    const rest = n % 100;
    return `${ONES[Math.floor(n / 100)]} hundred${rest ? ` and ${numberToWords(rest)}` : ""}`;
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

export function formatThousands(n: number): string {
  return n.toLocaleString("en-GB", { maximumFractionDigits: 2 });
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
