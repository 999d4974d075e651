import * as Y from 'yjs';
import { describe, expect, it } from 'vitest';
import { writeSettings, writeTags, type DocumentSettings } from '@plenary/schema';
import {
  buildDocument,
  doc,
  h,
  li,
  ol,
  p,
  quote,
  rec,
  section,
  seedYDoc,
  sessionHeading,
  speaker,
  text,
  titleBlock,
  ul,
} from '@plenary/templates';
import { defaultVocabulary } from '@plenary/vocabulary';
import { sampleSummary } from '../testing/sampleSummary.ts';
import { readExportSource } from './source.ts';
import { toExportModel, type ExportOptions } from './toExportModel.ts';
import type { Block, ExportModel, ListModel, ParagraphModel } from './types.ts';

const DRAFT: ExportOptions = {
  tags: 'show',
  annexes: [],
  final: false,
  issuedOn: new Date('2026-03-05T10:00:00Z'),
};

function ydocOf(body: ReturnType<typeof doc>, settings?: Partial<DocumentSettings>): Y.Doc {
  const base = buildDocument('blank', {
    newId: () => 'x',
    meeting: {
      title: 'Preparatory Meeting on Capabilities',
      coHosts: ['Côte d’Ivoire', 'Türkiye'],
      dates: '3-4 March 2026',
      venue: 'Abidjan',
      ministerial: 'UN Peacekeeping Ministerial',
    },
    sessions: [
      {
        id: 's1',
        title: 'Casualty evacuation',
        day: 1,
        facilitator: 'Ms. A. Diallo',
        speakers: [{ name: 'Mr. B. Sow', affiliation: 'Senegal' }],
      },
    ],
  });
  const ydoc = new Y.Doc();
  seedYDoc(ydoc, { ...base, body });
  if (settings) writeSettings(ydoc, settings);
  return ydoc;
}

function modelOf(ydoc: Y.Doc, options: Partial<ExportOptions> = {}): ExportModel {
  const { content, recommendations } = readExportSource(ydoc);
  return toExportModel(content, recommendations, defaultVocabulary(), { ...DRAFT, ...options });
}

/** Each block as one line: "1. Text", "I. Heading", "(a) item" ... so tests read like the page. */
function outline(blocks: readonly Block[], indent = ''): string[] {
  return blocks.flatMap((b): string[] => {
    const text = (runs: ParagraphModel['runs']) => runs.map((r) => ('break' in r ? ' ' : r.text)).join('');
    switch (b.type) {
      case 'title':
        return [`${indent}[title] ${b.heading}`];
      case 'heading':
        return [`${indent}${b.label ? `${b.label} ` : ''}${text(b.runs)}`];
      case 'paragraph':
        return [
          `${indent}${b.label ? `${b.label} ` : ''}${text(b.runs)}${b.rec ? ` {R${b.rec.number}}` : ''}`,
        ];
      case 'list':
        return b.items.flatMap((item) => {
          const [first = '', ...rest] = outline(item.blocks, `${indent}  `);
          return [
            `${indent}${item.label} ${first.trim()}${item.rec ? ` {R${item.rec.number}}` : ''}`,
            ...rest,
          ];
        });
      case 'sessionInfo':
        return [`${indent}[info] ${b.lines.join(' | ')}`];
      case 'quote':
        return [...outline(b.blocks, `${indent}> `), `${indent}> — ${b.attribution ?? ''}`];
      case 'speaker':
        return [`${indent}[speaker] ${b.speaker}, ${b.affiliation}`, ...outline(b.blocks, indent)];
      case 'table':
        return b.rows.map((r) => `${indent}| ${r.join(' | ')}`);
    }
  });
}

