import { randomBytes } from 'node:crypto';
import pg from 'pg';
import * as Y from 'yjs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServer, type PlenaryServer } from '@plenary/server';
import { POSTGRES_URL, REDIS_URL, serviceAvailable } from '../support/services.ts';
import { spawnServer, type ChildServer } from './support/childServer.ts';
import { autoCleanup } from './support/cleanup.ts';
import { collabUrl, connectClient, type TestClient } from './support/clients.ts';
import { createDocument } from './support/http.ts';
import { makeTempDir, removeDir } from './support/server.ts';
import { waitFor } from './support/waitFor.ts';
import { ensureAdmin } from '../support/credentials.ts';

const available = (await serviceAvailable('PostgreSQL')) && (await serviceAvailable('Redis'));
const database = `plenary_crash_${randomBytes(4).toString('hex')}`;
const databaseUrl = (() => {
  const url = new URL(POSTGRES_URL);
  url.pathname = `/${database}`;
  return url.toString();
})();
const cleanup = autoCleanup();

async function admin<T>(work: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: POSTGRES_URL });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

beforeAll(async () => {
  if (available) await admin((c) => c.query(`CREATE DATABASE ${database}`));
});
afterAll(async () => {
  if (available) await admin((c) => c.query(`DROP DATABASE IF EXISTS ${database} WITH (FORCE)`));
});

function client(url: string, id: string): TestClient {
  const c = connectClient(url, id);
  cleanup(() => c.destroy());
  return c;
}

describe.runIf(available)('an instance on PostgreSQL and Redis killed with SIGKILL', () => {
  it('loses nothing any client saw; its clients move to another instance and converge', async () => {
    const dataDir = makeTempDir();
    cleanup(() => removeDir(dataDir));
    const env = { PLENARY_DATABASE_URL: databaseUrl, PLENARY_REDIS_URL: REDIS_URL };
    const a: ChildServer = await spawnServer(dataDir, { env });
    cleanup(() => a.kill());
    const b: PlenaryServer = await startServer({
      port: 0,
      databaseUrl,
      redisUrl: REDIS_URL,
      logLevel: 'silent',
    });
    cleanup(() => b.close());
    await ensureAdmin(b.url);
    const { id } = await createDocument(a.url);

    // Two writers on A; an observer on B records every token that reaches it through Redis.
    const writers = [client(a.url, id), client(a.url, id)];
    const observer = client(b.url, id);
    await Promise.all([...writers.map((w) => w.synced), observer.synced]);
    const seen = new Set<string>();
    observer.doc.getArray<string>('tokens').observe((event) => {
      for (const change of event.changes.delta)
        for (const t of (change.insert as string[] | undefined) ?? []) seen.add(t);
    });

    let killed = false;
    const write = async (writer: TestClient, name: string) => {
      for (let i = 0; i < 300 && !killed; i++) {
        writer.doc.getArray<string>('tokens').push([`${name}-${i}`]);
        if (seen.size >= 150 && !killed) {
          killed = true;
          a.child.kill('SIGKILL');
        }
        await new Promise((resolve) => setTimeout(resolve, 1));
      }
    };
    await Promise.all([write(writers[0]!, 'w0'), write(writers[1]!, 'w1')]);
    expect(killed).toBe(true);
    expect(await a.exited).toEqual({ code: null, signal: 'SIGKILL' });
    const sawBeforeCrash = [...seen];
    // Durable before published: everything B's observer saw is in the database already, before
    // any writer reconnects and could resend it.
    const stored = await b.storage.loadContent(id);
    const fromStorage = new Y.Doc();
    Y.applyUpdate(
      fromStorage,
      Y.mergeUpdates(stored.snapshot ? [stored.snapshot, ...stored.updates] : stored.updates),
    );
    const storedTokens = new Set(fromStorage.getArray<string>('tokens').toArray());
    expect(sawBeforeCrash.filter((t) => !storedTokens.has(t))).toEqual([]);

    // The writers' providers reconnect, through the "load balancer", to B.
    for (const w of writers) {
      w.provider.serverUrl = collabUrl(b.url);
      w.provider.connect();
    }
    const tokens = (c: TestClient) => c.doc.getArray<string>('tokens').toArray();
    await waitFor(
      () => writers.every((w) => JSON.stringify(tokens(w)) === JSON.stringify(tokens(observer))),
      {
        what: 'writers and observer to converge on instance B',
        timeoutMs: 20_000,
      },
    );
    const everything = tokens(observer);
    expect(sawBeforeCrash.filter((t) => !everything.includes(t))).toEqual([]);
    // Nothing the writers made is lost either: their own unsent edits came back with them.
    for (const w of writers) expect(tokens(w).length).toBe(everything.length);

    // And storage has all of it: a fresh client of a fresh instance loads the same.
    const c = await startServer({ port: 0, databaseUrl, redisUrl: REDIS_URL, logLevel: 'silent' });
    cleanup(() => c.close());
    await ensureAdmin(c.url);
    const fresh = client(c.url, id);
    await fresh.synced;
    expect(tokens(fresh).sort()).toEqual([...everything].sort());
  });
});
