import { Extension } from '@tiptap/core';
import { PluginKey, Plugin, type EditorState } from '@tiptap/pm/state';

/**
 * Tracks the "/" menu: open while the cursor ends a paragraph whose text is "/" followed by a
 * short query ("/rec"), which happens when someone types "/" at the start of an empty
 * paragraph. The menu's React component lists and runs the commands; this plugin only knows
 * where the "/query" is and hands it the keys while the menu is open.
 */
export interface SlashMenuState {
  readonly active: boolean;
  /** Position of the "/". */
  readonly from: number;
  /** End of the query (the cursor). */
  readonly to: number;
  /** What was typed after "/". */
  readonly query: string;
  /** Escape closes the menu for this "/" until it is gone. */
  readonly dismissedAt: number | null;
}

const INACTIVE: SlashMenuState = { active: false, from: 0, to: 0, query: '', dismissedAt: null };
const MAX_QUERY = 40;

export const slashMenuKey = new PluginKey<SlashMenuState>('slashMenu');

/** The "/query" at the cursor, if the cursor ends a paragraph that starts with "/". */
export function findSlash(state: EditorState): Pick<SlashMenuState, 'from' | 'to' | 'query'> | null {
  const { selection } = state;
  if (!selection.empty) return null;
  const { $from } = selection;
  const paragraph = $from.parent;
  if (paragraph.type.name !== 'paragraph' || $from.parentOffset !== paragraph.content.size) return null;
  const text = paragraph.textBetween(0, paragraph.content.size, '\n', '\ufffc');
  if (!text.startsWith('/') || text.length > MAX_QUERY + 1 || /[\n\ufffc]/.test(text)) return null;
  return { from: $from.start(), to: $from.pos, query: text.slice(1) };
}

export interface SlashMenuStorage {
  /** Set by the menu while it is shown: handles a key, returns true when it used it. */
  onKeyDown: ((event: KeyboardEvent) => boolean) | null;
}

declare module '@tiptap/core' {
  interface Storage {
    slashMenu: SlashMenuStorage;
  }
}

export const SlashMenu = Extension.create<Record<string, never>, SlashMenuStorage>({
  name: 'slashMenu',

  addStorage() {
    return { onKeyDown: null };
  },

  addProseMirrorPlugins() {
    const storage = this.storage;
    const editor = this.editor;
    return [
      new Plugin<SlashMenuState>({
        key: slashMenuKey,
        state: {
          init: () => INACTIVE,
          apply(tr, previous, _old, state) {
            const found = editor.isEditable ? findSlash(state) : null;
            if (!found) return INACTIVE;
            const dismiss = (tr.getMeta(slashMenuKey) as { dismiss?: boolean } | undefined)?.dismiss;
            const dismissedAt = previous.dismissedAt === null ? null : tr.mapping.map(previous.dismissedAt);
            if (dismiss || dismissedAt === found.from) return { ...INACTIVE, dismissedAt: found.from };
            return { active: true, ...found, dismissedAt: null };
          },
        },
        props: {
          handleKeyDown(view, event) {
            if (!slashMenuKey.getState(view.state)?.active) return false;
            return storage.onKeyDown?.(event) ?? false;
          },
        },
      }),
    ];
  },
});

/** Closes the menu for the "/" it is open at (Escape). */
export function dismissSlashMenu(state: EditorState) {
  return state.tr.setMeta(slashMenuKey, { dismiss: true });
}
