import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServer, type PlenaryServer } from '../server.ts';
import { authedFetch, ensureAdmin } from '../../../../tests/support/credentials.ts';

let server: PlenaryServer;
let dataDir: string;
beforeAll(async () => {
  dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'plenary-api-'));
  server = await startServer({ port: 0, dataDir, logLevel: 'silent' });
  await ensureAdmin(server.url);
});
afterAll(async () => {
  await server.close();
  fs.rmSync(dataDir, { recursive: true, force: true });
});

async function post(body: unknown): Promise<{ status: number; json: Record<string, unknown> }> {
  const response = await authedFetch(`${server.url}/api/documents`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });
  return { status: response.status, json: (await response.json()) as Record<string, unknown> };
}

const meeting = {
  title: 'Preparatory Meeting on Medical Capacity',
  coHosts: ['São Tomé and Príncipe', 'Türkiye'],
  dates: '3-4 March 2026',
  venue: 'Ankara',
};
const sessions = [
  { title: 'Casualty evacuation', day: 1 },
  { title: 'Field hospitals', day: 1 },
  { title: 'Mental health', day: 2 },
];

describe('POST /api/documents with a template', () => {
  it('creates a chair’s summary whose content has the meeting, the sessions and one part per session', async () => {
    const { status, json } = await post({
      title: 'Medical capacity',
      template: 'chairs-summary',
      meeting,
      sessions,
    });
    expect(status).toBe(201);
    expect(json.template).toBe('chairs-summary');
    const content = (await (
      await authedFetch(`${server.url}/api/documents/${json.id as string}/content`)
    ).json()) as {
      meeting: typeof meeting;
      sessions: Array<{ id: string; title: string; day: number }>;
      doc: { content: Array<{ type: string; attrs?: { kind?: string; sessionId?: string } }> };
    };
    expect(content.meeting).toMatchObject(meeting);
    expect(content.sessions.map((s) => [s.title, s.day])).toEqual(sessions.map((s) => [s.title, s.day]));
    const parts = content.doc.content
      .filter((n) => n.attrs?.kind === 'session-findings')
      .map((n) => n.attrs!.sessionId);
    expect(parts).toEqual(content.sessions.map((s) => s.id));
  });

  it('defaults to a blank document', async () => {
    const { status, json } = await post({ title: 'Notes' });
    expect(status).toBe(201);
    expect(json.template).toBe('blank');
  });

  it('refuses an unknown template with 400 naming it and listing the valid ones, creating nothing', async () => {
    const before = ((await (await authedFetch(`${server.url}/api/documents`)).json()) as unknown[]).length;
    const { status, json } = await post({ title: 'x', template: 'chair-summary' });
    expect(status).toBe(400);
    expect(json.error).toContain('"chair-summary"');
    expect(json.validTemplates).toEqual(['chairs-summary', 'summary-report', 'blank']);
    expect(((await (await authedFetch(`${server.url}/api/documents`)).json()) as unknown[]).length).toBe(
      before,
    );
  });

  it.each([
    [{ title: 'x', sessions: [{}] }, 'sessions[0].title is required'],
    [{ title: 'x', sessions: [{ title: 'a', day: 0 }] }, 'sessions[0].day'],
    [{ title: 'x', meeting: { coHosts: 'Pakistan' } }, 'meeting.coHosts must be a list'],
    [{ title: 'x', meeting: { venue: 42 } }, 'meeting.venue must be a string'],
    [{ title: 42 }, 'title must be a string'],
    ['{"title": ', 'not valid JSON'],
  ])('refuses bad input %j with a 400 naming the field', async (body, message) => {
    const { status, json } = await post(body);
    expect(status).toBe(400);
    expect(json.error).toContain(message);
  });
});

describe('GET /api/templates', () => {
  it('lists document and section templates', async () => {
    const templates = (await (await authedFetch(`${server.url}/api/templates`)).json()) as Array<{
      id: string;
      kind: string;
      label: string;
    }>;
    const ids = templates.map((t) => t.id);
    for (const id of [
      'chairs-summary',
      'summary-report',
      'blank',
      'session-findings',
      'conclusions',
      'recommendations',
    ]) {
      expect(ids).toContain(id);
    }
    expect(templates.every((t) => t.label && (t.kind === 'document' || t.kind === 'section'))).toBe(true);
  });
});

describe('GET /api/documents/:id/content', () => {
  it('answers 404 for an unknown document and 400 for a bad id', async () => {
    expect((await authedFetch(`${server.url}/api/documents/nope/content`)).status).toBe(404);
    expect((await authedFetch(`${server.url}/api/documents/bad.id/content`)).status).toBe(400);
  });
});
