import * as prng from 'lib0/prng';
import * as Y from 'yjs';
import pino from 'pino';
import { describe, expect, it } from 'vitest';
import { SqliteStorage } from '../storage/sqlite.ts';
import { STRUCTURE_FIELDS } from '@plenary/protocol';
import { CollabServer } from './CollabServer.ts';
import type { ConnectionAccess } from './Connection.ts';
import { MemoryClient, until } from './testing/MemoryClient.ts';

const silent = pino({ level: 'silent' });

interface FuzzOptions {
  clients: number;
  steps: number;
  /**
   * All clients but the first connect as co-hosts, whose every update is checked against the
   * structure roots (`meeting` is one) while earlier ones may still wait to be applied; their
   * structure edits are made by the first client instead, so nothing is refused.
   */
  coHosts?: boolean;
}

const CO_HOST: ConnectionAccess = {
  userId: 'co-host',
  userName: 'Co-host',
  role: 'co-host',
  isAdmin: false,
  readOnly: false,
  protectedRoots: STRUCTURE_FIELDS,
};

/**
 * Random edits (text and map), presence changes, disconnects, reconnects, offline edits and
 * server restarts on the same storage, driven by a seeded generator; at the end every replica,
 * the server and what storage reloads must be identical. A failing seed prints itself: keep it
 * below as a named regression test.
 */
async function fuzz(seed: number, { clients: count, steps, coHosts = false }: FuzzOptions): Promise<void> {
  const gen = prng.create(seed);
  const storage = new SqliteStorage(':memory:');
  await storage.createDocument({ id: 'doc', title: 'fuzz' });
  const start = () =>
    new CollabServer({ storage, logger: silent, unloadDelayMs: 5, compactAfterUpdates: 40 });
  let server = start();
  const clients = Array.from(
    { length: count },
    (_, i) => new MemoryClient(server, 'doc', coHosts && i > 0 ? CO_HOST : undefined),
  );
  clients.forEach((c, i) => c.awareness.setLocalStateField('user', { name: `Delegate ${i}` }));
  for (const c of clients) c.connect();
  const pick = () => clients[prng.uint32(gen, 0, clients.length - 1)]!;

  try {
    for (let step = 0; step < steps; step++) {
      const roll = prng.real53(gen);
      const c = pick();
      if (roll < 0.45) {
        const text = c.doc.getText('text');
        if (text.length > 0 && prng.bool(gen)) {
          const at = prng.uint32(gen, 0, text.length - 1);
          text.delete(at, Math.min(prng.uint32(gen, 1, 5), text.length - at));
        } else {
          text.insert(prng.uint32(gen, 0, text.length), prng.word(gen, 1, 6));
        }
      } else if (roll < 0.55) {
        const editor = coHosts ? clients[0]! : c;
        editor.doc.getMap('meeting').set(prng.oneOf(gen, ['title', 'venue', 'dates']), prng.word(gen, 1, 8));
      } else if (roll < 0.62) {
        c.awareness.setLocalStateField('cursor', prng.uint32(gen, 0, 100));
      } else if (roll < 0.7) {
        c.disconnect();
      } else if (roll < 0.8) {
        c.connect();
      } else if (roll < 0.82) {
        await server.shutdown(2000);
        server = start();
        for (const client of clients) client.server = server;
      } else {
        const turns = prng.uint32(gen, 0, 4);
        for (let i = 0; i < turns; i++) await new Promise((resolve) => setImmediate(resolve));
      }
    }

    // Map key order is local insertion order, so compare sorted entries.
    const state = (doc: Y.Doc) =>
      JSON.stringify({
        text: doc.getText('text').toString(),
        meeting: [...doc.getMap('meeting').entries()].sort(([a], [b]) => a.localeCompare(b)),
      });
    await until(
      () => {
        // A close sent just before (say, by the last restart) may still be in flight.
        for (const c of clients) c.connect();
        const room = server.peekRoom('doc');
        if (!room) return false;
        const expected = state(room.doc);
        return clients.every((c) => state(c.doc) === expected);
      },
      `seed ${seed}: replicas converge`,
      15_000,
    );
    await until(() => server.peekRoom('doc')!.isSettled, `seed ${seed}: server settled`);
    const expected = state(server.peekRoom('doc')!.doc);
    for (const c of clients) {
      await until(
        () => clients.every((other) => other === c || c.awareness.getStates().has(other.doc.clientID)),
        `seed ${seed}: presence converges`,
      );
    }

    const stored = await storage.loadContent('doc');
    const reloaded = new Y.Doc();
    Y.applyUpdate(
      reloaded,
      Y.mergeUpdates(stored.snapshot ? [stored.snapshot, ...stored.updates] : stored.updates),
    );
    expect(state(reloaded), `seed ${seed}: storage holds what everyone sees`).toBe(expected);
    for (const kind of ['update_refused', 'update_unplaceable']) {
      expect(server.stats.errors.get(kind), `seed ${seed}: nothing refused (${kind})`).toBeUndefined();
    }
  } finally {
    for (const c of clients) c.destroy();
    await server.shutdown(2000);
    await storage.close();
  }
}

describe('sync fuzz', () => {
  const seeds = Number(process.env.PLENARY_FUZZ_SEEDS ?? 12);
  const base = Number(process.env.PLENARY_FUZZ_BASE_SEED ?? 1);
  for (let seed = base; seed < base + seeds; seed++) {
    it(`seed ${seed}: 4 clients, 400 random steps converge`, async () => {
      await fuzz(seed, { clients: 4, steps: 400 });
    });
  }
  for (let seed = base; seed < base + Math.ceil(seeds / 2); seed++) {
    it(`seed ${seed}: 3 co-hosts and 1 trusted client, 400 random steps converge`, async () => {
      await fuzz(seed, { clients: 4, steps: 400, coHosts: true });
    });
  }
});
