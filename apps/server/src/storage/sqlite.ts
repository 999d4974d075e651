import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import type { Role } from '@plenary/protocol';
import type { Logger } from 'pino';
import { SqliteAccounts } from './sqliteAccounts.ts';
import { DEFAULT_FSYNC_MODE, SqliteDisk, type FsyncMode } from './sqliteDisk.ts';
import {
  DocumentExistsError,
  UnknownDocumentError,
  type DocumentRecord,
  type IndexedDocumentInfo,
  type IndexedRecommendation,
  type RegisterFilter,
  type RegisterRow,
  type PendingUpdate,
  type Storage,
  type StoredContent,
} from './Storage.ts';

/** The update log's columns and keys (`upgradeOlderDataFolder` rebuilds older logs in it). */
const UPDATE_LOG_SHAPE = `(
  document_id TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
  seq INTEGER NOT NULL,
  data BLOB NOT NULL,
  PRIMARY KEY (document_id, seq)
) WITHOUT ROWID`;

const SCHEMA = `
CREATE TABLE IF NOT EXISTS documents (
  id TEXT PRIMARY KEY,
  title TEXT NOT NULL,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS document_snapshots (
  document_id TEXT PRIMARY KEY REFERENCES documents(id) ON DELETE CASCADE,
  upto_seq INTEGER NOT NULL,
  data BLOB NOT NULL,
  state_vector BLOB
);
CREATE TABLE IF NOT EXISTS document_updates ${UPDATE_LOG_SHAPE};
CREATE TABLE IF NOT EXISTS recommendations (
  document_id TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
  rec_id TEXT NOT NULL,
  number INTEGER NOT NULL,
  text TEXT NOT NULL,
  session_id TEXT,
  session_title TEXT,
  themes TEXT NOT NULL,
  addressees TEXT NOT NULL,
  priority TEXT,
  status TEXT NOT NULL,
  note TEXT NOT NULL,
  meeting_title TEXT NOT NULL,
  meeting_dates TEXT NOT NULL,
  PRIMARY KEY (document_id, rec_id)
);
CREATE TABLE IF NOT EXISTS settings (
  key TEXT PRIMARY KEY,
  value TEXT NOT NULL
);
`;

interface RecommendationRow {
  document_id: string;
  document_title: string;
  rec_id: string;
  number: number;
  text: string;
  session_id: string | null;
  session_title: string | null;
  themes: string;
  addressees: string;
  priority: string | null;
  status: string;
  note: string;
  meeting_title: string;
  meeting_dates: string;
}

function toRegisterRow(row: RecommendationRow): RegisterRow {
  return {
    documentId: row.document_id,
    documentTitle: row.document_title,
    meetingTitle: row.meeting_title,
    meetingDates: row.meeting_dates,
    id: row.rec_id,
    number: row.number,
    text: row.text,
    sessionId: row.session_id,
    sessionTitle: row.session_title,
    themes: JSON.parse(row.themes) as string[],
    addressees: JSON.parse(row.addressees) as string[],
    priority: row.priority,
    status: row.status,
    note: row.note,
  };
}

interface DocumentRow {
  id: string;
  title: string;
  created_at: string;
  updated_at: string;
}

function toRecord(row: DocumentRow): DocumentRecord {
  return { id: row.id, title: row.title, createdAt: row.created_at, updatedAt: row.updated_at };
}

function toBytes(buffer: Buffer): Uint8Array {
  return new Uint8Array(buffer.buffer, buffer.byteOffset, buffer.byteLength);
}

export interface SqliteStorageOptions {
  /** When a commit is fsynced relative to its broadcast (sqliteDisk.ts); default after. */
  fsync?: FsyncMode;
  logger?: Logger;
}

