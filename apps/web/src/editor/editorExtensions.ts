import type { AnyExtension } from '@tiptap/core';
import { Collaboration } from '@tiptap/extension-collaboration';
import { CollaborationCaret } from '@tiptap/extension-collaboration-caret';
import { Placeholder } from '@tiptap/extensions';
import { DOCUMENT_FRAGMENT, plenaryExtensions } from '@plenary/schema';
import type { CollabSession } from '../collab/CollabSession.ts';
import type { Identity } from '../identity.ts';
import { LinkShortcut } from './linkShortcut.ts';

/** The editor's extensions: the shared schema, plus what only an interactive editor needs. */
export function editorExtensions(
  session: CollabSession,
  identity: Identity,
  onOpenLink: () => void,
): AnyExtension[] {
  return [
    ...plenaryExtensions(),
    // Collaboration brings the Yjs UndoManager: undo and redo only touch this person's edits.
    Collaboration.configure({ document: session.doc, field: DOCUMENT_FRAGMENT }),
    CollaborationCaret.configure({ provider: session.provider, user: { ...identity } }),
    Placeholder.configure({ placeholder: 'Start writing the summary…' }),
    LinkShortcut.configure({ onOpen: onOpenLink }),
  ];
}
