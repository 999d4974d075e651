import { describe, expect, it } from 'vitest';
import { parseNumberWord, parseRoman, parseSessionNumber } from './romanNumerals.ts';

describe('parseRoman', () => {
  it('reads canonical upper-case numerals', () => {
    expect([
      parseRoman('I'),
      parseRoman('IV'),
      parseRoman('IX'),
      parseRoman('XIV'),
      parseRoman('XL'),
    ]).toEqual([1, 4, 9, 14, 40]);
  });

  it('refuses lower case, non-canonical forms and words', () => {
    expect(parseRoman('iv')).toBeUndefined();
    expect(parseRoman('IIII')).toBeUndefined();
    expect(parseRoman('VX')).toBeUndefined();
    expect(parseRoman('')).toBeUndefined();
    expect(parseRoman('CIVIL')).toBeUndefined();
  });
});

describe('parseSessionNumber', () => {
  it('accepts digits, roman numerals, cardinal and ordinal words', () => {
    expect(parseSessionNumber('2')).toBe(2);
    expect(parseSessionNumber('12')).toBe(12);
    expect(parseSessionNumber('III')).toBe(3);
    expect(parseSessionNumber('Two')).toBe(2);
    expect(parseNumberWord('third')).toBe(3);
  });

  it('refuses zero and words that are not numbers', () => {
    expect(parseSessionNumber('0')).toBeUndefined();
    expect(parseSessionNumber('Overview')).toBeUndefined();
  });
});