/**
 * Brings a data folder made by an older Plenary to the current shape (`SCHEMA` creates what is
 * missing; this changes what exists):
 *
 * - The update log used to be a rowid table with AUTOINCREMENT and an index on (document, seq):
 *   three pages written per commit (table, index, `sqlite_sequence`). It is now one B-tree keyed
 *   by (document, seq), numbered by the storage, so a keystroke's commit writes one page and
 *   takes about half the time (docs/benchmarks.md, S1). It is rebuilt in that shape, numbers
 *   kept. Numbers matter within a document (watermarks, compaction): the next one is above every
 *   number still in the log or in a snapshot, so a number may be used again only after every
 *   trace of it went with its document.
 * - Snapshots did not keep their state vector.
 */
function upgradeOlderDataFolder(db: Database.Database): void {
  const snapshotColumns = db.pragma('table_info(document_snapshots)') as Array<{ name: string }>;
  if (!snapshotColumns.some((column) => column.name === 'state_vector')) {
    db.exec('ALTER TABLE document_snapshots ADD COLUMN state_vector BLOB');
  }
  const table = db
    .prepare<
      [],
      { sql: string }
    >("SELECT sql FROM sqlite_master WHERE type = 'table' AND name = 'document_updates'")
    .get();
  if (!/AUTOINCREMENT/i.test(table?.sql ?? '')) return;
  db.transaction(() => {
    db.exec(`CREATE TABLE document_updates_rebuilt ${UPDATE_LOG_SHAPE};
             INSERT INTO document_updates_rebuilt (document_id, seq, data)
               SELECT document_id, seq, data FROM document_updates;
             DROP TABLE document_updates;
             ALTER TABLE document_updates_rebuilt RENAME TO document_updates;`);
  })();
}

/** How stale a document's `updated_at` may be while it is being edited. */
const TOUCH_EVERY_MS = 1000;

/**
 * SQLite storage (better-sqlite3), one file `plenary.sqlite` in the data folder.
 *
 * Durability: WAL. `appendUpdates` returns once its transaction has committed into the log, so
 * what the core broadcasts survives `kill -9`. The log is fsynced before that (`before-broadcast`,
 * `synchronous = FULL`) or after, off the event loop (`after-broadcast`, the default,
 * `synchronous = NORMAL`), and checkpointed by a thread of its own (`SqliteDisk`). The core puts
 * the updates of one event-loop turn in one transaction (the first of a turn may be committed
 * alone, with `appendUpdatesNow`).
 */
export class SqliteStorage implements Storage {
  private readonly db: Database.Database;
  private readonly statements;
  readonly accounts: SqliteAccounts;
  private readonly appendTransaction;
  /** The sequence number of the next update appended. */
  private nextSeq: number;
  /** When each document's `updated_at` was last rewritten by an append (ms since the epoch). */
  private readonly touchedAt = new Map<string, number>();
  /** Log fsyncs and checkpoints (absent in memory). */
  private readonly disk: SqliteDisk | undefined;

