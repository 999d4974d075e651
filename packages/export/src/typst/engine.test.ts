import { describe, expect, it } from 'vitest';
import { defaultVocabulary } from '@plenary/vocabulary';
import { readPdf } from '../../../../tests/support/pdf.ts';
import { readExportSource } from '../model/source.ts';
import { toExportModel } from '../model/toExportModel.ts';
import { sampleSummary } from '../testing/sampleSummary.ts';
import { loadTypstEngine } from './engine.ts';

function modelJson(): string {
  const { content, recommendations } = readExportSource(sampleSummary({ sessions: 1 }));
  return JSON.stringify(
    toExportModel(content, recommendations, defaultVocabulary(), {
      tags: 'show',
      annexes: [],
      final: false,
      issuedOn: new Date('2026-03-06T00:00:00Z'),
    }),
  );
}

describe('Typst engines', () => {
  it('loads the native compiler where its package is installed (Linux x64 here)', async () => {
    const { engine, fallbackReason } = await loadTypstEngine();
    expect(engine.name).toBe('native');
    expect(fallbackReason).toBeUndefined();
  });

  it('falls back to the WASM compiler with the same text, tagged but without a PDF/UA claim', async () => {
    const json = modelJson();
    const native = await (await loadTypstEngine('native')).engine.compile(json, 'ua-1');
    const wasm = await (await loadTypstEngine('wasm')).engine.compile(json, 'ua-1');
    expect(wasm.standard).toBe('tagged');
    const [a, b] = await Promise.all([readPdf(native.bytes), readPdf(wasm.bytes)]);
    expect(b.pages).toEqual(a.pages);
    expect(b.marked).toBe(true);
    expect(b.structRoles).toContain('H1');
  }, 30_000);

  it('refuses a model it does not understand instead of guessing', async () => {
    const { engine } = await loadTypstEngine('native');
    await expect(engine.compile(JSON.stringify({ modelVersion: 99 }), 'tagged')).rejects.toThrow(
      /export model version 1/,
    );
  });
});
