import { describe, expect, it } from 'vitest';
import { STATE_NAMES_WITH_AND, foldForMatching, stateName } from './memberStates.ts';

describe('stateName', () => {
  it('gives the short name for a formal or former name', () => {
    expect(stateName('the Islamic Republic of Pakistan')).toBe('Pakistan');
    expect(stateName('Republic of Türkiye')).toBe('Türkiye');
    expect(stateName('Turkey')).toBe('Türkiye');
    expect(stateName('the Federal Democratic Republic of Nepal')).toBe('Nepal');
    expect(stateName('the Oriental Republic of Uruguay')).toBe('Uruguay');
  });

  it('keeps a short name as written, accents and all, without "the"', () => {
    expect(stateName('the Republic of Korea')).toBe('Republic of Korea');
    expect(stateName('São Tomé and Príncipe')).toBe('São Tomé and Príncipe');
    expect(stateName('Sao Tome and Principe')).toBe('Sao Tome and Principe');
    expect(stateName('the Netherlands')).toBe('Netherlands');
  });

  it('matches whatever the apostrophe and accents', () => {
    expect(stateName('the Republic of Cote d’Ivoire')).toBe("Côte d'Ivoire");
  });

  it('does not confuse the two Koreas or know fictional States', () => {
    expect(stateName("Democratic People's Republic of Korea")).toBe("Democratic People's Republic of Korea");
    expect(stateName('Republic of Freedonia')).toBeUndefined();
  });
});

describe('foldForMatching', () => {
  it('keeps one character per UTF-16 unit, so offsets carry over to the text', () => {
    const text = 'Côte d’Ivoire and İstanbul 😀';
    expect(foldForMatching(text)).toHaveLength(text.length);
    expect(foldForMatching('Côte d’Ivoire')).toBe("cote d'ivoire");
  });
});

describe('STATE_NAMES_WITH_AND', () => {
  it('lists the names a list of co-hosts must not be split inside', () => {
    expect(STATE_NAMES_WITH_AND).toContain('trinidad and tobago');
    expect(STATE_NAMES_WITH_AND).toContain('sao tome and principe');
    expect(STATE_NAMES_WITH_AND).not.toContain('pakistan');
  });
});
