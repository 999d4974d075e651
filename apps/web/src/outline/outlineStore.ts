import { Extension } from '@tiptap/core';
import type { Node as PMNode } from '@tiptap/pm/model';
import { Plugin, PluginKey, TextSelection } from '@tiptap/pm/state';
import type { EditorView } from '@tiptap/pm/view';
import type * as Y from 'yjs';
import { partAt } from './outlineModel.ts';

/** What the outline pane shows: the editor's document and the part holding the selection. */
export interface OutlineSnapshot {
  readonly doc: PMNode | null;
  readonly current: number;
}

/**
 * Bridges the editor (which the outline pane does not own) and the pane: the editor publishes
 * its document and selection here, the pane reads them and asks it to jump. One per Y.Doc, like
 * the undo manager, since the editor may be re-created for the same document.
 */
export class OutlineStore {
  private view: EditorView | null = null;
  private snapshot: OutlineSnapshot = { doc: null, current: -1 };
  private readonly listeners = new Set<() => void>();

  readonly subscribe = (listener: () => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  readonly getSnapshot = () => this.snapshot;

  attach(view: EditorView | null): void {
    this.view = view;
    this.publish(view);
  }

  detach(view: EditorView): void {
    if (this.view === view) this.attach(null);
  }

  publish(view: EditorView | null): void {
    if (view && view !== this.view) return;
    const doc = view?.state.doc ?? null;
    const current = view ? partAt(view.state.doc, view.state.selection.from) : -1;
    if (doc === this.snapshot.doc && current === this.snapshot.current) return;
    this.snapshot = { doc, current };
    for (const listener of this.listeners) listener();
  }

  /** Scrolls to the node at `pos` and puts the cursor at the start of its text. */
  jumpTo(pos: number): void {
    const view = this.view;
    if (!view || view.isDestroyed) return;
    const { doc } = view.state;
    const inside = Math.min(pos + 1, doc.content.size);
    const selection = TextSelection.near(doc.resolve(inside), 1);
    view.dispatch(view.state.tr.setSelection(selection).scrollIntoView());
    view.focus();
    const dom = view.nodeDOM(pos);
    if (dom instanceof HTMLElement) dom.scrollIntoView({ block: 'start', behavior: 'smooth' });
  }
}

const stores = new WeakMap<Y.Doc, OutlineStore>();

export function outlineStore(doc: Y.Doc): OutlineStore {
  let store = stores.get(doc);
  if (!store) {
    store = new OutlineStore();
    stores.set(doc, store);
  }
  return store;
}

const outlineKey = new PluginKey('outline');

/** Publishes the editor's document and selection to the document's outline store. */
export const OutlineTracker = Extension.create<{ doc: Y.Doc | null }>({
  name: 'outlineTracker',
  addOptions: () => ({ doc: null }),
  addProseMirrorPlugins() {
    const ydoc = this.options.doc;
    if (!ydoc) return [];
    const store = outlineStore(ydoc);
    return [
      new Plugin({
        key: outlineKey,
        view(view) {
          store.attach(view);
          return {
            update: (updated) => store.publish(updated),
            destroy: () => store.detach(view),
          };
        },
      }),
    ];
  },
});
