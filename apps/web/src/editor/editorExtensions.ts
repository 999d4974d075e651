import type { AnyExtension } from '@tiptap/core';
import { Collaboration } from '@tiptap/extension-collaboration';
import { CollaborationCaret } from '@tiptap/extension-collaboration-caret';
import { Placeholder } from '@tiptap/extensions';
import { DOCUMENT_FRAGMENT, plenaryExtensions } from '@plenary/schema';
import type { CollabSession } from '../collab/CollabSession.ts';
import type { Identity } from '../identity.ts';
import { UnNumbering } from '../numbering/UnNumbering.ts';
import { OutlineTracker } from '../outline/outlineStore.ts';
import type { RecommendationsController } from '../recommendations/RecommendationsController.ts';
import { Recommendations } from '../recommendations/RecommendationsExtension.ts';
import { structureExtensions, withStructureNodeViews } from '../structure/editorStructure.ts';
import { documentUndoManager } from '../structure/undoManager.ts';
import { SlashMenu } from '../templates/slashMenuPlugin.ts';
import { LinkShortcut } from './linkShortcut.ts';

/** The editor's extensions: the shared schema, plus what only an interactive editor needs. */
export function editorExtensions(
  session: CollabSession,
  identity: Identity,
  onOpenLink: () => void,
  recommendations: RecommendationsController | null = null,
): AnyExtension[] {
  return [
    // The title block, session headings, speakers and quotes render through React node views.
    ...withStructureNodeViews(plenaryExtensions()),
    // Collaboration brings the Yjs UndoManager: undo and redo only touch this person's edits.
    // One history for the text, the meeting details and the sessions (structure/undoManager.ts).
    Collaboration.configure({
      document: session.doc,
      field: DOCUMENT_FRAGMENT,
      yUndoOptions: { undoManager: documentUndoManager(session.doc) },
    }),
    CollaborationCaret.configure({ provider: session.provider, user: { ...identity } }),
    Placeholder.configure({ placeholder: 'Start writing the summary, or type “/” to insert a section…' }),
    LinkShortcut.configure({ onOpen: onOpenLink }),
    // Section prompts, the panels' undo state, and the "/" menu (issue #3).
    ...structureExtensions(session.doc),
    SlashMenu,
    // Marking, numbering and tagging recommendations (issue #4).
    Recommendations.configure({ controller: recommendations }),
    // UN paragraph and heading numbers as decorations, and the outline pane's view (issue #3).
    UnNumbering.configure({ doc: session.doc }),
    OutlineTracker.configure({ doc: session.doc }),
  ];
}
