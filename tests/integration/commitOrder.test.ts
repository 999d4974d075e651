import { describe, expect, it } from 'vitest';
import { SqliteStorage } from '@plenary/server';
import { autoCleanup } from './support/cleanup.ts';
import { connectClient } from './support/clients.ts';
import { Gate, gatedStorage } from './support/gatedStorage.ts';
import { createDocument } from './support/http.ts';
import { RawPeer } from './support/rawPeer.ts';
import { makeTempDir, TestServer } from './support/server.ts';
import { waitFor } from './support/waitFor.ts';

const cleanup = autoCleanup();

/**
 * The durability promise, checked without a crash: while an edit's commit is held back, no
 * other client receives it, neither as a broadcast nor inside a first sync. (The crash test
 * checks the same promise end to end, but a kill only sometimes lands in the window.)
 */
describe('an edit that is not yet committed', () => {
  it('reaches no other client until storage has committed it', async () => {
    const commit = new Gate();
    const dataDir = makeTempDir();
    const server = await TestServer.start(
      { storage: gatedStorage(SqliteStorage.open(dataDir), { append: commit }) },
      dataDir,
    );
    cleanup(() => {
      commit.open(); // let the held commit finish, so shutdown can drain
      return server.dispose();
    });
    const { id } = await createDocument(server.url);

    const writer = connectClient(server.url, id);
    cleanup(() => writer.destroy());
    await writer.synced;
    const watcher = await RawPeer.open(server.url, id);
    cleanup(() => watcher.close());
    watcher.sendSyncStep1();
    await watcher.roundTrip();
    expect(commit.arrivals).toBe(0);

    writer.doc.getText('text').insert(0, 'Held back.');
    // The server has applied the edit in memory and is stuck committing it.
    const room = server.server.collab.peekRoom(id)!;
    await waitFor(() => room.doc.getText('text').toString() === 'Held back.' && commit.arrivals === 1, {
      what: 'the edit to be applied and its commit to start',
    });
    expect(room.isSettled).toBe(false);

    // A client already there has not been sent it ...
    await watcher.roundTrip();
    expect(watcher.doc.getText('text').toString()).toBe('');
    // ... nor does a client arriving now find it in its first sync.
    const newcomer = await RawPeer.open(server.url, id);
    cleanup(() => newcomer.close());
    newcomer.sendSyncStep1();
    await newcomer.roundTrip();
    expect(newcomer.doc.getText('text').toString()).toBe('');

    // Once committed, both get it.
    commit.open();
    await waitFor(
      () =>
        watcher.doc.getText('text').toString() === 'Held back.' &&
        newcomer.doc.getText('text').toString() === 'Held back.',
      { what: 'the committed edit to reach both clients' },
    );
  });
});
