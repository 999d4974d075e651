import { describe, expect, it } from 'vitest';
import { arrangeFindings, findingsInsertIndex, partsToMove, type BodyPart } from './bodyParts.ts';

const title: BodyPart = { type: 'titleBlock', kind: null, sessionId: null };
const para: BodyPart = { type: 'paragraph', kind: null, sessionId: null };
const part = (kind: string): BodyPart => ({ type: 'section', kind, sessionId: null });
const findings = (sessionId: string): BodyPart => ({ type: 'section', kind: 'session-findings', sessionId });

/** Applies `order` to labels, as the Y.Doc ends up after the moves. */
const arranged = (parts: BodyPart[], order: number[]) => order.map((i) => label(parts[i]!));
const label = (p: BodyPart) => p.sessionId ?? p.kind ?? p.type;

describe('arrangeFindings', () => {
  const body = [
    title,
    part('overview'),
    findings('a'),
    findings('b'),
    findings('c'),
    part('conclusions'),
    para,
  ];

  it('leaves a body already in programme order alone', () => {
    expect(arrangeFindings(body, ['a', 'b', 'c'])).toEqual([0, 1, 2, 3, 4, 5, 6]);
  });

  it('puts the findings parts in the sessions’ order, leaving every other part in place', () => {
    expect(arranged(body, arrangeFindings(body, ['c', 'a', 'b']))).toEqual([
      'titleBlock',
      'overview',
      'c',
      'a',
      'b',
      'conclusions',
      'paragraph',
    ]);
  });

  it('keeps parts that sit between findings parts where they are', () => {
    const spread = [findings('a'), part('generic'), findings('b')];
    expect(arranged(spread, arrangeFindings(spread, ['b', 'a']))).toEqual(['b', 'generic', 'a']);
  });

  it('leaves the part of a session that no longer exists in place', () => {
    const orphaned = [findings('a'), findings('gone'), findings('b')];
    expect(arranged(orphaned, arrangeFindings(orphaned, ['b', 'a']))).toEqual(['b', 'gone', 'a']);
  });

  it('keeps two parts of one session in their relative order', () => {
    const twice = [findings('a'), findings('b'), findings('a')];
    const order = arrangeFindings(twice, ['b', 'a']);
    expect(order).toEqual([1, 0, 2]);
  });
});

describe('partsToMove', () => {
  it('moves nothing when the order is unchanged', () => {
    expect(partsToMove([0, 1, 2, 3])).toEqual(new Set());
  });

  it('moves only the one part that went from first to last', () => {
    expect(partsToMove([1, 2, 3, 0])).toEqual(new Set([0]));
  });

  it('moves one of two swapped neighbours', () => {
    expect(partsToMove([0, 2, 1, 3]).size).toBe(1);
  });

  it('moves all but one when the order is reversed', () => {
    expect(partsToMove([3, 2, 1, 0]).size).toBe(3);
  });
});

describe('findingsInsertIndex', () => {
  it('puts a new session’s part after the part of the session before it', () => {
    const body = [title, findings('a'), findings('c'), part('conclusions')];
    expect(findingsInsertIndex(body, ['a', 'b', 'c'], 'b')).toBe(2);
  });

  it('puts a new first session’s part before the part of the session after it', () => {
    const body = [title, part('overview'), findings('b'), part('conclusions')];
    expect(findingsInsertIndex(body, ['a', 'b'], 'a')).toBe(2);
  });

  it('puts the first findings part before the conclusions', () => {
    const body = [
      title,
      part('overview'),
      part('opening'),
      part('conclusions'),
      part('recommendations'),
      para,
    ];
    expect(findingsInsertIndex(body, ['a'], 'a')).toBe(3);
  });

  it('puts it at the end, before the trailing empty paragraph, when nothing closes the summary', () => {
    expect(findingsInsertIndex([part('overview'), para], ['a'], 'a')).toBe(1);
    expect(findingsInsertIndex([], ['a'], 'a')).toBe(0);
  });
});
