import type { JSONContent } from '@tiptap/core';
import { h, li, ol, p, quote, section, speaker, ul } from './builders.ts';
import { sessionFindings } from './documents.ts';
import { SECTION_TEMPLATES, UnknownTemplateError, isSectionTemplateId } from './registry.ts';

export interface SectionInput {
  /** Required by "session-findings": the session the part is about. */
  sessionId?: string;
}

/**
 * The content a section template inserts. Top-level templates return a `section` node; "quote"
 * and "speaker-contribution" return a block to insert inside the current section.
 */
export function buildSection(templateId: unknown, input: SectionInput = {}): JSONContent {
  if (!isSectionTemplateId(templateId)) {
    throw new UnknownTemplateError(templateId, SECTION_TEMPLATES.map((t) => t.id));
  }
  switch (templateId) {
    case 'session-findings':
      if (!input.sessionId) throw new RangeError('the "session-findings" template needs a sessionId');
      return sessionFindings(input.sessionId);
    case 'conclusions':
      return section('conclusions', h(2, 'Conclusions'), ul(li()));
    case 'recommendations':
      return section('recommendations', h(2, 'Recommendations'), ol(li()));
    case 'key-takeaways':
      return section('key-takeaways', h(2, 'Key take-aways'), ol(li()));
    case 'annex':
      return section('annex', h(2, 'Annex'), p());
    case 'quote':
      return quote('');
    case 'speaker-contribution':
      return speaker({});
  }
}
