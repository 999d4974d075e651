import type * as Y from 'yjs';
import {
  listRecommendations,
  readSettings,
  type DocumentSettings,
  type MeetingDetails,
  type RecommendationEntry,
  type Session,
} from '@plenary/schema';
import { readContent } from '@plenary/templates';

/** A ProseMirror node as JSON: the body of a document (see @plenary/schema for the node types). */
export interface PmNode {
  type: string;
  attrs?: Record<string, unknown>;
  content?: PmNode[];
  text?: string;
  marks?: Array<{ type: string; attrs?: Record<string, unknown> }>;
}

/** What an export is made from: the document as stored, read into plain data. */
export interface ExportContent {
  meeting: MeetingDetails;
  sessions: Session[];
  settings: DocumentSettings;
  /** The body as ProseMirror JSON. */
  doc: PmNode;
}

export interface ExportSource {
  content: ExportContent;
  recommendations: RecommendationEntry[];
}

/**
 * Reads everything an export and its content hash need from a Y.Doc, in one synchronous pass
 * (pass it to `collab.readDocument`, so what is exported is exactly what was committed).
 */
export function readExportSource(ydoc: Y.Doc): ExportSource {
  const { meeting, sessions, doc } = readContent(ydoc);
  return {
    content: { meeting, sessions, settings: readSettings(ydoc), doc: doc as PmNode },
    recommendations: listRecommendations(ydoc),
  };
}
