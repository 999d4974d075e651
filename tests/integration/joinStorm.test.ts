import { describe, expect, it } from 'vitest';
import { autoCleanup } from './support/cleanup.ts';
import { connectClient, type TestClient } from './support/clients.ts';
import { createDocument } from './support/http.ts';
import { TestServer } from './support/server.ts';
import { waitFor } from './support/waitFor.ts';

const cleanup = autoCleanup();
const JOINERS = 30;

/** 1.2 MB of annex text: well over the size at which replies take turns (64 KiB). */
function annexes(): Map<string, string> {
  const annex = new Map<string, string>();
  for (let i = 0; i < 40; i++) {
    annex.set(`annex ${i}`, `Annex ${i}. List of participants and statements. `.repeat(600));
  }
  return annex;
}

describe('a join storm on a large document', () => {
  it('gives every joiner the whole document and every edit made while they waited', async () => {
    const server = await TestServer.start();
    cleanup(() => server.dispose());
    const { id } = await createDocument(server.url);
    const writer = connectClient(server.url, id);
    cleanup(() => writer.destroy());
    await writer.synced;
    const content = annexes();
    writer.doc.transact(() => {
      for (const [key, value] of content) writer.doc.getMap('annexes').set(key, value);
    });
    const seeded = connectClient(server.url, id);
    cleanup(() => seeded.destroy());
    await waitFor(() => seeded.doc.getMap('annexes').size === content.size, {
      what: 'the seed to be stored',
    });

    // Everyone opens it at once; the replies take turns. Meanwhile the writer keeps typing: those
    // edits are held behind each waiting reply and must arrive after it, none lost.
    const joiners: TestClient[] = [];
    for (let i = 0; i < JOINERS; i++) {
      const c = connectClient(server.url, id, { timeoutMs: 60_000 });
      cleanup(() => c.destroy());
      joiners.push(c);
    }
    const notes = writer.doc.getArray<string>('notes');
    let joining = true;
    const synced = Promise.all(joiners.map((c) => c.synced)).finally(() => (joining = false));
    while (joining) {
      notes.push([`edit during the join ${notes.length}`]);
      await new Promise((resolve) => setTimeout(resolve, 2));
    }
    await synced;
    expect(notes.length).toBeGreaterThan(3);
    await waitFor(() => joiners.every((c) => c.doc.getArray('notes').length === notes.length), {
      what: 'the edits made during the join to reach every joiner',
      timeoutMs: 30_000,
    });
    for (const joiner of joiners) {
      expect(joiner.doc.getMap('annexes').toJSON()).toEqual(Object.fromEntries(content));
      expect(joiner.doc.getArray('notes').toArray()).toEqual(notes.toArray());
      expect(joiner.closeCodes).toEqual([]);
    }
  }, 120_000);
});
