import * as Y from 'yjs';
import { describe, expect, it } from 'vitest';
import { listRecommendations, readTags, writeTags } from '@plenary/schema';
import { doc, h, li, ol, p, rec, section, sessionHeading } from './builders.ts';
import { buildDocument } from './documents.ts';
import { seedYDoc } from './seed.ts';

function summary(): Y.Doc {
  const ydoc = new Y.Doc();
  const base = buildDocument('blank', { newId: () => 'x', sessions: [{ id: 'sess-a', title: 'Medical support' }] });
  seedYDoc(ydoc, {
    ...base,
    body: doc(
      section({ kind: 'session-findings', sessionId: 'sess-a' }, sessionHeading('sess-a'), rec('r-para', p('Missions should train ', 'medics.'))),
      section('recommendations', h(2, 'Recommendations'), ol(rec('r1', li('Member States should pledge field hospitals.')), li('Not a recommendation.'), rec('r2', li('The Secretariat should report.')))),
    ),
  });
  return ydoc;
}

function sync(a: Y.Doc, b: Y.Doc): void {
  Y.applyUpdate(b, Y.encodeStateAsUpdate(a, Y.encodeStateVector(b)));
  Y.applyUpdate(a, Y.encodeStateAsUpdate(b, Y.encodeStateVector(a)));
}

describe('recommendations', () => {
  it('are numbered in document order, with text, session and default tags', () => {
    const entries = listRecommendations(summary());
    expect(entries.map((e) => [e.number, e.id, e.text])).toEqual([
      [1, 'r-para', 'Missions should train medics.'],
      [2, 'r1', 'Member States should pledge field hospitals.'],
      [3, 'r2', 'The Secretariat should report.'],
    ]);
    expect(entries[0]).toMatchObject({ sessionId: 'sess-a', sessionTitle: 'Medical support', status: 'proposed', themes: [] });
    expect(entries[1]!.sessionId).toBeNull();
  });

  it('merge concurrent tagging by two rapporteurs as sets', () => {
    const a = summary();
    const b = new Y.Doc();
    sync(a, b);
    writeTags(a, 'r1', { addThemes: ['medical'], addAddressees: ['member-states'] });
    writeTags(b, 'r1', { addThemes: ['training'], status: 'agreed' });
    sync(a, b);
    for (const replica of [a, b]) {
      expect(readTags(replica, 'r1')).toMatchObject({ themes: ['medical', 'training'], addressees: ['member-states'], status: 'agreed' });
    }
  });

  it('renumber when items move, keeping ids and tags', () => {
    const ydoc = summary();
    writeTags(ydoc, 'r2', { themes: ['technology'] });
    // Move r2 before r1: delete the list item element and insert a copy at the top.
    const body = ydoc.getXmlFragment('body');
    const list = (body.get(1) as Y.XmlElement).get(1) as Y.XmlElement;
    const moved = (list.get(2) as Y.XmlElement).clone();
    ydoc.transact(() => {
      list.delete(2, 1);
      list.insert(0, [moved]);
    });
    const entries = listRecommendations(ydoc);
    expect(entries.map((e) => e.id)).toEqual(['r-para', 'r2', 'r1']);
    expect(entries[1]).toMatchObject({ number: 2, themes: ['technology'] });
  });
});
