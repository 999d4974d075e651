import { randomBytes } from 'node:crypto';
import * as prng from 'lib0/prng';
import pg from 'pg';
import pino from 'pino';
import * as Y from 'yjs';
import { afterAll, describe, expect, it } from 'vitest';
import { POSTGRES_URL, REDIS_URL, serviceAvailable } from '../../../../tests/support/services.ts';
import { CollabServer } from '../collab/CollabServer.ts';
import { MemoryClient, until } from '../collab/testing/MemoryClient.ts';
import { PostgresStorage } from '../storage/postgres.ts';
import { RedisBroker } from './redisBroker.ts';

const available = (await serviceAvailable('PostgreSQL')) && (await serviceAvailable('Redis'));
const schema = `plenary_multi_${randomBytes(4).toString('hex')}`;
const silent = pino({ level: 'silent' });

afterAll(async () => {
  if (!available) return;
  const client = new pg.Client({ connectionString: POSTGRES_URL });
  await client.connect();
  await client.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
  await client.end();
});

interface Instance {
  server: CollabServer;
  storage: PostgresStorage;
  broker: RedisBroker;
}

async function startInstance(): Promise<Instance> {
  const storage = await PostgresStorage.open(POSTGRES_URL, { schema, maxConnections: 3 });
  const broker = new RedisBroker(REDIS_URL, silent);
  const server = new CollabServer({
    storage,
    broker,
    logger: silent,
    unloadDelayMs: 20,
    compactAfterUpdates: 30,
    catchUpIntervalMs: 200,
  });
  return { server, storage, broker };
}

async function stopInstance({ server, storage, broker }: Instance): Promise<void> {
  await server.shutdown(2000);
  await broker.close();
  await storage.close();
}

describe.runIf(available)('several instances under random restarts', () => {
  // Seed 13 found out-of-order commits in PostgreSQL: seq 101 of a document visible before
  // seq 100, so a compaction skipped 100 for ever (fixed by locking the document rows first).
  it.each([11, 12, 13])(
    'converge, and storage holds what everyone sees (seed %i)',
    { timeout: 60_000 },
    async (seed) => {
      const gen = prng.create(seed);
      const instances = [await startInstance(), await startInstance(), await startInstance()];
      const documentId = `multi-${seed}`;
      await instances[0]!.storage.createDocument({ id: documentId, title: 'multi' });
      const clients = Array.from(
        { length: 6 },
        (_, i) => new MemoryClient(instances[i % 3]!.server, documentId),
      );
      clients.forEach((c, i) => c.awareness.setLocalStateField('user', { name: `Delegate ${i}` }));
      for (const c of clients) c.connect();
      try {
        for (let step = 0; step < 250; step++) {
          const roll = prng.real53(gen);
          const c = prng.oneOf(gen, clients);
          if (roll < 0.6) {
            const text = c.doc.getText('text');
            if (text.length > 0 && prng.bool(gen)) text.delete(prng.uint32(gen, 0, text.length - 1), 1);
            else text.insert(prng.uint32(gen, 0, text.length), prng.word(gen, 1, 4));
          } else if (roll < 0.68) {
            c.disconnect();
          } else if (roll < 0.78) {
            // Reconnect through the "load balancer": to any instance.
            c.server = prng.oneOf(gen, instances).server;
            c.connect();
          } else if (roll < 0.8) {
            // Restart an instance: its clients are dropped (1001) and come back elsewhere later.
            const at = prng.uint32(gen, 0, instances.length - 1);
            await stopInstance(instances[at]!);
            instances[at] = await startInstance();
          } else {
            const turns = prng.uint32(gen, 0, 3);
            for (let i = 0; i < turns; i++) await new Promise((resolve) => setTimeout(resolve, 1));
          }
        }
        const text = (doc: Y.Doc) => doc.getText('text').toString();
        await until(
          () => {
            for (const c of clients) {
              if (!c.connected) {
                c.server = prng.oneOf(gen, instances).server;
                c.connect();
              }
            }
            return clients.every((c) => c.connected && text(c.doc) === text(clients[0]!.doc));
          },
          `seed ${seed}: clients on different instances converge`,
          20_000,
        );
        await until(
          () => instances.every((i) => i.server.peekRoom(documentId)?.isSettled ?? true),
          'settled',
        );
        const stored = await instances[0]!.storage.loadContent(documentId);
        const fromStorage = new Y.Doc();
        Y.applyUpdate(
          fromStorage,
          Y.mergeUpdates(stored.snapshot ? [stored.snapshot, ...stored.updates] : stored.updates),
        );
        expect(text(fromStorage)).toBe(text(clients[0]!.doc));
      } finally {
        for (const c of clients) c.destroy();
        for (const instance of instances) await stopInstance(instance);
      }
    },
  );
});
