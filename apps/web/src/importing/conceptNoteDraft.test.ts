import { describe, expect, it } from 'vitest';
import { extractConceptNote } from '@plenary/import';
import { toCreateRequest } from '../templates/summaryDraft.ts';
import { draftFromConceptNote, isExtraction } from './conceptNoteDraft.ts';

// A fictional concept note in the usual layout.
const note = `Preparatory Meeting on Medical Readiness for the 2027 UN Peacekeeping Ministerial
Co-hosted by Ghana and Japan
3-4 March 2027, Accra

Format of the Meeting
The meeting will be held virtually, in three panel discussions.

Day 1
Session 1: Casualty evacuation in remote areas

How quickly do wounded peacekeepers reach surgical care?

Session 2: Field hospitals

Minimum standards and staffing.

Day 2
Session 3: Training partnerships

Mobile training teams for medical personnel.
`;

describe('draftFromConceptNote', () => {
  it('turns what the concept note gave into a chair’s summary draft to check', () => {
    const extraction = extractConceptNote(note);
    expect(isExtraction(extraction)).toBe(true);
    const draft = draftFromConceptNote(extraction);
    expect(draft.template).toBe('chairs-summary');
    expect(draft.meeting.coHosts).toEqual(extraction.meeting.coHosts);
    expect(draft.meeting.dates).toBe(extraction.meeting.dates ?? '');
    expect(draft.sessions.map((s) => [s.title, s.day])).toEqual(
      extraction.sessions.map((s) => [s.title, s.day ?? null]),
    );
    expect(draft.sessions.map((s) => s.title)).toEqual([
      'Casualty evacuation in remote areas',
      'Field hospitals',
      'Training partnerships',
    ]);
    expect(draft.sessions[0]!.label).toBe('Session 1');

    const request = toCreateRequest(draft);
    expect(request.sessions).toHaveLength(3);
    expect(request.title).toMatch(/Summary: /);
  });

  it('gives a virtual meeting without a venue the venue "virtual"', () => {
    const draft = draftFromConceptNote({
      meeting: { title: 'Seminar', theme: null, coHosts: [], dates: null, venue: null, format: 'virtual' },
      sessions: [{ number: 1, label: 'Panel I', title: 'Opening', description: '', guidingQuestions: [] }],
      warnings: [],
    });
    expect(draft.meeting.venue).toBe('virtual');
    expect(draft.meeting.format).toBe('Virtual');
  });

  it('refuses an answer of the wrong shape', () => {
    expect(isExtraction({ meeting: {}, sessions: [] })).toBe(false);
    expect(isExtraction(null)).toBe(false);
  });
});
