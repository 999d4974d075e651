import * as prng from 'lib0/prng';
import * as Y from 'yjs';
import pino from 'pino';
import { afterEach, describe, expect, it } from 'vitest';
import { listRecommendations, writeTags } from '@plenary/schema';
import { CollabServer } from '../collab/CollabServer.ts';
import { MemoryClient, until } from '../collab/testing/MemoryClient.ts';
import { SqliteStorage } from '../storage/sqlite.ts';
import { RecommendationIndexer } from './indexer.ts';

const silent = pino({ level: 'silent' });
const cleanups: Array<() => Promise<void> | void> = [];
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c();
});

function listItem(recId: string | null, text: string): Y.XmlElement {
  const item = new Y.XmlElement('listItem');
  if (recId) item.setAttribute('recId', recId);
  const paragraph = new Y.XmlElement('paragraph');
  paragraph.insert(0, [new Y.XmlText(text)]);
  item.insert(0, [paragraph]);
  return item;
}

/** The body's one ordered list, created on first use (each replica's edits go to the same list). */
function list(doc: Y.Doc): Y.XmlElement {
  return doc.getXmlFragment('body').get(0) as Y.XmlElement;
}

describe('recommendations index', () => {
  it.each([1, 2, 3, 4, 5])(
    'equals what the document says after seeded random edits (seed %i)',
    async (seed) => {
      const gen = prng.create(seed);
      const storage = new SqliteStorage(':memory:');
      await storage.createDocument({ id: 'doc', title: 'Index fuzz' });
      const seedDoc = new Y.Doc();
      const ol = new Y.XmlElement('orderedList');
      seedDoc.getXmlFragment('body').insert(0, [ol]);
      await storage.appendUpdates([{ documentId: 'doc', update: Y.encodeStateAsUpdate(seedDoc) }]);

      const indexer = new RecommendationIndexer(
        storage,
        silent,
        (id, read) => server.readDocument(id, read),
        5,
      );
      const server: CollabServer = new CollabServer({
        storage,
        logger: silent,
        extensions: [indexer.extension],
      });
      cleanups.push(async () => {
        await server.shutdown(1000);
        await storage.close();
      });
      const clients = [
        new MemoryClient(server, 'doc'),
        new MemoryClient(server, 'doc'),
        new MemoryClient(server, 'doc'),
      ];
      for (const c of clients) {
        c.connect();
        cleanups.push(() => c.destroy());
      }
      await until(() => clients.every((c) => c.doc.getXmlFragment('body').length === 1), 'synced');

      let n = 0;
      for (let step = 0; step < 150; step++) {
        const c = prng.oneOf(gen, clients);
        const items = list(c.doc);
        const roll = prng.real53(gen);
        if (roll < 0.4 || items.length === 0) {
          const recId = prng.bool(gen) ? `r${seed}-${++n}` : null;
          items.insert(prng.uint32(gen, 0, items.length), [listItem(recId, prng.word(gen, 3, 12))]);
        } else if (roll < 0.55) {
          items.delete(prng.uint32(gen, 0, items.length - 1), 1);
        } else if (roll < 0.7) {
          // A move: delete and re-insert a copy elsewhere (what a drag does).
          const from = prng.uint32(gen, 0, items.length - 1);
          const moved = (items.get(from) as Y.XmlElement).clone();
          c.doc.transact(() => {
            items.delete(from, 1);
            items.insert(prng.uint32(gen, 0, items.length), [moved]);
          });
        } else {
          const recs = listRecommendations(c.doc);
          if (recs.length)
            writeTags(c.doc, prng.oneOf(gen, recs).id, {
              addThemes: [prng.oneOf(gen, ['medical', 'training', 'technology'])],
              status: prng.oneOf(gen, ['proposed', 'agreed']),
            });
        }
        if (prng.bool(gen)) await new Promise((resolve) => setImmediate(resolve));
      }

      const room = () => server.peekRoom('doc')!;
      const state = (doc: Y.Doc) => JSON.stringify(listRecommendations(doc));
      await until(
        () => clients.every((c) => state(c.doc) === state(room().doc)),
        'replicas converge',
        10_000,
      );
      await until(() => room().isSettled, 'settled');
      await indexer.flush();
      const indexed = await storage.queryRecommendations({ documentId: 'doc' });
      const expected = listRecommendations(room().doc);
      expect(expected.length).toBeGreaterThan(0);
      expect(
        indexed.map(({ documentId: _d, documentTitle: _t, meetingTitle: _m, meetingDates: _md, ...r }) => r),
      ).toEqual(expected);
    },
  );
});

describe('recommendations index scheduling', () => {
  it('rebuilds once a burst of edits has been quiet for the debounce, and sooner when asked', async () => {
    const storage = new SqliteStorage(':memory:');
    await storage.createDocument({ id: 'doc', title: 'Debounce' });
    cleanups.push(() => storage.close());
    const reads: number[] = [];
    const started = performance.now();
    const indexer = new RecommendationIndexer(storage, silent, async (_id, read) => {
      reads.push(performance.now() - started);
      return read(new Y.Doc());
    });
    // A keystroke every 20 ms for 300 ms: no rebuild until 500 ms after the last one.
    let lastAt = 0;
    for (let i = 0; i < 15; i++) {
      lastAt = performance.now() - started;
      indexer.schedule('doc', 500);
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    await until(() => reads.length === 1, 'the rebuild', 3000);
    expect(reads[0]!).toBeGreaterThanOrEqual(lastAt + 480);
    // A nearer deadline brings a pending rebuild forward.
    indexer.schedule('doc', 5000);
    indexer.schedule('doc', 10);
    await until(() => reads.length === 2, 'the early rebuild', 1000);
  });
});
