import { EditorState, TextSelection } from '@tiptap/pm/state';
import { describe, expect, it } from 'vitest';
import { doc, documentSchema, h, p, section } from '@plenary/templates';
import { findSlash } from './slashMenuPlugin.ts';

const schema = documentSchema();

/** A state with the cursor at the end of the paragraph whose text is `paragraphText`. */
function cursorAtEndOf(json: ReturnType<typeof doc>, paragraphText: string): EditorState {
  const node = schema.nodeFromJSON(json);
  let at = -1;
  node.descendants((child, pos) => {
    if (at === -1 && child.type.name === 'paragraph' && child.textContent === paragraphText)
      at = pos + 1 + child.content.size;
    return at === -1;
  });
  return EditorState.create({ doc: node, selection: TextSelection.create(node, at) });
}

describe('findSlash', () => {
  it('finds "/" typed at the start of a paragraph, with what follows as the query', () => {
    const state = cursorAtEndOf(doc(section('overview', h(2, 'Overview'), p('/rec'))), '/rec');
    expect(findSlash(state)).toEqual({
      from: state.selection.from - 4,
      to: state.selection.from,
      query: 'rec',
    });
  });

  it('ignores a "/" inside a sentence, and a cursor that is not at the end of the query', () => {
    expect(findSlash(cursorAtEndOf(doc(p('and/or')), 'and/or'))).toBeNull();
    const state = cursorAtEndOf(doc(p('/rec')), '/rec');
    expect(findSlash(state.apply(state.tr.setSelection(TextSelection.create(state.doc, 2))))).toBeNull();
  });

  it('gives up on a long line that only begins with "/"', () => {
    const long = `/${'x'.repeat(60)}`;
    expect(findSlash(cursorAtEndOf(doc(p(long)), long))).toBeNull();
  });
});
