/**
 * The counting patterns of UN editorial practice, as packages/export/src/numbering.ts defines
 * them for the PDF and Word files. Mirrored here (the export package is Node-side) so that the
 * editor shows the labels the printed document will carry; numbering.test.ts pins both to the
 * same examples.
 */
export type Pattern = '1.' | '(a)' | '(i)' | 'a.' | 'i.' | 'I.' | 'A.';

const ROMAN: Array<[number, string]> = [
  [1000, 'm'], [900, 'cm'], [500, 'd'], [400, 'cd'], [100, 'c'], [90, 'xc'],
  [50, 'l'], [40, 'xl'], [10, 'x'], [9, 'ix'], [5, 'v'], [4, 'iv'], [1, 'i'],
];

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

export const HEADING_PATTERNS: readonly Pattern[] = ['I.', 'A.', '1.', '(a)'];
export const SUBPARAGRAPH_PATTERNS: readonly Pattern[] = ['(a)', '(i)', 'a.', 'i.'];
export const PLAIN_LIST_PATTERNS: readonly Pattern[] = ['1.', '(a)', '(i)', 'a.'];

export function patternAt(patterns: readonly Pattern[], depth: number): Pattern {
  return patterns[Math.min(depth, patterns.length - 1)]!;
}

/** Numbering a heading of rank r increments counter r and restarts the deeper ones. */
export class HeadingCounter {
  private readonly counts = [0, 0, 0, 0];

  next(rank: number): string {
    const r = Math.max(0, Math.min(rank, this.counts.length - 1));
    this.counts[r]! += 1;
    for (let deeper = r + 1; deeper < this.counts.length; deeper++) this.counts[deeper] = 0;
    return formatNumber(this.counts[r]!, patternAt(HEADING_PATTERNS, r));
  }
}
