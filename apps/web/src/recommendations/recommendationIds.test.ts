import { Slice } from '@tiptap/pm/model';
import { TextSelection } from '@tiptap/pm/state';
import { describe, expect, it } from 'vitest';
import { fixRecommendationIds, freshIdsForPaste } from './recommendationIds.ts';
import { findRecommendations } from './recommendationNodes.ts';
import {
  counterIds,
  doc,
  h2,
  li,
  node,
  ol,
  p,
  positionAfter,
  recIds,
  section,
  stateWith,
} from './testing/docBuilders.ts';
import { toggleRecommendation } from './toggleRecommendation.ts';

/** Runs `edit` on the state, then the fix-up the editor plugin appends after a local edit. */
function afterEdit(
  json: ReturnType<typeof doc>,
  edit: (tr: ReturnType<typeof stateWith>['tr']) => void,
  at?: string,
) {
  const state = stateWith(json, at);
  const tr = state.tr;
  edit(tr);
  const fix = state.apply(tr);
  const fixTr = fix.tr;
  fixRecommendationIds(fixTr, state.doc, counterIds());
  return fixTr.doc;
}

describe('fixRecommendationIds', () => {
  it('keeps the id on the first half when a recommendation is split in the middle; the second half is new', () => {
    const result = afterEdit(
      doc(p('Member States should act. They should report.', { recId: 'a' })),
      (tr) => {
        tr.split(positionAfter(tr.doc, 'act.'));
      },
    );
    expect(recIds(result)).toEqual([
      ['a', 'Member States should act.'],
      ['new1', ' They should report.'],
    ]);
  });

  it('moves the id with the text when Enter is pressed at the start of a paragraph', () => {
    const result = afterEdit(doc(p('Member States should act.', { recId: 'a' })), (tr) => {
      tr.split(1);
    });
    expect(recIds(result)).toEqual([['a', 'Member States should act.']]);
    expect(result.firstChild!.attrs.recId).toBeNull();
  });

  it('moves the id with the text when Enter is pressed at the start of a list item', () => {
    const json = doc(ol(li('Member States should act.', { recId: 'a' })));
    const result = afterEdit(json, (tr) => {
      // What Tiptap's splitListItem does: the new (second) item gets no id.
      tr.split(3, 2, [{ type: tr.doc.type.schema.nodes.listItem!, attrs: { recId: null } }]);
    });
    expect(recIds(result)).toEqual([['a', 'Member States should act.']]);
    expect(result.firstChild!.firstChild!.attrs.recId).toBeNull();
  });

  it('gives the id to the text when a cut recommendation is pasted elsewhere, leaving its emptied item', () => {
    const json = doc(
      ol(li('', { recId: 'a' }), li('Other.', { recId: 'b' }), li('Moved text.', { recId: 'a' })),
    );
    const result = afterEdit(json, (tr) => tr.insertText('!', positionAfter(tr.doc, 'Other.')));
    expect(recIds(result)).toEqual([
      ['b', 'Other.!'],
      ['a', 'Moved text.'],
    ]);
  });

  it('gives items with text in a Recommendations section an id, but not empty or opted-out ones', () => {
    const json = doc(
      section(
        'recommendations',
        h2('Recommendations'),
        ol(li('Member States should act.'), li(''), li('Not this one.', { recOptOut: true })),
        p('A paragraph recommendation.'),
      ),
      p('Outside any section.'),
    );
    const result = afterEdit(json, (tr) => tr.insertText('!', positionAfter(tr.doc, 'Outside any section.')));
    expect(recIds(result)).toEqual([
      ['new1', 'Member States should act.'],
      ['new2', 'A paragraph recommendation.'],
    ]);
  });

  it('leaves the sub-items of a recommendation alone', () => {
    const json = doc(section('recommendations', ol(li(p('Parent.'), ol(li('Sub-item (a).'))))));
    const result = afterEdit(json, (tr) => tr.insertText('!', positionAfter(tr.doc, 'Parent.')));
    expect(recIds(result)).toEqual([['new1', 'Parent.!Sub-item (a).']]);
  });

  it('changes nothing in a document whose ids are in order', () => {
    const state = stateWith(
      doc(section('recommendations', ol(li('One.', { recId: 'a' }), li('Two.', { recId: 'b' })))),
    );
    const tr = state.tr;
    expect(fixRecommendationIds(tr, state.doc, counterIds())).toBe(false);
    expect(tr.docChanged).toBe(false);
  });
});

