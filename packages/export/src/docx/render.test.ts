import JSZip from 'jszip';
import { describe, expect, it } from 'vitest';
import { defaultVocabulary } from '@plenary/vocabulary';
import { readExportSource } from '../model/source.ts';
import { toExportModel, type ExportOptions } from '../model/toExportModel.ts';
import { ARABIC_NAME, TYPST_SYNTAX_TEXT, sampleSummary } from '../testing/sampleSummary.ts';
import { renderDocx } from './render.ts';

async function docxOf(options: Partial<ExportOptions> = {}) {
  const { content, recommendations } = readExportSource(sampleSummary());
  const model = toExportModel(content, recommendations, defaultVocabulary(), {
    tags: 'show',
    annexes: ['theme'],
    final: false,
    issuedOn: new Date('2026-03-06T00:00:00Z'),
    ...options,
  });
  const zip = await JSZip.loadAsync(await renderDocx(model));
  const read = async (name: string) => {
    const file = zip.file(name);
    if (!file) throw new Error(`${name} is missing from the .docx`);
    return file.async('string');
  };
  return { model, zip, read };
}

/** The text of a WordprocessingML part, paragraph by paragraph. */
function paragraphs(xml: string): string[] {
  return [...xml.matchAll(/<w:p[ >][\s\S]*?<\/w:p>/g)].map((p) =>
    [...p[0].matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)]
      .map((t) => t[1]!)
      .join('')
      .replace(/&quot;/g, '"')
      .replace(/&lt;/g, '<')
      .replace(/&gt;/g, '>')
      .replace(/&amp;/g, '&'),
  );
}

describe('DOCX export', () => {
  it('parses and holds the text, in order, with accented and Arabic names and Typst syntax as written', async () => {
    const { read } = await docxOf();
    const text = paragraphs(await read('word/document.xml'));
    expect(text.slice(0, 7)).toEqual([
      'Co-Chairs’ Summary',
      'Preparatory Meeting on Medical Support and Capabilities',
      'Health and medical capacity in peace operations',
      'In preparation for the United Nations Peacekeeping Ministerial',
      'Co-hosted by Côte d’Ivoire, Türkiye and Việt Nam',
      '3-4 March 2026, Abidjan',
      '',
    ]);
    const all = text.join('\n');
    for (const name of ['São Tomé and Príncipe', 'Nguyễn Thị Lan', ARABIC_NAME, TYPST_SYNTAX_TEXT])
      expect(all).toContain(name);
    const order = [
      'Overview',
      'Session 1 – Casualty evacuation',
      'Conclusions',
      'Recommendations',
      'Annex IProgramme',
      'Annex IIRecommendations by theme',
    ];
    const at = order.map((t) => text.indexOf(t));
    expect(at.every((i) => i >= 0)).toBe(true);
    expect([...at].sort((a, b) => a - b)).toEqual(at);
  });

  it('numbers paragraphs, headings and subparagraphs with Word-native numbering definitions', async () => {
    const { read } = await docxOf();
    const numbering = await read('word/numbering.xml');
    const abstract = (level: string) =>
      new RegExp(
        `<w:lvl w:ilvl="${level}"[^>]*>\\s*<w:start w:val="1"/>\\s*<w:numFmt w:val="([a-zA-Z]+)"/>\\s*(?:<w:suff [^>]*/>)?<w:lvlText w:val="([^"]*)"/>`,
        'g',
      );
    const formats = [...numbering.matchAll(abstract('\\d'))].map((m) => `${m[1]} ${m[2]}`);
    // Paragraphs 1., headings I. / A. / 1. / (a), subparagraphs (a) / (i).
    for (const f of [
      'decimal %1.',
      'upperRoman %1.',
      'upperLetter %2.',
      'decimal %3.',
      'lowerLetter (%4)',
      'lowerLetter (%1)',
      'lowerRoman (%2)',
    ]) {
      expect(formats).toContain(f);
    }
    const document = await read('word/document.xml');
    const numbered = (document.match(/<w:pStyle w:val="NumberedParagraph"\/>/g) ?? []).length;
    expect(numbered).toBe(20); // every numbered paragraph of the PDF, counted by Word
    expect(document).toMatch(/<w:pStyle w:val="Heading1"\/>[\s\S]*?<w:numPr><w:ilvl w:val="0"\/>/);
  });

  it('uses Word’s style names, page numbers in the footer and a Word watermark on drafts', async () => {
    const { read, zip } = await docxOf();
    const styles = await read('word/styles.xml');
    for (const name of ['Title', 'heading 1', 'heading 2', 'Quote', 'Subtitle', 'Numbered Paragraph']) {
      expect(styles.toLowerCase()).toContain(`<w:name w:val="${name.toLowerCase()}"/>`);
    }
    const footers = await Promise.all(
      Object.keys(zip.files)
        .filter((n) => /word\/footer\d+\.xml/.test(n))
        .map(read),
    );
    expect(footers.length).toBeGreaterThan(0);
    for (const footer of footers) {
      expect(footer).toMatch(/Page <\/w:t>[\s\S]*PAGE[\s\S]* of <\/w:t>[\s\S]*NUMPAGES/);
    }
    const headers = await Promise.all(
      Object.keys(zip.files)
        .filter((n) => /word\/header\d+\.xml/.test(n))
        .map(read),
    );
    for (const header of headers) expect(header).toMatch(/<v:textpath[^>]*string="DRAFT"/);
    expect(headers.join('')).toContain('Preparatory Meeting on Medical Support and Capabilities');
  });

  it('carries metadata, and on a final copy its identity instead of a watermark', async () => {
    const { read, model } = await docxOf({ final: true, versionId: 'v-9' });
    const core = await read('docProps/core.xml');
    expect(core).toContain(`<dc:title>${model.meta.title}</dc:title>`);
    expect(core).toContain('<dc:creator>Côte d’Ivoire; Türkiye; Việt Nam</dc:creator>');
    expect(core).toContain(`sha256:${model.identity.sha256}`);
    const text = paragraphs(await read('word/document.xml'));
    expect(text[text.length - 1]).toBe(`Version v-9 · SHA-256 ${model.identity.sha256}`);
    const { zip } = await docxOf({ final: true });
    const headers = await Promise.all(
      Object.keys(zip.files)
        .filter((n) => /word\/header\d+\.xml/.test(n))
        .map((n) => zip.file(n)!.async('string')),
    );
    expect(headers.join('')).not.toContain('DRAFT');
  });
});
