import * as Y from 'yjs';
import { describe, expect, it } from 'vitest';
import { readSessions } from '@plenary/schema';
import { buildDocument, h, p, readContent, section, seedYDoc, sessionHeading } from '@plenary/templates';
import { readSummaryHeading, setSummaryHeading, updateMeeting } from './meetingOps.ts';
import {
  addFindingsPart,
  addSession,
  moveSession,
  readBodyParts,
  removeSession,
  updateSession,
  wordsInFindings,
} from './sessionOps.ts';
import { documentUndoManager } from './undoManager.ts';

let counter = 0;

/** A chair's summary with sessions A, B, C, each findings part holding one sentence. */
function summary() {
  const ydoc = new Y.Doc();
  const built = buildDocument('chairs-summary', {
    sessions: [{ title: 'A' }, { title: 'B' }, { title: 'C' }],
    newId: () => `s${++counter}`,
  });
  const [a, b, c] = built.sessions.map((s) => s.id);
  built.body.content = built.body.content!.map((node) =>
    node.attrs?.kind === 'session-findings'
      ? section(
          { kind: 'session-findings', sessionId: node.attrs.sessionId as string },
          sessionHeading(node.attrs.sessionId as string),
          p(`Findings of ${titleOf(built.sessions, node.attrs.sessionId as string)}.`),
        )
      : node,
  );
  seedYDoc(ydoc, built);
  return { ydoc, ids: { a: a!, b: b!, c: c! }, undo: documentUndoManager(ydoc) };
}

const titleOf = (sessions: Array<{ id: string; title: string }>, id: string) =>
  sessions.find((s) => s.id === id)!.title;

/** Outline of the body: section kinds, findings parts by the text inside them. */
function outline(ydoc: Y.Doc): string[] {
  return readContent(ydoc).doc.content!.map((node) => {
    if (node.type !== 'section') return node.type!;
    if (node.attrs!.kind !== 'session-findings') return node.attrs!.kind as string;
    return (
      JSON.stringify(node.content).match(/Findings of (\w+)/)?.[1] ??
      `new:${readSessions(ydoc).findIndex((s) => s.id === node.attrs!.sessionId) + 1}`
    );
  });
}

const titles = (ydoc: Y.Doc) => readSessions(ydoc).map((s) => s.title);

describe('moving a session', () => {
  it('moves its findings part with it, text and all', () => {
    const { ydoc } = summary();
    moveSession(ydoc, 0, 2);
    expect(titles(ydoc)).toEqual(['B', 'C', 'A']);
    expect(outline(ydoc)).toEqual([
      'titleBlock',
      'overview',
      'opening',
      'B',
      'C',
      'A',
      'conclusions',
      'recommendations',
      'paragraph',
    ]);
  });

  it('is one update for the others and one undo step', () => {
    const { ydoc, undo } = summary();
    const updates: Uint8Array[] = [];
    ydoc.on('update', (update: Uint8Array) => updates.push(update));
    moveSession(ydoc, 2, 1);
    expect(titles(ydoc)).toEqual(['A', 'C', 'B']);
    expect(updates).toHaveLength(1);
    const replica = new Y.Doc();
    Y.applyUpdate(replica, Y.encodeStateAsUpdate(ydoc));
    expect(outline(replica)).toEqual(outline(ydoc));

    undo.undo();
    expect(titles(ydoc)).toEqual(['A', 'B', 'C']);
    expect(outline(ydoc)).toEqual([
      'titleBlock',
      'overview',
      'opening',
      'A',
      'B',
      'C',
      'conclusions',
      'recommendations',
      'paragraph',
    ]);
  });
});

describe('adding a session', () => {
  it('inserts its findings part among the others, in programme order', () => {
    const { ydoc } = summary();
    addSession(ydoc, { title: 'Between A and B' }, 1);
    expect(titles(ydoc)).toEqual(['A', 'Between A and B', 'B', 'C']);
    expect(outline(ydoc)).toEqual([
      'titleBlock',
      'overview',
      'opening',
      'A',
      'new:2',
      'B',
      'C',
      'conclusions',
      'recommendations',
      'paragraph',
    ]);
  });

  it('gives back the part of a session whose part was deleted', () => {
    const { ydoc, ids } = summary();
    ydoc.getXmlFragment('body').delete(4, 1); // B's part
    addFindingsPart(ydoc, ids.b);
    expect(outline(ydoc)).toEqual([
      'titleBlock',
      'overview',
      'opening',
      'A',
      'new:2',
      'C',
      'conclusions',
      'recommendations',
      'paragraph',
    ]);
  });
});

describe('removing a session', () => {
  it('removes its findings part, and one undo brings both back', () => {
    const { ydoc, undo, ids } = summary();
    expect(wordsInFindings(ydoc, ids.b)).toBe(3);
    expect(removeSession(ydoc, 1)).toBe(1);
    expect(titles(ydoc)).toEqual(['A', 'C']);
    expect(outline(ydoc)).toEqual([
      'titleBlock',
      'overview',
      'opening',
      'A',
      'C',
      'conclusions',
      'recommendations',
      'paragraph',
    ]);

    undo.undo();
    expect(titles(ydoc)).toEqual(['A', 'B', 'C']);
    expect(outline(ydoc)).toEqual([
      'titleBlock',
      'overview',
      'opening',
      'A',
      'B',
      'C',
      'conclusions',
      'recommendations',
      'paragraph',
    ]);
  });

  it('keeps the part while another copy of the session remains', () => {
    const { ydoc } = summary();
    const sessions = ydoc.getArray<Y.Map<unknown>>('sessions');
    sessions.push([sessions.get(1).clone()]); // what two concurrent moves of B leave behind
    expect(removeSession(ydoc, 3)).toBe(0);
    expect(outline(ydoc)).toContain('B');
  });
});

describe('editing details', () => {
  it('merges keystrokes into one undo step, and leaves other fields alone', () => {
    const { ydoc, undo, ids } = summary();
    undo.stopCapturing();
    updateSession(ydoc, ids.b, { title: 'B ' });
    updateSession(ydoc, ids.b, { title: 'B renamed', facilitator: 'Ms. Diallo' });
    expect(readSessions(ydoc)[1]).toMatchObject({ title: 'B renamed', facilitator: 'Ms. Diallo' });
    undo.undo();
    expect(readSessions(ydoc)[1]).toMatchObject({ title: 'B', facilitator: '' });
  });

  it('sets the title block heading and meeting details, undoably', () => {
    const { ydoc, undo } = summary();
    expect(readSummaryHeading(ydoc)).toBe('Chair’s Summary');
    updateMeeting(ydoc, { coHosts: ['Ghana', 'Japan'] });
    setSummaryHeading(ydoc, 'Co-Chairs’ Summary');
    expect(readSummaryHeading(ydoc)).toBe('Co-Chairs’ Summary');
    undo.undo();
    expect(readSummaryHeading(ydoc)).toBe('Chair’s Summary');
  });

  it('has no heading to set in a document without a title block', () => {
    const ydoc = new Y.Doc();
    seedYDoc(ydoc, {
      ...buildDocument('blank', { newId: () => 'x' }),
      body: { type: 'doc', content: [section('generic', h(2, 'Notes'), p())] },
    });
    expect(readSummaryHeading(ydoc)).toBeNull();
    expect(readBodyParts(ydoc)).toEqual([{ type: 'section', kind: 'generic', sessionId: null }]);
  });
});
