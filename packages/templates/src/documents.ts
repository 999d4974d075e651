import type { JSONContent } from '@tiptap/core';
import { EMPTY_MEETING, type MeetingDetails, type Session } from '@plenary/schema';
import { doc, h, li, ol, p, section, sessionHeading, speaker, titleBlock, ul } from './builders.ts';
import { DOCUMENT_TEMPLATES, UnknownTemplateError, isDocumentTemplateId, type DocumentTemplateId } from './registry.ts';

/** What a new document starts with: meeting details, sessions and the body. */
export interface BuiltDocument {
  templateId: DocumentTemplateId;
  meeting: MeetingDetails;
  sessions: Session[];
  body: JSONContent;
}

export interface DocumentInput {
  meeting?: Partial<MeetingDetails>;
  sessions?: Array<Partial<Session> & { title: string }>;
  /** Chair's summary: add an annex section at the end. */
  includeAnnex?: boolean;
  /** Makes session ids; the server passes a random generator. */
  newId: () => string;
}

/** "Co-Chairs' Summary" when the meeting has several co-hosts, "Chair's Summary" otherwise. */
export function summaryHeading(meeting: Pick<MeetingDetails, 'coHosts'>): string {
  return meeting.coHosts.length > 1 ? 'Co-Chairs’ Summary' : 'Chair’s Summary';
}

function completeSessions(input: DocumentInput['sessions'], newId: () => string): Session[] {
  return (input ?? []).map((s) => ({
    id: s.id || newId(),
    day: s.day ?? null,
    title: s.title,
    facilitator: s.facilitator ?? '',
    speakers: s.speakers ?? [],
    guidingQuestions: s.guidingQuestions ?? [],
    description: s.description ?? '',
  }));
}

/** The per-session findings part of one session: its data-driven heading and an empty prompt. */
export function sessionFindings(sessionId: string): JSONContent {
  return section({ kind: 'session-findings', sessionId }, sessionHeading(sessionId), p());
}

/** Builds a new document from a document template. Throws `UnknownTemplateError`. */
export function buildDocument(templateId: unknown, input: DocumentInput): BuiltDocument {
  if (!isDocumentTemplateId(templateId)) {
    throw new UnknownTemplateError(templateId, DOCUMENT_TEMPLATES.map((t) => t.id));
  }
  const meeting: MeetingDetails = { ...EMPTY_MEETING, ...input.meeting };
  const sessions = completeSessions(input.sessions, input.newId);
  let body: JSONContent;
  switch (templateId) {
    case 'chairs-summary':
      body = doc(
        titleBlock(summaryHeading(meeting)),
        section('overview', h(2, 'Overview'), p()),
        section('opening', h(2, 'Opening and keynote speeches'), p()),
        ...sessions.map((s) => sessionFindings(s.id)),
        section('conclusions', h(2, 'Conclusions'), ul(li())),
        section('recommendations', h(2, 'Recommendations'), ol(li())),
        ...(input.includeAnnex ? [section('annex', h(2, 'Annex'), p())] : []),
        // A document ending in a section gets a trailing paragraph from every editor that opens
        // it (so there is somewhere to type after it); two people opening a new summary at once
        // would add two. Seeded here, once, on the server.
        p(),
      );
      break;
    case 'summary-report':
      body = doc(
        titleBlock('Summary Report'),
        section('key-takeaways', h(2, 'Key take-aways'), ol(li())),
        ...sessions.map((s) =>
          section({ kind: 'session-findings', sessionId: s.id }, sessionHeading(s.id), speaker({}), p()),
        ),
        section('wrap-up', h(2, 'Wrap-up'), p()),
        p(),
      );
      break;
    case 'blank':
      body = doc(p());
      break;
  }
  return { templateId, meeting, sessions, body };
}