describe('toExportModel', () => {
  it('numbers paragraphs consecutively after unnumbered front matter, headings I. / A., sessions as chapters', () => {
    const model = modelOf(
      ydocOf(
        doc(
          titleBlock('Chair’s Summary'),
          section('overview', h(2, 'Overview'), p('First.'), p(), h(3, 'Format'), p('Second.')),
          section({ kind: 'session-findings', sessionId: 's1' }, sessionHeading('s1'), p('Third.')),
          section('conclusions', h(2, 'Conclusions'), p('Fourth.')),
        ),
      ),
    );
    expect(outline(model.body)).toEqual([
      '[title] Chair’s Summary',
      'I. Overview',
      '1. First.',
      'A. Format',
      '2. Second.',
      'II. Session 1 – Casualty evacuation',
      '[info] Day 1 | Facilitator: Ms. A. Diallo | Speakers: Mr. B. Sow (Senegal)',
      '3. Third.',
      'III. Conclusions',
      '4. Fourth.',
    ]);
    const title = model.body[0]!;
    expect(title.type === 'title' && title.lines.map((l) => l.text)).toEqual([
      'Preparatory Meeting on Capabilities',
      'In preparation for the UN Peacekeeping Ministerial',
      'Co-hosted by Côte d’Ivoire and Türkiye',
      '3-4 March 2026, Abidjan',
    ]);
    expect(model.meta).toMatchObject({
      title: 'Chair’s Summary: Preparatory Meeting on Capabilities',
      shortTitle: 'Preparatory Meeting on Capabilities',
      authors: ['Côte d’Ivoire', 'Türkiye'],
      issuedOn: '5 March 2026',
      keywords: [],
    });
  });

  it('makes a list in the body numbered paragraphs, and a list after a lead-in its subparagraphs (a) / (i)', () => {
    const model = modelOf(
      ydocOf(
        doc(
          section(
            'conclusions',
            h(2, 'Conclusions'),
            ul(li('Training matters.'), li('Evacuation matters.', ol(li('by air'), li('by road')))),
          ),
          section(
            'overview',
            h(2, 'Aims'),
            p('The co-hosts agreed:'),
            ol(li('to take stock;'), li('to act:', ul(li('now')))),
          ),
        ),
      ),
    );
    expect(outline(model.body)).toEqual([
      'I. Conclusions',
      '1. Training matters.',
      '2. Evacuation matters.',
      '(a) by air',
      '(b) by road',
      'II. Aims',
      '3. The co-hosts agreed:',
      '(a) to take stock;',
      '(b) to act:',
      '  – now',
    ]);
    const sub = model.body.find(
      (b): b is ListModel => b.type === 'list' && b.subparagraphs && b.pattern === '(a)',
    );
    expect(sub?.items.map((i) => i.label)).toEqual(['(a)', '(b)']);
  });

  it('follows the numbering setting: no paragraph or heading numbers, ordinary lists 1. / (a)', () => {
    const model = modelOf(
      ydocOf(
        doc(section('conclusions', h(2, 'Conclusions'), p('Lead.'), ol(li('one', ol(li('sub'))), li('two')))),
        { paragraphNumbering: 'none', headingNumbering: 'none' },
      ),
    );
    expect(outline(model.body)).toEqual(['Conclusions', 'Lead.', '1. one', '  (a) sub', '2. two']);
    expect(model.numbering).toEqual({ paragraphs: false, headings: false });
  });

  it('marks recommendations with their numbers and tags as labels, or numbers only when tags are hidden', () => {
    const ydoc = ydocOf(
      doc(
        section(
          { kind: 'session-findings', sessionId: 's1' },
          sessionHeading('s1'),
          rec('ra', p('Missions should train medics.')),
        ),
        section(
          'recommendations',
          h(2, 'Recommendations'),
          ol(rec('rb', li('Member States should pledge.')), rec('rc', li('The Secretariat should report.'))),
        ),
      ),
    );
    writeTags(ydoc, 'rb', {
      themes: ['medical', 'gone-term'],
      addressees: ['member-states'],
      status: 'agreed',
      priority: 'integration',
    });
    const shown = modelOf(ydoc);
    expect(outline(shown.body).filter((l) => l.includes('{R'))).toEqual([
      '1. Missions should train medics. {R1}',
      '2. Member States should pledge. {R2}',
      '3. The Secretariat should report. {R3}',
    ]);
    const second = shown.body.find(
      (b): b is ParagraphModel => b.type === 'paragraph' && b.rec?.number === 2,
    )!;
    expect(second.rec!.tags).toEqual({
      themes: ['gone-term', 'Medical support and capacity'],
      addressees: ['Member States'],
      priority: 'Strategic and operational integration',
      status: 'Agreed by co-hosts',
    });
    expect(second.rec!.tagLine).toBe(
      'Recommendation 2 · Themes: gone-term; Medical support and capacity · Addressee: Member States · A4P+ priority: Strategic and operational integration · Status: Agreed by co-hosts',
    );
    const hidden = modelOf(ydoc, { tags: 'hide' });
    const hiddenRec = hidden.body.find(
      (b): b is ParagraphModel => b.type === 'paragraph' && b.rec?.number === 2,
    )!;
    expect(hiddenRec.rec).toEqual({ id: 'rb', number: 2 });
  });

  it('adds annexes listing recommendation numbers by theme and addressee, after the document’s own annexes', () => {
    const ydoc = sampleSummary({ sessions: 2 });
    const model = modelOf(ydoc, { annexes: ['theme', 'addressee'] });
    expect(model.annexes.map((a) => [a.label, a.title])).toEqual([
      ['Annex I', 'Programme'],
      ['Annex II', 'Recommendations by theme'],
      ['Annex III', 'Recommendations by addressee'],
    ]);
    const byTheme = model.annexes[1]!.blocks.find((b) => b.type === 'table');
    // Vocabulary order; recommendations listed by number with the paragraph they stand in.
    expect(byTheme && outline([byTheme])).toEqual([
      '| Medical support and capacity | 3 (para. 15), 4 (para. 16)',
      '| Training and capacity building | 1 (para. 8)',
      '| Performance and accountability | 4 (para. 16)',
      '| No theme | 2 (para. 12)',
    ]);
    // The annex section's paragraphs are not numbered and its heading is its title.
    expect(outline(model.annexes[0]!.blocks)).toEqual([
      'Day 1: opening, sessions 1 and 2. Day 2: sessions 3 and 4, closing.',
    ]);
  });

  it('keeps text, quotes and speakers, drops unsafe links and keeps safe ones', () => {
    const model = modelOf(
      ydocOf(
        doc(
          section(
            'overview',
            speaker({ speaker: 'H.E. Ms. Ayşe Yılmaz', affiliation: 'Türkiye' }, p('Spoke.')),
            quote('USG', p('Every minute counts.')),
            p(
              { type: 'text', text: 'safe', marks: [{ type: 'link', attrs: { href: 'https://un.org' } }] },
              {
                type: 'text',
                text: ' unsafe',
                marks: [{ type: 'link', attrs: { href: 'javascript:alert(1)' } }, { type: 'bold' }],
              },
              text(' plain', ['italic', 'underline']),
            ),
          ),
        ),
      ),
    );
    expect(outline(model.body)).toEqual([
      '[speaker] H.E. Ms. Ayşe Yılmaz, Türkiye',
      '1. Spoke.',
      '> Every minute counts.',
      '> — USG',
      '2. safe unsafe plain',
    ]);
    const last = model.body[model.body.length - 1] as ParagraphModel;
    expect(last.runs).toEqual([
      { text: 'safe', href: 'https://un.org' },
      { text: ' unsafe', bold: true },
      { text: ' plain', italic: true, underline: true },
    ]);
  });

  it('carries the identity: the content hash, a content-derived version id, and on finals the metadata', () => {
    const ydoc = sampleSummary({ sessions: 1 });
    const draft = modelOf(ydoc);
    expect(draft.identity.sha256).toMatch(/^[0-9a-f]{64}$/);
    expect(draft.identity.versionId).toBe(`content-${draft.identity.sha256.slice(0, 12)}`);
    expect(draft.draft).toBe(true);
    const final = modelOf(ydoc, { final: true, versionId: 'v-7' });
    expect(final.draft).toBe(false);
    expect(final.meta.keywords).toEqual(['version:v-7', `sha256:${draft.identity.sha256}`]);
    // Export options are not content: the hash does not change with them.
    expect(modelOf(ydoc, { tags: 'hide', annexes: ['theme'] }).identity.sha256).toBe(draft.identity.sha256);
    // The model is plain JSON (it crosses to a worker thread and into Typst).
    expect(JSON.parse(JSON.stringify(final))).toEqual(final);
  });
});