  constructor(file: string, options: SqliteStorageOptions = {}) {
    const fsyncMode = options.fsync ?? DEFAULT_FSYNC_MODE;
    if (file !== ':memory:') fs.mkdirSync(path.dirname(file), { recursive: true });
    this.db = new Database(file);
    this.db.pragma('journal_mode = WAL');
    this.db.pragma(fsyncMode === 'before-broadcast' ? 'synchronous = FULL' : 'synchronous = NORMAL');
    this.db.pragma('foreign_keys = ON');
    this.db.pragma('busy_timeout = 5000');
    this.db.exec(SCHEMA);
    upgradeOlderDataFolder(this.db);
    if (file !== ':memory:') {
      // Checkpoints run in SqliteDisk's thread; here one would stall the event loop on its fsyncs.
      this.db.pragma('wal_autocheckpoint = 0');
      // The log file keeps its size between checkpoints, up to this bound.
      this.db.pragma(`journal_size_limit = ${64 * 1024 * 1024}`);
      this.disk = new SqliteDisk(file, { fsync: fsyncMode, logger: options.logger });
    }
    this.accounts = new SqliteAccounts(this.db);
    const db = this.db;
    this.statements = {
      insertDocument: db.prepare(
        'INSERT INTO documents (id, title, created_at, updated_at) VALUES (?, ?, ?, ?)',
      ),
      insertOwner: db.prepare(
        'INSERT INTO members (document_id, user_id, role, delegation, added_at) VALUES (?, ?, ?, NULL, ?)',
      ),
      getDocument: db.prepare<[string], DocumentRow>('SELECT * FROM documents WHERE id = ?'),
      listDocuments: db.prepare<[], DocumentRow>('SELECT * FROM documents ORDER BY updated_at DESC, id'),
      touchDocument: db.prepare('UPDATE documents SET updated_at = ? WHERE id = ?'),
      getSnapshot: db.prepare<[string], { upto_seq: number; data: Buffer; state_vector: Buffer | null }>(
        'SELECT upto_seq, data, state_vector FROM document_snapshots WHERE document_id = ?',
      ),
      getUpdates: db.prepare<[string, number], { seq: number; data: Buffer }>(
        'SELECT seq, data FROM document_updates WHERE document_id = ? AND seq > ? ORDER BY seq',
      ),
      insertUpdate: db.prepare('INSERT INTO document_updates (document_id, seq, data) VALUES (?, ?, ?)'),
      upsertSnapshot: db.prepare(
        `INSERT INTO document_snapshots (document_id, upto_seq, data, state_vector) VALUES (?, ?, ?, ?)
         ON CONFLICT(document_id) DO UPDATE SET upto_seq = excluded.upto_seq, data = excluded.data,
           state_vector = excluded.state_vector`,
      ),
      deleteUpdatesUpTo: db.prepare('DELETE FROM document_updates WHERE document_id = ? AND seq <= ?'),
      lastSeq: db.prepare<[string, string], { seq: number | null }>(
        `SELECT max(seq) AS seq FROM (SELECT max(seq) AS seq FROM document_updates WHERE document_id = ?
           UNION ALL SELECT upto_seq AS seq FROM document_snapshots WHERE document_id = ?)`,
      ),
      countUpdates: db.prepare<[string, number], { n: number }>(
        'SELECT count(*) AS n FROM document_updates WHERE document_id = ? AND seq > ?',
      ),
      deleteRecommendations: db.prepare('DELETE FROM recommendations WHERE document_id = ?'),
      insertRecommendation: db.prepare(
        `INSERT INTO recommendations (document_id, rec_id, number, text, session_id, session_title, themes,
           addressees, priority, status, note, meeting_title, meeting_dates)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      ),
      getSetting: db.prepare<[string], { value: string }>('SELECT value FROM settings WHERE key = ?'),
      putSetting: db.prepare(
        'INSERT INTO settings (key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value',
      ),
    };
    // This connection is the only writer of the log (one server per data folder): it numbers the
    // updates itself, above every number ever stored or folded into a snapshot.
    const { top } = db
      .prepare<[], { top: number | null }>(
        `SELECT max(coalesce((SELECT max(seq) FROM document_updates), 0),
                    coalesce((SELECT max(upto_seq) FROM document_snapshots), 0)) AS top`,
      )
      .get()!;
    this.nextSeq = (top ?? 0) + 1;
    this.appendTransaction = db.transaction((batch: readonly PendingUpdate[], touch: readonly string[]) => {
      const seqs: number[] = [];
      for (const { documentId, update } of batch) seqs.push(this.insertUpdate(documentId, update));
      const now = new Date().toISOString();
      for (const id of touch) {
        if (this.statements.touchDocument.run(now, id).changes === 0) throw new UnknownDocumentError(id);
      }
      return seqs;
    });
  }

  /** Opens (creating if needed) the database in `dataDir`. */
  static open(dataDir: string, options: SqliteStorageOptions = {}): SqliteStorage {
    return new SqliteStorage(path.join(dataDir, 'plenary.sqlite'), options);
  }

  async createDocument(
    doc: { id: string; title: string },
    initialContent?: Uint8Array,
    owner?: { userId: string; role: Role },
  ): Promise<DocumentRecord> {
    const now = new Date().toISOString();
    try {
      this.db.transaction(() => {
        this.statements.insertDocument.run(doc.id, doc.title, now, now);
        if (initialContent) this.insertUpdate(doc.id, initialContent);
        if (owner) this.statements.insertOwner.run(doc.id, owner.userId, owner.role, now);
      })();
    } catch (error) {
      if ((error as { code?: string }).code === 'SQLITE_CONSTRAINT_PRIMARYKEY') {
        throw new DocumentExistsError(doc.id);
      }
      throw error;
    }
    return { id: doc.id, title: doc.title, createdAt: now, updatedAt: now };
  }

  async getDocument(id: string): Promise<DocumentRecord | null> {
    const row = this.statements.getDocument.get(id);
    return row ? toRecord(row) : null;
  }

  async listDocuments(): Promise<DocumentRecord[]> {
    return this.statements.listDocuments.all().map(toRecord);
  }

  async loadContent(id: string): Promise<StoredContent> {
    // One read transaction so a concurrent compaction cannot be seen half-done.
    return this.db.transaction(() => {
      if (!this.statements.getDocument.get(id)) throw new UnknownDocumentError(id);
      const snapshot = this.statements.getSnapshot.get(id);
      const after = snapshot?.upto_seq ?? 0;
      const rows = this.statements.getUpdates.all(id, after);
      return {
        snapshot: snapshot ? toBytes(snapshot.data) : null,
        ...(snapshot?.state_vector ? { snapshotStateVector: toBytes(snapshot.state_vector) } : {}),
        updates: rows.map((row) => toBytes(row.data)),
        lastSeq: rows.length > 0 ? rows[rows.length - 1]!.seq : after,
      };
    })();
  }

  async loadContentSince(id: string, afterSeq: number): Promise<StoredContent> {
    return this.db.transaction(() => {
      if (!this.statements.getDocument.get(id)) throw new UnknownDocumentError(id);
      const snapshot = this.statements.getSnapshot.get(id);
      const folded = snapshot !== undefined && snapshot.upto_seq > afterSeq;
      const after = folded ? snapshot.upto_seq : afterSeq;
      const rows = this.statements.getUpdates.all(id, after);
      return {
        snapshot: folded ? toBytes(snapshot.data) : null,
        updates: rows.map((row) => toBytes(row.data)),
        lastSeq: rows.length > 0 ? rows[rows.length - 1]!.seq : after,
      };
    })();
  }

  async appendUpdates(batch: readonly PendingUpdate[]): Promise<number[]> {
    return this.commitUpdates(batch);
  }

  appendUpdatesNow(batch: readonly PendingUpdate[]): number[] {
    return this.commitUpdates(batch);
  }

  /**
   * One transaction for the batch. A document's `updated_at` is rewritten at most once a second
   * (`TOUCH_EVERY_MS`): rewriting it with every keystroke added a page to each commit, and a lone
   * update whose document needs no touch is one INSERT, committed without BEGIN and COMMIT
   * statements (docs/benchmarks.md, S1).
   */
  private commitUpdates(batch: readonly PendingUpdate[]): number[] {
    if (batch.length === 0) return [];
    const now = Date.now();
    const touch: string[] = [];
    for (const { documentId } of batch) {
      const touchedAt = this.touchedAt.get(documentId);
      const due = touchedAt === undefined || now - touchedAt >= TOUCH_EVERY_MS || now < touchedAt;
      if (due && !touch.includes(documentId)) touch.push(documentId);
    }
    let seqs: number[];
    if (batch.length === 1 && touch.length === 0) {
      seqs = [this.insertUpdate(batch[0]!.documentId, batch[0]!.update)];
    } else {
      seqs = this.appendTransaction(batch, touch);
      for (const id of touch) this.touchedAt.set(id, now);
    }
    this.disk?.committed();
    return seqs;
  }

  /** Appends one update to the log, numbered next; returns its number. */
  private insertUpdate(documentId: string, update: Uint8Array): number {
    const seq = this.nextSeq++;
    this.statements.insertUpdate.run(documentId, seq, update);
    return seq;
  }

  async flush(): Promise<void> {
    await this.disk?.flush();
  }

  async compact(id: string, snapshot: Uint8Array, uptoSeq: number, stateVector?: Uint8Array): Promise<void> {
    this.db.transaction(() => {
      if (!this.statements.getDocument.get(id)) throw new UnknownDocumentError(id);
      const current = this.statements.getSnapshot.get(id);
      // A late compaction must never replace a newer snapshot with an older one.
      if (current && current.upto_seq >= uptoSeq) return;
      this.statements.upsertSnapshot.run(id, uptoSeq, snapshot, stateVector ?? null);
      this.statements.deleteUpdatesUpTo.run(id, uptoSeq);
    })();
  }

  async lastSeq(id: string): Promise<number> {
    return this.statements.lastSeq.get(id, id)?.seq ?? 0;
  }

  async countUpdates(id: string): Promise<number> {
    const snapshot = this.statements.getSnapshot.get(id);
    return this.statements.countUpdates.get(id, snapshot?.upto_seq ?? 0)!.n;
  }

  async replaceRecommendations(
    documentId: string,
    info: IndexedDocumentInfo,
    rows: readonly IndexedRecommendation[],
  ): Promise<void> {
    this.db.transaction(() => {
      this.statements.deleteRecommendations.run(documentId);
      for (const r of rows) {
        this.statements.insertRecommendation.run(
          documentId,
          r.id,
          r.number,
          r.text,
          r.sessionId,
          r.sessionTitle,
          JSON.stringify(r.themes),
          JSON.stringify(r.addressees),
          r.priority,
          r.status,
          r.note,
          info.meetingTitle,
          info.meetingDates,
        );
      }
    })();
  }

  async queryRecommendations(filter: RegisterFilter = {}): Promise<RegisterRow[]> {
    const where: string[] = [];
    const params: unknown[] = [];
    if (filter.documentId) {
      where.push('r.document_id = ?');
      params.push(filter.documentId);
    }
    if (filter.theme) {
      where.push('EXISTS (SELECT 1 FROM json_each(r.themes) WHERE value = ?)');
      params.push(filter.theme);
    }
    if (filter.addressee) {
      where.push('EXISTS (SELECT 1 FROM json_each(r.addressees) WHERE value = ?)');
      params.push(filter.addressee);
    }
    if (filter.status) {
      where.push('r.status = ?');
      params.push(filter.status);
    }
    if (filter.q) {
      where.push('(instr(lower(r.text), lower(?)) > 0 OR instr(lower(r.note), lower(?)) > 0)');
      params.push(filter.q, filter.q);
    }
    const rows = this.db
      .prepare<unknown[], RecommendationRow>(
        `SELECT r.*, d.title AS document_title FROM recommendations r JOIN documents d ON d.id = r.document_id
         ${where.length ? 'WHERE ' + where.join(' AND ') : ''} ORDER BY d.created_at, d.id, r.number`,
      )
      .all(...params);
    return rows.map(toRegisterRow);
  }

  async getSetting(key: string): Promise<unknown> {
    const row = this.statements.getSetting.get(key);
    return row ? (JSON.parse(row.value) as unknown) : null;
  }

  async putSetting(key: string, value: unknown): Promise<void> {
    this.statements.putSetting.run(key, JSON.stringify(value));
  }

  async close(): Promise<void> {
    await this.disk?.close();
    if (this.db.open) this.db.close();
  }
}
