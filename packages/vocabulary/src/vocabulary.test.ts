import { describe, expect, it } from 'vitest';
import { defaultVocabulary, validateVocabularyEdit } from './vocabulary.ts';

describe('vocabulary', () => {
  it('starts from the default lists', () => {
    const v = defaultVocabulary();
    expect(v.themes.map((t) => t.id)).toContain('medical');
    expect(v.addressees.map((t) => t.id)).toContain('tpccs');
    expect(v.statuses.map((t) => t.id)).toEqual(['proposed', 'agreed', 'withdrawn']);
  });

  it('accepts a rename, an addition and a retirement, and keeps ids', () => {
    const current = defaultVocabulary();
    const next = structuredClone(current);
    next.themes[0]!.label = 'Safety and security';
    next.themes.push({ id: 'gender-parity', label: 'Gender parity' });
    next.addressees[0]!.retired = true;
    const result = validateVocabularyEdit(current, next);
    expect(result.version).toBe(current.version + 1);
    expect(result.themes[0]).toEqual({ id: current.themes[0]!.id, label: 'Safety and security' });
    expect(result.addressees[0]!.retired).toBe(true);
  });

  it('refuses removing a term, duplicate ids and malformed terms', () => {
    const current = defaultVocabulary();
    const removed = { ...current, themes: current.themes.slice(1) };
    expect(() => validateVocabularyEdit(current, removed)).toThrow(/cannot be removed: mark it retired/);
    const dup = structuredClone(current);
    dup.themes.push({ ...dup.themes[0]! });
    expect(() => validateVocabularyEdit(current, dup)).toThrow(/twice/);
    const bad = structuredClone(current);
    bad.statuses.push({ id: 'Bad Id', label: 'x' });
    expect(() => validateVocabularyEdit(current, bad)).toThrow(/lower-case/);
  });
});
