import type { Editor } from '@tiptap/core';
import { TextSelection } from '@tiptap/pm/state';
import { yUndoPluginKey } from '@tiptap/y-tiptap';
import type * as Y from 'yjs';
import type { TagChange } from '@plenary/schema';
import { findRecommendation } from './recommendationNodes.ts';
import { recommendationsPluginKey } from './recommendationsPlugin.ts';
import { changeTags } from './tags.ts';
import type { Vocabulary } from './vocabulary.ts';

export interface RecommendationsState {
  readonly vocabulary: Vocabulary | null;
  /** The recommendation whose tag popover is open. */
  readonly tagging: string | null;
  /** Bumped when an editor attaches or detaches, so views that need it re-render. */
  readonly editorVersion: number;
}

// Long enough to catch the eye after a jump, short enough not to linger as a false selection.
const FLASH_MS = 1800;
// A #rec- link may name a recommendation that arrives with the server's copy of the document.
const REVEAL_PATIENCE_MS = 15_000;

/**
 * Recommendations in one open document: what the editor plugin, the tag popover and the
 * recommendations panel share. Framework-free, like CollabSession; React reads it through
 * `subscribe`/`getState`. Constructing it has no side effects (it is made during render).
 */
export class RecommendationsController {
  readonly doc: Y.Doc;
  #editor: Editor | null = null;
  #state: RecommendationsState;
  readonly #listeners = new Set<() => void>();
  #pendingReveal: { id: string; until: number } | null = null;
  #flashTimer: ReturnType<typeof setTimeout> | undefined;

  constructor(doc: Y.Doc, vocabulary: Vocabulary | null = null) {
    this.doc = doc;
    this.#state = { vocabulary, tagging: null, editorVersion: 0 };
  }

  getState = (): RecommendationsState => this.#state;

  subscribe = (listener: () => void): (() => void) => {
    this.#listeners.add(listener);
    return () => this.#listeners.delete(listener);
  };

  get vocabulary(): Vocabulary | null {
    return this.#state.vocabulary;
  }

  setVocabulary(vocabulary: Vocabulary): void {
    // The same lists fetched again (on every window focus) must not redraw the editor: a redraw
    // between a keypress moving the caret and ProseMirror reading the move would undo the move.
    if (JSON.stringify(vocabulary) === JSON.stringify(this.#state.vocabulary)) return;
    this.#set({ vocabulary });
  }

  get editor(): Editor | null {
    return this.#editor && !this.#editor.isDestroyed ? this.#editor : null;
  }

  attachEditor(editor: Editor): void {
    this.#editor = editor;
    this.#set({ editorVersion: this.#state.editorVersion + 1 });
    this.documentChanged();
  }

  detachEditor(editor: Editor): void {
    if (this.#editor !== editor) return;
    this.#editor = null;
    clearTimeout(this.#flashTimer);
    this.#set({ editorVersion: this.#state.editorVersion + 1, tagging: null });
  }

  /**
   * Changes tags in the local Y.Doc (they sync, persist offline and undo like the text), as an
   * undo step of its own: Ctrl+Z right after ticking a theme takes back that theme, not the
   * sentence typed just before it (the undo manager merges changes under 500 ms apart).
   */
  changeTags(recId: string, change: TagChange): void {
    const editor = this.editor;
    const undo = editor
      ? (yUndoPluginKey.getState(editor.state) as { undoManager?: Y.UndoManager } | undefined)
      : undefined;
    undo?.undoManager?.stopCapturing();
    changeTags(this.doc, recId, change);
    undo?.undoManager?.stopCapturing();
  }

  /** Opens the tag popover of a recommendation, its text selected so Escape returns there. */
  openTags(recId: string): void {
    const editor = this.editor;
    if (!editor) return;
    const rec = findRecommendation(editor.state.doc, recId);
    if (!rec) return;
    const { from } = editor.state.selection;
    const inside = from > rec.pos && from < rec.pos + rec.node.nodeSize;
    if (!inside)
      editor.view.dispatch(editor.state.tr.setSelection(caretIn(editor, rec.pos, rec.node.nodeSize)));
    this.#set({ tagging: recId });
  }

  /** Closes the popover; `refocus` puts the keyboard back in the text, where it was. */
  closeTags({ refocus }: { refocus: boolean }): void {
    if (this.#state.tagging === null) return;
    this.#set({ tagging: null });
    if (refocus) this.editor?.commands.focus();
  }

  /**
   * Scrolls to a recommendation, puts the cursor at the end of its first line of text and
   * highlights it briefly. Returns false if the document has no such recommendation.
   */
  jumpTo(recId: string, { focus = true }: { focus?: boolean } = {}): boolean {
    const editor = this.editor;
    if (!editor) return false;
    const rec = findRecommendation(editor.state.doc, recId);
    if (!rec) return false;
    const tr = editor.state.tr
      .setSelection(caretIn(editor, rec.pos, rec.node.nodeSize))
      .setMeta(recommendationsPluginKey, { flash: recId });
    editor.view.dispatch(tr);
    if (focus) editor.view.focus();
    const dom = editor.view.nodeDOM(rec.pos);
    if (dom instanceof HTMLElement)
      dom.scrollIntoView({ block: 'center', behavior: prefersReducedMotion() ? 'auto' : 'smooth' });
    clearTimeout(this.#flashTimer);
    this.#flashTimer = setTimeout(() => {
      const current = this.editor;
      if (current) current.view.dispatch(current.state.tr.setMeta(recommendationsPluginKey, { flash: null }));
    }, FLASH_MS);
    return true;
  }

  /**
   * Shows the recommendation a `#rec-<id>` link names, now or as soon as it is in the document
   * (the link may be opened before the server's copy has arrived).
   */
  reveal(recId: string): void {
    this.#pendingReveal = { id: recId, until: Date.now() + REVEAL_PATIENCE_MS };
    this.documentChanged();
  }

  /** Called by the editor plugin after each change of the document. */
  documentChanged(): void {
    const pending = this.#pendingReveal;
    if (!pending) return;
    if (Date.now() > pending.until) {
      this.#pendingReveal = null;
      return;
    }
    // After the current dispatch: this runs from a plugin view's update.
    queueMicrotask(() => {
      if (this.#pendingReveal === pending && this.jumpTo(pending.id)) this.#pendingReveal = null;
    });
  }

  #set(patch: Partial<RecommendationsState>): void {
    const next = { ...this.#state, ...patch };
    if (
      next.vocabulary === this.#state.vocabulary &&
      next.tagging === this.#state.tagging &&
      next.editorVersion === this.#state.editorVersion
    ) {
      return;
    }
    this.#state = next;
    for (const listener of this.#listeners) listener();
  }
}

/** A cursor at the end of the first text block of the node at `pos`. */
function caretIn(editor: Editor, pos: number, size: number): TextSelection {
  const doc = editor.state.doc;
  let caret = -1;
  doc.nodesBetween(pos, pos + size, (node, at) => {
    if (caret >= 0) return false;
    if (node.isTextblock) {
      caret = at + 1 + node.content.size;
      return false;
    }
    return true;
  });
  return TextSelection.create(doc, caret >= 0 ? caret : pos + 1);
}

function prefersReducedMotion(): boolean {
  return window.matchMedia?.('(prefers-reduced-motion: reduce)').matches ?? false;
}

/** The recommendation id a URL fragment names (`#rec-<id>`), if any. */
export function recIdFromHash(hash: string): string | null {
  const match = /^#rec-(.+)$/.exec(hash);
  if (!match) return null;
  try {
    return decodeURIComponent(match[1]!);
  } catch {
    return null;
  }
}
