import { describe, expect, it } from 'vitest';
import { isVirtualVenue, joinNames, sessionLabel, speakerLine } from './format.ts';

describe('joinNames', () => {
  it('lists co-hosts as a sentence does', () => {
    expect(joinNames([])).toBe('');
    expect(joinNames(['Pakistan'])).toBe('Pakistan');
    expect(joinNames(['Pakistan', 'the Republic of Korea'])).toBe('Pakistan and the Republic of Korea');
    expect(joinNames(['Ghana', ' ', 'Japan', 'Norway'])).toBe('Ghana, Japan and Norway');
  });
});

describe('sessionLabel', () => {
  it('numbers the session and adds its title when it has one', () => {
    expect(sessionLabel(2, ' Medical support ')).toBe('Session 2 – Medical support');
    expect(sessionLabel(3, '')).toBe('Session 3');
  });
});

describe('speakerLine', () => {
  it('joins name and affiliation, or shows whichever is known', () => {
    expect(speakerLine({ name: 'Dr. A. Diallo', affiliation: 'WHO' })).toBe('Dr. A. Diallo, WHO');
    expect(speakerLine({ name: '', affiliation: 'WHO' })).toBe('WHO');
  });
});

describe('isVirtualVenue', () => {
  it('recognises a meeting held online', () => {
    expect(isVirtualVenue('virtual')).toBe(true);
    expect(isVirtualVenue(' Online ')).toBe(true);
    expect(isVirtualVenue('Islamabad')).toBe(false);
  });
});
