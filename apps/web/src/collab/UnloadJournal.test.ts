import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { JOURNAL_ORIGIN, UnloadJournal, type JournalStore } from './UnloadJournal.ts';

const provider = { name: 'provider' };

/** A store in memory, shared by the "pages" of one test as localStorage is. */
function memoryStore(prefix = 'journal:') {
  const values = new Map<string, string>();
  let full = false;
  const store: JournalStore = {
    entries: () => [...values].filter(([key]) => key.startsWith(prefix)),
    set: (key, value) => {
      if (full) return false;
      values.set(key, value);
      return true;
    },
    remove: (key) => void values.delete(key),
  };
  return { store, values, fill: () => (full = true) };
}

/** A cache whose writes are confirmed only when the test says so. */
function controlledCache() {
  const waiting: Array<{ resolve(): void; reject(error: Error): void }> = [];
  let open = true;
  return {
    cacheWritten: () =>
      open ? new Promise<void>((resolve, reject) => waiting.push({ resolve, reject })) : null,
    close: () => (open = false),
    open: () => (open = true),
    asked: () => waiting.length,
    async confirmAll() {
      for (const { resolve } of waiting.splice(0)) resolve();
      await Promise.resolve();
      await Promise.resolve();
    },
    async abortAll() {
      for (const { reject } of waiting.splice(0)) reject(new Error('aborted'));
      await Promise.resolve();
    },
  };
}

function page(
  store: JournalStore,
  cache: ReturnType<typeof controlledCache>,
  key = `journal:${Math.random()}`,
) {
  const doc = new Y.Doc();
  const journal = new UnloadJournal(doc, {
    key,
    store,
    isLocal: (origin) => origin !== provider,
    cacheWritten: cache.cacheWritten,
  });
  const type = (text: string, origin: unknown = null) => {
    const t = doc.getText('t');
    doc.transact(() => t.insert(t.length, text), origin);
  };
  return { doc, journal, type, text: () => doc.getText('t').toString() };
}

describe('UnloadJournal', () => {
  it('keeps edits the cache has not confirmed, and the next page gets them back', async () => {
    const { store, values } = memoryStore();
    const cache = controlledCache();
    const first = page(store, cache);
    first.type('Offline ');
    first.type('point.');
    expect(first.journal.pending).toBe(2);
    first.journal.save();
    expect(values.size).toBe(1);

    // The page is gone before the cache confirmed anything; a new one starts with an empty doc.
    const second = page(store, controlledCache());
    expect(second.journal.replay()).toBe(1);
    expect(second.text()).toBe('Offline point.');
  });

  it('forgets what the cache confirmed, and writes nothing when all of it is', async () => {
    const { store, values } = memoryStore();
    const cache = controlledCache();
    const { journal, type } = page(store, cache);
    type('a');
    type('b'); // waits for the next confirmation: one runs at a time
    expect(cache.asked()).toBe(1);
    await cache.confirmAll();
    expect(journal.pending).toBe(1);
    expect(cache.asked()).toBe(1);
    await cache.confirmAll();
    expect(journal.pending).toBe(0);
    journal.save();
    expect(values.size).toBe(0);
  });

  it('removes its journal once the cache holds what it saved', async () => {
    const { store, values } = memoryStore();
    const cache = controlledCache();
    const { journal, type } = page(store, cache);
    type('a');
    journal.save(); // the tab is hidden, not closed
    expect(values.size).toBe(1);
    await cache.confirmAll();
    expect(values.size).toBe(0);
  });

  it('removes a replayed journal only once the cache holds it', async () => {
    const { store, values } = memoryStore();
    const first = page(store, controlledCache());
    first.type('kept');
    first.journal.save();

    const cache = controlledCache();
    cache.close(); // IndexedDB not open yet when the page starts
    const second = page(store, cache);
    second.journal.replay();
    expect(second.text()).toBe('kept');
    expect(values.size).toBe(1);
    cache.open();
    second.journal.confirm();
    await cache.confirmAll();
    expect(values.size).toBe(0);
    expect(second.journal.pending).toBe(0);
  });

  it('ignores what came from elsewhere and its own replays', () => {
    const { store } = memoryStore();
    const cache = controlledCache();
    const { journal, type } = page(store, cache);
    type('from the server', provider);
    expect(journal.pending).toBe(0);
    const other = new Y.Doc();
    other.getText('t').insert(0, 'x');
    Y.applyUpdate(page(store, cache).doc, Y.encodeStateAsUpdate(other), JOURNAL_ORIGIN);
    expect(journal.pending).toBe(0);
  });

  it('keeps edits pending after an aborted cache write, and asks again on the next edit', async () => {
    const { store } = memoryStore();
    const cache = controlledCache();
    const { journal, type } = page(store, cache);
    type('a');
    await cache.abortAll();
    expect(journal.pending).toBe(1);
    type('b');
    expect(cache.asked()).toBe(1);
    await cache.confirmAll();
    expect(journal.pending).toBe(0);
  });

  it('survives a full store and unreadable journals', () => {
    const { store, values, fill } = memoryStore();
    const cache = controlledCache();
    values.set('journal:old', '%%% not base64');
    values.set('journal:older', btoa('not a Yjs update'));
    const { journal, type, text } = page(store, cache);
    expect(journal.replay()).toBe(0);
    fill();
    type('still editable');
    expect(() => journal.save()).not.toThrow();
    expect(text()).toBe('still editable');
  });

  it('merges what it keeps into one update that replays to the same text', () => {
    const { store, values } = memoryStore();
    const cache = controlledCache();
    const first = page(store, cache, 'journal:tab');
    for (const ch of 'Recommendation 4.') first.type(ch);
    first.journal.save();
    expect(first.journal.pending).toBe(1);
    expect([...values.keys()]).toEqual(['journal:tab']);
    const second = page(store, controlledCache());
    second.journal.replay();
    expect(second.text()).toBe('Recommendation 4.');
  });
});
