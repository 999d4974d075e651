import { withTimeout } from '../async.ts';
import { LightClient } from '../clients/light.ts';
import { longSummaryUpdate } from '../fixtures.ts';
import { percentile, round } from '../stats.ts';
import type { Metrics, Scenario, ScenarioContext } from './types.ts';

/**
 * S7: export of a 40-page summary, PDF and Word, through Plenary's HTTP API
 * (`GET /api/documents/:id/export.pdf|.docx`, issue #6), one request at a time. The first
 * export of each format after the server starts also starts its render worker: reported on its
 * own (firstPdfMs, firstDocxMs), the targets apply to the warm ones. Plenary only: the other
 * systems have no export. The page count is read from the PDF, so that a document that is not
 * 40 pages shows.
 */
export const s7: Scenario = {
  id: 'S7',
  title: 'export of a 40-page summary',
  implemented: true,
  systems: ['plenary'],
  headline: ['pdfP50Ms', 'pdfMaxMs', 'firstPdfMs', 'docxP50Ms', 'docxMaxMs', 'firstDocxMs', 'pdfPages'],
  targets: [
    { metric: 'pdfP50Ms', label: 'PDF <= 1.0 s', direction: 'atMost', absolute: 1000, relayFallback: false },
    { metric: 'docxP50Ms', label: 'DOCX <= 0.2 s', direction: 'atMost', absolute: 200, relayFallback: false },
  ],
  run,
};

/** Paragraphs of about 45 words: 580 of them and their 29 headings print as 40 A4 pages. */
const PARAGRAPHS = 580;

async function run({ system, quick, log }: ScenarioContext): Promise<Metrics> {
  const rounds = quick ? 2 : 8;
  const [documentId] = await system.createDocuments(1, 'S7');
  const content = longSummaryUpdate(PARAGRAPHS);
  const writer = new LightClient(system.target, documentId!);
  await withTimeout(writer.synced, 30_000, 'S7 writer did not sync');
  writer.sendUpdate(content);
  // Exports are made from the stored document: wait until a new client is served all of it.
  for (let attempt = 0; ; attempt++) {
    const check = new LightClient(system.target, documentId!);
    await withTimeout(check.synced, 30_000, 'S7 check client did not sync');
    await check.close();
    if (check.syncBytes >= content.byteLength) break;
    if (attempt === 100) throw new Error('S7: the document never reached the server');
  }
  await writer.close();

  const base = `http://127.0.0.1:${system.process.port}/api/documents/${documentId}`;
  const time = async (format: 'pdf' | 'docx') => {
    const started = performance.now();
    const response = await fetch(`${base}/export.${format}`, { headers: system.target.headers ?? {} });
    const bytes = new Uint8Array(await response.arrayBuffer());
    const ms = performance.now() - started;
    if (!response.ok) {
      throw new Error(
        `S7: export.${format} answered ${response.status}: ${new TextDecoder().decode(bytes).slice(0, 300)}`,
      );
    }
    return { ms, bytes };
  };

  log(`${PARAGRAPHS} paragraphs (${content.byteLength} bytes); ${rounds} exports of each format`);
  const first = await time('pdf');
  const firstDocx = await time('docx');
  const pdf: number[] = [];
  const docx: number[] = [];
  for (let i = 0; i < rounds; i++) {
    pdf.push((await time('pdf')).ms);
    docx.push((await time('docx')).ms);
  }
  pdf.sort((a, b) => a - b);
  docx.sort((a, b) => a - b);
  return {
    paragraphs: PARAGRAPHS,
    pdfPages: countPdfPages(first.bytes),
    pdfKB: round(first.bytes.byteLength / 1024),
    firstPdfMs: round(first.ms),
    firstDocxMs: round(firstDocx.ms),
    pdfP50Ms: round(percentile(pdf, 50)),
    pdfMaxMs: round(pdf[pdf.length - 1]!),
    docxP50Ms: round(percentile(docx, 50)),
    docxMaxMs: round(docx[docx.length - 1]!),
    rounds,
  };
}

/** Page objects in a PDF (`/Type /Page`, not `/Pages`); NaN if none are visible uncompressed. */
function countPdfPages(bytes: Uint8Array): number {
  const text = new TextDecoder('latin1').decode(bytes);
  const count = text.match(/\/Type\s*\/Page(?![a-zA-Z])/g)?.length ?? 0;
  return count > 0 ? count : NaN;
}
