import { useCallback, useSyncExternalStore } from 'react';
import type * as Y from 'yjs';
import { SETTINGS_FIELD, readSettings, writeSettings, type DocumentSettings } from '@plenary/schema';
import { STRUCTURE_ORIGIN, documentUndoManager } from '../structure/undoManager.ts';

/** The document's settings, live, and a writer whose changes sync and undo like the text. */
export function useDocumentSettings(doc: Y.Doc): [DocumentSettings, (change: Partial<DocumentSettings>) => void] {
  const subscribe = useCallback(
    (onChange: () => void) => {
      const map = doc.getMap(SETTINGS_FIELD);
      map.observe(onChange);
      return () => map.unobserve(onChange);
    },
    [doc],
  );
  const snapshot = useSyncExternalStore(subscribe, () => JSON.stringify(readSettings(doc)));
  const write = useCallback(
    (change: Partial<DocumentSettings>) => {
      // The one undo history must cover the settings map (idempotent: Yjs ignores a repeat).
      documentUndoManager(doc).addToScope(doc.getMap(SETTINGS_FIELD));
      writeSettings(doc, change, STRUCTURE_ORIGIN);
    },
    [doc],
  );
  return [JSON.parse(snapshot) as DocumentSettings, write];
}
