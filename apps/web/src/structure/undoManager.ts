import { defaultDeleteFilter, defaultProtectedNodes, ySyncPluginKey } from '@tiptap/y-tiptap';
import * as Y from 'yjs';
import { DocFields } from '@plenary/schema';

/**
 * Origin of the transactions the side panels make (meeting details, sessions, and the body
 * changes that go with them). The undo manager tracks it, so those changes undo like typing.
 */
export const STRUCTURE_ORIGIN = Symbol('plenary:structure');

const managers = new WeakMap<Y.Doc, Y.UndoManager>();

/**
 * The one undo history of a document: the text, the meeting details and the sessions.
 *
 * Why one: removing a session also removes its findings part, and reordering sessions moves
 * parts of the text, in one Y transaction; a separate history for the panels could undo the
 * session while the editor's history still held the text change, or the reverse. With one
 * history, Ctrl+Z in the text, the toolbar's Undo and the panels' Undo all take back the
 * person's last change, whatever it touched. Yjs undoes only this person's own changes (the
 * tracked origins are local), never a colleague's.
 *
 * The Collaboration extension accepts a ready-made manager (`yUndoOptions.undoManager`, passed
 * on to y-tiptap's yUndoPlugin), which otherwise tracks only the body fragment: this one
 * is built the way yUndoPlugin builds its own (same delete filter, same `addToHistory: false`
 * rule, the sync plugin's origin) and adds the meeting map, the sessions array and
 * `STRUCTURE_ORIGIN`. Other features add their own shared types and origins with
 * `addToScope` / `addTrackedOrigin`.
 *
 * One per Y.Doc (memoized): the editor may be re-created for the same document (React's
 * StrictMode does it on mount) and the Collaboration extension then restores this manager.
 */
export function documentUndoManager(doc: Y.Doc): Y.UndoManager {
  let manager = managers.get(doc);
  if (!manager) {
    manager = new Y.UndoManager(
      [doc.getXmlFragment(DocFields.body), doc.getMap(DocFields.meeting), doc.getArray(DocFields.sessions)],
      {
        trackedOrigins: new Set<unknown>([ySyncPluginKey, STRUCTURE_ORIGIN]),
        deleteFilter: (item) => defaultDeleteFilter(item, defaultProtectedNodes),
        captureTransaction: (transaction) => transaction.meta.get('addToHistory') !== false,
      },
    );
    managers.set(doc, manager);
  }
  return manager;
}

/**
 * Runs `change` as one undo step of its own: not merged with typing just before or after it
 * (the manager merges changes less than 500 ms apart), so "remove session" undoes exactly that.
 */
export function asUndoStep(doc: Y.Doc, change: () => void): void {
  const manager = managers.get(doc);
  manager?.stopCapturing();
  doc.transact(change, STRUCTURE_ORIGIN);
  manager?.stopCapturing();
}

/** A panel edit (typing in a field): merges with the keystrokes around it, like typing in the text. */
export function asEdit(doc: Y.Doc, change: () => void): void {
  doc.transact(change, STRUCTURE_ORIGIN);
}
