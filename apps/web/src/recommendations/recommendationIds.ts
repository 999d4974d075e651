import { Fragment, Slice, type Node as PMNode } from '@tiptap/pm/model';
import type { Transaction } from '@tiptap/pm/state';
import { isDefaultPlace, isRecommendationType, recIdOf } from './recommendationNodes.ts';

/**
 * Keeps recommendation ids right after a local edit, by adding attribute changes to `tr` (whose
 * document is the edit's result). Returns whether it changed anything.
 *
 * - One id, one item. ProseMirror's split copies a paragraph's attributes to both halves
 *   (Tiptap's `keepOnSplit: false` only applies when splitting at the very end), so Enter in the
 *   middle of a recommendation leaves two items with its id. The first item with text keeps the
 *   id, and its tags; a later one with text is a new recommendation (new id); an empty one is
 *   none.
 * - Enter at the start of a list item leaves the id (and tags) on the new empty item above and
 *   the text below without one: the id follows the text.
 * - In a Recommendations section, items with text are recommendations unless a rapporteur
 *   unmarked them (`recOptOut`). Empty ones wait for their first word, so the number and the
 *   panel never show an empty recommendation.
 *
 * The caller runs this for local edits only: remote changes arrive already fixed by their
 * author, and fixing them again on every replica would race to give one item several ids.
 */
export function fixRecommendationIds(tr: Transaction, oldDoc: PMNode, newId: () => string): boolean {
  const doc = tr.doc;
  const changes = new Map<number, { recId: string | null; recOptOut?: boolean }>();
  const idAt = (pos: number, node: PMNode) => {
    const change = changes.get(pos);
    return change ? change.recId : recIdOf(node);
  };

  // 1. Duplicates.
  const byId = new Map<string, Array<{ pos: number; node: PMNode }>>();
  doc.descendants((node, pos) => {
    const id = recIdOf(node);
    if (id) byId.set(id, [...(byId.get(id) ?? []), { pos, node }]);
    return !node.isTextblock;
  });
  for (const items of byId.values()) {
    if (items.length < 2) continue;
    const keeper = items.find((item) => hasText(item.node)) ?? items[0];
    for (const item of items) {
      if (item === keeper) continue;
      changes.set(item.pos, { recId: hasText(item.node) ? newId() : null });
    }
  }

  // 2. A recommendation emptied by a split at its start hands its id to the text it lost.
  let oldText: Map<string, string> | undefined;
  doc.descendants((node, pos) => {
    const id = idAt(pos, node);
    if (id && !hasText(node)) {
      oldText ??= textById(oldDoc);
      const before = oldText.get(id);
      const $pos = doc.resolve(pos);
      const next = $pos.parent.maybeChild($pos.index() + 1);
      const nextPos = pos + node.nodeSize;
      if (before && next && next.type === node.type && !idAt(nextPos, next) && next.textContent === before) {
        changes.set(pos, { recId: null, recOptOut: false });
        changes.set(nextPos, { recId: id, recOptOut: false });
      }
    }
    return !node.isTextblock;
  });

  // 3. Items of a Recommendations section are recommendations by default.
  doc.descendants((node, pos) => {
    if (
      isRecommendationType(node) &&
      !idAt(pos, node) &&
      !node.attrs.recOptOut &&
      hasText(node) &&
      isDefaultPlace(doc, pos)
    ) {
      changes.set(pos, { recId: newId() });
    }
    return !node.isTextblock;
  });

  for (const [pos, change] of changes) {
    tr.setNodeAttribute(pos, 'recId', change.recId);
    if (change.recOptOut !== undefined) tr.setNodeAttribute(pos, 'recOptOut', change.recOptOut);
  }
  return changes.size > 0;
}

function hasText(node: PMNode): boolean {
  return node.textContent.trim() !== '';
}

function textById(doc: PMNode): Map<string, string> {
  const texts = new Map<string, string>();
  doc.descendants((node) => {
    const id = recIdOf(node);
    if (id && !texts.has(id)) texts.set(id, node.textContent);
    return !node.isTextblock;
  });
  return texts;
}

/**
 * What a paste inserts: a copy of a recommendation is a new recommendation, so it gets a new id
 * (the original keeps its id and tags) and loses any opt-out. An id not in `existing` (the
 * ids that still hold text) is kept: that paste completes a cut, i.e. a move, and the tags
 * should follow the text.
 */
export function freshIdsForPaste(slice: Slice, existing: ReadonlySet<string>, newId: () => string): Slice {
  const used = new Set(existing);
  const mapFragment = (fragment: Fragment): Fragment => {
    const children: PMNode[] = [];
    fragment.forEach((node) => {
      const content = node.isTextblock ? node.content : mapFragment(node.content);
      if (!isRecommendationType(node)) {
        children.push(content === node.content ? node : node.copy(content));
        return;
      }
      const id = recIdOf(node);
      const recId = id && used.has(id) ? newId() : id;
      if (recId) used.add(recId);
      children.push(node.type.create({ ...node.attrs, recId, recOptOut: false }, content, node.marks));
    });
    return Fragment.fromArray(children);
  };
  return new Slice(mapFragment(slice.content), slice.openStart, slice.openEnd);
}
