import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pino from 'pino';
import { afterEach, describe, expect, it } from 'vitest';
import type { BrokerMessage, RoomBroker } from '../collab/broker.ts';
import { CollabServer } from '../collab/CollabServer.ts';
import { MemoryClient, until } from '../collab/testing/MemoryClient.ts';
import { SqliteStorage } from '../storage/sqlite.ts';

const silent = pino({ level: 'silent' });
const cleanups: Array<() => Promise<void> | void> = [];
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c();
});

/** A broker whose messages are all lost: the worst pub/sub can do (fault injection). */
class LosingBroker implements RoomBroker {
  readonly instanceId = 'lossy';
  published = 0;
  async subscribe(): Promise<() => Promise<void>> {
    return async () => {};
  }
  publish(_documentId: string, _message: BrokerMessage): void {
    this.published++;
  }
  async close(): Promise<void> {}
}

describe('the catch-up read', () => {
  it('brings an instance up to date when pub/sub loses every message', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'plenary-catchup-'));
    // Two instances on one database (two connections to the same SQLite file).
    const storages = [SqliteStorage.open(dir), SqliteStorage.open(dir)];
    const brokers = [new LosingBroker(), new LosingBroker()];
    const servers = storages.map(
      (storage, i) =>
        new CollabServer({ storage, broker: brokers[i], logger: silent, catchUpIntervalMs: 50 }),
    );
    cleanups.push(async () => {
      for (const s of servers) await s.shutdown(1000);
      for (const s of storages) await s.close();
      fs.rmSync(dir, { recursive: true, force: true });
    });
    await storages[0]!.createDocument({ id: 'doc', title: 'catch-up' });
    const onA = new MemoryClient(servers[0]!, 'doc');
    const onB = new MemoryClient(servers[1]!, 'doc');
    for (const c of [onA, onB]) {
      c.connect();
      cleanups.push(() => c.destroy());
    }
    await until(() => onA.received > 0 && onB.received > 0, 'both joined');

    onA.doc.getText('text').insert(0, 'typed on A');
    onB.doc.getText('text').insert(0, 'typed on B; ');
    await until(
      () => onA.text() === onB.text() && onA.text().length === 22,
      'convergence through storage alone',
      5_000,
    );
    expect(onA.text()).toContain('typed on A');
    expect(brokers[0]!.published).toBeGreaterThan(0); // it did publish; nobody received it
  });
});
