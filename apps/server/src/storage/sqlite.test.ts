import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import * as Y from 'yjs';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { runAccountsContract } from './accountsContract.ts';
import { runStorageContract } from './contract.ts';
import { SqliteStorage } from './sqlite.ts';
import { contentParts, type StoredContent } from './Storage.ts';

const dirs: string[] = [];
function tempDir(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'plenary-sqlite-'));
  dirs.push(dir);
  return dir;
}
afterAll(() => {
  for (const dir of dirs) fs.rmSync(dir, { recursive: true, force: true });
});

runStorageContract('sqlite', async () => SqliteStorage.open(tempDir()));
runAccountsContract('sqlite', async () => SqliteStorage.open(tempDir()));

/** A data folder as an older Plenary left it: documents and snapshots of the first shape, and `more`. */
function olderDataFolder(more: string): { dir: string; old: Database.Database } {
  const dir = tempDir();
  const old = new Database(path.join(dir, 'plenary.sqlite'));
  old.exec(`CREATE TABLE documents (id TEXT PRIMARY KEY, title TEXT NOT NULL, created_at TEXT NOT NULL,
              updated_at TEXT NOT NULL);
            CREATE TABLE document_snapshots (document_id TEXT PRIMARY KEY REFERENCES documents(id)
              ON DELETE CASCADE, upto_seq INTEGER NOT NULL, data BLOB NOT NULL);
            ${more}`);
  return { dir, old };
}

