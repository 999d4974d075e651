import { describe, expect, it } from 'vitest';
import { filterTerms, foldForSearch } from './termFilter.ts';

const terms = [
  { id: 'medical', label: 'Medical support and capacity' },
  { id: 'tpccs', label: 'Troop- and police-contributing countries (T/PCCs)' },
  { id: 'civ', label: "Côte d'Ivoire and São Tomé" },
  { id: 'technology', label: 'Technology and digital transformation' },
];

describe('filterTerms', () => {
  it('matches the start of words of the label, every typed word', () => {
    expect(filterTerms(terms, 'med sup').map((t) => t.id)).toEqual(['medical']);
    expect(filterTerms(terms, 'cal')).toEqual([]);
    expect(filterTerms(terms, 'police').map((t) => t.id)).toEqual(['tpccs']);
  });

  it('ignores case and accents', () => {
    expect(filterTerms(terms, 'COTE sao').map((t) => t.id)).toEqual(['civ']);
    expect(foldForSearch('Türkiye')).toBe('turkiye');
  });

  it('finds a term by its id, and everything for an empty query', () => {
    expect(filterTerms(terms, 'tpcc').map((t) => t.id)).toEqual(['tpccs']);
    expect(filterTerms(terms, '  ')).toHaveLength(4);
  });
});
