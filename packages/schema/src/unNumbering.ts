/**
 * Labels of UN editorial practice: headings I. / A. / 1. / (a) by depth, subparagraphs (a) / (i)
 * and, in documents without paragraph numbers, ordinary lists 1. / (a) / (i). Pure functions, so
 * the PDF (which prints these labels) and the Word file (which lets Word count with the same
 * patterns) cannot disagree.
 */

const ROMAN: Array<[number, string]> = [
  [1000, 'm'],
  [900, 'cm'],
  [500, 'd'],
  [400, 'cd'],
  [100, 'c'],
  [90, 'xc'],
  [50, 'l'],
  [40, 'xl'],
  [10, 'x'],
  [9, 'ix'],
  [5, 'v'],
  [4, 'iv'],
  [1, 'i'],
];

/** 1 → "i", 14 → "xiv". */
export function toRoman(n: number): string {
  if (!Number.isInteger(n) || n < 1) throw new RangeError(`no roman numeral for ${n}`);
  let rest = n;
  let out = '';
  for (const [value, digits] of ROMAN) {
    while (rest >= value) {
      out += digits;
      rest -= value;
    }
  }
  return out;
}

/** 1 → "a", 26 → "z", 27 → "aa" (as Word and Typst count letters). */
export function toLetters(n: number): string {
  if (!Number.isInteger(n) || n < 1) throw new RangeError(`no letter for ${n}`);
  let rest = n;
  let out = '';
  while (rest > 0) {
    rest -= 1;
    out = String.fromCharCode(97 + (rest % 26)) + out;
    rest = Math.floor(rest / 26);
  }
  return out;
}

/**
 * A counting pattern, written the way Typst writes it ("(a)", "I."): one counting symbol
 * (1, a, A, i, I) with a literal prefix and suffix.
 */
export type Pattern = '1.' | '(a)' | '(i)' | 'a.' | 'i.' | 'I.' | 'A.';

/** Formats `n` with a pattern: format(3, "(a)") → "(c)". */
export function formatNumber(n: number, pattern: Pattern): string {
  switch (pattern) {
    case '1.':
      return `${n}.`;
    case '(a)':
      return `(${toLetters(n)})`;
    case '(i)':
      return `(${toRoman(n)})`;
    case 'a.':
      return `${toLetters(n)}.`;
    case 'i.':
      return `${toRoman(n)}.`;
    case 'I.':
      return `${toRoman(n).toUpperCase()}.`;
    case 'A.':
      return `${toLetters(n).toUpperCase()}.`;
  }
}

/** Heading patterns by depth (rank 0 is the top level): I. / A. / 1. / (a). */
export const HEADING_PATTERNS: readonly Pattern[] = ['I.', 'A.', '1.', '(a)'];

/** Subparagraphs of a numbered paragraph, by nesting depth: (a) / (i) / a. / i. */
export const SUBPARAGRAPH_PATTERNS: readonly Pattern[] = ['(a)', '(i)', 'a.', 'i.'];

/** Ordered lists of a document without paragraph numbers: 1. / (a) / (i) / a. */
export const PLAIN_LIST_PATTERNS: readonly Pattern[] = ['1.', '(a)', '(i)', 'a.'];

/** Bullets by nesting depth. */
export const BULLETS: readonly string[] = ['•', '–', '◦', '▪'];

/** The pattern at a depth, the deepest one repeating past the end of the list. */
export function patternAt(patterns: readonly Pattern[], depth: number): Pattern {
  return patterns[Math.min(depth, patterns.length - 1)]!;
}

/**
 * Heading counters: numbering a heading of rank r increments counter r and resets the deeper
 * ones, as Word's multilevel lists and UN documents do (a new chapter restarts A., B. ...).
 */
export class HeadingCounter {
  private readonly counts = [0, 0, 0, 0];

  next(rank: number): string {
    const r = Math.max(0, Math.min(rank, this.counts.length - 1));
    this.counts[r]! += 1;
    for (let deeper = r + 1; deeper < this.counts.length; deeper++) this.counts[deeper] = 0;
    return formatNumber(this.counts[r]!, patternAt(HEADING_PATTERNS, r));
  }
}
