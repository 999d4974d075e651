import { prosemirrorJSONToYXmlFragment } from '@tiptap/y-tiptap';
import * as Y from 'yjs';
import { DocFields, readSession, sessionToYMap, type Session } from '@plenary/schema';
import { doc as docNode, documentSchema, sessionFindings } from '@plenary/templates';
import {
  arrangeFindings,
  findingsInsertIndex,
  isFindingsPart,
  partsToMove,
  type BodyPart,
} from './bodyParts.ts';
import { asEdit, asUndoStep } from './undoManager.ts';

/**
 * Changes to the sessions and to the findings parts that belong to them. Each operation that
 * touches both is ONE Y transaction: it syncs as one update and undoes as one step, and nobody
 * ever sees a session without its part or the reverse. The body is changed on the Y.Doc
 * directly (not through the editor), so these work from the panels whatever the editor is
 * doing; the editor's binding renders the change like a colleague's.
 */

type SessionMap = Y.Map<unknown>;

const sessionsOf = (doc: Y.Doc) => doc.getArray<SessionMap>(DocFields.sessions);
const bodyOf = (doc: Y.Doc) => doc.getXmlFragment(DocFields.body);

/** Session ids as the server makes them: 8 characters of base64url. */
export function newSessionId(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(6));
  return btoa(String.fromCharCode(...bytes))
    .replace(/\+/g, '-')
    .replace(/\//g, '_');
}

/** The body's top-level parts. */
export function readBodyParts(doc: Y.Doc): BodyPart[] {
  return bodyOf(doc)
    .toArray()
    .map((node) => {
      if (!(node instanceof Y.XmlElement)) return { type: 'text', kind: null, sessionId: null };
      const kind = node.getAttribute('kind');
      const sessionId = node.getAttribute('sessionId');
      return {
        type: node.nodeName,
        kind: typeof kind === 'string' ? kind : null,
        sessionId: typeof sessionId === 'string' && sessionId !== '' ? sessionId : null,
      };
    });
}

function sessionIds(doc: Y.Doc): string[] {
  return sessionsOf(doc)
    .toArray()
    .map((map) => (map instanceof Y.Map ? readSession(map).id : ''));
}

/** The session's position in the programme (its number minus one), or -1. */
export function indexOfSession(doc: Y.Doc, id: string): number {
  return sessionIds(doc).indexOf(id);
}

/** A findings part (heading from the session, an empty prompt) as a Y element to insert. */
function findingsElement(sessionId: string): Y.XmlElement {
  // Converted by y-tiptap, as the editor and the server do, so the encoding is the same; then
  // copied out of the scratch document (a type can only be integrated into one document).
  const scratch = new Y.Doc();
  const fragment = scratch.getXmlFragment('part');
  prosemirrorJSONToYXmlFragment(documentSchema(), docNode(sessionFindings(sessionId)), fragment);
  const element = (fragment.get(0) as Y.XmlElement).clone();
  scratch.destroy();
  return element;
}

export type NewSession = Partial<Omit<Session, 'id'>>;

/** Adds a session at `index` (default: last) with its findings part, in order. Returns its id. */
export function addSession(doc: Y.Doc, input: NewSession = {}, index?: number): string {
  const id = newSessionId();
  const session: Session = {
    id,
    day: input.day ?? null,
    title: input.title ?? '',
    facilitator: input.facilitator ?? '',
    speakers: input.speakers ?? [],
    guidingQuestions: input.guidingQuestions ?? [],
    description: input.description ?? '',
  };
  asUndoStep(doc, () => {
    const sessions = sessionsOf(doc);
    sessions.insert(Math.min(index ?? sessions.length, sessions.length), [sessionToYMap(session)]);
    insertPart(doc, id);
  });
  return id;
}

/** Gives a session that has none (its part was deleted in the text) its findings part back. */
export function addFindingsPart(doc: Y.Doc, sessionId: string): void {
  asUndoStep(doc, () => insertPart(doc, sessionId));
}

function insertPart(doc: Y.Doc, sessionId: string): void {
  const index = findingsInsertIndex(readBodyParts(doc), sessionIds(doc), sessionId);
  bodyOf(doc).insert(index, [findingsElement(sessionId)]);
}

