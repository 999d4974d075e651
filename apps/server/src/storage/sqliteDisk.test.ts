import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { SqliteStorage } from './sqlite.ts';
import { SqliteDisk, type SqliteDiskOptions } from './sqliteDisk.ts';

const dirs: string[] = [];
const closers: Array<() => Promise<void> | void> = [];
afterEach(async () => {
  for (const close of closers.splice(0).reverse()) await close();
  for (const dir of dirs.splice(0)) fs.rmSync(dir, { recursive: true, force: true });
});

function tempFile(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'plenary-disk-'));
  dirs.push(dir);
  return path.join(dir, 'plenary.sqlite');
}

/** A database with one table, `t (x)`, in WAL mode as a storage's connection has it, or not. */
function walDatabase(wal = true): { file: string; db: Database.Database } {
  const file = tempFile();
  const db = new Database(file);
  closers.push(() => void db.close());
  if (wal) db.pragma('journal_mode = WAL');
  db.exec('CREATE TABLE t (x INTEGER)');
  return { file, db };
}

function diskOf(file: string, options: SqliteDiskOptions): SqliteDisk {
  const disk = new SqliteDisk(file, options);
  closers.push(() => disk.close());
  return disk;
}

async function until(condition: () => boolean, ms = 5000): Promise<void> {
  const deadline = Date.now() + ms;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error('condition not met in time');
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

describe('SqliteStorage on disk', () => {
  it('never checkpoints on its own connection; the background thread copies the log into the file', async () => {
    const file = tempFile();
    const storage = new SqliteStorage(file);
    closers.push(() => storage.close());
    await storage.createDocument({ id: 'doc', title: 'Doc' });
    const sizeBefore = fs.statSync(file).size;
    // 4 MB of updates: far past SQLite's own automatic checkpoint (1,000 pages), which would
    // otherwise run, fsyncs included, inside one of these commits.
    const update = new Uint8Array(4096).fill(7);
    for (let i = 0; i < 1000; i++) await storage.appendUpdates([{ documentId: 'doc', update }]);
    await storage.flush();
    // The worker checkpoints about every second: the database file grows to hold the updates.
    await until(() => fs.statSync(file).size > sizeBefore + 4_000_000);
    const seen = new Database(file, { readonly: true });
    closers.push(() => void seen.close());
    expect(seen.prepare('SELECT count(*) AS n FROM document_updates').get()).toEqual({ n: 1000 });
  });

  it('keeps every committed update across a reopen, in either fsync mode', async () => {
    for (const fsync of ['after-broadcast', 'before-broadcast'] as const) {
      const file = tempFile();
      const first = new SqliteStorage(file, { fsync });
      await first.createDocument({ id: 'doc', title: 'Doc' });
      const [seq] = await first.appendUpdates([{ documentId: 'doc', update: Uint8Array.of(1, 2, 3) }]);
      await first.close();
      const second = new SqliteStorage(file, { fsync });
      closers.push(() => second.close());
      const content = await second.loadContent('doc');
      expect(content.lastSeq).toBe(seq);
      expect(content.updates.at(-1)).toEqual(Uint8Array.of(1, 2, 3));
    }
  });
});

describe('SqliteDisk', () => {
  it('fsyncs the log after commits and tells when everything is on disk', async () => {
    const { file, db } = walDatabase();
    const disk = diskOf(file, { fsync: 'after-broadcast' });
    for (let i = 0; i < 50; i++) {
      db.prepare('INSERT INTO t VALUES (?)').run(i);
      disk.committed();
    }
    expect(disk.unsynced).toBeGreaterThan(0);
    await disk.flush();
    expect(disk.unsynced).toBe(0);
  });

  it('fsyncs a steady stream of commits at most once per interval, and a flush at once', async () => {
    const { file, db } = walDatabase();
    const disk = diskOf(file, { fsync: 'after-broadcast', minFsyncIntervalMs: 100 });
    const fdatasync = vi.spyOn(fs, 'fdatasync');
    closers.push(() => fdatasync.mockRestore());
    // A commit every 2 ms for 300 ms: 150 commits, one fsync per 100 ms (the first at once).
    const started = performance.now();
    for (let i = 0; performance.now() - started < 300; i++) {
      db.prepare('INSERT INTO t VALUES (?)').run(i);
      disk.committed();
      await new Promise((resolve) => setTimeout(resolve, 2));
    }
    expect(fdatasync.mock.calls.length).toBeGreaterThanOrEqual(1);
    expect(fdatasync.mock.calls.length).toBeLessThanOrEqual(5);
    // Nothing pending after the stream: the last commits reach the disk within the interval.
    await until(() => disk.unsynced === 0, 1000);
    // Someone waiting does not wait for the interval.
    db.prepare('INSERT INTO t VALUES (?)').run(-1);
    disk.committed();
    const flushStarted = performance.now();
    await disk.flush();
    expect(performance.now() - flushStarted).toBeLessThan(90);
    expect(disk.unsynced).toBe(0);
  });

  it('fails flush with the reason when the log cannot be fsynced, instead of claiming it is on disk', async () => {
    // No WAL mode: there is no log file to fsync.
    const { file } = walDatabase(false);
    const disk = diskOf(file, { fsync: 'after-broadcast' });
    await expect(disk.flush()).rejects.toThrow(/ENOENT/);
  });

  it('has nothing to wait for when every commit is fsynced as it happens', async () => {
    const { file } = walDatabase();
    const disk = diskOf(file, { fsync: 'before-broadcast' });
    disk.committed();
    expect(disk.unsynced).toBe(0);
    await disk.flush();
  });
});
