import { describe, expect, it } from 'vitest';
import { draftProblems, draftSession, emptyDraft, suggestedTitle, toCreateRequest } from './summaryDraft.ts';

describe('toCreateRequest', () => {
  it('trims, leaves out empty fields and drops sessions never filled in', () => {
    const draft = {
      ...emptyDraft(),
      title: '  Co-Chairs’ Summary  ',
      meeting: { ...emptyDraft().meeting, title: ' Preparatory Meeting ', coHosts: ['Ghana', ' ', 'Japan '] },
      sessions: [
        draftSession({ title: ' Opening ', day: 1 }),
        draftSession(),
        draftSession({ title: 'Medical support', guidingQuestions: ['How?', ''] }),
      ],
    };
    expect(toCreateRequest(draft)).toEqual({
      title: 'Co-Chairs’ Summary',
      template: 'chairs-summary',
      meeting: { title: 'Preparatory Meeting', coHosts: ['Ghana', 'Japan'] },
      sessions: [
        { title: 'Opening', day: 1 },
        { title: 'Medical support', guidingQuestions: ['How?'] },
      ],
    });
  });

  it('falls back to a title from the meeting, then to "Untitled summary"', () => {
    const meeting = { ...emptyDraft().meeting, title: 'Seminar on Training', coHosts: ['Norway'] };
    expect(toCreateRequest({ ...emptyDraft('summary-report'), meeting }).title).toBe(
      'Chair’s Summary: Seminar on Training',
    );
    expect(toCreateRequest(emptyDraft('blank'))).toEqual({ title: 'Untitled summary', template: 'blank' });
  });
});

describe('suggestedTitle', () => {
  it('says Co-Chairs’ when there are several co-hosts', () => {
    expect(suggestedTitle({ title: 'Preparatory Meeting', coHosts: ['Pakistan', 'Republic of Korea'] })).toBe(
      'Co-Chairs’ Summary: Preparatory Meeting',
    );
    expect(suggestedTitle({ title: ' ', coHosts: [] })).toBe('');
  });
});

describe('draftProblems', () => {
  it('names a session with content but no title', () => {
    const draft = {
      ...emptyDraft(),
      sessions: [draftSession({ title: 'A' }), draftSession({ description: 'About B' }), draftSession()],
    };
    expect(draftProblems(draft)).toEqual(['Session 2 has no title: give it one, or remove it.']);
  });
});
