import * as Y from 'yjs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { defaultVocabulary } from '@plenary/vocabulary';
import { readPdf, renderFirstPage, type PdfReading } from '../../../../tests/support/pdf.ts';
import { readExportSource } from '../model/source.ts';
import { toExportModel, type ExportOptions } from '../model/toExportModel.ts';
import type { ExportModel } from '../model/types.ts';
import { ARABIC_NAME, TYPST_SYNTAX_TEXT, sampleSummary } from '../testing/sampleSummary.ts';
import { RenderPool } from '../worker/pool.ts';

/**
 * The PDF as a reader gets it: rendered by Typst in a worker thread (the production path),
 * then read back with pdf.js.
 */
let pool: RenderPool;
const events: string[] = [];
beforeAll(() => {
  pool = new RenderPool({
    size: 1,
    onEvent: (e) => events.push(e.type === 'engine' ? `engine:${e.engine}` : e.type),
  });
});
afterAll(() => pool.close());

async function exportPdf(
  ydoc: Y.Doc,
  options: Partial<ExportOptions> = {},
): Promise<{ model: ExportModel; bytes: Uint8Array; pdf: PdfReading; standard?: string }> {
  const exportOptions: ExportOptions = {
    tags: 'show',
    annexes: ['theme', 'addressee'],
    final: false,
    issuedOn: new Date('2026-03-06T09:00:00Z'),
    ...options,
  };
  const out = await pool.render({
    format: 'pdf',
    update: Y.encodeStateAsUpdate(ydoc),
    vocabulary: defaultVocabulary(),
    options: exportOptions,
  });
  // The same model on this thread, to compare what was printed with what was meant.
  const { content, recommendations } = readExportSource(ydoc);
  const model = toExportModel(content, recommendations, defaultVocabulary(), exportOptions);
  expect(out.sha256).toBe(model.identity.sha256);
  return {
    model,
    bytes: out.bytes,
    pdf: await readPdf(out.bytes),
    ...(out.standard ? { standard: out.standard } : {}),
  };
}

const squash = (s: string) => s.replace(/\s+/g, ' ');

