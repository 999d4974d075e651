import { execFile } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { defaultVocabulary } from '@plenary/vocabulary';
import { readExportSource, renderDocx, sampleSummary, toExportModel } from '@plenary/export';
import { readPdf, renderFirstPage } from '../support/pdf.ts';

/**
 * The Word export opened by another word processor: LibreOffice converts it to PDF, and the text
 * must come out with Word-native numbering resolved (paragraph numbers, I./A. headings, (a)/(i)
 * lists), page footers and the accented and Arabic names. Skips with a message without
 * LibreOffice (Debian: apt-get install libreoffice-writer-nogui), unless
 * PLENARY_REQUIRE_LIBREOFFICE=1 (CI) forbids skipping.
 */
const SOFFICE = ['/usr/bin/soffice', '/usr/local/bin/soffice'].find((p) => fs.existsSync(p));
const PDFTOTEXT = ['/usr/bin/pdftotext', '/usr/local/bin/pdftotext'].find((p) => fs.existsSync(p));
if (!SOFFICE || !PDFTOTEXT) {
  const message =
    'LibreOffice (soffice) and pdftotext are needed for the Word export interop test (apt-get install libreoffice-writer-nogui poppler-utils)';
  if (process.env.PLENARY_REQUIRE_LIBREOFFICE === '1')
    throw new Error(`${message}; PLENARY_REQUIRE_LIBREOFFICE=1 forbids skipping`);
  console.warn(`skipping: ${message}`);
}

/** The .docx as LibreOffice lays it out: the PDF, and its text as poppler reads it (by position). */
async function convert(docx: Uint8Array): Promise<{ pdf: Uint8Array; text: string; pages: number }> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'plenary-lo-'));
  const run = promisify(execFile);
  try {
    fs.writeFileSync(path.join(dir, 'summary.docx'), docx);
    // Its own profile folder: LibreOffice refuses to run twice on one profile.
    await run(
      SOFFICE!,
      [
        `-env:UserInstallation=file://${dir}/profile`,
        '--headless',
        '--convert-to',
        'pdf',
        '--outdir',
        dir,
        path.join(dir, 'summary.docx'),
      ],
      { timeout: 120_000, env: { ...process.env, HOME: dir } },
    );
    // Poppler, not pdf.js: LibreOffice sets some accented letters in a fallback font, as separate
    // runs that pdf.js lists out of reading order ("Vi t Namệ"); poppler places them by position.
    const { stdout } = await run(PDFTOTEXT!, ['-enc', 'UTF-8', path.join(dir, 'summary.pdf'), '-'], {
      encoding: 'utf8',
    });
    const pdf = new Uint8Array(fs.readFileSync(path.join(dir, 'summary.pdf')));
    return { pdf, text: stdout, pages: (await readPdf(pdf)).numPages };
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

describe.runIf(SOFFICE && PDFTOTEXT)('the Word export in LibreOffice', () => {
  it(
    'keeps its numbering, footers and names when another word processor lays it out',
    { timeout: 180_000 },
    async () => {
      const { content, recommendations } = readExportSource(sampleSummary());
      const model = toExportModel(content, recommendations, defaultVocabulary(), {
        tags: 'show',
        annexes: ['theme'],
        final: false,
        issuedOn: new Date('2026-03-06T00:00:00Z'),
      });
      const { pdf, text, pages } = await convert(await renderDocx(model));
      expect(text).toContain('Co-Chairs’ Summary');
      expect(text).toContain('Co-hosted by Côte d’Ivoire, Türkiye and Việt Nam');
      // Numbers come from Word numbering definitions, which LibreOffice resolved itself.
      expect(text).toMatch(/^I\.\s*Overview/m);
      expect(text).toMatch(/^1\.\s*Some 50 Member States/m);
      expect(text).toMatch(/^A\.\s*Format/m);
      expect(text).toMatch(/^\(a\)\s*to take stock/m);
      expect(text).toMatch(/^\(i\)\s*casualty evacuation/m);
      expect(text).toContain('São Tomé and Príncipe');
      expect(text).toContain('ليلى حداد');
      expect(text).toContain('#import "x" #eval("1") $x$');
      expect(text).toContain(`Page ${pages} of ${pages}`);
      expect(text).toContain('Recommendations by theme');
      renderFirstPage(pdf, 'docx-in-libreoffice-page1');
    },
  );
});