describe('toggleRecommendation', () => {
  const run = (json: ReturnType<typeof doc>, at: string) => {
    const state = stateWith(json, at);
    let next = state;
    const handled = toggleRecommendation(state, (tr) => (next = state.apply(tr)), counterIds('r'));
    return { handled, doc: next.doc };
  };

  it('marks the list item the cursor is in, and unmarks it again', () => {
    const marked = run(doc(ol(li('Member States should act.'))), 'Member');
    expect(recIds(marked.doc)).toEqual([['r1', 'Member States should act.']]);
    const unmarked = run(marked.doc.toJSON() as ReturnType<typeof doc>, 'Member');
    expect(recIds(unmarked.doc)).toEqual([]);
    expect(unmarked.doc.firstChild!.firstChild!.attrs.recOptOut).toBe(false);
  });

  it('records the opt-out when unmarking in a Recommendations section', () => {
    const { doc: result } = run(doc(section('recommendations', ol(li('Act.', { recId: 'a' })))), 'Act');
    const item = result.firstChild!.firstChild!.firstChild!;
    expect(item.attrs).toMatchObject({ recId: null, recOptOut: true });
  });

  it('marks every paragraph of a selection', () => {
    const state = stateWith(doc(p('One.'), p('Two.'), p('Three.')));
    const selected = state.apply(
      state.tr.setSelection(TextSelection.create(state.doc, 2, positionAfter(state.doc, 'Tw'))),
    );
    let next = selected;
    toggleRecommendation(selected, (tr) => (next = selected.apply(tr)), counterIds('r'));
    expect(recIds(next.doc)).toEqual([
      ['r1', 'One.'],
      ['r2', 'Two.'],
    ]);
  });

  it('cannot mark a heading', () => {
    expect(run(doc(h2('Recommendations')), 'Recomm').handled).toBe(false);
  });
});

describe('findRecommendations', () => {
  it('numbers in document order, counting a duplicated id once and sub-items as part of their parent', () => {
    const root = node(
      doc(
        p('First.', { recId: 'a' }),
        ol(li(p('Second.'), ol(li('Nested.', { recId: 'n' }))), li('Third.', { recId: 'b' })),
        p('Copy of first.', { recId: 'a' }),
      ),
    );
    // The nested one stands inside a list item that is no recommendation, so it counts.
    expect(findRecommendations(root).map((r) => [r.number, r.id])).toEqual([
      [1, 'a'],
      [2, 'n'],
      [3, 'b'],
    ]);
  });
});

describe('freshIdsForPaste', () => {
  it('gives copies new ids and drops opt-outs, but keeps the id of a cut (moved) recommendation', () => {
    const pasted = node(
      doc(p('Copied.', { recId: 'a' }), p('Moved.', { recId: 'gone' }), p('Opted out.', { recOptOut: true })),
    );
    const slice = freshIdsForPaste(new Slice(pasted.content, 0, 0), new Set(['a']), counterIds());
    const out: unknown[] = [];
    slice.content.forEach((child) => out.push([child.attrs.recId, child.attrs.recOptOut]));
    expect(out).toEqual([
      ['new1', false],
      ['gone', false],
      [null, false],
    ]);
  });

  it('gives a recommendation pasted twice in one go two ids', () => {
    const pasted = node(doc(p('One.', { recId: 'x' }), p('Two.', { recId: 'x' })));
    const slice = freshIdsForPaste(new Slice(pasted.content, 0, 0), new Set(), counterIds());
    const ids: unknown[] = [];
    slice.content.forEach((child) => ids.push(child.attrs.recId));
    expect(ids).toEqual(['x', 'new1']);
  });
});
