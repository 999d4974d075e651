import { getSchema, type JSONContent } from '@tiptap/core';
import type { Node as PMNode } from '@tiptap/pm/model';
import { EditorState, TextSelection } from '@tiptap/pm/state';
import { plenaryExtensions } from '@plenary/schema';

/**
 * Builders for test documents in the shared schema, in the spirit of prosemirror-test-builder:
 * `doc(section('recommendations', ol(li('Member States should …', { recId: 'a' }))))`.
 */
export const schema = getSchema(plenaryExtensions());

type Attrs = Record<string, unknown>;
type Child = JSONContent | string;

const inline = (children: Child[]): JSONContent[] =>
  children.filter((c) => c !== '').map((c) => (typeof c === 'string' ? { type: 'text', text: c } : c));

export const doc = (...content: JSONContent[]): JSONContent => ({ type: 'doc', content });

export const section = (kind: string, ...content: JSONContent[]): JSONContent => ({
  type: 'section',
  attrs: { kind, sessionId: null },
  content,
});

export const sessionPart = (sessionId: string, ...content: JSONContent[]): JSONContent => ({
  type: 'section',
  attrs: { kind: 'session-findings', sessionId },
  content,
});

export const h2 = (text: string): JSONContent => ({
  type: 'heading',
  attrs: { level: 2 },
  content: inline([text]),
});

export function p(...children: Array<Child | Attrs>): JSONContent {
  const attrs = children.find(isAttrs);
  const content = inline(children.filter((c): c is Child => !isAttrs(c)));
  return { type: 'paragraph', ...(attrs && { attrs }), ...(content.length && { content }) };
}

export function li(...children: Array<Child | Attrs>): JSONContent {
  const attrs = children.find(isAttrs);
  const blocks = children
    .filter((c): c is Child => !isAttrs(c))
    .map((c) => (typeof c === 'string' ? p(c) : c));
  return { type: 'listItem', ...(attrs && { attrs }), content: blocks.length ? blocks : [p()] };
}

export const ol = (...items: JSONContent[]): JSONContent => ({ type: 'orderedList', content: items });
export const ul = (...items: JSONContent[]): JSONContent => ({ type: 'bulletList', content: items });

function isAttrs(value: unknown): value is Attrs {
  return typeof value === 'object' && value !== null && !('type' in value);
}

export function node(json: JSONContent): PMNode {
  return schema.nodeFromJSON(json);
}

/** An editor state on `json`, the cursor just after the first occurrence of `at` (if given). */
export function stateWith(json: JSONContent, at?: string): EditorState {
  const built = node(json);
  const state = EditorState.create({ schema, doc: built });
  if (at === undefined) return state;
  return state.apply(state.tr.setSelection(TextSelection.create(built, positionAfter(built, at))));
}

/** The position just after the first occurrence of `text`. */
export function positionAfter(root: PMNode, text: string): number {
  let found = -1;
  root.descendants((child, pos) => {
    if (found >= 0) return false;
    if (child.isText && child.text!.includes(text)) found = pos + child.text!.indexOf(text) + text.length;
    return true;
  });
  if (found < 0) throw new RangeError(`text ${JSON.stringify(text)} not in the document`);
  return found;
}

/** [recId, text] of every node with a recId, in document order (duplicates and nested included). */
export function recIds(root: PMNode): Array<[string | null, string]> {
  const out: Array<[string | null, string]> = [];
  root.descendants((child) => {
    if ((child.type.name === 'paragraph' || child.type.name === 'listItem') && child.attrs.recId) {
      out.push([child.attrs.recId as string, child.textContent]);
    }
    return !child.isTextblock;
  });
  return out;
}

/** A counter id source: r1, r2 … */
export function counterIds(prefix = 'new'): () => string {
  let n = 0;
  return () => `${prefix}${++n}`;
}
