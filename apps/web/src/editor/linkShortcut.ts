import { Extension } from '@tiptap/core';

export interface LinkShortcutOptions {
  /** Opens the link prompt; the editor has no UI of its own for it. */
  onOpen: () => void;
}

/** Mod-K opens the link prompt, as in most editors (StarterKit's Link binds no key). */
export const LinkShortcut = Extension.create<LinkShortcutOptions>({
  name: 'linkShortcut',
  addOptions() {
    return { onOpen: () => {} };
  },
  addKeyboardShortcuts() {
    return {
      'Mod-k': () => {
        this.options.onOpen();
        return true;
      },
    };
  },
});
