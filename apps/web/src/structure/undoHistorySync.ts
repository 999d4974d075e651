import { Extension } from '@tiptap/core';
import { ySyncPluginKey } from '@tiptap/y-tiptap';
import type * as Y from 'yjs';
import { documentUndoManager } from './undoManager.ts';

interface UndoHistorySyncOptions {
  doc: Y.Doc | null;
}

interface UndoHistorySyncStorage {
  stop: (() => void) | null;
  /** Undo steps there were before the editor opened the document. */
  baseline: number;
}

/**
 * Keeps the toolbar's Undo and Redo buttons right when the history changes outside the text (a
 * meeting detail typed in the panel, a session removed or restored). The toolbar re-reads the
 * history on editor transactions, and such changes make none; this dispatches an empty one.
 *
 * The empty transaction carries the sync plugin's "change came from Yjs" flag, which is true
 * (the history changed in Yjs) and keeps the sync plugin from treating it as a local edit that
 * should end the current undo step: panel keystrokes would otherwise stop merging.
 *
 * Also keeps out of the history what the editor writes by itself while it opens the document:
 * the empty paragraph its trailing-node rule appends to a summary that ends with a section.
 * Undoing that is nobody's intention, the rule puts it straight back, and that (tracked) write
 * would clear the redo stack: the first Undo after opening would do nothing visible and make
 * Redo impossible.
 */
export const UndoHistorySync = Extension.create<UndoHistorySyncOptions, UndoHistorySyncStorage>({
  name: 'undoHistorySync',

  addOptions() {
    return { doc: null };
  },

  addStorage() {
    return { stop: null, baseline: 0 };
  },

  onBeforeCreate() {
    if (this.options.doc) this.storage.baseline = documentUndoManager(this.options.doc).undoStack.length;
  },

  onCreate() {
    const { doc } = this.options;
    if (!doc) return;
    const editor = this.editor;
    const manager = documentUndoManager(doc);
    const poke = () =>
      queueMicrotask(() => {
        if (editor.isDestroyed) return;
        editor.view.dispatch(
          editor.state.tr.setMeta(ySyncPluginKey, { isChangeOrigin: true }).setMeta('addToHistory', false),
        );
      });
    const refresh = (event: { origin: unknown }) => {
      // Changes typed in the text come with an editor transaction of their own.
      if (event.origin !== ySyncPluginKey) poke();
    };
    if (manager.undoStack.length > this.storage.baseline) {
      manager.undoStack.splice(this.storage.baseline);
      manager.stopCapturing();
      poke();
    }
    manager.on('stack-item-added', refresh);
    manager.on('stack-item-popped', refresh);
    this.storage.stop = () => {
      manager.off('stack-item-added', refresh);
      manager.off('stack-item-popped', refresh);
    };
  },

  onDestroy() {
    this.storage.stop?.();
    this.storage.stop = null;
  },
});
