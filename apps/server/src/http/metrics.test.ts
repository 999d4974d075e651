import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import WebSocket from 'ws';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { startServer, type PlenaryServer } from '../server.ts';
import { authedFetch, ensureAdmin, tokenFor } from '../../../../tests/support/credentials.ts';

let server: PlenaryServer;
let dataDir: string;
beforeAll(async () => {
  dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'plenary-metrics-'));
  server = await startServer({ port: 0, dataDir, logLevel: 'silent' });
  await ensureAdmin(server.url);
});
afterAll(async () => {
  await server.close();
  fs.rmSync(dataDir, { recursive: true, force: true });
});

const scrape = async () => (await authedFetch(`${server.url}/metrics`)).text();
const value = (text: string, series: string) =>
  Number(new RegExp(`^${series.replace(/[{}"]/g, '\\$&')} (\\S+)$`, 'm').exec(text)?.[1] ?? NaN);

it('exposes connections, documents, traffic, commit latency and errors in Prometheus format', async () => {
  const { id } = (await (
    await authedFetch(`${server.url}/api/documents`, {
      method: 'POST',
      body: '{"title":"m"}',
      headers: { 'content-type': 'application/json' },
    })
  ).json()) as { id: string };
  const ws = new WebSocket(`${server.url.replace('http', 'ws')}/collab/${id}?token=${tokenFor(server.url)}`);
  await new Promise((resolve) => ws.once('message', resolve));
  let text = await scrape();
  expect(value(text, 'plenary_connections')).toBe(1);
  expect(value(text, 'plenary_documents_loaded')).toBe(1);
  expect(value(text, 'plenary_large_messages_waiting')).toBe(0);
  expect(value(text, 'plenary_bytes_out_total')).toBeGreaterThan(0);
  expect(text).toContain('# TYPE plenary_storage_commit_seconds histogram');

  const closed = new Promise((resolve) => ws.once('close', resolve));
  ws.send(new Uint8Array([9, 9, 9]));
  await closed;
  text = await scrape();
  expect(value(text, 'plenary_errors_total{kind="MalformedMessage"}')).toBe(1);
  expect(value(text, 'plenary_connections')).toBe(0);
});
