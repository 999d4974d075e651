import { EMPTY_MEETING, type MeetingDetails } from '@plenary/schema';
import { summaryHeading } from '@plenary/templates';

/**
 * A summary being set up in the new-summary dialog, before it exists on the server: title,
 * template, and the meeting details and sessions typed up front or found in a concept note.
 */
export interface DraftSession {
  /** Keeps React's rows stable while sessions are added, moved and removed. */
  readonly key: string;
  readonly title: string;
  readonly day: number | null;
  readonly facilitator: string;
  readonly description: string;
  readonly guidingQuestions: readonly string[];
  /** How the concept note headed it ("Panel III", "Breakout session 1"), for checking. */
  readonly label?: string;
}

export interface SummaryDraft {
  readonly title: string;
  readonly template: string;
  readonly meeting: MeetingDetails;
  readonly sessions: readonly DraftSession[];
}

/** The body of `POST /api/documents`. */
export interface CreateSummaryRequest {
  title: string;
  template: string;
  meeting?: Partial<MeetingDetails>;
  sessions?: Array<{
    title: string;
    day?: number;
    facilitator?: string;
    description?: string;
    guidingQuestions?: string[];
  }>;
}

let keys = 0;

export function draftSession(fields: Partial<Omit<DraftSession, 'key'>> = {}): DraftSession {
  return {
    key: `draft-${++keys}`,
    title: '',
    day: null,
    facilitator: '',
    description: '',
    guidingQuestions: [],
    ...fields,
  };
}

export function emptyDraft(template = 'chairs-summary'): SummaryDraft {
  return { title: '', template, meeting: { ...EMPTY_MEETING }, sessions: [] };
}

/** "Co-Chairs’ Summary: Preparatory Meeting on …" from the meeting, or '' without a meeting title. */
export function suggestedTitle(meeting: Pick<MeetingDetails, 'title' | 'coHosts'>): string {
  const title = meeting.title.trim();
  return title
    ? `${summaryHeading({ coHosts: meeting.coHosts.filter((name) => name.trim()) })}: ${title}`
    : '';
}

const hasContent = (session: DraftSession) =>
  Boolean(
    session.title.trim() ||
      session.facilitator.trim() ||
      session.description.trim() ||
      session.guidingQuestions.some((q) => q.trim()),
  );

/** What stops the draft from being created, in words for the person (empty when nothing does). */
export function draftProblems(draft: SummaryDraft): string[] {
  return draft.sessions.flatMap((session, index) =>
    hasContent(session) && !session.title.trim()
      ? [`Session ${index + 1} has no title: give it one, or remove it.`]
      : [],
  );
}

function trimmed(meeting: MeetingDetails): Partial<MeetingDetails> {
  const result: Partial<MeetingDetails> = {};
  for (const field of [
    'title',
    'theme',
    'ministerial',
    'dates',
    'venue',
    'format',
    'participants',
  ] as const) {
    const value = meeting[field].trim();
    if (value) result[field] = value;
  }
  for (const field of ['coHosts', 'chairs'] as const) {
    const list = meeting[field].map((item) => item.trim()).filter(Boolean);
    if (list.length) result[field] = list;
  }
  return result;
}

/**
 * The request that creates the summary: fields trimmed, empty ones left out, blank sessions
 * (an "Add session" never filled in) dropped. The title falls back to the suggested one.
 */
export function toCreateRequest(draft: SummaryDraft): CreateSummaryRequest {
  const meeting = trimmed(draft.meeting);
  const sessions = draft.sessions.filter(hasContent).map((session) => ({
    title: session.title.trim(),
    ...(session.day !== null && { day: session.day }),
    ...(session.facilitator.trim() && { facilitator: session.facilitator.trim() }),
    ...(session.description.trim() && { description: session.description.trim() }),
    ...(session.guidingQuestions.some((q) => q.trim()) && {
      guidingQuestions: session.guidingQuestions.map((q) => q.trim()).filter(Boolean),
    }),
  }));
  return {
    title: draft.title.trim() || suggestedTitle(draft.meeting) || 'Untitled summary',
    template: draft.template,
    ...(Object.keys(meeting).length > 0 && { meeting }),
    ...(sessions.length > 0 && { sessions }),
  };
}
