import { getSchema } from '@tiptap/core';
import { prosemirrorJSONToYXmlFragment, yXmlFragmentToProsemirrorJSON } from '@tiptap/y-tiptap';
import type { JSONContent } from '@tiptap/core';
import type { Schema } from '@tiptap/pm/model';
import * as Y from 'yjs';
import {
  DocFields,
  plenaryExtensions,
  readMeeting,
  readSessions,
  sessionToYMap,
  writeMeeting,
  type MeetingDetails,
  type Session,
} from '@plenary/schema';
import type { BuiltDocument } from './documents.ts';

let cachedSchema: Schema | undefined;

/** The ProseMirror schema of Plenary documents, built without a DOM. */
export function documentSchema(): Schema {
  cachedSchema ??= getSchema(plenaryExtensions());
  return cachedSchema;
}

/**
 * Writes a built document into an empty Y.Doc: meeting details, sessions and body, in one
 * transaction. Throws a RangeError (from ProseMirror) if the body does not fit the schema.
 */
export function seedYDoc(ydoc: Y.Doc, built: BuiltDocument): void {
  // Validate first: nodeFromJSON + check() throw on content the schema does not allow.
  documentSchema().nodeFromJSON(built.body).check();
  ydoc.transact(() => {
    writeMeeting(ydoc, built.meeting);
    ydoc.getArray(DocFields.sessions).push(built.sessions.map(sessionToYMap));
    prosemirrorJSONToYXmlFragment(documentSchema(), built.body, ydoc.getXmlFragment(DocFields.body));
  });
}

/** The initial content of a new document as one Yjs update. */
export function encodeSeed(built: BuiltDocument): Uint8Array {
  const ydoc = new Y.Doc();
  seedYDoc(ydoc, built);
  const update = Y.encodeStateAsUpdate(ydoc);
  ydoc.destroy();
  return update;
}

export interface DocumentContent {
  meeting: MeetingDetails;
  sessions: Session[];
  /** The body as ProseMirror JSON. */
  doc: JSONContent;
}

/** Reads a Y.Doc back into plain data. */
export function readContent(ydoc: Y.Doc): DocumentContent {
  const fragment = ydoc.getXmlFragment(DocFields.body);
  return {
    meeting: readMeeting(ydoc),
    sessions: readSessions(ydoc),
    doc: fragment.length > 0 ? normalize(yXmlFragmentToProsemirrorJSON(fragment) as JSONContent) : { type: 'doc', content: [] },
  };
}

/**
 * Yjs keeps no null attributes, so the raw JSON lacks defaults; passing it through the schema
 * restores them. Content the schema refuses (which only an outdated client could write) is
 * returned as stored rather than lost.
 */
function normalize(json: JSONContent): JSONContent {
  try {
    return documentSchema().nodeFromJSON(json).toJSON() as JSONContent;
  } catch {
    return json;
  }
}
