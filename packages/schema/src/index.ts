export { plenaryExtensions } from './extensions.ts';
export type { PlenaryExtensionOptions } from './extensions.ts';
export { DocFields, DOCUMENT_FRAGMENT } from './fields.ts';
export {
  SECTION_KINDS,
  SECTION_LABELS,
  SECTION_PROMPTS,
  isSectionKind,
} from './sectionKinds.ts';
export type { SectionKind } from './sectionKinds.ts';
export {
  EMPTY_MEETING,
  readMeeting,
  writeMeeting,
  readSession,
  readSessions,
  sessionToYMap,
} from './meeting.ts';
export type { MeetingDetails, Session, Speaker } from './meeting.ts';
export { Section } from './nodes/section.ts';
export { TitleBlock } from './nodes/titleBlock.ts';
export { SessionHeading } from './nodes/sessionHeading.ts';
export { SpeakerContribution } from './nodes/speakerContribution.ts';
export { AttributedQuote } from './nodes/attributedQuote.ts';
export { RecommendationAttribute, RECOMMENDATION_NODE_TYPES } from './nodes/recommendationAttribute.ts';
export { DEFAULT_STATUS, listRecommendations, readAllTags, readTags, writeTags } from './recommendations.ts';
export type { RecommendationEntry, RecommendationTags, TagChange } from './recommendations.ts';
export {
  DEFAULT_SETTINGS,
  HEADING_NUMBERING,
  PARAGRAPH_NUMBERING,
  SETTINGS_FIELD,
  readSettings,
  writeSettings,
} from './settings.ts';
export type { DocumentSettings, HeadingNumbering, ParagraphNumbering } from './settings.ts';
export {
  BULLETS,
  HEADING_PATTERNS,
  HeadingCounter,
  PLAIN_LIST_PATTERNS,
  SUBPARAGRAPH_PATTERNS,
  formatNumber,
  patternAt,
  toLetters,
  toRoman,
} from './unNumbering.ts';
export type { Pattern } from './unNumbering.ts';
