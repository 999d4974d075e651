import { describe, expect, it } from 'vitest';
import type { RecommendationTags, Session } from '@plenary/schema';
import { chipsFor, isUntagged } from './chips.ts';
import { testVocabulary } from './testing/vocabularyFixture.ts';

const untagged: RecommendationTags = {
  themes: [],
  addressees: [],
  priority: null,
  status: 'proposed',
  sessionId: null,
  note: '',
};
const sessions: Session[] = [
  {
    id: 's1',
    day: 1,
    title: 'Opening',
    facilitator: '',
    speakers: [],
    guidingQuestions: [],
    description: '',
  },
  {
    id: 's2',
    day: 1,
    title: 'Medical capacity',
    facilitator: '',
    speakers: [],
    guidingQuestions: [],
    description: '',
  },
];

describe('chipsFor', () => {
  it('invites tagging when a recommendation has no theme, addressee or priority', () => {
    expect(chipsFor(untagged, testVocabulary, sessions).map((c) => c.kind)).toEqual(['untagged']);
  });

  it('shows themes, addressees (abbreviated), priority, a non-default status, a chosen session and a note', () => {
    const chips = chipsFor(
      {
        themes: ['medical'],
        addressees: ['tpccs'],
        priority: 'capabilities-mindsets',
        status: 'agreed',
        sessionId: 's2',
        note: 'Check with DOS',
      },
      testVocabulary,
      sessions,
    );
    expect(chips.map((c) => [c.kind, c.label])).toEqual([
      ['theme', 'Medical support and capacity'],
      ['addressee', 'T/PCCs'],
      ['priority', 'Capabilities and mindsets'],
      ['status', 'Agreed by co-hosts'],
      ['session', 'Session 2'],
      ['note', 'Note'],
    ]);
    expect(chips[1]!.title).toBe('Addressee: Troop- and police-contributing countries (T/PCCs)');
    expect(chips[4]!.title).toBe('Session 2: Medical capacity');
  });

  it('marks retired terms, and shows unknown ids as they are', () => {
    const chips = chipsFor({ ...untagged, themes: ['old-theme', 'mystery'] }, testVocabulary, sessions);
    expect(chips.map((c) => [c.label, c.retired])).toEqual([
      ['Capacity gaps', true],
      ['mystery', false],
    ]);
    expect(chips[0]!.title).toBe('Theme: Capacity gaps (retired term)');
  });

  it('works before the vocabulary has loaded', () => {
    expect(chipsFor({ ...untagged, themes: ['medical'] }, null, [])[0]!.label).toBe('medical');
  });
});

describe('isUntagged', () => {
  it('counts a status or note alone as untagged', () => {
    expect(isUntagged(untagged)).toBe(true);
    expect(isUntagged({ ...untagged, priority: 'capabilities-mindsets' })).toBe(false);
  });
});
