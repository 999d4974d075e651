import { Extension } from '@tiptap/core';
import { Plugin, PluginKey } from '@tiptap/pm/state';
import { Decoration, DecorationSet } from '@tiptap/pm/view';
import type { Node as PMNode } from '@tiptap/pm/model';
import type * as Y from 'yjs';
import { SETTINGS_FIELD, readSettings, type DocumentSettings } from '@plenary/schema';
import { computeUnNumbers } from './unNumbers.ts';

interface NumberingState {
  readonly settings: DocumentSettings;
  readonly decorations: DecorationSet;
}

export const unNumberingKey = new PluginKey<NumberingState>('unNumbering');

/**
 * Node decorations carrying each label in `data-un-label`; CSS draws it (`content:
 * attr(data-un-label)`), so the numbers are never text of the document, never copied, never
 * stored. Session headings are React node views whose title sits inside: they get the label as
 * a custom property too (`--un-label`), which their title's ::before reads.
 */
export function numberingDecorations(doc: PMNode, settings: DocumentSettings): DecorationSet {
  const decorations = computeUnNumbers(doc, settings).map(({ pos, kind, label }) => {
    const node = doc.nodeAt(pos)!;
    const attrs: Record<string, string> = { 'data-un-kind': kind, 'data-un-label': label };
    if (kind === 'session') attrs.style = `--un-label: ${JSON.stringify(`${label} `)}`;
    return Decoration.node(pos, pos + node.nodeSize, attrs);
  });
  return DecorationSet.create(doc, decorations);
}

/** UN paragraph and heading numbers (issue #3 item 8), switched by the document's settings. */
export const UnNumbering = Extension.create<{ doc: Y.Doc | null }>({
  name: 'unNumbering',
  addOptions: () => ({ doc: null }),
  addProseMirrorPlugins() {
    const ydoc = this.options.doc;
    if (!ydoc) return [];
    return [
      new Plugin<NumberingState>({
        key: unNumberingKey,
        state: {
          init: (_, state) => {
            const settings = readSettings(ydoc);
            return { settings, decorations: numberingDecorations(state.doc, settings) };
          },
          apply(tr, value, _old, state) {
            const refreshed = tr.getMeta(unNumberingKey) === true;
            // Recompute only when the text or the settings changed, never for a caret move.
            if (!tr.docChanged && !refreshed) return value;
            const settings = refreshed ? readSettings(ydoc) : value.settings;
            return { settings, decorations: numberingDecorations(state.doc, settings) };
          },
        },
        props: { decorations: (state) => unNumberingKey.getState(state)?.decorations },
        view(view) {
          const map = ydoc.getMap(SETTINGS_FIELD);
          let scheduled = false;
          // Settings live beside the text in the Y.Doc: redraw when anyone (or an undo) changes
          // them, outside any dispatch in progress.
          const refresh = () => {
            if (scheduled) return;
            scheduled = true;
            queueMicrotask(() => {
              scheduled = false;
              if (!view.isDestroyed) view.dispatch(view.state.tr.setMeta(unNumberingKey, true));
            });
          };
          map.observe(refresh);
          return { destroy: () => map.unobserve(refresh) };
        },
      }),
    ];
  },
});
