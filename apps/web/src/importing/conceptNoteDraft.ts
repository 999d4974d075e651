import type { ConceptNoteExtraction, MeetingFormat } from '@plenary/import';
import { EMPTY_MEETING } from '@plenary/schema';
import { draftSession, suggestedTitle, type SummaryDraft } from '../templates/summaryDraft.ts';

const FORMATS: Record<MeetingFormat, string> = {
  'in-person': 'In person',
  virtual: 'Virtual',
  hybrid: 'Hybrid',
};

/**
 * What the concept note gave, as a draft for the person to check: a chair's summary with the
 * meeting details and one session per session found, in the note's order. A virtual meeting
 * with no venue gets "virtual" as its venue, as the meeting details keep it.
 */
export function draftFromConceptNote(extraction: ConceptNoteExtraction): SummaryDraft {
  const { meeting } = extraction;
  const format = meeting.format ? FORMATS[meeting.format] : '';
  const draftMeeting = {
    ...EMPTY_MEETING,
    title: meeting.title ?? '',
    theme: meeting.theme ?? '',
    coHosts: [...meeting.coHosts],
    dates: meeting.dates ?? '',
    venue: meeting.venue ?? (meeting.format === 'virtual' ? 'virtual' : ''),
    format,
  };
  return {
    title: suggestedTitle(draftMeeting),
    template: 'chairs-summary',
    meeting: draftMeeting,
    sessions: extraction.sessions.map((session) =>
      draftSession({
        title: session.title,
        day: session.day ?? null,
        description: session.description,
        guidingQuestions: [...session.guidingQuestions],
        label: session.label,
      }),
    ),
  };
}

/** Checks the shape of the server's answer, so a surprise shows as an error, not a crash later. */
export function isExtraction(value: unknown): value is ConceptNoteExtraction {
  if (typeof value !== 'object' || value === null) return false;
  const { meeting, sessions, warnings } = value as Record<string, unknown>;
  return (
    typeof meeting === 'object' &&
    meeting !== null &&
    Array.isArray((meeting as Record<string, unknown>).coHosts) &&
    Array.isArray(sessions) &&
    sessions.every(
      (s) => typeof s === 'object' && s !== null && typeof (s as Record<string, unknown>).title === 'string',
    ) &&
    Array.isArray(warnings)
  );
}
