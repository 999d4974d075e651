import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServer, type PlenaryServer } from '../server.ts';
import { authedFetch, ensureAdmin } from '../../../../tests/support/credentials.ts';

let server: PlenaryServer;
let dataDir: string;
beforeAll(async () => {
  dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'plenary-import-'));
  server = await startServer({ port: 0, dataDir, logLevel: 'silent' });
  await ensureAdmin(server.url);
});
afterAll(async () => {
  await server.close();
  fs.rmSync(dataDir, { recursive: true, force: true });
});

async function upload(
  name: string,
  bytes: Uint8Array<ArrayBuffer> | string,
): Promise<{ status: number; json: Record<string, unknown> }> {
  const form = new FormData();
  form.set('file', new File([bytes], name));
  const response = await authedFetch(`${server.url}/api/documents/import`, { method: 'POST', body: form });
  return { status: response.status, json: (await response.json()) as Record<string, unknown> };
}

const count = async () =>
  ((await (await authedFetch(`${server.url}/api/documents`)).json()) as unknown[]).length;

describe('POST /api/documents/import', () => {
  it('creates a summary from a Markdown draft, titled from its first heading', async () => {
    const { status, json } = await upload(
      'draft.md',
      '# Chair’s Summary, Islamabad\n\n## Session 1: Safety\n\nText.\n\n## Recommendations\n\n1. Do this.\n',
    );
    expect(status).toBe(201);
    expect(json.title).toBe('Chair’s Summary, Islamabad');
    expect(json.sessions).toBe(1);
    const content = (await (
      await authedFetch(`${server.url}/api/documents/${json.id as string}/content`)
    ).json()) as { sessions: Array<{ title: string }> };
    expect(content.sessions.map((s) => s.title)).toEqual(['Safety']);
  });

  it('refuses a corrupt Word file and a file of another kind with 400, creating nothing', async () => {
    const before = await count();
    const corrupt = await upload('draft.docx', 'this is not a zip');
    expect(corrupt.status).toBe(400);
    expect(corrupt.json.error).toContain('not a readable Word');
    const pdf = await upload('draft.pdf', '%PDF-1.7');
    expect(pdf.status).toBe(400);
    expect(pdf.json.error).toContain('.docx');
    expect(await count()).toBe(before);
  });

  it('refuses an upload over 10 MiB with 413', async () => {
    const { status } = await upload('huge.md', new Uint8Array(10 * 1024 * 1024 + 1024).fill(65));
    expect(status).toBe(413);
  });

  it('refuses a request without a file with 400', async () => {
    const response = await authedFetch(`${server.url}/api/documents/import`, {
      method: 'POST',
      body: new FormData(),
    });
    expect(response.status).toBe(400);
  });
});

describe('POST /api/import/concept-note', () => {
  const NOTE = [
    'Concept Note',
    'Preparatory Meeting on Medical Support for the 2027 Peacekeeping Ministerial',
    'Co-hosted by Côte d’Ivoire and Türkiye, Abidjan, 3-4 March 2027',
    '',
    'Programme',
    'Session 1: Casualty evacuation in remote areas',
    '',
    'How can missions shorten evacuation times?',
    '',
    'Session 2 – Field hospitals and partnerships',
    '',
    'Which partnerships work best?',
  ].join('\n');

  it('extracts meeting details and sessions from pasted text', async () => {
    const response = await authedFetch(`${server.url}/api/import/concept-note`, {
      method: 'POST',
      headers: { 'content-type': 'text/plain' },
      body: NOTE,
    });
    expect(response.status).toBe(200);
    const body = (await response.json()) as {
      meeting: { coHosts: string[]; dates: string; venue: string };
      sessions: Array<{ number: number; title: string }>;
    };
    expect(body.sessions.map((s) => [s.number, s.title])).toEqual([
      [1, 'Casualty evacuation in remote areas'],
      [2, 'Field hospitals and partnerships'],
    ]);
    expect(body.meeting.coHosts).toEqual(['Côte d’Ivoire', 'Türkiye']);
  });

  it('reads an uploaded .txt and answers 422 when no session is found, 400 for other files', async () => {
    const form = new FormData();
    form.set('file', new File([NOTE], 'concept-note.txt'));
    expect(
      (await authedFetch(`${server.url}/api/import/concept-note`, { method: 'POST', body: form })).status,
    ).toBe(200);
    const none = await authedFetch(`${server.url}/api/import/concept-note`, {
      method: 'POST',
      headers: { 'content-type': 'text/plain' },
      body: 'A note with no programme at all.',
    });
    expect(none.status).toBe(422);
    expect(((await none.json()) as { error: string }).error).toContain('no sessions found');
    const pdf = new FormData();
    pdf.set('file', new File(['%PDF'], 'note.pdf'));
    expect(
      (await authedFetch(`${server.url}/api/import/concept-note`, { method: 'POST', body: pdf })).status,
    ).toBe(400);
  });
});
