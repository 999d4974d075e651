import { Node as PMNode } from '@tiptap/pm/model';
import type { JSONContent } from '@tiptap/core';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { prosemirrorJSONToYXmlFragment, yXmlFragmentToProseMirrorRootNode } from '@tiptap/y-tiptap';
import { DOCUMENT_FRAGMENT, DEFAULT_SETTINGS, type DocumentSettings } from '@plenary/schema';
import { doc, documentSchema, h, li, ol, p, quote, section, sessionHeading, titleBlock, ul } from '@plenary/templates';
import { computeUnNumbers } from './unNumbers.ts';

const schema = documentSchema();
const build = (json: JSONContent) => PMNode.fromJSON(schema, json);

/** The labels in document order, each with the text of the node it labels. */
function labelled(json: JSONContent, settings: DocumentSettings = DEFAULT_SETTINGS): string[] {
  const node = build(json);
  return computeUnNumbers(node, settings).map(({ pos, label, kind }) => {
    const target = node.nodeAt(pos)!;
    const text = kind === 'session' ? `session ${String(target.attrs.sessionId)}` : target.textContent;
    return `${label || '·'} ${text}`.trim();
  });
}

describe('UN numbering in the editor', () => {
  it('numbers body paragraphs consecutively across sections, front matter and blanks unnumbered', () => {
    expect(
      labelled(
        doc(
          p('Before the title'),
          titleBlock(),
          section('overview', h(2, 'Overview'), p('Some 50 Member States took part.'), p(), p('The aim.')),
          section('conclusions', h(2, 'Conclusions'), p('First conclusion.')),
        ),
      ),
    ).toEqual(['I. Overview', '1. Some 50 Member States took part.', '2. The aim.', 'II. Conclusions', '3. First conclusion.']);
  });

  it('numbers headings I. / A. / 1. by the levels in use, session headings as chapters', () => {
    expect(
      labelled(
        doc(
          titleBlock(),
          section('overview', h(2, 'Overview'), h(3, 'Participation'), h(4, 'Detail'), h(3, 'Format')),
          section({ kind: 'session-findings', sessionId: 's1' }, sessionHeading('s1'), h(3, 'Findings'), p('Said.')),
        ),
      ),
    ).toEqual(['I. Overview', 'A. Participation', '1. Detail', 'B. Format', 'II. session s1', 'A. Findings', '1. Said.']);
  });

  it('makes a body list numbered paragraphs, and a list after a colon subparagraphs (a) / (i)', () => {
    expect(
      labelled(
        doc(
          titleBlock(),
          section(
            'recommendations',
            ol(li('Member States should train.'), li(p('The Secretariat should:'), ol(li('plan'), li('report')))),
            p('Participants stressed:'),
            ul(li('safety'), li('medical care')),
            ol(li('first'), li(''), li('second')),
          ),
        ),
      ),
    ).toEqual([
      '· Member States should train.',
      '1. Member States should train.',
      '· The Secretariat should:planreport',
      '2. The Secretariat should:',
      '(a) plan',
      '(b) report',
      '3. Participants stressed:',
      '· first',
      '4. first',
      '·',
      '· second',
      '5. second',
    ]);
  });

  it('leaves quotes and annexes unnumbered, with plain list labels there', () => {
    expect(
      labelled(
        doc(
          titleBlock(),
          section('overview', p('Body.'), quote('The SG', p('Quoted.'))),
          section('annex', h(2, 'Programme'), p('Day 1.'), ol(li('Opening'), li('Panel'))),
        ),
      ),
    ).toEqual(['1. Body.', '1. Opening', '2. Panel']);
  });

  it('shows nothing when both numberings are switched off, and ordinary list labels', () => {
    const content = doc(titleBlock(), section('overview', h(2, 'Overview'), p('One.'), ol(li('a'), li('b'))));
    expect(labelled(content, { paragraphNumbering: 'none', headingNumbering: 'none' })).toEqual(['1. a', '2. b']);
    expect(labelled(content, { paragraphNumbering: 'none', headingNumbering: 'un' })).toEqual(['I. Overview', '1. a', '2. b']);
  });

  it('numbers the converged document of two concurrent editors without duplicates or gaps', () => {
    const seed = doc(titleBlock(), section('overview', p('Shared.')));
    const a = new Y.Doc();
    const b = new Y.Doc();
    prosemirrorJSONToYXmlFragment(schema, seed, a.getXmlFragment(DOCUMENT_FRAGMENT));
    Y.applyUpdate(b, Y.encodeStateAsUpdate(a));
    const insert = (ydoc: Y.Doc, text: string) => {
      const part = ydoc.getXmlFragment(DOCUMENT_FRAGMENT).get(1) as Y.XmlElement;
      const paragraph = new Y.XmlElement('paragraph');
      paragraph.insert(0, [new Y.XmlText(text)]);
      part.insert(1, [paragraph]);
    };
    // Both insert "their" paragraph 2 at the same moment, each seeing only its own.
    insert(a, 'From Amina.');
    insert(b, 'From Kenji.');
    Y.applyUpdate(a, Y.encodeStateAsUpdate(b));
    Y.applyUpdate(b, Y.encodeStateAsUpdate(a));
    const numbersOf = (ydoc: Y.Doc) =>
      computeUnNumbers(yXmlFragmentToProseMirrorRootNode(ydoc.getXmlFragment(DOCUMENT_FRAGMENT), schema), DEFAULT_SETTINGS).map(
        (n) => n.label,
      );
    expect(numbersOf(a)).toEqual(['1.', '2.', '3.']);
    expect(numbersOf(b)).toEqual(numbersOf(a));
  });
});
