export { extractConceptNote, MAX_CONCEPT_NOTE_BYTES } from './conceptNote/extract.ts';
export {
  ConceptNoteError,
  ConceptNoteTooLargeError,
  NoSessionsFoundError,
  SESSION_LAYOUTS_LOOKED_FOR,
} from './conceptNote/errors.ts';
export type {
  ConceptNoteExtraction,
  ConceptNoteMeeting,
  ConceptNoteSession,
  MeetingFormat,
} from './conceptNote/types.ts';
