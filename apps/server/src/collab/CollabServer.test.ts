import * as Y from 'yjs';
import pino from 'pino';
import { afterEach, describe, expect, it } from 'vitest';
import { CloseCode } from '@plenary/protocol';
import { SqliteStorage } from '../storage/sqlite.ts';
import type { PendingUpdate, Storage } from '../storage/Storage.ts';
import { CollabServer, type CollabOptions } from './CollabServer.ts';
import { MemoryClient, until } from './testing/MemoryClient.ts';

const silent = pino({ level: 'silent' });
const cleanups: Array<() => Promise<void> | void> = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

async function setup(options: Partial<CollabOptions> = {}, storage?: Storage) {
  const store = storage ?? new SqliteStorage(':memory:');
  const server = new CollabServer({ storage: store, logger: silent, ...options });
  cleanups.push(async () => {
    await server.shutdown(1000);
    await store.close();
  });
  await store.createDocument({ id: 'doc', title: 'Chair’s summary' });
  const client = (id = 'doc') => {
    const c = new MemoryClient(server, id);
    cleanups.push(() => c.destroy());
    c.connect();
    return c;
  };
  return { server, storage: store, client };
}

/** A real SQLite storage whose commits can be held back or made to fail (fault injection). */
class GatedStorage extends SqliteStorage {
  gate: Promise<void> | undefined;
  failuresLeft = 0;
  attempts = 0;
  constructor() {
    super(':memory:');
    // Commits that wait, as PostgreSQL's do: every update takes the group commit.
    (this as { appendUpdatesNow?: unknown }).appendUpdatesNow = undefined;
  }
  override async appendUpdates(batch: readonly PendingUpdate[]): Promise<number[]> {
    this.attempts++;
    await this.gate;
    if (this.failuresLeft > 0) {
      this.failuresLeft--;
      throw new Error('disk full (injected)');
    }
    return super.appendUpdates(batch);
  }
}

