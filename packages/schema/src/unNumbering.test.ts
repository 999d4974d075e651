import { describe, expect, it } from 'vitest';
import { HeadingCounter, formatNumber, toLetters, toRoman } from './unNumbering.ts';

describe('UN numbering', () => {
  it('counts in roman numerals and letters as Word and Typst do', () => {
    expect([1, 4, 9, 14, 40, 1999].map(toRoman)).toEqual(['i', 'iv', 'ix', 'xiv', 'xl', 'mcmxcix']);
    expect([1, 26, 27, 52, 53].map(toLetters)).toEqual(['a', 'z', 'aa', 'az', 'ba']);
    expect(() => toRoman(0)).toThrow(RangeError);
    expect([
      formatNumber(3, '(a)'),
      formatNumber(3, '(i)'),
      formatNumber(3, 'I.'),
      formatNumber(3, 'A.'),
    ]).toEqual(['(c)', '(iii)', 'III.', 'C.']);
  });

  it('restarts deeper heading counters under a new chapter', () => {
    const c = new HeadingCounter();
    expect([c.next(0), c.next(1), c.next(1), c.next(2), c.next(0), c.next(1), c.next(3)]).toEqual([
      'I.',
      'A.',
      'B.',
      '1.',
      'II.',
      'A.',
      '(a)',
    ]);
  });
});