describe('PDF export', () => {
  let draft: Awaited<ReturnType<typeof exportPdf>>;
  beforeAll(async () => {
    draft = await exportPdf(sampleSummary());
  });

  it('reads as a UN document: title block, parts in order, numbered paragraphs and headings', () => {
    const first = draft.pdf.pages[0]!;
    const lines = first.split('\n');
    // The title block, centred at the top of page 1 (after the watermark's text).
    expect(lines.slice(1, 7)).toEqual([
      'Co-Chairs’ Summary',
      'Preparatory Meeting on Medical Support and Capabilities',
      'Health and medical capacity in peace operations',
      'In preparation for the United Nations Peacekeeping Ministerial',
      'Co-hosted by Côte d’Ivoire, Türkiye and Việt Nam',
      '3-4 March 2026, Abidjan',
    ]);
    expect(lines).toContain('I. Overview');
    expect(first).toMatch(/^1\. Some 50 Member States took part/m);
    expect(first).toMatch(
      /^3\. The co-hosts set three aims:\n\(a\) to take stock of medical capabilities;\n\(b\) to identify gaps, in particular:\n\(i\) casualty evacuation;/m,
    );
    const all = squash(draft.pdf.pages.join('\n'));
    const order = [
      'I. Overview',
      'A. Format',
      'II. Session 1 – Casualty evacuation',
      'III. Session 2',
      'IV. Session 3',
      'V. Conclusions',
      'VI. Recommendations',
      'Annex I Programme',
      'Annex II Recommendations by theme',
      'Annex III Recommendations by addressee',
    ];
    const at = order.map((part) => all.indexOf(part));
    expect(at.every((i) => i >= 0)).toBe(true);
    expect([...at].sort((a, b) => a - b)).toEqual(at);
    // Paragraph numbers run on through the sessions, conclusions and recommendations: 1 ... 20,
    // each once, each at the start of a line.
    const numbers = [...draft.pdf.pages.join('\n').matchAll(/^(\d+)\. /gm)].map((m) => Number(m[1]));
    expect(numbers).toEqual(Array.from({ length: 20 }, (_, i) => i + 1));
    expect(all).toContain(
      'Recommendation 4 · Theme: Medical support and capacity · Addressee: Member States · Status: Agreed by co-hosts',
    );
  });

  it('has a running header from page 2, "Page X of Y" on every page, bookmarks and metadata', () => {
    const { pdf, model } = draft;
    expect(pdf.numPages).toBeGreaterThan(1);
    pdf.pages.forEach((text, i) => expect(text).toContain(`Page ${i + 1} of ${pdf.numPages}`));
    expect(pdf.pages[1]).toContain('Preparatory Meeting on Medical Support and Capabilities 6 March 2026');
    expect(pdf.pages[0]).not.toContain('6 March 2026');
    expect(pdf.outline).toEqual([
      'I. Overview',
      'A. Format',
      'II. Session 1 – Casualty evacuation',
      'III. Session 2 – Field hospitals',
      'IV. Session 3 – Mental health of peacekeepers',
      'V. Conclusions',
      'VI. Recommendations',
      'Annex I Programme',
      'Annex II Recommendations by theme',
      'Annex III Recommendations by addressee',
    ]);
    expect(pdf.info).toMatchObject({
      Title: model.meta.title,
      Author: 'Côte d’Ivoire, Türkiye, Việt Nam',
      Subject: model.meta.subject,
      Language: 'en-GB',
    });
    expect(renderFirstPage(draft.bytes, 'export-draft-page1')).toSatisfy(
      (png: string | null) => png === null || png.endsWith('.png'),
    );
  });

  it('marks a draft DRAFT on every page, with no identity line', () => {
    draft.pdf.pages.forEach((text) => expect(text).toContain('DRAFT'));
    expect(draft.pdf.pages.join('\n')).not.toContain('SHA-256');
  });

  it('sets accented names and Arabic names (right to left) in fonts embedded from npm', () => {
    const all = draft.pdf.pages.join('\n');
    for (const name of [
      'Côte d’Ivoire',
      'São Tomé and Príncipe',
      'Türkiye',
      'Việt Nam',
      'Nguyễn Thị Lan',
      'Ayşe Yılmaz',
    ])
      expect(all).toContain(name);
    // pdf.js reads glyphs in the order they are set on the page: the right-to-left name's first
    // word stands to the right of its second.
    const [given, family] = ARABIC_NAME.split(' ');
    expect(all).toContain(`opened by ${family} ${given}, Chair`);
    const raw = Buffer.from(draft.bytes).toString('latin1');
    expect(raw).toMatch(/\/BaseFont\s*\/[A-Z]{6}\+Tinos/);
    expect(raw).toMatch(/\/BaseFont\s*\/[A-Z]{6}\+NotoNaskhArabic/);
    expect(raw.match(/\/FontFile2/g)?.length).toBeGreaterThanOrEqual(3);
  });

  it('is a tagged PDF with a structure tree (headings, paragraphs, lists) and claims PDF/UA-1', () => {
    expect(draft.pdf.marked).toBe(true);
    const roles = new Set(draft.pdf.structRoles);
    for (const role of ['Document', 'H1', 'H2', 'P', 'L', 'LI', 'Lbl', 'LBody'])
      expect(roles).toContain(role);
    expect(draft.standard).toBe('ua-1');
    expect(draft.pdf.xmp).toContain('<pdfuaid:part>1</pdfuaid:part>');
    expect(Buffer.from(draft.bytes).toString('latin1')).toContain('/StructTreeRoot');
  });

  it('prints user text full of Typst syntax literally', () => {
    const all = draft.pdf.pages.join('\n');
    expect(all).toContain(`4. ${TYPST_SYNTAX_TEXT}`);
  });

  it('on a final copy: no watermark, the version id and content hash on the last page and in the metadata', async () => {
    const final = await exportPdf(sampleSummary(), { final: true, versionId: 'v-2026-03-06' });
    const all = final.pdf.pages.join('\n');
    expect(all).not.toContain('DRAFT');
    const identity = `Version v-2026-03-06 · SHA-256 ${final.model.identity.sha256}`;
    expect(final.pdf.pages[final.pdf.numPages - 1]).toContain(identity);
    expect(final.pdf.pages.slice(0, -1).join('\n')).not.toContain('SHA-256');
    expect(final.pdf.info.Keywords).toBe(`version:v-2026-03-06, sha256:${final.model.identity.sha256}`);
    expect(final.model.identity.sha256).toBe(draft.model.identity.sha256);
    renderFirstPage(final.bytes, 'export-final-page1');
  });

  it('hides tags on request and renders in well under a second once warm', async () => {
    const started = performance.now();
    const hidden = await exportPdf(sampleSummary(), { tags: 'hide', annexes: [] });
    expect(performance.now() - started).toBeLessThan(3000);
    const all = hidden.pdf.pages.join('\n');
    expect(all).not.toContain('Recommendation 4 ·');
    expect(all).not.toContain('Annex II');
    expect(events).toContain('engine:native');
  });
});