describe('SqliteStorage on disk', () => {
  it('uses WAL, fsyncs commits as the fsync mode says, and never checkpoints on its own connection', async () => {
    for (const [fsync, synchronous] of [
      ['after-broadcast', 1], // NORMAL: the log is fsynced by SqliteDisk, off the event loop
      ['before-broadcast', 2], // FULL: every commit is fsynced before it returns
    ] as const) {
      const storage = SqliteStorage.open(tempDir(), { fsync });
      const db = (storage as unknown as { db: import('better-sqlite3').Database }).db;
      expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
      expect(db.pragma('synchronous', { simple: true })).toBe(synchronous);
      expect(db.pragma('wal_autocheckpoint', { simple: true })).toBe(0);
      await storage.close();
    }
  });

  it('rewrites a document’s updated_at at most once a second while it is edited', async () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    try {
      const storage = SqliteStorage.open(tempDir());
      const start = Date.parse('2026-03-02T09:00:00.000Z');
      vi.setSystemTime(start);
      await storage.createDocument({ id: 'doc', title: 'Chair’s summary' });
      const updatedAt = async () => (await storage.getDocument('doc'))!.updatedAt;
      const append = (at: number) => {
        vi.setSystemTime(at);
        return storage.appendUpdates([{ documentId: 'doc', update: Uint8Array.of(0, 0) }]);
      };
      await append(start + 10);
      expect(await updatedAt()).toBe(new Date(start + 10).toISOString());
      await append(start + 600);
      await storage.appendUpdatesNow([{ documentId: 'doc', update: Uint8Array.of(0, 0) }]);
      expect(await updatedAt()).toBe(new Date(start + 10).toISOString());
      await append(start + 1200);
      expect(await updatedAt()).toBe(new Date(start + 1200).toISOString());
      expect((await storage.loadContent('doc')).updates).toHaveLength(4);
      await storage.close();
    } finally {
      vi.useRealTimers();
    }
  });

  it('rebuilds an update log of the old shape, keeping every update and numbering on from there', async () => {
    const { dir, old } =
      olderDataFolder(`CREATE TABLE document_updates (seq INTEGER PRIMARY KEY AUTOINCREMENT,
        document_id TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE, data BLOB NOT NULL);
      CREATE INDEX document_updates_by_document ON document_updates(document_id, seq);`);
    const docs = { a: new Y.Doc(), b: new Y.Doc() };
    const insert = old.prepare('INSERT INTO document_updates (document_id, data) VALUES (?, ?)');
    for (const id of ['a', 'b'] as const) {
      old.prepare('INSERT INTO documents VALUES (?, ?, ?, ?)').run(id, id, 'x', 'x');
    }
    const words = ['Opening ', 'of ', 'the ', 'session. '];
    for (const word of words) {
      for (const id of ['a', 'b'] as const) {
        const text = docs[id].getText('t');
        const before = Y.encodeStateVector(docs[id]);
        text.insert(text.length, word);
        insert.run(id, Y.encodeStateAsUpdate(docs[id], before));
      }
    }
    // Document b was compacted up to its last update, at seq 8: the log keeps only a's.
    old.prepare('INSERT INTO document_snapshots VALUES (?, ?, ?)').run('b', 8, Y.encodeStateAsUpdate(docs.b));
    old.prepare("DELETE FROM document_updates WHERE document_id = 'b'").run();
    old.close();

    const storage = SqliteStorage.open(dir);
    const text = (content: StoredContent) => {
      const doc = new Y.Doc();
      for (const part of contentParts(content)) Y.applyUpdate(doc, part);
      return doc.getText('t').toString();
    };
    const a = await storage.loadContent('a');
    expect(a.updates).toHaveLength(4);
    expect(a.lastSeq).toBe(7);
    expect(text(a)).toBe('Opening of the session. ');
    expect(text(await storage.loadContent('b'))).toBe('Opening of the session. ');
    // Numbered above everything stored, snapshots included.
    const [next] = await storage.appendUpdates([{ documentId: 'a', update: Uint8Array.of(0, 0) }]);
    expect(next).toBe(9);
    expect((await storage.loadContentSince('a', 7)).updates).toHaveLength(1);
    await storage.close();
    const reopened = new Database(path.join(dir, 'plenary.sqlite'), { readonly: true });
    const { sql } = reopened
      .prepare<[], { sql: string }>("SELECT sql FROM sqlite_master WHERE name = 'document_updates'")
      .get()!;
    reopened.close();
    expect(sql).toMatch(/WITHOUT ROWID/);
  });

  it('opens a data folder from before snapshots kept their state vector', async () => {
    const { dir, old } = olderDataFolder('');
    const doc = new Y.Doc();
    doc.getText('t').insert(0, 'kept');
    old.prepare('INSERT INTO documents VALUES (?, ?, ?, ?)').run('old', 'Old', 'x', 'x');
    old.prepare('INSERT INTO document_snapshots VALUES (?, ?, ?)').run('old', 3, Y.encodeStateAsUpdate(doc));
    old.close();
    const storage = SqliteStorage.open(dir);
    const content = await storage.loadContent('old');
    expect(content.snapshotStateVector).toBeUndefined();
    const copy = new Y.Doc();
    Y.applyUpdate(copy, content.snapshot!);
    expect(copy.getText('t').toString()).toBe('kept');
    await storage.compact('old', Y.encodeStateAsUpdate(doc), 4, Y.encodeStateVector(doc));
    expect((await storage.loadContent('old')).snapshotStateVector).toEqual(Y.encodeStateVector(doc));
    await storage.close();
  });

  it('keeps everything across close and reopen', async () => {
    const dir = tempDir();
    const first = SqliteStorage.open(dir);
    await first.createDocument({ id: 'persist', title: 'Persisted' });
    const doc = new Y.Doc();
    doc.getText('t').insert(0, 'durable text');
    await first.appendUpdates([{ documentId: 'persist', update: Y.encodeStateAsUpdate(doc) }]);
    await first.close();

    const second = SqliteStorage.open(dir);
    const content = await second.loadContent('persist');
    const copy = new Y.Doc();
    for (const update of content.updates) Y.applyUpdate(copy, update);
    expect(copy.getText('t').toString()).toBe('durable text');
    expect((await second.getDocument('persist'))?.title).toBe('Persisted');
    await second.close();
  });
});
