import { AlignmentType, Document, HeadingLevel, Packer, Paragraph, TextRun } from 'docx';
import * as Y from 'yjs';
import { describe, expect, it } from 'vitest';
import { encodeSeed, readContent } from '@plenary/templates';
import { NotAWordFileError } from './docx.ts';
import { UnsupportedFileError, importDraft, importKindOf } from './importDocument.ts';

let n = 0;
const newId = () => `id${++n}`;

/** A small Word draft of a fictional meeting, written by the test with the docx package. */
async function wordDraft(): Promise<Uint8Array> {
  const document = new Document({
    numbering: {
      config: [
        {
          reference: 'recs',
          levels: [{ level: 0, format: 'decimal', text: '%1.', alignment: AlignmentType.START }],
        },
      ],
    },
    sections: [
      {
        children: [
          new Paragraph({
            text: 'Co-Chairs’ Summary: Preparatory Meeting on Partnerships',
            heading: HeadingLevel.HEADING_1,
          }),
          new Paragraph({ text: 'Overview', heading: HeadingLevel.HEADING_2 }),
          new Paragraph({
            children: [
              new TextRun('Côte d’Ivoire and Türkiye co-hosted the meeting; '),
              new TextRun({ text: 'some 40 Member States', bold: true }),
              new TextRun(' '),
              new TextRun({ text: 'took part', italics: true }),
              new TextRun('.'),
            ],
          }),
          new Paragraph({ text: 'Session 1 – Regional partnerships', heading: HeadingLevel.HEADING_2 }),
          new Paragraph('Speakers stressed early warning.'),
          new Paragraph({
            text: 'Session 2: Training and capacity building',
            heading: HeadingLevel.HEADING_2,
          }),
          new Paragraph('Mobile training teams were discussed.'),
          new Paragraph({ text: 'Conclusions', heading: HeadingLevel.HEADING_2 }),
          new Paragraph({ text: 'Partnerships matter.', bullet: { level: 0 } }),
          new Paragraph({ text: 'Recommendations', heading: HeadingLevel.HEADING_2 }),
          new Paragraph({
            text: 'Member States should fund training.',
            numbering: { reference: 'recs', level: 0 },
          }),
          new Paragraph({
            text: 'The Secretariat should report annually.',
            numbering: { reference: 'recs', level: 0 },
          }),
        ],
      },
    ],
  });
  return new Uint8Array(await Packer.toBuffer(document));
}

type Node = {
  type: string;
  attrs?: Record<string, unknown>;
  content?: Node[];
  text?: string;
  marks?: Array<{ type: string }>;
};
const textOf = (node: Node): string => (node.text ?? '') + (node.content ?? []).map(textOf).join('');

describe('importDraft', () => {
  it('imports a Word draft: title, sections by heading, sessions, lists and emphasis', async () => {
    const { built, title } = await importDraft(await wordDraft(), 'docx', newId);
    expect(title).toBe('Co-Chairs’ Summary: Preparatory Meeting on Partnerships');
    expect(built.sessions.map((s) => s.title)).toEqual([
      'Regional partnerships',
      'Training and capacity building',
    ]);

    const ydoc = new Y.Doc();
    Y.applyUpdate(ydoc, encodeSeed(built)); // validates against the schema
    const body = readContent(ydoc).doc as Node;
    const sections = body.content!.filter((b) => b.type === 'section');
    expect(sections.map((s) => s.attrs!.kind)).toEqual([
      'overview',
      'session-findings',
      'session-findings',
      'conclusions',
      'recommendations',
    ]);
    expect(sections[1]!.attrs!.sessionId).toBe(built.sessions[0]!.id);

    const overview = JSON.stringify(sections[0]);
    expect(overview).toContain('Côte d’Ivoire and Türkiye');
    const marks = (sections[0]!.content![1]!.content ?? []).flatMap((t) =>
      (t.marks ?? []).map((m) => m.type),
    );
    expect(marks).toEqual(expect.arrayContaining(['bold', 'italic']));
    expect(sections[3]!.content!.some((b) => b.type === 'bulletList')).toBe(true);
    const recommendations = sections[4]!.content!.find((b) => b.type === 'orderedList')!;
    expect(recommendations.content!.map(textOf)).toEqual([
      'Member States should fund training.',
      'The Secretariat should report annually.',
    ]);
  });

  it('imports Markdown the same way and keeps links, dropping unsafe ones', async () => {
    const md = [
      '# Summary Report',
      '',
      'Intro before any heading, with [a link](https://example.org) and [a trap](javascript:alert(1)).',
      '',
      '## Panel III: Technology',
      '',
      '- one',
      '- two',
      '',
      '## Annex',
      '',
      '> quoted',
    ].join('\n');
    const { built, title } = await importDraft(new TextEncoder().encode(md), 'markdown', newId);
    expect(title).toBe('Summary Report');
    expect(built.sessions.map((s) => s.title)).toEqual(['Technology']);
    const json = JSON.stringify(built.body);
    expect(json).toContain('"href":"https://example.org"');
    // Not a link: markdown-it refuses the URL, so the brackets stay as plain text.
    expect(json).not.toContain('"href":"javascript');
    expect(json).toContain('a trap');
    expect(() => encodeSeed(built)).not.toThrow();
  });

  it('refuses a file that is not Word, and a file of another kind', async () => {
    await expect(importDraft(new TextEncoder().encode('not a zip'), 'docx', newId)).rejects.toBeInstanceOf(
      NotAWordFileError,
    );
    await expect(importDraft(new Uint8Array([0x50, 0x4b, 3, 4, 0, 0]), 'docx', newId)).rejects.toBeInstanceOf(
      NotAWordFileError,
    );
    expect(() => importKindOf('summary.pdf')).toThrow(UnsupportedFileError);
    expect(importKindOf('Draft.DOCX')).toBe('docx');
  });
});
