import { Plugin, PluginKey, type EditorState, type Transaction } from '@tiptap/pm/state';
import type { DecorationSet, EditorView } from '@tiptap/pm/view';
import { ySyncPluginKey } from '@tiptap/y-tiptap';
import type * as Y from 'yjs';
import { DocFields, readAllTags, readSessions } from '@plenary/schema';
import { buildDecorations } from './recommendationDecorations.ts';
import { fixRecommendationIds, freshIdsForPaste } from './recommendationIds.ts';
import {
  findRecommendations,
  idsWithText,
  recommendationAt,
  type FoundRecommendation,
} from './recommendationNodes.ts';
import type { RecommendationsController } from './RecommendationsController.ts';

interface PluginState {
  readonly recommendations: readonly FoundRecommendation[];
  readonly current: string | null;
  readonly flash: string | null;
  readonly tagging: string | null;
  readonly decorations: DecorationSet;
}

/** Meta for a transaction: redraw (tags or vocabulary changed), or set the highlighted one. */
export interface RecommendationsMeta {
  readonly refresh?: boolean;
  readonly flash?: string | null;
}

export const recommendationsPluginKey = new PluginKey<PluginState>('recommendations');

/** A transaction that came from Yjs (another person's edit, or undo/redo) rather than typing here. */
function fromYjs(tr: Transaction): boolean {
  const meta = tr.getMeta(ySyncPluginKey) as { isChangeOrigin?: boolean } | undefined;
  return meta?.isChangeOrigin === true;
}

/**
 * The editor side of recommendations: numbers and chips (decorations), ids kept right after
 * local edits (appendTransaction), new ids for pasted copies (transformPasted), and a redraw
 * whenever tags, sessions or the vocabulary change, whoever changed them.
 */
export function recommendationsPlugin(
  controller: RecommendationsController,
  newId: () => string,
): Plugin<PluginState> {
  const doc: Y.Doc = controller.doc;
  const compute = (
    state: EditorState,
    previous: Partial<PluginState>,
    meta?: RecommendationsMeta,
  ): PluginState => {
    const recommendations = findRecommendations(state.doc);
    const current = recommendationAt(state.selection.$from)?.id ?? null;
    const flash = meta && 'flash' in meta ? (meta.flash ?? null) : (previous.flash ?? null);
    const tagging = controller.getState().tagging;
    const decorations = buildDecorations({
      doc: state.doc,
      recommendations,
      tags: readAllTags(doc),
      vocabulary: controller.vocabulary,
      sessions: readSessions(doc),
      current,
      flash,
      tagging,
      onOpenTags: (recId) => controller.openTags(recId),
    });
    return { recommendations, current, flash, tagging, decorations };
  };

  return new Plugin<PluginState>({
    key: recommendationsPluginKey,
    state: {
      init: (_, state) => compute(state, {}),
      apply(tr, value, _oldState, newState) {
        const meta = tr.getMeta(recommendationsPluginKey) as RecommendationsMeta | undefined;
        if (tr.docChanged || meta) return compute(newState, value, meta);
        const current = tr.selectionSet
          ? (recommendationAt(newState.selection.$from)?.id ?? null)
          : value.current;
        return current === value.current ? value : compute(newState, value);
      },
    },
    props: {
      decorations: (state) => recommendationsPluginKey.getState(state)?.decorations,
      transformPasted(slice, view) {
        // Dragging a recommendation elsewhere moves it: same id, same tags.
        if (view.dragging?.move) return slice;
        // A recommendation whose text was cut is emptied, not gone: only ids still holding text
        // make the pasted one a copy. (The emptied item then loses its id to the pasted text.)
        return freshIdsForPaste(slice, idsWithText(view.state.doc), newId);
      },
    },
    appendTransaction(transactions, oldState, newState) {
      if (!transactions.some((tr) => tr.docChanged && !fromYjs(tr))) return null;
      const tr = newState.tr;
      return fixRecommendationIds(tr, oldState.doc, newId) ? tr : null;
    },
    view(view: EditorView) {
      let scheduled = false;
      // Tags, sessions and the vocabulary live outside the ProseMirror document: when they
      // change, redraw with a transaction that carries only this meta. Batched, and never
      // dispatched from inside another dispatch (Yjs observers can run in one).
      const refresh = () => {
        if (scheduled) return;
        scheduled = true;
        queueMicrotask(() => {
          scheduled = false;
          if (!view.isDestroyed)
            view.dispatch(view.state.tr.setMeta(recommendationsPluginKey, { refresh: true }));
        });
      };
      const tags = doc.getMap(DocFields.recommendations);
      const sessions = doc.getArray(DocFields.sessions);
      tags.observe(refresh);
      sessions.observeDeep(refresh);
      let seen = controller.getState();
      const unsubscribe = controller.subscribe(() => {
        const next = controller.getState();
        if (next.vocabulary !== seen.vocabulary || next.tagging !== seen.tagging) refresh();
        seen = next;
      });
      return {
        update(updated, previous) {
          if (updated.state.doc !== previous.doc) controller.documentChanged();
        },
        destroy() {
          tags.unobserve(refresh);
          sessions.unobserveDeep(refresh);
          unsubscribe();
        },
      };
    },
  });
}
