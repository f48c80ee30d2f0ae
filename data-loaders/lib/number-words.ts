/**
 * English number words as the progress report writes them ("Seventy", "twenty-four", "forty-six",
 * "one", digits such as "111", and the summary's "(07)" echo). Up to ninety-nine: the report's
 * State counts stop at seventy, and larger figures are written in digits.
 */
const UNITS = ["zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen", "nineteen"];
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
 * Regular-expression source matching one number word or up to three digits (no capture groups).
 * Four digits in the prose are years ("2024 annual reports"), never counts of States.
 */
export const NUMBER_SOURCE = `(?:\\d{1,3}|(?:${TENS.filter(Boolean).join("|")})(?:[-\\u2010\\u2011 ](?:${UNITS.slice(1, 10).join("|")}))?|${UNITS.slice(0, 20).reverse().join("|")}|no)`;

/** The value of a number word or digit string, or null when it is not one. */
export function parseNumberWord(word: string): number | null {
  const w = word.trim().toLowerCase().replace(/[\u2010\u2011]/g, "-");
  if (/^\d+$/.test(w)) return Number(w);
  return WORDS.get(w) ?? null;
}
