import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServer, type PlenaryServer } from '../server.ts';

let server: PlenaryServer;
let dataDir: string;
beforeAll(async () => {
  dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'plenary-import-'));
  server = await startServer({ port: 0, dataDir, logLevel: 'silent' });
});
afterAll(async () => {
  await server.close();
  fs.rmSync(dataDir, { recursive: true, force: true });
});

async function upload(name: string, bytes: Uint8Array<ArrayBuffer> | string): Promise<{ status: number; json: Record<string, unknown> }> {
  const form = new FormData();
  form.set('file', new File([bytes], name));
  const response = await fetch(`${server.url}/api/documents/import`, { method: 'POST', body: form });
  return { status: response.status, json: (await response.json()) as Record<string, unknown> };
}

const count = async () => ((await (await fetch(`${server.url}/api/documents`)).json()) as unknown[]).length;

describe('POST /api/documents/import', () => {
  it('creates a summary from a Markdown draft, titled from its first heading', async () => {
    const { status, json } = await upload('draft.md', '# Chair’s Summary, Islamabad\n\n## Session 1: Safety\n\nText.\n\n## Recommendations\n\n1. Do this.\n');
    expect(status).toBe(201);
    expect(json.title).toBe('Chair’s Summary, Islamabad');
    expect(json.sessions).toBe(1);
    const content = (await (await fetch(`${server.url}/api/documents/${json.id as string}/content`)).json()) as { sessions: Array<{ title: string }> };
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
    const response = await fetch(`${server.url}/api/documents/import`, { method: 'POST', body: new FormData() });
    expect(response.status).toBe(400);
  });
});
