import { randomBytes } from 'node:crypto';
import pg from 'pg';
import * as Y from 'yjs';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { startServer, type PlenaryServer } from '@plenary/server';
import { PostgresStorage } from '../../apps/server/src/storage/postgres.ts';
import { POSTGRES_URL, REDIS_URL, serviceAvailable } from '../support/services.ts';
import { connectClient, contentOf, type TestClient } from './support/clients.ts';
import { waitFor } from './support/waitFor.ts';
import { CloseCode } from '@plenary/protocol';
import { addMember, authedFetch, ensureAdmin } from '../support/credentials.ts';

const available = (await serviceAvailable('PostgreSQL')) && (await serviceAvailable('Redis'));
const schema = `plenary_scale_${randomBytes(4).toString('hex')}`;

const servers: PlenaryServer[] = [];
const clients: TestClient[] = [];
afterEach(async () => {
  for (const c of clients.splice(0)) c.destroy();
  for (const s of servers.splice(0)) await s.close();
});
afterAll(async () => {
  if (!available) return;
  const client = new pg.Client({ connectionString: POSTGRES_URL });
  await client.connect();
  await client.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
  await client.end();
});

/** One more instance: its own pool on the shared schema, and the shared Redis. */
async function instance(): Promise<PlenaryServer> {
  const storage = await PostgresStorage.open(POSTGRES_URL, { schema });
  const server = await startServer({
    port: 0,
    storage,
    redisUrl: REDIS_URL,
    logLevel: 'silent',
    unloadDelayMs: 50,
  });
  servers.push(server);
  await ensureAdmin(server.url);
  return server;
}

async function createDocument(server: PlenaryServer): Promise<string> {
  const response = await authedFetch(`${server.url}/api/documents`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ title: 'Scale-out' }),
  });
  return ((await response.json()) as { id: string }).id;
}

function client(server: PlenaryServer, id: string): TestClient {
  const c = connectClient(server.url, id);
  clients.push(c);
  return c;
}

describe.runIf(available)('several instances on PostgreSQL and Redis', () => {
  it('relays edits and presence between clients of different instances', async () => {
    const a = await instance();
    const b = await instance();
    const id = await createDocument(a);
    expect((await authedFetch(`${b.url}/api/documents/${id}`)).status).toBe(200);
    const onA = client(a, id);
    const onB = client(b, id);
    await Promise.all([onA.synced, onB.synced]);
    onA.doc.getText('text').insert(0, 'typed on A. ');
    onB.doc.getText('text').insert(0, 'typed on B. ');
    await waitFor(
      () => contentOf(onA.doc).text.length === 24 && contentOf(onA.doc).text === contentOf(onB.doc).text,
      {
        what: 'cross-instance convergence',
      },
    );
    onA.provider.awareness.setLocalStateField('user', { name: 'Delegate on A' });
    await waitFor(
      () => [...onB.provider.awareness.getStates().values()].some((s) => s.user?.name === 'Delegate on A'),
      {
        what: 'presence across instances',
      },
    );
  });

  it('a late instance loads what others committed, and misses nothing sent while it loads', async () => {
    const a = await instance();
    const id = await createDocument(a);
    const writer = client(a, id);
    await writer.synced;
    for (let i = 0; i < 50; i++) writer.doc.getText('text').insert(0, `${i} `);
    const b = await instance();
    const reader = client(b, id);
    // Keep writing while B loads the document.
    for (let i = 50; i < 100; i++) writer.doc.getText('text').insert(0, `${i} `);
    await waitFor(() => contentOf(reader.doc).text === contentOf(writer.doc).text, {
      what: 'late instance caught up',
    });
    for (let i = 0; i < 100; i++) expect(contentOf(reader.doc).text).toContain(`${i} `);
  });

  it('converges when an instance restarts under its clients, and storage holds everything', async () => {
    const a = await instance();
    let b = await instance();
    const id = await createDocument(a);
    const onA = client(a, id);
    const onB = client(b, id);
    await Promise.all([onA.synced, onB.synced]);
    onA.doc.getText('text').insert(0, 'before. ');
    await waitFor(() => contentOf(onB.doc).text === 'before. ', { what: 'first edit' });

    await b.close();
    servers.splice(servers.indexOf(b), 1);
    onB.doc.getText('text').insert(0, 'offline on B. ');
    onA.doc.getText('text').insert(0, 'meanwhile on A. ');
    b = await instance();
    // The stock provider reconnects to the same URL; point it at the restarted instance.
    onB.provider.disconnect();
    onB.provider.serverUrl = `${b.url.replace('http', 'ws')}/collab`;
    onB.provider.connect();
    await waitFor(
      () => contentOf(onA.doc).text === contentOf(onB.doc).text && contentOf(onA.doc).text.length === 38,
      {
        what: 'convergence after restart',
      },
    );

    const fresh = new Y.Doc();
    const stored = await b.storage.loadContent(id);
    Y.applyUpdate(
      fresh,
      Y.mergeUpdates(stored.snapshot ? [stored.snapshot, ...stored.updates] : stored.updates),
    );
    expect(fresh.getText('text').toString()).toBe(contentOf(onA.doc).text);
  });

  it('removing a role on one instance closes that user’s socket on another within a second', async () => {
    const a = await instance();
    const b = await instance();
    const id = await createDocument(a);
    const observer = await addMember(a.url, id, {
      email: 'obs@example.org',
      name: 'Observer',
      role: 'observer',
    });
    const onB = connectClient(b.url, id, { token: observer.token });
    clients.push(onB);
    await onB.synced;
    const started = performance.now();
    const removed = await authedFetch(`${a.url}/api/documents/${id}/members`, {
      method: 'DELETE',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email: 'obs@example.org' }),
    });
    expect(removed.status).toBe(204);
    await waitFor(() => onB.closeCodes.includes(CloseCode.AccessRevoked), {
      what: 'revocation on B',
      timeoutMs: 1_000,
    });
    expect(performance.now() - started).toBeLessThan(1_000);
  });
});
