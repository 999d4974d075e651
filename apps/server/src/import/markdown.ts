import MarkdownIt from 'markdown-it';
import type { JSONContent } from '@tiptap/core';

type Token = ReturnType<MarkdownIt['parse']>[number];
type MarkType = 'bold' | 'italic' | 'strike' | 'link';

// HTML in imported text is kept as text, never interpreted: it is user input.
const parser = new MarkdownIt('commonmark', { html: false, linkify: false });

/**
 * Markdown to ProseMirror JSON in Plenary's schema (headings, paragraphs, bold, italic, links,
 * bullet and numbered lists, blockquotes; code becomes plain paragraphs, rules are dropped).
 * Returns the top-level blocks, to be grouped into sections by `structure.ts`.
 */
export function markdownToBlocks(markdown: string): JSONContent[] {
  const tokens = parser.parse(markdown, {});
  const root: JSONContent = { type: 'doc', content: [] };
  const stack: JSONContent[] = [root];
  const top = () => stack[stack.length - 1]!;
  const push = (node: JSONContent) => {
    (top().content ??= []).push(node);
    stack.push(node);
  };

  for (const token of tokens) {
    switch (token.type) {
      case 'heading_open':
        push({ type: 'heading', attrs: { level: Math.min(Number(token.tag.slice(1)), 4) }, content: [] });
        break;
      case 'paragraph_open':
        push({ type: 'paragraph', content: [] });
        break;
      case 'bullet_list_open':
        push({ type: 'bulletList', content: [] });
        break;
      case 'ordered_list_open':
        push({ type: 'orderedList', attrs: { start: Number(token.attrGet('start') ?? 1) }, content: [] });
        break;
      case 'list_item_open':
        push({ type: 'listItem', content: [] });
        break;
      case 'blockquote_open':
        push({ type: 'blockquote', content: [] });
        break;
      case 'heading_close':
      case 'paragraph_close':
      case 'bullet_list_close':
      case 'ordered_list_close':
      case 'list_item_close':
      case 'blockquote_close':
        stack.pop();
        break;
      case 'inline':
        (top().content ??= []).push(...inlineContent(token.children ?? []));
        break;
      case 'fence':
      case 'code_block':
        for (const line of token.content.replace(/\n$/, '').split('\n')) {
          (top().content ??= []).push(
            line ? { type: 'paragraph', content: [{ type: 'text', text: line }] } : { type: 'paragraph' },
          );
        }
        break;
      case 'html_block':
        (top().content ??= []).push({
          type: 'paragraph',
          content: [{ type: 'text', text: token.content.trim() }],
        });
        break;
      default:
        break; // hr and anything else has no place in a chair's summary
    }
  }
  return (root.content ?? []).map(tidy).filter((n): n is JSONContent => n !== null);
}

function inlineContent(children: Token[]): JSONContent[] {
  const out: JSONContent[] = [];
  const marks: Array<{ type: MarkType; attrs?: Record<string, unknown> }> = [];
  const open = (type: MarkType, attrs?: Record<string, unknown>) =>
    marks.push(attrs ? { type, attrs } : { type });
  const close = (type: MarkType) => {
    const at = marks.map((m) => m.type).lastIndexOf(type);
    if (at >= 0) marks.splice(at, 1);
  };
  const text = (value: string) => {
    if (!value) return;
    out.push(
      marks.length
        ? { type: 'text', text: value, marks: marks.map((m) => ({ ...m })) }
        : { type: 'text', text: value },
    );
  };
  for (const child of children) {
    switch (child.type) {
      case 'text':
      case 'code_inline':
      case 'html_inline':
        text(child.content);
        break;
      case 'softbreak':
        text(' ');
        break;
      case 'hardbreak':
        out.push({ type: 'hardBreak' });
        break;
      case 'strong_open':
        open('bold');
        break;
      case 'strong_close':
        close('bold');
        break;
      case 'em_open':
        open('italic');
        break;
      case 'em_close':
        close('italic');
        break;
      case 's_open':
        open('strike');
        break;
      case 's_close':
        close('strike');
        break;
      case 'link_open': {
        const href = child.attrGet('href') ?? '';
        // Only web and mail links survive an import; javascript: and the like are dropped.
        if (/^(https?:|mailto:)/i.test(href)) open('link', { href });
        break;
      }
      case 'link_close':
        close('link');
        break;
      case 'image':
        text(child.content);
        break;
      default:
        break;
    }
  }
  return mergeAdjacentText(out);
}

function mergeAdjacentText(nodes: JSONContent[]): JSONContent[] {
  const out: JSONContent[] = [];
  for (const node of nodes) {
    const last = out[out.length - 1];
    if (
      last?.type === 'text' &&
      node.type === 'text' &&
      JSON.stringify(last.marks) === JSON.stringify(node.marks)
    ) {
      last.text = (last.text ?? '') + (node.text ?? '');
    } else out.push(node);
  }
  return out;
}

/** Removes empty content arrays and fills containers the schema requires to be non-empty. */
function tidy(node: JSONContent): JSONContent | null {
  if (node.type === 'text') return node;
  const content = (node.content ?? []).map(tidy).filter((n): n is JSONContent => n !== null);
  switch (node.type) {
    case 'paragraph':
    case 'heading':
      if (content.length === 0) return node.type === 'heading' ? null : { type: 'paragraph' };
      return { ...node, content };
    case 'listItem':
      return { ...node, content: content.length ? content : [{ type: 'paragraph' }] };
    case 'bulletList':
    case 'orderedList':
    case 'blockquote':
      return content.length ? { ...node, content } : null;
    default:
      return { ...node, content };
  }
}
