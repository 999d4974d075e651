import { describe, expect, it } from 'vitest';
import { offeredTerms, parseVocabulary, shortLabel, termLabel } from './vocabulary.ts';
import { testVocabulary } from './testing/vocabularyFixture.ts';

describe('shortLabel', () => {
  it('uses the abbreviation a label ends with, when it is one', () => {
    expect(shortLabel('Troop- and police-contributing countries (T/PCCs)')).toBe('T/PCCs');
    expect(shortLabel('UN Secretariat (DPO, DOS)')).toBe('UN Secretariat (DPO, DOS)');
    expect(shortLabel('Member States')).toBe('Member States');
  });
});

describe('termLabel', () => {
  it('finds the label and whether the term is retired, or falls back to the id', () => {
    expect(termLabel(testVocabulary, 'themes', 'old-theme')).toEqual({
      id: 'old-theme',
      label: 'Capacity gaps',
      retired: true,
      known: true,
    });
    expect(termLabel(null, 'themes', 'medical')).toMatchObject({ label: 'medical', known: false });
  });
});

describe('offeredTerms', () => {
  it('offers retired terms only where they are already chosen', () => {
    expect(offeredTerms(testVocabulary.themes, []).map((t) => t.id)).toEqual(['medical', 'training']);
    expect(offeredTerms(testVocabulary.themes, ['old-theme']).map((t) => t.id)).toEqual([
      'medical',
      'training',
      'old-theme',
    ]);
  });
});

describe('parseVocabulary', () => {
  it('reads what the server sends and rejects what it would never send', () => {
    expect(parseVocabulary(JSON.parse(JSON.stringify(testVocabulary)))).toEqual(testVocabulary);
    expect(() => parseVocabulary({ ...testVocabulary, statuses: undefined })).toThrow(/statuses/);
    expect(() => parseVocabulary({ ...testVocabulary, themes: [{ id: 1 }] })).toThrow(/themes/);
  });
});
