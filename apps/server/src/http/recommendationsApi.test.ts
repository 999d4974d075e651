import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import WebSocket from 'ws';
import * as Y from 'yjs';
import { WebsocketProvider } from 'y-websocket';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { listRecommendations, readTags } from '@plenary/schema';
import { startServer, type PlenaryServer } from '../server.ts';
import { authedFetch, ensureAdmin, tokenFor } from '../../../../tests/support/credentials.ts';

let server: PlenaryServer;
let dataDir: string;
beforeAll(async () => {
  dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'plenary-recs-'));
  server = await startServer({ port: 0, dataDir, logLevel: 'silent', unloadDelayMs: 20 });
  await ensureAdmin(server.url);
});
afterAll(async () => {
  await server.close();
  fs.rmSync(dataDir, { recursive: true, force: true });
});

async function importMarkdown(markdown: string): Promise<string> {
  const form = new FormData();
  form.set('file', new File([markdown], 'summary.md'));
  const response = await authedFetch(`${server.url}/api/documents/import`, { method: 'POST', body: form });
  expect(response.status).toBe(201);
  return ((await response.json()) as { id: string }).id;
}

const DRAFT = [
  '# Chair’s Summary — Preparatory Meeting on Medical Support',
  '',
  '## Session 1: Casualty evacuation',
  '',
  'Findings.',
  '',
  '## Recommendations',
  '',
  '1. Member States should pledge aeromedical evacuation teams for Côte d’Ivoire and Türkiye.',
  '2. =HYPERLINK("http://evil.example") the Secretariat should report on São Tomé and Príncipe.',
  '3. Regional organizations should share training.',
].join('\n');

type Rec = {
  id: string;
  number: number;
  text: string;
  themes: string[];
  addressees: string[];
  status: string;
  link: string;
};

async function put(
  id: string,
  recId: string,
  body: unknown,
): Promise<{ status: number; json: Record<string, unknown> }> {
  const response = await authedFetch(`${server.url}/api/documents/${id}/recommendations/${recId}/tags`, {
    method: 'PUT',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  return { status: response.status, json: (await response.json()) as Record<string, unknown> };
}

describe('recommendations API', () => {
  it('lists an imported draft’s recommendations, numbered, and tags them live for connected editors', async () => {
    const id = await importMarkdown(DRAFT);
    const recs = (await (
      await authedFetch(`${server.url}/api/documents/${id}/recommendations`)
    ).json()) as Rec[];
    expect(recs.map((r) => r.number)).toEqual([1, 2, 3]);
    expect(recs[0]!.text).toContain('Côte d’Ivoire and Türkiye');
    expect(recs[0]!.link).toBe(`/d/${id}#rec-${recs[0]!.id}`);

    const doc = new Y.Doc();
    const provider = new WebsocketProvider(`${server.url.replace('http', 'ws')}/collab`, id, doc, {
      WebSocketPolyfill: WebSocket as unknown as typeof globalThis.WebSocket,
      disableBc: true,
      params: { token: tokenFor(server.url) },
    });
    try {
      await new Promise<void>((resolve) => provider.once('sync', () => resolve()));
      const { status, json } = await put(id, recs[0]!.id, {
        themes: ['medical'],
        addressees: ['member-states', 'tpccs'],
        status: 'agreed',
      });
      expect(status).toBe(200);
      expect(json).toMatchObject({
        themes: ['medical'],
        addressees: ['member-states', 'tpccs'],
        status: 'agreed',
      });
      // The editor sees it without reloading.
      const deadline = Date.now() + 5000;
      while (readTags(doc, recs[0]!.id).status !== 'agreed') {
        if (Date.now() > deadline) throw new Error('tag did not reach the editor');
        await new Promise((resolve) => setTimeout(resolve, 10));
      }
      expect(listRecommendations(doc)[0]!.themes).toEqual(['medical']);
    } finally {
      provider.destroy();
    }

    await server.indexer.flush();
    const register = (await (
      await authedFetch(`${server.url}/api/recommendations?theme=medical`)
    ).json()) as Array<Rec & { documentId: string; meetingTitle: string }>;
    expect(register.map((r) => [r.documentId, r.id])).toEqual([[id, recs[0]!.id]]);
    expect(register[0]!.meetingTitle).toBe('Chair’s Summary — Preparatory Meeting on Medical Support');
    const search = (await (
      await authedFetch(`${server.url}/api/recommendations?q=regional organizations`)
    ).json()) as Rec[];
    expect(search.map((r) => r.id)).toEqual([recs[2]!.id]);
  });

  it('exports CSV with a BOM, the right columns, accents intact and formulas neutralised', async () => {
    const id = await importMarkdown(DRAFT);
    await server.indexer.flush();
    const response = await authedFetch(`${server.url}/api/recommendations?format=csv`);
    expect(response.headers.get('content-type')).toContain('text/csv');
    const bytes = new Uint8Array(await response.arrayBuffer());
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = new TextDecoder().decode(bytes.slice(3));
    const lines = text.trim().split('\r\n');
    expect(lines[0]).toBe(
      '"Document","Meeting","Dates","No.","Recommendation","Session","Themes","Addressees","A4P+ priority","Status","Note","Link"',
    );
    const rows = lines.filter((l) => l.includes(`/d/${id}#`));
    expect(rows).toHaveLength(3);
    expect(rows[0]).toContain('Côte d’Ivoire and Türkiye');
    expect(rows[1]).toContain(
      `"'=HYPERLINK(""http://evil.example"") the Secretariat should report on São Tomé and Príncipe."`,
    );
    expect(rows[0]).toContain('"Proposed"');
  });

  it('answers bad input clearly', async () => {
    const id = await importMarkdown(DRAFT);
    const [rec] = (await (
      await authedFetch(`${server.url}/api/documents/${id}/recommendations`)
    ).json()) as Rec[];
    const unknownTheme = await put(id, rec!.id, { themes: ['medical', 'astrology'] });
    expect(unknownTheme.status).toBe(400);
    expect(unknownTheme.json.error).toBe('unknown theme "astrology"');
    expect((await put(id, 'no-such-rec', { status: 'agreed' })).status).toBe(404);
    expect((await put('nosuchdoc', rec!.id, { status: 'agreed' })).status).toBe(404);
    expect((await put(id, rec!.id, { status: 'maybe' })).json.error).toBe('unknown status "maybe"');
    expect((await authedFetch(`${server.url}/api/recommendations?format=xml`)).status).toBe(400);
    // Nothing was applied by the refused requests.
    const after = (await (
      await authedFetch(`${server.url}/api/documents/${id}/recommendations`)
    ).json()) as Rec[];
    expect(after[0]).toMatchObject({ themes: [], status: 'proposed' });
  });

  it('lets the vocabulary grow and retire terms but never lose them', async () => {
    const vocabulary = (await (await authedFetch(`${server.url}/api/vocabulary`)).json()) as {
      themes: Array<{ id: string; label: string; retired?: boolean }>;
    };
    vocabulary.themes.push({ id: 'gender-parity', label: 'Gender parity' });
    vocabulary.themes[0]!.retired = true;
    const saved = await authedFetch(`${server.url}/api/vocabulary`, {
      method: 'PUT',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(vocabulary),
    });
    expect(saved.status).toBe(200);
    const removed = { ...vocabulary, themes: vocabulary.themes.slice(1) };
    const refused = await authedFetch(`${server.url}/api/vocabulary`, {
      method: 'PUT',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(removed),
    });
    expect(refused.status).toBe(400);
    expect(((await refused.json()) as { error: string }).error).toContain('mark it retired');
  });
});
