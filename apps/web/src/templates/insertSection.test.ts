import { EditorState, TextSelection } from '@tiptap/pm/state';
import type { JSONContent } from '@tiptap/core';
import { describe, expect, it } from 'vitest';
import {
  buildSection,
  doc,
  documentSchema,
  h,
  p,
  section,
  sessionFindings,
  titleBlock,
} from '@plenary/templates';
import { insertFindingsTr, insertInSectionTr, insertTopLevelTr, partsOf } from './insertSection.ts';

const schema = documentSchema();

/** A state with the cursor at the first occurrence of `marker` (removed from the text). */
function stateAt(json: JSONContent, marker = '|'): EditorState {
  const text = JSON.stringify(json);
  const node = schema.nodeFromJSON(JSON.parse(text.replace(marker, '')));
  let cursor = -1;
  schema.nodeFromJSON(json).descendants((child, pos) => {
    if (cursor === -1 && child.isText && child.text!.includes(marker))
      cursor = pos + child.text!.indexOf(marker);
    return cursor === -1;
  });
  return EditorState.create({ doc: node, selection: TextSelection.create(node, cursor) });
}

const outline = (state: EditorState) =>
  partsOf(state.doc).map((part) =>
    part.type === 'section' ? (part.sessionId ? `${part.kind}:${part.sessionId}` : part.kind) : part.type,
  );
const node = (json: JSONContent) => schema.nodeFromJSON(json);
const cursorParent = (state: EditorState) => state.selection.$from.parent.type.name;

describe('insertTopLevelTr', () => {
  it('puts a section after the section the cursor is in, with the cursor in its first prompt', () => {
    const state = stateAt(
      doc(
        titleBlock(),
        section('overview', h(2, 'Overview'), p('Some| text.')),
        section('recommendations', h(2, 'Recommendations'), p()),
      ),
    );
    const next = state.apply(insertTopLevelTr(state, node(buildSection('conclusions')), null));
    expect(outline(next)).toEqual(['titleBlock', 'overview', 'conclusions', 'recommendations']);
    expect(next.selection.$from.node(1).attrs.kind).toBe('conclusions');
    expect(cursorParent(next)).toBe('paragraph');
  });

  it('replaces the empty paragraph the "/" menu was opened in, and removes the "/query"', () => {
    const state = stateAt(doc(section('overview', p('Text.')), p('/conc|')));
    const from = state.selection.from - '/conc'.length;
    const next = state.apply(
      insertTopLevelTr(state, node(buildSection('conclusions')), { from, to: state.selection.from }),
    );
    expect(outline(next)).toEqual(['overview', 'conclusions']);
    expect(next.doc.textContent).not.toContain('/conc');
  });
});

describe('insertInSectionTr', () => {
  it('puts a quote inside the current section, after the block the cursor is in', () => {
    const state = stateAt(doc(section('overview', h(2, 'Overview'), p('First.|'), p('Second.'))));
    const next = state.apply(insertInSectionTr(state, node(buildSection('quote')), null));
    expect(outline(next)).toEqual(['overview']);
    const part = next.doc.child(0);
    expect([...Array(part.childCount).keys()].map((i) => part.child(i).type.name)).toEqual([
      'heading',
      'paragraph',
      'attributedQuote',
      'paragraph',
    ]);
    expect(next.selection.$from.node(next.selection.$from.depth - 1).type.name).toBe('attributedQuote');
  });

  it('replaces the empty paragraph of the section with a speaker contribution', () => {
    const state = stateAt(doc(section('session-findings', p('/spe|'))));
    const from = state.selection.from - 4;
    const next = state.apply(
      insertInSectionTr(state, node(buildSection('speaker-contribution')), {
        from,
        to: state.selection.from,
      }),
    );
    expect(next.doc.child(0).child(0).type.name).toBe('speakerContribution');
    expect(next.doc.child(0).childCount).toBe(1);
  });
});

describe('insertFindingsTr', () => {
  it('puts a findings part in programme order, wherever the cursor is', () => {
    const state = stateAt(
      doc(
        section('overview', p('Here|.')),
        sessionFindings('a'),
        sessionFindings('c'),
        section('conclusions', p()),
      ),
    );
    const next = state.apply(insertFindingsTr(state, node(sessionFindings('b')), ['a', 'b', 'c'], null));
    expect(outline(next)).toEqual([
      'overview',
      'session-findings:a',
      'session-findings:b',
      'session-findings:c',
      'conclusions',
    ]);
    expect(next.selection.$from.node(1).attrs.sessionId).toBe('b');
  });
});
