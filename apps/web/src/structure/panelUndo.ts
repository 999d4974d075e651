import type { KeyboardEvent } from 'react';
import type * as Y from 'yjs';
import { isApplePlatform } from '../editor/shortcuts.ts';
import { documentUndoManager } from './undoManager.ts';

/**
 * Undo and redo inside the side panels go to the document's history, as in the text: a field's
 * own (browser) undo knows nothing of the shared value the field shows, and the last change
 * may have been a session moved or removed, which only the document's history can take back.
 */
export function panelUndoKeyDown(doc: Y.Doc) {
  return (event: KeyboardEvent<HTMLElement>) => {
    const mod = isApplePlatform() ? event.metaKey : event.ctrlKey;
    if (!mod || event.altKey) return;
    const key = event.key.toLowerCase();
    const manager = documentUndoManager(doc);
    if (key === 'z' && !event.shiftKey) {
      event.preventDefault();
      manager.undo();
    } else if ((key === 'z' && event.shiftKey) || key === 'y') {
      event.preventDefault();
      manager.redo();
    }
  };
}
