import { describe, expect, it } from 'vitest';
import { testVocabulary } from '../testing/vocabularyFixture.ts';
import {
  addTerm,
  countChanges,
  draftProblem,
  idFromLabel,
  idProblem,
  labelProblem,
  renameTerm,
  setRetired,
} from './vocabularyEdit.ts';

describe('idFromLabel', () => {
  it('makes an id the server accepts, unique in its list', () => {
    expect(idFromLabel('Women, peace & security', new Set())).toBe('women-peace-security');
    expect(idFromLabel('Sécurité des Casques bleus', new Set())).toBe('securite-des-casques-bleus');
    expect(idFromLabel('Medical', new Set(['medical', 'medical-2']))).toBe('medical-3');
    expect(idFromLabel('— ? —', new Set())).toBe('term');
  });
});

describe('labelProblem and idProblem', () => {
  it('refuses empty and duplicate labels, pointing at a retired twin', () => {
    expect(labelProblem(testVocabulary.themes, '  ')).toMatch(/label/);
    expect(labelProblem(testVocabulary.themes, 'medical SUPPORT and capacity')).toMatch(/already/);
    expect(labelProblem(testVocabulary.themes, 'Capacity gaps')).toMatch(/restore it/);
    expect(labelProblem(testVocabulary.themes, 'Medical support and capacity', 'medical')).toBeNull();
  });

  it('refuses ids the server would refuse, and taken ones', () => {
    expect(idProblem(testVocabulary.themes, 'Medical')).toMatch(/lower-case/);
    expect(idProblem(testVocabulary.themes, 'old-theme')).toMatch(/taken/);
    expect(idProblem(testVocabulary.themes, 'climate')).toBeNull();
  });
});

describe('editing', () => {
  it('adds, renames, retires and restores, counting the changes against the saved lists', () => {
    let draft = addTerm(testVocabulary, 'themes', { id: 'climate', label: ' Climate, peace and security ' });
    draft = renameTerm(draft, 'addressees', 'member-states', 'All Member States');
    draft = setRetired(draft, 'themes', 'training', true);
    draft = setRetired(draft, 'themes', 'old-theme', false);
    expect(draft.themes.map((t) => [t.id, t.label, t.retired ?? false])).toEqual([
      ['medical', 'Medical support and capacity', false],
      ['training', 'Training and capacity building', true],
      ['old-theme', 'Capacity gaps', false],
      ['climate', 'Climate, peace and security', false],
    ]);
    expect(countChanges(testVocabulary, draft)).toBe(4);
    expect(countChanges(testVocabulary, setRetired(draft, 'themes', 'training', false))).toBe(3);
  });

  it('finds the first label the server would refuse', () => {
    const draft = renameTerm(testVocabulary, 'statuses', 'agreed', 'Proposed');
    expect(draftProblem(draft)).toMatchObject({ list: 'statuses' });
    expect(draftProblem(testVocabulary)).toBeNull();
  });
});
