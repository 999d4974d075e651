import { Extension } from '@tiptap/core';
import { yUndoPluginKey } from '@tiptap/y-tiptap';
import type * as Y from 'yjs';
import { DocFields } from '@plenary/schema';
import { newRecId } from './recId.ts';
import { recommendationAt } from './recommendationNodes.ts';
import { recommendationsPlugin } from './recommendationsPlugin.ts';
import { RECOMMENDATION_SHORTCUTS } from './shortcuts.ts';
import { registerRecommendationCommands } from './slashCommands.ts';
import type { RecommendationsController } from './RecommendationsController.ts';
import { TAGS_ORIGIN } from './tags.ts';
import { toggleRecommendation } from './toggleRecommendation.ts';

export interface RecommendationsOptions {
  controller: RecommendationsController | null;
}

interface RecommendationsStorage {
  /** Takes the "/" menu's commands out again. */
  unregister: (() => void) | null;
}

declare module '@tiptap/core' {
  interface Commands<ReturnType> {
    recommendations: {
      /** Marks the paragraphs or list items of the selection as recommendations, or unmarks them. */
      toggleRecommendation: () => ReturnType;
      /** Opens the tag popover of the recommendation the cursor is in. */
      openRecommendationTags: () => ReturnType;
    };
  }
}

/** Recommendations in the editor: marking, numbering, chips, the tag popover's shortcut. */
export const Recommendations = Extension.create<RecommendationsOptions, RecommendationsStorage>({
  name: 'recommendations',

  addOptions() {
    return { controller: null };
  },

  addStorage() {
    return { unregister: null };
  },

  addCommands() {
    return {
      toggleRecommendation:
        () =>
        ({ state, dispatch }) =>
          toggleRecommendation(state, dispatch, newRecId),
      openRecommendationTags:
        () =>
        ({ state }) => {
          const rec = recommendationAt(state.selection.$from);
          if (!rec || !this.options.controller) return false;
          this.options.controller.openTags(rec.id);
          return true;
        },
    };
  },

  addKeyboardShortcuts() {
    return {
      // Always handled, so that the browser's hard reload (Ctrl+Shift+R) never fires in the
      // text, even where nothing can be marked: losing the page to a near-miss would be worse.
      [RECOMMENDATION_SHORTCUTS.toggle]: () => {
        this.editor.commands.toggleRecommendation();
        return true;
      },
      [RECOMMENDATION_SHORTCUTS.tags]: () => this.editor.commands.openRecommendationTags(),
    };
  },

  addProseMirrorPlugins() {
    const controller = this.options.controller;
    return controller ? [recommendationsPlugin(controller, newRecId)] : [];
  },

  onCreate() {
    const controller = this.options.controller;
    if (!controller) return;
    // Tags undo with the text (issue #4): the editor's Yjs UndoManager also tracks the tags map,
    // for changes this person made through the popover.
    const undo = yUndoPluginKey.getState(this.editor.state) as { undoManager?: Y.UndoManager } | undefined;
    if (undo?.undoManager) {
      undo.undoManager.addToScope(controller.doc.getMap(DocFields.recommendations));
      undo.undoManager.trackedOrigins.add(TAGS_ORIGIN);
    }
    controller.attachEditor(this.editor);
    this.storage.unregister = registerRecommendationCommands();
  },

  onDestroy() {
    this.storage.unregister?.();
    this.storage.unregister = null;
    this.options.controller?.detachEditor(this.editor);
  },
});
