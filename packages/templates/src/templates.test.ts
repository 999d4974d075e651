import * as Y from 'yjs';
import { describe, expect, it } from 'vitest';
import { DocFields } from '@plenary/schema';
import { doc, h, li, ol, p, section } from './builders.ts';
import { buildDocument } from './documents.ts';
import { DOCUMENT_TEMPLATES, SECTION_TEMPLATES, UnknownTemplateError } from './registry.ts';
import { buildSection } from './sections.ts';
import { documentSchema, encodeSeed, readContent, seedYDoc } from './seed.ts';

let counter = 0;
const newId = () => `s${++counter}`;
const sessions = [
  { title: 'Safety and security of peacekeepers', day: 1 },
  { title: 'Medical support in the field', day: 1, facilitator: 'Ms. A. Diallo' },
  { title: 'Technology and protection of civilians', day: 2 },
];
const meeting = { title: 'Preparatory meeting on Capabilities', coHosts: ['Côte d’Ivoire', 'Türkiye'], dates: '3-4 March 2026', venue: 'Abidjan' };

describe('document templates', () => {
  it.each(DOCUMENT_TEMPLATES.map((t) => t.id))('%s builds a body valid for the schema and round-trips through a Y.Doc', (id) => {
    const built = buildDocument(id, { meeting, sessions, newId, includeAnnex: true });
    expect(() => documentSchema().nodeFromJSON(built.body).check()).not.toThrow();
    const ydoc = new Y.Doc();
    Y.applyUpdate(ydoc, encodeSeed(built));
    const content = readContent(ydoc);
    expect(content.doc).toEqual(documentSchema().nodeFromJSON(built.body).toJSON());
    expect(content.meeting).toMatchObject(meeting);
    expect(content.sessions.map((s) => s.title)).toEqual(built.sessions.map((s) => s.title));
  });

  it('gives the chair’s summary one findings part per session, in order, and the fixed parts around them', () => {
    const built = buildDocument('chairs-summary', { meeting, sessions, newId });
    const parts = built.body.content!.map((n) => (n.type === 'section' ? `${n.attrs!.kind}${n.attrs!.sessionId ? ':' + n.attrs!.sessionId : ''}` : n.type));
    expect(parts).toEqual([
      'titleBlock',
      'overview',
      'opening',
      ...built.sessions.map((s) => `session-findings:${s.id}`),
      'conclusions',
      'recommendations',
      'paragraph',
    ]);
    expect(built.body.content![0]!.attrs!.heading).toBe('Co-Chairs’ Summary');
    expect(new Set(built.sessions.map((s) => s.id)).size).toBe(3);
  });

  it('refuses an unknown template, naming it and the valid ones', () => {
    expect(() => buildDocument('chairs-sumary', { newId })).toThrow(UnknownTemplateError);
    expect(() => buildDocument('chairs-sumary', { newId })).toThrow(/"chairs-sumary".*chairs-summary, summary-report, blank/);
    expect(() => buildSection('nope')).toThrow(/unknown template "nope"/);
  });
});

describe('section templates', () => {
  it.each(SECTION_TEMPLATES.map((t) => t.id))('%s fits the schema where it is meant to go', (id) => {
    const node = buildSection(id, { sessionId: 'x1' });
    const body = node.type === 'section' ? doc(node) : doc(section('generic', node));
    expect(() => documentSchema().nodeFromJSON(body).check()).not.toThrow();
  });
});

describe('seedYDoc', () => {
  it('refuses content the schema does not allow, writing nothing', () => {
    const ydoc = new Y.Doc();
    const bad = { templateId: 'blank' as const, meeting: buildDocument('blank', { newId }).meeting, sessions: [], body: doc(section('conclusions', section('overview', p()))) };
    expect(() => seedYDoc(ydoc, bad)).toThrow(RangeError);
    expect(ydoc.getXmlFragment(DocFields.body).length).toBe(0);
  });

  it('keeps text written with the builders', () => {
    const ydoc = new Y.Doc();
    const body = doc(section('recommendations', h(2, 'Recommendations'), ol(li('Member States should pledge medical units.'))));
    seedYDoc(ydoc, { ...buildDocument('blank', { newId }), body });
    expect(JSON.stringify(readContent(ydoc).doc)).toContain('Member States should pledge medical units.');
  });
});