describe('CollabServer', () => {
  it('relays edits between clients and converges', async () => {
    const { client } = await setup();
    const a = client();
    const b = client();
    a.doc.getText('text').insert(0, 'Session 1 — ');
    b.doc.getText('text').insert(0, 'Opening. ');
    await until(() => a.text() === b.text() && a.text().length === 21, 'convergence');
    expect(a.text()).toContain('Session 1');
    expect(a.text()).toContain('Opening.');
  });

  it('answers a first sync only from the loaded document, never an empty one', async () => {
    const { server, storage } = await setup();
    const seed = new Y.Doc();
    seed.getText('text').insert(0, 'stored before the server started');
    await storage.appendUpdates([{ documentId: 'doc', update: Y.encodeStateAsUpdate(seed) }]);
    // The client speaks before the document is loaded; its answer must carry the content.
    const c = new MemoryClient(server, 'doc');
    cleanups.push(() => c.destroy());
    c.connect();
    await until(() => c.received >= 1, 'first message');
    await until(() => c.text() === 'stored before the server started', 'stored content');
  });

  it('loads a cold document once however many clients join together', async () => {
    let loads = 0;
    const { client } = await setup({ extensions: [{ name: 'count', onLoad: () => void loads++ }] });
    const clients = Array.from({ length: 8 }, () => client());
    clients[0]!.doc.getText('text').insert(0, 'x');
    await until(() => clients.every((c) => c.text() === 'x'), 'all synced');
    expect(loads).toBe(1);
  });

  it('broadcasts an update only after storage has committed it', async () => {
    const storage = new GatedStorage();
    const { client } = await setup({}, storage);
    const a = client();
    const b = client();
    await until(() => a.received > 0 && b.received > 0, 'joined');
    let release!: () => void;
    storage.gate = new Promise((resolve) => (release = resolve));
    a.doc.getText('text').insert(0, 'not yet durable');
    await until(() => storage.attempts > 0, 'commit started');
    for (let i = 0; i < 20; i++) await new Promise((resolve) => setImmediate(resolve));
    expect(b.text()).toBe('');
    // A client joining now must not get the uncommitted update in its sync either.
    const late = client();
    for (let i = 0; i < 20; i++) await new Promise((resolve) => setImmediate(resolve));
    expect(late.text()).toBe('');
    release();
    await until(() => b.text() === 'not yet durable' && late.text() === 'not yet durable', 'delivery');
  });

  it('keeps updates in memory and retries when a commit fails', async () => {
    const storage = new GatedStorage();
    storage.failuresLeft = 2;
    const { server, client } = await setup({}, storage);
    (server.log as unknown as { options: { retryDelayMs: number } }).options.retryDelayMs = 5;
    const a = client();
    const b = client();
    await until(() => a.received > 0 && b.received > 0, 'joined');
    a.doc.getText('text').insert(0, 'survives a failed save');
    await until(() => b.text() === 'survives a failed save', 'delivery after retries', 10_000);
    expect(storage.attempts).toBeGreaterThanOrEqual(3);
    expect((await storage.loadContent('doc')).updates.length).toBeGreaterThan(0);
  });

  it('closes only the connection that sends a malformed frame, and keeps nothing of it', async () => {
    const { client, storage } = await setup();
    const good = client();
    const bad = client();
    const watcher = client();
    await until(() => bad.received > 0, 'bad joined');
    const before = (await storage.loadContent('doc')).updates.length;
    bad.sendRaw(new Uint8Array([0, 2, 6, 1, 250, 250, 250, 250, 250]));
    await until(() => bad.closeCodes.includes(CloseCode.MalformedMessage), 'bad closed with 4400');
    expect((await storage.loadContent('doc')).updates.length).toBe(before);
    good.doc.getText('text').insert(0, 'still editing');
    await until(() => watcher.text() === 'still editing', 'others unaffected');
    expect(good.connected && watcher.connected).toBe(true);
  });

  it('refuses text frames and frames over the size limit', async () => {
    const { client } = await setup({ maxMessageBytes: 1024 });
    const text = client();
    const big = client();
    const other = client();
    text.sendRaw('hello');
    big.sendRaw(new Uint8Array(2048));
    await until(() => text.closeCodes.includes(CloseCode.MalformedMessage), 'text frame refused');
    await until(() => big.closeCodes.includes(CloseCode.MessageTooBig), 'big frame refused');
    expect(other.connected).toBe(true);
  });

  it('closes a document that does not exist with 4404', async () => {
    const { client } = await setup();
    const c = client('no-such-doc');
    await until(() => c.closeCodes.includes(CloseCode.DocumentNotFound), '4404');
  });

  it('relays presence and removes it when its client disconnects', async () => {
    const { client } = await setup();
    const a = client();
    const b = client();
    a.awareness.setLocalStateField('user', { name: 'Delegation of Japan', color: '#c0392b' });
    await until(
      () => b.awareness.getStates().get(a.doc.clientID)?.user?.name === 'Delegation of Japan',
      'presence',
    );
    a.disconnect();
    await until(() => !b.awareness.getStates().has(a.doc.clientID), 'presence removed');
  });

  it('drops a client that stops reading instead of buffering for it', async () => {
    const { server, client } = await setup({ maxSendBufferBytes: 64 * 1024 });
    const writer = client();
    const slow = client();
    await until(() => slow.received > 0 && server.connectionCount === 2, 'joined');
    slow.bufferedAmount = 64 * 1024; // its transport reports a full send buffer
    writer.doc.getText('text').insert(0, 'a'.repeat(1000));
    await until(() => slow.closeCodes.includes(CloseCode.SlowConsumer), 'slow client dropped');
    await until(() => server.connectionCount === 1, 'writer still connected');
  });

  it('unloads an idle document, compacted, and reloads it intact', async () => {
    const unloads: string[] = [];
    const { server, storage, client } = await setup({
      unloadDelayMs: 20,
      extensions: [{ name: 'watch', onUnload: (room) => void unloads.push(room.id) }],
    });
    const a = client();
    for (let i = 0; i < 50; i++) a.doc.getText('text').insert(i, String(i % 10));
    await until(
      () => server.peekRoom('doc')?.isSettled === true && server.peekRoom('doc')!.updatesSinceSnapshot > 0,
      'committed',
    );
    a.disconnect();
    await until(() => unloads.length === 1 && server.loadedDocuments === 0, 'unloaded');
    expect(await storage.countUpdates('doc')).toBe(0);
    const b = client();
    await until(() => b.text() === a.text(), 'reloaded intact');
  });

  it('folds the log of a busy room into a snapshot of the room, without reading the log back', async () => {
    const storage = new SqliteStorage(':memory:');
    let reads = 0;
    const loadContent = storage.loadContent.bind(storage);
    storage.loadContent = (id) => {
      reads++;
      return loadContent(id);
    };
    const { server, client } = await setup({ compactAfterUpdates: 10 }, storage);
    const a = client();
    const b = client();
    await until(() => server.peekRoom('doc') !== undefined && a.received > 0 && b.received > 0, 'joined');
    const readsAfterLoad = reads;
    const text = a.doc.getText('text');
    for (let i = 0; i < 35; i++) {
      text.insert(text.length, String(i % 10));
      // Deleted content is collected in the snapshot, as the document has it.
      if (i % 5 === 4) text.delete(0, 1);
    }
    await until(() => b.text() === a.text(), 'relayed');
    await until(() => server.peekRoom('doc')!.updatesSinceSnapshot < 10, 'compacted');
    expect(reads).toBe(readsAfterLoad);
    const content = await loadContent('doc');
    expect(content.snapshot).not.toBeNull();
    expect(content.updates.length).toBeLessThan(10);
    const copy = new Y.Doc();
    for (const part of [content.snapshot!, ...content.updates]) Y.applyUpdate(copy, part);
    expect(copy.getText('text').toString()).toBe(a.text());
  });

  it('keeps a document loaded while someone rejoins during the unload delay', async () => {
    const { server, client } = await setup({ unloadDelayMs: 30 });
    const a = client();
    a.doc.getText('text').insert(0, 'stay');
    await until(() => server.peekRoom('doc')?.updatesSinceSnapshot === 1, 'committed');
    a.disconnect();
    const b = client();
    await until(() => b.text() === 'stay', 'synced');
    await new Promise((resolve) => setTimeout(resolve, 60));
    expect(server.loadedDocuments).toBe(1);
  });

  it('keeps a document nobody is in as bytes until the unload, and serves it intact', async () => {
    const { server, client } = await setup({ unloadDelayMs: 60_000 });
    const a = client();
    a.doc.getText('text').insert(0, 'Adopted by consensus.');
    a.awareness.setLocalStateField('user', { name: 'Rapporteur' });
    await until(() => server.peekRoom('doc')?.updatesSinceSnapshot === 1, 'committed');
    a.disconnect();
    await until(() => server.peekRoom('doc')?.isDormant === true, 'dormant');
    expect(server.loadedDocuments).toBe(1);
    const b = client();
    const c = client();
    await until(() => b.text() === 'Adopted by consensus.' && c.text() === b.text(), 'served intact');
    // Woken again: edits and presence flow as before.
    b.doc.getText('text').insert(0, 'Item 3. ');
    c.awareness.setLocalStateField('user', { name: 'Delegation of Chile' });
    await until(() => c.text() === 'Item 3. Adopted by consensus.', 'edit relayed');
    await until(
      () => b.awareness.getStates().get(c.doc.clientID)?.user?.name === 'Delegation of Chile',
      'presence',
    );
    expect(b.awareness.getStates().has(a.doc.clientID)).toBe(false);
  });

  it('closes every connection with "going away" on shutdown and commits pending edits', async () => {
    const storage = new SqliteStorage(':memory:');
    await storage.createDocument({ id: 'doc', title: 't' });
    const server = new CollabServer({ storage, logger: silent });
    const a = new MemoryClient(server, 'doc');
    a.connect();
    await until(() => a.received > 0, 'joined');
    a.doc.getText('text').insert(0, 'last words');
    await until(() => server.peekRoom('doc')?.doc.getText('text').toString() === 'last words', 'applied');
    await server.shutdown();
    await until(() => a.closeCodes.includes(CloseCode.GoingAway), '1001');
    const content = await storage.loadContent('doc');
    const copy = new Y.Doc();
    if (content.snapshot) Y.applyUpdate(copy, content.snapshot);
    for (const update of content.updates) Y.applyUpdate(copy, update);
    expect(copy.getText('text').toString()).toBe('last words');
    a.destroy();
    await storage.close();
  });
});
