import { describe, expect, it } from 'vitest';
import type { RecommendationEntry } from '@plenary/schema';
import {
  activeFilterCount,
  matchesFilters,
  nextUntagged,
  NO_FILTERS,
  NO_SESSION,
  themeCounts,
} from './panelFilters.ts';
import { testVocabulary } from './testing/vocabularyFixture.ts';

function entry(number: number, patch: Partial<RecommendationEntry> = {}): RecommendationEntry {
  return {
    id: `r${number}`,
    number,
    text: `Recommendation ${number}`,
    themes: [],
    addressees: [],
    priority: null,
    status: 'proposed',
    note: '',
    sessionId: null,
    sessionTitle: null,
    ...patch,
  };
}

const entries = [
  entry(1, { themes: ['medical'], addressees: ['tpccs'], sessionId: 's1', status: 'agreed' }),
  entry(2),
  entry(3, { themes: ['medical', 'training'], sessionId: 's2' }),
  entry(4, { priority: 'capabilities-mindsets' }),
  entry(5, { themes: ['old-theme'] }),
  entry(6, { note: 'a note is not a tag' }),
];

const ids = (filters: Partial<typeof NO_FILTERS>) =>
  entries.filter((e) => matchesFilters(e, { ...NO_FILTERS, ...filters })).map((e) => e.number);

describe('matchesFilters', () => {
  it('filters by theme, addressee, session, status and untagged, all together', () => {
    expect(ids({})).toEqual([1, 2, 3, 4, 5, 6]);
    expect(ids({ theme: 'medical' })).toEqual([1, 3]);
    expect(ids({ theme: 'medical', addressee: 'tpccs' })).toEqual([1]);
    expect(ids({ session: 's2' })).toEqual([3]);
    expect(ids({ session: NO_SESSION })).toEqual([2, 4, 5, 6]);
    expect(ids({ status: 'agreed' })).toEqual([1]);
    expect(ids({ untaggedOnly: true })).toEqual([2, 6]);
  });

  it('counts the filters in use', () => {
    expect(activeFilterCount(NO_FILTERS)).toBe(0);
    expect(activeFilterCount({ ...NO_FILTERS, theme: 'medical', untaggedOnly: true })).toBe(2);
  });
});

describe('themeCounts', () => {
  it('counts each theme, most used first, retired ones marked', () => {
    expect(themeCounts(entries, testVocabulary).map((t) => [t.id, t.count, t.retired])).toEqual([
      ['medical', 2, false],
      ['training', 1, false],
      ['old-theme', 1, true],
    ]);
  });
});

describe('nextUntagged', () => {
  it('finds the next untagged after the current one, wrapping around', () => {
    expect(nextUntagged(entries, 0)?.number).toBe(2);
    expect(nextUntagged(entries, 2)?.number).toBe(6);
    expect(nextUntagged(entries, 6)?.number).toBe(2);
    expect(nextUntagged([entry(1, { themes: ['medical'] })], 0)).toBeNull();
  });
});