/**
 * Changes fields of a session. By default a keystroke in the panel, merged with the ones
 * around it for undo; `step` makes it an undo step of its own (a speaker added or removed).
 */
export function updateSession(doc: Y.Doc, id: string, change: NewSession, step = false): void {
  (step ? asUndoStep : asEdit)(doc, () => {
    const map = sessionsOf(doc)
      .toArray()
      .find((m) => m instanceof Y.Map && m.get('id') === id);
    if (!map) return;
    for (const [field, value] of Object.entries(change) as Array<[keyof NewSession, unknown]>) {
      if (value === undefined) continue;
      // Lists are plain JSON values in the map: copy them, never share an array with React state.
      const stored = Array.isArray(value)
        ? value.map((item: unknown) => (typeof item === 'object' ? { ...item } : item))
        : value;
      if (JSON.stringify(map.get(field)) !== JSON.stringify(stored)) map.set(field, stored);
    }
  });
}

/**
 * Moves the session at `from` to `to` and its findings part with it. Yjs has no move: the
 * session's map is deleted and a copy inserted; findings parts likewise (as few as possible,
 * see `partsToMove`).
 */
export function moveSession(doc: Y.Doc, from: number, to: number): void {
  const sessions = sessionsOf(doc);
  if (from === to || from < 0 || to < 0 || from >= sessions.length || to >= sessions.length) return;
  asUndoStep(doc, () => {
    // Copy before deleting: a deleted type reads as empty.
    const copy = sessions.get(from).clone();
    sessions.delete(from, 1);
    sessions.insert(to, [copy]);
    reorderFindings(doc);
  });
}

/** Puts the findings parts in the sessions' order (inside the caller's transaction). */
function reorderFindings(doc: Y.Doc): void {
  const body = bodyOf(doc);
  const order = arrangeFindings(readBodyParts(doc), sessionIds(doc));
  const moving = partsToMove(order);
  if (moving.size === 0) return;
  const elements = body.toArray();
  const copies = new Map([...moving].map((index) => [index, (elements[index] as Y.XmlElement).clone()]));
  // Delete from the end so the indices still to delete stay valid, then insert in the target
  // order: each insert lands where everything before it is already in its final place.
  for (const index of [...moving].sort((a, b) => b - a)) body.delete(index, 1);
  order.forEach((current, target) => {
    const copy = copies.get(current);
    if (copy) body.insert(target, [copy]);
  });
}

/**
 * Removes the session at `index` and, unless another entry has the same id (two people moved
 * it at the same moment and Yjs kept both copies), its findings parts with all their text.
 * One undo step brings both back. Returns how many parts were removed.
 */
export function removeSession(doc: Y.Doc, index: number): number {
  const sessions = sessionsOf(doc);
  const map = sessions.get(index);
  if (!(map instanceof Y.Map)) return 0;
  const id = readSession(map).id;
  let removed = 0;
  asUndoStep(doc, () => {
    sessions.delete(index, 1);
    if (id === '' || sessionIds(doc).includes(id)) return;
    const parts = readBodyParts(doc);
    for (let i = parts.length - 1; i >= 0; i--) {
      const part = parts[i]!;
      if (isFindingsPart(part) && part.sessionId === id) {
        bodyOf(doc).delete(i, 1);
        removed += 1;
      }
    }
  });
  return removed;
}

/** How many words a session's findings parts hold, to say what removing it would lose. */
export function wordsInFindings(doc: Y.Doc, sessionId: string): number {
  let words = 0;
  for (const node of bodyOf(doc).toArray()) {
    if (
      node instanceof Y.XmlElement &&
      node.nodeName === 'section' &&
      node.getAttribute('sessionId') === sessionId
    ) {
      words += countWords(node);
    }
  }
  return words;
}

function countWords(node: Y.XmlElement | Y.XmlText | Y.XmlHook): number {
  if (node instanceof Y.XmlText) {
    const text = (node.toDelta() as Array<{ insert: unknown }>)
      .map((op) => (typeof op.insert === 'string' ? op.insert : ' '))
      .join('');
    return text.split(/\s+/).filter(Boolean).length;
  }
  if (node instanceof Y.XmlElement) {
    return node.toArray().reduce((sum, child) => sum + countWords(child as Y.XmlElement | Y.XmlText), 0);
  }
  return 0;
}
