import type { Node as PMNode, ResolvedPos } from '@tiptap/pm/model';

/**
 * Where the recommendations are in a ProseMirror document. Pure functions over the document, so
 * the editor plugin, the commands and the tests share one reading of it, and it agrees with the
 * schema package's `listRecommendations` (which reads the Y.Doc on the server): the first node
 * carrying an id counts, and a recommendation's own sub-items are part of its text.
 */

export interface FoundRecommendation {
  readonly id: string;
  /** Position just before the node. */
  readonly pos: number;
  readonly node: PMNode;
  /** 1, 2, 3 … in document order. */
  readonly number: number;
}

const LISTS = new Set(['bulletList', 'orderedList']);

export function isRecommendationType(node: PMNode): boolean {
  return node.type.name === 'paragraph' || node.type.name === 'listItem';
}

export function recIdOf(node: PMNode): string | null {
  const id: unknown = node.attrs.recId;
  return isRecommendationType(node) && typeof id === 'string' && id !== '' ? id : null;
}

/** Every recommendation, numbered in document order. */
export function findRecommendations(doc: PMNode): FoundRecommendation[] {
  const found: FoundRecommendation[] = [];
  const seen = new Set<string>();
  doc.descendants((node, pos) => {
    const id = recIdOf(node);
    if (id) {
      // A duplicate (two replicas that pasted the same item) counts once, as on the server.
      if (!seen.has(id)) {
        seen.add(id);
        found.push({ id, pos, node, number: found.length + 1 });
      }
      return false;
    }
    // Text holds no recommendations: don't walk into paragraphs and headings.
    return !node.isTextblock;
  });
  return found;
}

/** Ids of the recommendations that have some text (an emptied one is as good as gone). */
export function idsWithText(doc: PMNode): Set<string> {
  const ids = new Set<string>();
  doc.descendants((node) => {
    const id = recIdOf(node);
    if (id && node.textContent.trim() !== '') ids.add(id);
    return !node.isTextblock;
  });
  return ids;
}

export function findRecommendation(doc: PMNode, id: string): FoundRecommendation | undefined {
  return findRecommendations(doc).find((rec) => rec.id === id);
}

/** The recommendation a position stands in (the outermost one), if any. */
export function recommendationAt($pos: ResolvedPos): { id: string; pos: number; node: PMNode } | null {
  for (let depth = 1; depth <= $pos.depth; depth++) {
    const node = $pos.node(depth);
    const id = recIdOf(node);
    if (id) return { id, pos: $pos.before(depth), node };
  }
  return null;
}

/**
 * Whether an item written here is a recommendation by default: a paragraph standing directly in
 * a Recommendations section, or an item of a list standing directly in one (not a sub-item,
 * which is part of its parent's text).
 */
export function isDefaultPlace(doc: PMNode, pos: number): boolean {
  const $pos = doc.resolve(pos);
  const node = $pos.nodeAfter;
  if (!node) return false;
  const parent = $pos.parent;
  if (node.type.name === 'paragraph') return isRecommendationsSection(parent);
  if (node.type.name === 'listItem' && LISTS.has(parent.type.name) && $pos.depth >= 1) {
    return isRecommendationsSection($pos.node($pos.depth - 1));
  }
  return false;
}

function isRecommendationsSection(node: PMNode): boolean {
  return node.type.name === 'section' && node.attrs.kind === 'recommendations';
}

export interface MarkTarget {
  readonly pos: number;
  readonly node: PMNode;
}

/**
 * The nodes "mark as recommendation" acts on for a selection: for each text block it touches,
 * the recommendation it already stands in, else its innermost list item, else the block itself
 * if it is a paragraph (headings and the like cannot be recommendations).
 */
export function markTargets(doc: PMNode, from: number, to: number): MarkTarget[] {
  const targets = new Map<number, MarkTarget>();
  const add = ($pos: ResolvedPos) => {
    const target = targetAt($pos);
    if (target) targets.set(target.pos, target);
  };
  add(doc.resolve(from));
  doc.nodesBetween(from, to, (node, pos) => {
    if (!node.isTextblock) return true;
    add(doc.resolve(pos + 1));
    return false;
  });
  return [...targets.values()].sort((a, b) => a.pos - b.pos);
}

function targetAt($pos: ResolvedPos): MarkTarget | null {
  const existing = recommendationAt($pos);
  if (existing) return { pos: existing.pos, node: existing.node };
  for (let depth = $pos.depth; depth >= 1; depth--) {
    const node = $pos.node(depth);
    if (node.type.name === 'listItem') return { pos: $pos.before(depth), node };
  }
  const block = $pos.parent;
  if ($pos.depth >= 1 && block.type.name === 'paragraph') return { pos: $pos.before(), node: block };
  return null;
}

/** The session part (per-session findings section) a position stands in, if any. */
export function sessionPartAt(doc: PMNode, pos: number): string | null {
  const $pos = doc.resolve(pos);
  for (let depth = $pos.depth; depth >= 1; depth--) {
    const node = $pos.node(depth);
    if (node.type.name === 'section') {
      const id: unknown = node.attrs.sessionId;
      return typeof id === 'string' && id !== '' ? id : null;
    }
  }
  return null;
}
