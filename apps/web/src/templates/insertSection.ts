import type { Node as PMNode } from '@tiptap/pm/model';
import { TextSelection, type EditorState, type Transaction } from '@tiptap/pm/state';
import { findingsInsertIndex, type BodyPart } from '../structure/bodyParts.ts';

/**
 * Where templates go, as plain ProseMirror transactions (testable without a view): one
 * transaction per insertion, so it is one undo step, "/query" text included.
 */
export interface TextRange {
  readonly from: number;
  readonly to: number;
}

/** Starts the transaction, removing the "/query" text the "/" menu was opened with. */
function begin(state: EditorState, range: TextRange | null): Transaction {
  const tr = state.tr;
  if (range && range.to > range.from) tr.delete(range.from, range.to);
  return tr;
}

/** Puts the cursor in the first empty textblock of the node just inserted at `at` (its prompt). */
function placeCursor(tr: Transaction, at: number, node: PMNode): Transaction {
  let target: number | null = null;
  node.descendants((child, pos) => {
    if (target !== null) return false;
    if (child.isTextblock && child.content.size === 0) {
      target = at + 1 + pos + 1;
      return false;
    }
    return true;
  });
  return tr.setSelection(TextSelection.near(tr.doc.resolve(target ?? at + 1))).scrollIntoView();
}

/** Inserts `node` in place of the empty block at `depth`, or else after that block. */
function insertAtDepth(tr: Transaction, node: PMNode, depth: number): Transaction {
  const $from = tr.selection.$from;
  if ($from.depth < depth) {
    // Between blocks (a gap cursor): right there.
    tr.insert($from.pos, node);
    return placeCursor(tr, $from.pos, node);
  }
  const block = $from.node(depth);
  const before = $from.before(depth);
  if (block.type.name === 'paragraph' && block.content.size === 0) {
    tr.replaceWith(before, before + block.nodeSize, node);
    return placeCursor(tr, before, node);
  }
  const after = $from.after(depth);
  tr.insert(after, node);
  return placeCursor(tr, after, node);
}

/**
 * A top-level section (conclusions, recommendations ...): after the part the cursor is in, or
 * in place of the empty top-level paragraph the cursor is in. Sections never nest.
 */
export function insertTopLevelTr(state: EditorState, node: PMNode, range: TextRange | null): Transaction {
  return insertAtDepth(begin(state, range), node, 1);
}

/**
 * A block that belongs inside a section (a quote, a speaker's contribution): after the block
 * the cursor is in, inside the current section, or in place of the empty paragraph there.
 */
export function insertInSectionTr(state: EditorState, node: PMNode, range: TextRange | null): Transaction {
  const tr = begin(state, range);
  const $from = tr.selection.$from;
  let sectionDepth = 0;
  for (let depth = $from.depth; depth > 0; depth--) {
    if ($from.node(depth).type.name === 'section') {
      sectionDepth = depth;
      break;
    }
  }
  return insertAtDepth(tr, node, sectionDepth + 1);
}

/** The top-level parts of a ProseMirror document, as `bodyParts.ts` reasons about them. */
export function partsOf(doc: PMNode): BodyPart[] {
  const parts: BodyPart[] = [];
  doc.forEach((node) => {
    const kind = node.type.name === 'section' ? String(node.attrs.kind) : null;
    const sessionId =
      node.type.name === 'section' && typeof node.attrs.sessionId === 'string' ? node.attrs.sessionId : null;
    parts.push({ type: node.type.name, kind, sessionId });
  });
  return parts;
}

/**
 * A session's findings part, in programme order among the other findings parts (wherever the
 * cursor is): the order of the parts follows the order of the sessions.
 */
export function insertFindingsTr(
  state: EditorState,
  node: PMNode,
  sessionIds: readonly string[],
  range: TextRange | null,
): Transaction {
  const tr = begin(state, range);
  const index = findingsInsertIndex(partsOf(tr.doc), sessionIds, String(node.attrs.sessionId));
  let at = 0;
  for (let i = 0; i < index; i++) at += tr.doc.child(i).nodeSize;
  tr.insert(at, node);
  return placeCursor(tr, at, node);
}
