import { useEffect, useState } from 'react';
import type * as Y from 'yjs';
import {
  listRecommendations,
  readSessions,
  writeTags,
  type RecommendationEntry,
  type Session,
  type TagChange,
} from '@plenary/schema';

/**
 * Origin of the tag changes made in this browser: the editor's undo manager tracks it, so Undo
 * takes back a tag like a word. (Changes from others arrive with the provider as origin.)
 */
export const TAGS_ORIGIN = Symbol('plenary:recommendation-tags');

/** Changes tags in the local Y.Doc: they sync, persist offline and undo like the text. */
export function changeTags(doc: Y.Doc, recId: string, change: TagChange): void {
  writeTags(doc, recId, change, TAGS_ORIGIN);
}

export interface RecommendationList {
  readonly recommendations: readonly RecommendationEntry[];
  readonly sessions: readonly Session[];
}

const read = (doc: Y.Doc): RecommendationList => ({
  recommendations: listRecommendations(doc),
  sessions: readSessions(doc),
});

/**
 * Every recommendation of the document (number, text, effective session, tags) and the
 * sessions, kept fresh. Re-read at most once per animation frame: a burst of remote updates or
 * a fast typist must not re-walk the document on every keystroke.
 */
export function useRecommendationList(doc: Y.Doc): RecommendationList {
  const [list, setList] = useState(() => read(doc));
  useEffect(() => {
    let frame = 0;
    const schedule = () => {
      if (frame) return;
      frame = requestAnimationFrame(() => {
        frame = 0;
        setList(read(doc));
      });
    };
    doc.on('update', schedule);
    // Catch what changed between the first render and now.
    schedule();
    return () => {
      doc.off('update', schedule);
      cancelAnimationFrame(frame);
    };
  }, [doc]);
  return list;
}
