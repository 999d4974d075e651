/**
 * The kinds of section a chair's summary is made of. A section's kind drives its greyed prompt
 * in the editor, how exports number it, and (for recommendations) what its items default to.
 */
export const SECTION_KINDS = [
  'overview',
  'opening',
  'session-findings',
  'conclusions',
  'recommendations',
  'key-takeaways',
  'wrap-up',
  'annex',
  'generic',
] as const;

export type SectionKind = (typeof SECTION_KINDS)[number];

export function isSectionKind(value: unknown): value is SectionKind {
  return typeof value === 'string' && (SECTION_KINDS as readonly string[]).includes(value);
}

/** What the editor shows, greyed, in an empty paragraph of a section of each kind. */
export const SECTION_PROMPTS: Record<SectionKind, string> = {
  overview: 'Who took part, the aim of the meeting and its format (plenary, panels, break-out sessions).',
  opening: 'Who opened the meeting and the main points of the opening remarks and keynote speeches.',
  'session-findings': 'What was said and found in this session: main points, examples, challenges raised.',
  conclusions: 'A main point across sessions, starting with a short lead phrase.',
  recommendations: 'A recommendation, addressed to someone: "Member States should …"',
  'key-takeaways': 'A key take-away of the seminar, in one or two sentences.',
  'wrap-up': 'How the seminar closed and what comes next.',
  annex: 'Annex content: the programme, the list of participants, or the concept note.',
  generic: 'Write here…',
};

export const SECTION_LABELS: Record<SectionKind, string> = {
  overview: 'Overview',
  opening: 'Opening and keynotes',
  'session-findings': 'Per-session findings',
  conclusions: 'Conclusions',
  recommendations: 'Recommendations',
  'key-takeaways': 'Key take-aways',
  'wrap-up': 'Wrap-up',
  annex: 'Annex',
  generic: 'Section',
};
