import type { JSONContent } from '@tiptap/core';
import type { SectionKind } from '@plenary/schema';

/**
 * Small builders for document content (ProseMirror JSON), in the spirit of
 * prosemirror-test-builder: `doc(section('conclusions', h(2, 'Conclusions'), p()))`.
 * Templates are written with them, and so are tests.
 */
type Child = JSONContent | string;

function inline(children: Child[]): JSONContent[] {
  return children.map((child) => (typeof child === 'string' ? text(child) : child)).filter((c) => c.text !== '');
}

export function text(value: string, marks?: Array<'bold' | 'italic' | 'underline'>): JSONContent {
  return marks?.length ? { type: 'text', text: value, marks: marks.map((type) => ({ type })) } : { type: 'text', text: value };
}

export function doc(...children: JSONContent[]): JSONContent {
  return { type: 'doc', content: children };
}

export function section(kind: SectionKind, ...children: JSONContent[]): JSONContent;
export function section(attrs: { kind: SectionKind; sessionId?: string }, ...children: JSONContent[]): JSONContent;
export function section(kindOrAttrs: SectionKind | { kind: SectionKind; sessionId?: string }, ...children: JSONContent[]): JSONContent {
  const attrs = typeof kindOrAttrs === 'string' ? { kind: kindOrAttrs, sessionId: null } : { sessionId: null, ...kindOrAttrs };
  return { type: 'section', attrs, content: children.length ? children : [p()] };
}

export function h(level: 1 | 2 | 3 | 4, ...children: Child[]): JSONContent {
  return { type: 'heading', attrs: { level }, content: inline(children) };
}

/** A paragraph; empty, it shows its section's greyed prompt in the editor. */
export function p(...children: Child[]): JSONContent {
  const content = inline(children);
  return content.length ? { type: 'paragraph', content } : { type: 'paragraph' };
}

export function ul(...items: JSONContent[]): JSONContent {
  return { type: 'bulletList', content: items };
}

export function ol(...items: JSONContent[]): JSONContent {
  return { type: 'orderedList', attrs: { start: 1 }, content: items };
}

export function li(...children: Array<JSONContent | string>): JSONContent {
  const blocks = children.map((c) => (typeof c === 'string' ? p(c) : c));
  return { type: 'listItem', content: blocks.length ? blocks : [p()] };
}

export function blockquote(...children: JSONContent[]): JSONContent {
  return { type: 'blockquote', content: children };
}

export function titleBlock(heading = "Chair's Summary"): JSONContent {
  return { type: 'titleBlock', attrs: { heading } };
}

export function sessionHeading(sessionId: string): JSONContent {
  return { type: 'sessionHeading', attrs: { sessionId } };
}

export function speaker(attrs: { speaker?: string; affiliation?: string }, ...paragraphs: JSONContent[]): JSONContent {
  return {
    type: 'speakerContribution',
    attrs: { speaker: attrs.speaker ?? '', affiliation: attrs.affiliation ?? '' },
    content: paragraphs.length ? paragraphs : [p()],
  };
}

export function quote(attribution: string, ...paragraphs: JSONContent[]): JSONContent {
  return { type: 'attributedQuote', attrs: { attribution }, content: paragraphs.length ? paragraphs : [p()] };
}

/** Marks a paragraph or list item as the recommendation `recId`. */
export function rec(recId: string, node: JSONContent): JSONContent {
  return { ...node, attrs: { ...node.attrs, recId } };
}
