/** Templates Plenary offers: whole documents, and sections to insert into one. */
export type TemplateKind = 'document' | 'section';

export interface TemplateInfo {
  id: string;
  label: string;
  description: string;
  kind: TemplateKind;
  /** Bumped when a template's output changes, so documents can tell which one they came from. */
  version: number;
}

export const DOCUMENT_TEMPLATES = [
  {
    id: 'chairs-summary',
    label: 'Chair’s summary — preparatory meeting',
    description:
      'Title block, overview, opening and keynotes, findings for each session, conclusions, numbered recommendations and an optional annex.',
    kind: 'document',
    version: 1,
  },
  {
    id: 'summary-report',
    label: 'Summary report — seminar',
    description: 'Numbered key take-aways, then each session with its moderator, speakers and reflections, and a wrap-up.',
    kind: 'document',
    version: 1,
  },
  { id: 'blank', label: 'Blank', description: 'An empty page.', kind: 'document', version: 1 },
] as const satisfies readonly TemplateInfo[];

export const SECTION_TEMPLATES = [
  {
    id: 'session-findings',
    label: 'Per-session findings',
    description: 'A session’s heading (from the sessions list) and what was said and found.',
    kind: 'section',
    version: 1,
  },
  { id: 'conclusions', label: 'Conclusions', description: 'The main points across sessions, as a list.', kind: 'section', version: 1 },
  {
    id: 'recommendations',
    label: 'Recommendations',
    description: 'A numbered list of recommendations, each addressed to someone.',
    kind: 'section',
    version: 1,
  },
  { id: 'key-takeaways', label: 'Key take-aways', description: 'A numbered list of take-aways.', kind: 'section', version: 1 },
  { id: 'quote', label: 'Quote with attribution', description: 'A quotation and who said it.', kind: 'section', version: 1 },
  {
    id: 'speaker-contribution',
    label: 'Speaker contribution',
    description: 'What one speaker said, with their name and affiliation.',
    kind: 'section',
    version: 1,
  },
  { id: 'annex', label: 'Annex', description: 'Programme, participants or the concept note.', kind: 'section', version: 1 },
] as const satisfies readonly TemplateInfo[];

export type DocumentTemplateId = (typeof DOCUMENT_TEMPLATES)[number]['id'];
export type SectionTemplateId = (typeof SECTION_TEMPLATES)[number]['id'];

export const TEMPLATES: readonly TemplateInfo[] = [...DOCUMENT_TEMPLATES, ...SECTION_TEMPLATES];

/** An unknown template id; the message names it and lists the valid ones. */
export class UnknownTemplateError extends Error {
  constructor(
    readonly templateId: unknown,
    readonly validIds: readonly string[],
  ) {
    super(`unknown template ${JSON.stringify(templateId)}; valid templates: ${validIds.join(', ')}`);
    this.name = 'UnknownTemplateError';
  }
}

export function isDocumentTemplateId(id: unknown): id is DocumentTemplateId {
  return DOCUMENT_TEMPLATES.some((t) => t.id === id);
}

export function isSectionTemplateId(id: unknown): id is SectionTemplateId {
  return SECTION_TEMPLATES.some((t) => t.id === id);
}
