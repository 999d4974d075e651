import { Node as PMNode } from '@tiptap/pm/model';
import type { JSONContent } from '@tiptap/core';
import { describe, expect, it } from 'vitest';
import type { Session } from '@plenary/schema';
import { doc, documentSchema, h, p, section, sessionHeading, titleBlock } from '@plenary/templates';
import { buildOutline, partAt } from './outlineModel.ts';

const schema = documentSchema();
const build = (json: JSONContent) => PMNode.fromJSON(schema, json);
const session = (id: string, title: string): Session =>
  ({ id, title, day: null, number: null, facilitator: '', speakers: [], questions: [] }) as unknown as Session;

const sample = doc(
  titleBlock("Co-Chairs' Summary"),
  section('overview', h(2, 'Overview'), p('Who took part.'), h(3, 'Format'), p('Panels.')),
  section({ kind: 'session-findings', sessionId: 's2' }, sessionHeading('s2'), p('Said.')),
  section({ kind: 'session-findings', sessionId: 's1' }, sessionHeading('s1'), h(3, 'Evacuation'), p('Found.')),
  section('conclusions', p('A conclusion.')),
);

describe('the outline', () => {
  it('lists parts by heading, sessions by programme number and title, headings nested', () => {
    const sessions = [session('s1', 'Casualty evacuation'), session('s2', 'Field hospitals')];
    const outline = buildOutline(build(sample), sessions).map((e) => `${'  '.repeat(e.depth)}${e.label}`);
    expect(outline).toEqual([
      "Co-Chairs' Summary",
      'Overview',
      '  Format',
      'Session 2 – Field hospitals',
      'Session 1 – Casualty evacuation',
      '  Evacuation',
      'Conclusions',
    ]);
  });

  it('finds the part that holds a position', () => {
    const node = build(sample);
    const entries = buildOutline(node, [session('s1', 'A'), session('s2', 'B')]);
    const evacuation = entries.find((e) => e.label === 'Evacuation')!;
    expect(partAt(node, evacuation.pos + 2)).toBe(evacuation.part);
    expect(partAt(node, evacuation.pos + 2)).toBe(3);
    expect(partAt(node, 0)).toBe(0);
  });
});
