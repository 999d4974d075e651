import { describe, expect, it } from 'vitest';
import { SqliteStorage, type CollabExtension } from '@plenary/server';
import { autoCleanup } from './support/cleanup.ts';
import { appendParagraph, connectClient, contentOf, type TestClient } from './support/clients.ts';
import { Gate, gatedStorage } from './support/gatedStorage.ts';
import { createDocument } from './support/http.ts';
import { makeTempDir, TestServer } from './support/server.ts';
import { waitFor } from './support/waitFor.ts';

const cleanup = autoCleanup();

/** Counts the collaboration core's loads and unloads, per document. */
function lifecycleCounter() {
  const loads = new Map<string, number>();
  const unloads = new Map<string, number>();
  const extension: CollabExtension = {
    name: 'lifecycle-counter',
    onLoad: (room) => void loads.set(room.id, (loads.get(room.id) ?? 0) + 1),
    onUnload: (room) => void unloads.set(room.id, (unloads.get(room.id) ?? 0) + 1),
  };
  return {
    extension,
    loads: (id: string) => loads.get(id) ?? 0,
    unloads: (id: string) => unloads.get(id) ?? 0,
  };
}

function connect(server: TestServer, documentId: string): TestClient {
  const c = connectClient(server.url, documentId);
  cleanup(() => c.destroy());
  return c;
}

/** Edits the document from one client, waits until a second one shows it, and returns the content. */
async function writeSummary(server: TestServer, documentId: string, words: string) {
  const editor = connect(server, documentId);
  const observer = connect(server, documentId);
  await Promise.all([editor.synced, observer.synced]);
  editor.doc.getText('text').insert(0, words);
  for (let i = 1; i <= 20; i++) appendParagraph(editor.doc, `${words} — paragraph ${i}`);
  await waitFor(
    () => {
      expect(contentOf(observer.doc)).toEqual(contentOf(editor.doc));
      return true;
    },
    { what: 'the edits to reach the observer' },
  );
  const content = contentOf(editor.doc);
  return {
    content,
    leave() {
      editor.destroy();
      observer.destroy();
    },
  };
}

describe('an idle document', () => {
  it('is unloaded once everyone left, compacted, and reloaded intact for the next client', async () => {
    const counter = lifecycleCounter();
    const server = await TestServer.start({ unloadDelayMs: 50, extensions: [counter.extension] });
    cleanup(() => server.dispose());
    const { id } = await createDocument(server.url);

    const written = await writeSummary(server, id, 'The meeting adopted its agenda.');
    expect(await server.server.storage.countUpdates(id)).toBeGreaterThan(0);
    written.leave();

    await waitFor(() => server.server.collab.loadedDocuments === 0, { what: 'the document to be unloaded' });
    expect(counter.unloads(id)).toBe(1);
    // The update log was folded into a snapshot on the way out.
    expect(await server.server.storage.countUpdates(id)).toBe(0);

    const next = connect(server, id);
    await next.synced;
    expect(contentOf(next.doc)).toEqual(written.content);
    expect(counter.loads(id)).toBe(2);

    // And it keeps working after the reload.
    const other = connect(server, id);
    await other.synced;
    next.doc.getText('text').insert(0, 'Reloaded. ');
    await waitFor(() => other.doc.getText('text').toString().startsWith('Reloaded. The meeting'), {
      what: 'an edit after the reload to propagate',
    });
  });

  it('is not unloaded while a client is still connected', async () => {
    const counter = lifecycleCounter();
    const server = await TestServer.start({ unloadDelayMs: 50, extensions: [counter.extension] });
    cleanup(() => server.dispose());
    const busy = await createDocument(server.url, 'Busy');
    const idle = await createDocument(server.url, 'Idle');

    const stayer = connect(server, busy.id);
    await stayer.synced;
    const leaver = connect(server, idle.id);
    await leaver.synced;
    leaver.destroy();

    // When the idle document goes, the busy one has been open longer than the delay.
    await waitFor(() => counter.unloads(idle.id) === 1, { what: 'the idle document to be unloaded' });
    expect(server.server.collab.peekRoom(busy.id)).toBeDefined();
    expect(counter.unloads(busy.id)).toBe(0);
    expect(server.server.collab.loadedDocuments).toBe(1);
  });

  it('serves a client that arrives while it is being unloaded from the reloaded document', async () => {
    const counter = lifecycleCounter();
    const compaction = new Gate();
    const dataDir = makeTempDir();
    const server = await TestServer.start(
      {
        unloadDelayMs: 20,
        extensions: [counter.extension],
        storage: gatedStorage(SqliteStorage.open(dataDir), { compact: compaction }),
      },
      dataDir,
    );
    cleanup(() => server.dispose());
    const { id } = await createDocument(server.url);

    const written = await writeSummary(server, id, 'Delegations exchanged views.');
    written.leave();
    // The unload is now stuck half-way, in its compaction.
    await waitFor(() => compaction.arrivals === 1, { what: 'the unload to start compacting' });
    const latecomer = connect(server, id);
    await waitFor(() => server.server.collab.connectionCount === 1, { what: 'the latecomer to connect' });
    compaction.open();

    await latecomer.synced;
    expect(contentOf(latecomer.doc)).toEqual(written.content);
    expect(counter.unloads(id)).toBe(1);
    expect(counter.loads(id)).toBe(2);

    // Its edits land in the live document and are kept.
    latecomer.doc.getText('text').insert(0, 'Late. ');
    const witness = connect(server, id);
    await waitFor(() => witness.doc.getText('text').toString().startsWith('Late. Delegations'), {
      what: "the latecomer's edit to reach another client",
    });
    const expected = contentOf(latecomer.doc);
    latecomer.destroy();
    witness.destroy();
    await server.restart({});
    const check = connect(server, id);
    await check.synced;
    expect(contentOf(check.doc)).toEqual(expected);
  });
});

describe('a cold document', () => {
  it('is loaded once for several clients arriving together, and all of them get all of it', async () => {
    const server = await TestServer.start();
    cleanup(() => server.dispose());
    const { id } = await createDocument(server.url);
    const written = await writeSummary(server, id, 'The Chair opened the session.');
    written.leave();

    const counter = lifecycleCounter();
    const load = new Gate();
    await server.restart({
      extensions: [counter.extension],
      storage: gatedStorage(SqliteStorage.open(server.dataDir), { load }),
    });
    expect(server.server.collab.loadedDocuments).toBe(0);

    const clients = Array.from({ length: 5 }, () => connect(server, id));
    // Everyone is connected while the first load is still reading storage.
    await waitFor(() => server.server.collab.connectionCount === 5 && load.arrivals >= 1, {
      what: 'five clients to be waiting on the load',
    });
    load.open();
    await Promise.all(clients.map((c) => c.synced));

    expect(load.arrivals).toBe(1);
    expect(counter.loads(id)).toBe(1);
    for (const c of clients) expect(contentOf(c.doc)).toEqual(written.content);
  });
});
