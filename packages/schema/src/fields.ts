/**
 * Names of the shared types in every document's Y.Doc. Server, editor and exports must agree on
 * them, so they live here rather than in either app.
 */
export const DocFields = {
  /** Y.XmlFragment: the document body, bound to the editor. */
  body: 'body',
  /** Y.Map: the meeting details (see `MeetingDetails`). */
  meeting: 'meeting',
  /** Y.Array of Y.Map: the sessions of the meeting, in programme order (see `Session`). */
  sessions: 'sessions',
  /** Y.Map: recommendation tags, one flat key per fact (see recommendations.ts). */
  recommendations: 'recommendations',
} as const;

/** Name of the Y.XmlFragment that holds the document body. */
export const DOCUMENT_FRAGMENT = DocFields.body;
