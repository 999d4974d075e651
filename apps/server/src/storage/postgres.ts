import path from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { runner } from 'node-pg-migrate';
import type { Role } from '@plenary/protocol';
import { PostgresAccounts, inTransaction } from './postgresAccounts.ts';
import {
  DocumentExistsError,
  UnknownDocumentError,
  type DocumentRecord,
  type IndexedDocumentInfo,
  type IndexedRecommendation,
  type PendingUpdate,
  type RegisterFilter,
  type RegisterRow,
  type Storage,
  type StoredContent,
} from './Storage.ts';

const MIGRATIONS_DIR = path.resolve(fileURLToPath(import.meta.url), '../../../migrations');

export interface PostgresOptions {
  /** Schema holding Plenary's tables (default `public`); tests use one schema per run. */
  schema?: string;
  /** Pool size (default 10). */
  maxConnections?: number;
}

interface DocumentRow {
  id: string;
  title: string;
  created_at: Date;
  updated_at: Date;
}

function toRecord(row: DocumentRow): DocumentRecord {
  return {
    id: row.id,
    title: row.title,
    createdAt: row.created_at.toISOString(),
    updatedAt: row.updated_at.toISOString(),
  };
}

function toBytes(buffer: Buffer): Uint8Array {
  return new Uint8Array(buffer.buffer, buffer.byteOffset, buffer.byteLength);
}

const SCHEMA_NAME = /^[a-z_][a-z0-9_]{0,62}$/;

/** Runs the schema migrations (node-pg-migrate, SQL files in apps/server/migrations). */
export async function migratePostgres(databaseUrl: string, schema = 'public'): Promise<string[]> {
  if (!SCHEMA_NAME.test(schema)) throw new RangeError(`invalid schema name ${JSON.stringify(schema)}`);
  const applied = await runner({
    databaseUrl,
    dir: MIGRATIONS_DIR,
    direction: 'up',
    migrationsTable: 'plenary_migrations',
    schema,
    createSchema: true,
    checkOrder: true,
    log: () => {},
  });
  return applied.map((m) => m.name);
}

/**
 * PostgreSQL storage, for deployments with several instances. Same contract as SQLite; a commit
 * returns only once PostgreSQL has made it durable (synchronous_commit is left at its default,
 * on), which is what the durability promise needs.
 */
export class PostgresStorage implements Storage {
  readonly accounts: PostgresAccounts;

  private constructor(private readonly pool: pg.Pool) {
    this.accounts = new PostgresAccounts(pool);
  }

  /** Migrates the schema, then opens a connection pool. */
  static async open(databaseUrl: string, options: PostgresOptions = {}): Promise<PostgresStorage> {
    const schema = options.schema ?? 'public';
    await migratePostgres(databaseUrl, schema);
    const pool = new pg.Pool({
      connectionString: databaseUrl,
      max: options.maxConnections ?? 10,
      // Every connection works in Plenary's schema.
      options: `-c search_path=${schema}`,
    });
    // An idle client that loses its connection emits here; without a listener it would crash.
    pool.on('error', () => {});
    return new PostgresStorage(pool);
  }

  private transaction<T>(work: (client: pg.PoolClient) => Promise<T>): Promise<T> {
    return inTransaction(this.pool, work);
  }

  async createDocument(
    doc: { id: string; title: string },
    initialContent?: Uint8Array,
    owner?: { userId: string; role: Role },
  ): Promise<DocumentRecord> {
    const now = new Date();
    try {
      return await this.transaction(async (client) => {
        const { rows } = await client.query<DocumentRow>(
          'INSERT INTO documents (id, title, created_at, updated_at) VALUES ($1, $2, $3, $3) RETURNING *',
          [doc.id, doc.title, now],
        );
        if (initialContent) {
          await client.query('INSERT INTO document_updates (document_id, data) VALUES ($1, $2)', [
            doc.id,
            Buffer.from(initialContent),
          ]);
        }
        if (owner) {
          await client.query(
            'INSERT INTO members (document_id, user_id, role, delegation, added_at) VALUES ($1, $2, $3, NULL, $4)',
            [doc.id, owner.userId, owner.role, now],
          );
        }
        return toRecord(rows[0]!);
      });
    } catch (error) {
      if ((error as { code?: string }).code === '23505') throw new DocumentExistsError(doc.id);
      throw error;
    }
  }

  async getDocument(id: string): Promise<DocumentRecord | null> {
    const { rows } = await this.pool.query<DocumentRow>('SELECT * FROM documents WHERE id = $1', [id]);
    return rows[0] ? toRecord(rows[0]) : null;
  }

  async listDocuments(): Promise<DocumentRecord[]> {
    const { rows } = await this.pool.query<DocumentRow>(
      'SELECT * FROM documents ORDER BY updated_at DESC, id',
    );
    return rows.map(toRecord);
  }

  async loadContent(id: string): Promise<StoredContent> {
    const client = await this.pool.connect();
    try {
      // One snapshot of the database, so a concurrent compaction is never seen half-done.
      await client.query('BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY');
      const exists = await client.query('SELECT 1 FROM documents WHERE id = $1', [id]);
      if (exists.rowCount === 0) throw new UnknownDocumentError(id);
      const snapshot = await client.query<{ upto_seq: string; data: Buffer; state_vector: Buffer | null }>(
        'SELECT upto_seq, data, state_vector FROM document_snapshots WHERE document_id = $1',
        [id],
      );
      const after = snapshot.rows[0] ? Number(snapshot.rows[0].upto_seq) : 0;
      const updates = await client.query<{ seq: string; data: Buffer }>(
        'SELECT seq, data FROM document_updates WHERE document_id = $1 AND seq > $2 ORDER BY seq',
        [id, after],
      );
      await client.query('COMMIT');
      const stateVector = snapshot.rows[0]?.state_vector;
      return {
        snapshot: snapshot.rows[0] ? toBytes(snapshot.rows[0].data) : null,
        ...(stateVector ? { snapshotStateVector: toBytes(stateVector) } : {}),
        updates: updates.rows.map((row) => toBytes(row.data)),
        lastSeq: updates.rows.length > 0 ? Number(updates.rows[updates.rows.length - 1]!.seq) : after,
      };
    } catch (error) {
      await client.query('ROLLBACK').catch(() => {});
      throw error;
    } finally {
      client.release();
    }
  }

  async loadContentSince(id: string, afterSeq: number): Promise<StoredContent> {
    const client = await this.pool.connect();
    try {
      await client.query('BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY');
      const exists = await client.query('SELECT 1 FROM documents WHERE id = $1', [id]);
      if (exists.rowCount === 0) throw new UnknownDocumentError(id);
      const snapshot = await client.query<{ upto_seq: string; data: Buffer }>(
        'SELECT upto_seq, data FROM document_snapshots WHERE document_id = $1 AND upto_seq > $2',
        [id, afterSeq],
      );
      const folded = snapshot.rows[0];
      const after = folded ? Number(folded.upto_seq) : afterSeq;
      const updates = await client.query<{ seq: string; data: Buffer }>(
        'SELECT seq, data FROM document_updates WHERE document_id = $1 AND seq > $2 ORDER BY seq',
        [id, after],
      );
      await client.query('COMMIT');
      return {
        snapshot: folded ? toBytes(folded.data) : null,
        updates: updates.rows.map((row) => toBytes(row.data)),
        lastSeq: updates.rows.length > 0 ? Number(updates.rows[updates.rows.length - 1]!.seq) : after,
      };
    } catch (error) {
      await client.query('ROLLBACK').catch(() => {});
      throw error;
    } finally {
      client.release();
    }
  }

  async appendUpdates(batch: readonly PendingUpdate[]): Promise<number[]> {
    if (batch.length === 0) return [];
    try {
      return await this.transaction(async (client) => {
        // Lock the documents first (in id order, so two batches never deadlock). Sequence numbers
        // are taken at INSERT but become visible at COMMIT, so without the lock two instances
        // could commit seq 101 before seq 100 of the same document; a reader (or a compaction)
        // between the two commits would take 101 as its watermark and skip 100 for ever. With
        // it, one document's rows commit in seq order.
        const ids = [...new Set(batch.map((u) => u.documentId))].sort();
        const locked = await client.query(
          'SELECT id FROM documents WHERE id = ANY($1::text[]) ORDER BY id FOR UPDATE',
          [ids],
        );
        if (locked.rowCount !== ids.length) {
          const found = new Set(locked.rows.map((r: { id: string }) => r.id));
          throw new UnknownDocumentError(ids.find((id) => !found.has(id)) ?? '?');
        }
        // Rows are inserted in input order (ORDER BY i), so sequence numbers rise with it.
        const { rows } = await client.query<{ seq: string }>(
          `INSERT INTO document_updates (document_id, data)
           SELECT d, b FROM unnest($1::text[], $2::bytea[]) WITH ORDINALITY AS t(d, b, i) ORDER BY i
           RETURNING seq`,
          [batch.map((u) => u.documentId), batch.map((u) => Buffer.from(u.update))],
        );
        await client.query('UPDATE documents SET updated_at = $2 WHERE id = ANY($1::text[])', [
          ids,
          new Date(),
        ]);
        return rows.map((row) => Number(row.seq)).sort((a, b) => a - b);
      });
    } catch (error) {
      if ((error as { code?: string }).code === '23503') {
        const known = await this.pool.query<{ id: string }>(
          'SELECT id FROM documents WHERE id = ANY($1::text[])',
          [batch.map((u) => u.documentId)],
        );
        const missing = batch.find((u) => !known.rows.some((r) => r.id === u.documentId));
        throw new UnknownDocumentError(missing?.documentId ?? '?');
      }
      throw error;
    }
  }

  async compact(id: string, snapshot: Uint8Array, uptoSeq: number, stateVector?: Uint8Array): Promise<void> {
    await this.transaction(async (client) => {
      const doc = await client.query('SELECT 1 FROM documents WHERE id = $1 FOR UPDATE', [id]);
      if (doc.rowCount === 0) throw new UnknownDocumentError(id);
      const current = await client.query<{ upto_seq: string }>(
        'SELECT upto_seq FROM document_snapshots WHERE document_id = $1',
        [id],
      );
      // A late compaction must never replace a newer snapshot with an older one.
      if (current.rows[0] && Number(current.rows[0].upto_seq) >= uptoSeq) return;
      await client.query(
        `INSERT INTO document_snapshots (document_id, upto_seq, data, state_vector) VALUES ($1, $2, $3, $4)
         ON CONFLICT (document_id) DO UPDATE SET upto_seq = excluded.upto_seq, data = excluded.data,
           state_vector = excluded.state_vector`,
        [id, uptoSeq, Buffer.from(snapshot), stateVector ? Buffer.from(stateVector) : null],
      );
      await client.query('DELETE FROM document_updates WHERE document_id = $1 AND seq <= $2', [id, uptoSeq]);
    });
  }

  async lastSeq(id: string): Promise<number> {
    const { rows } = await this.pool.query<{ seq: string | null }>(
      `SELECT greatest((SELECT max(seq) FROM document_updates WHERE document_id = $1),
                       (SELECT upto_seq FROM document_snapshots WHERE document_id = $1)) AS seq`,
      [id],
    );
    return Number(rows[0]?.seq ?? 0);
  }

  async countUpdates(id: string): Promise<number> {
    const { rows } = await this.pool.query<{ n: string }>(
      `SELECT count(*) AS n FROM document_updates
       WHERE document_id = $1 AND seq > COALESCE((SELECT upto_seq FROM document_snapshots WHERE document_id = $1), 0)`,
      [id],
    );
    return Number(rows[0]!.n);
  }

  async replaceRecommendations(
    documentId: string,
    info: IndexedDocumentInfo,
    rows: readonly IndexedRecommendation[],
  ): Promise<void> {
    await this.transaction(async (client) => {
      await client.query('DELETE FROM recommendations WHERE document_id = $1', [documentId]);
      if (rows.length === 0) return;
      await client.query(
        `INSERT INTO recommendations (document_id, rec_id, number, text, session_id, session_title, themes,
           addressees, priority, status, note, meeting_title, meeting_dates)
         SELECT $1, * FROM jsonb_to_recordset($2::jsonb) AS t(id text, number int, text text, "sessionId" text,
           "sessionTitle" text, themes jsonb, addressees jsonb, priority text, status text, note text,
           "meetingTitle" text, "meetingDates" text)`,
        [documentId, JSON.stringify(rows.map((r) => ({ ...r, ...info })))],
      );
    });
  }

  async queryRecommendations(filter: RegisterFilter = {}): Promise<RegisterRow[]> {
    const where: string[] = [];
    const params: unknown[] = [];
    const param = (value: unknown) => {
      params.push(value);
      return `$${params.length}`;
    };
    if (filter.documentId) where.push(`r.document_id = ${param(filter.documentId)}`);
    if (filter.theme) where.push(`r.themes ? ${param(filter.theme)}`);
    if (filter.addressee) where.push(`r.addressees ? ${param(filter.addressee)}`);
    if (filter.status) where.push(`r.status = ${param(filter.status)}`);
    if (filter.q) {
      const q = param(filter.q);
      where.push(`(strpos(lower(r.text), lower(${q})) > 0 OR strpos(lower(r.note), lower(${q})) > 0)`);
    }
    const { rows } = await this.pool.query<{
      document_id: string;
      document_title: string;
      rec_id: string;
      number: number;
      text: string;
      session_id: string | null;
      session_title: string | null;
      themes: string[];
      addressees: string[];
      priority: string | null;
      status: string;
      note: string;
      meeting_title: string;
      meeting_dates: string;
    }>(
      `SELECT r.*, d.title AS document_title FROM recommendations r JOIN documents d ON d.id = r.document_id
       ${where.length ? 'WHERE ' + where.join(' AND ') : ''} ORDER BY d.created_at, d.id, r.number`,
      params,
    );
    return rows.map((row) => ({
      documentId: row.document_id,
      documentTitle: row.document_title,
      meetingTitle: row.meeting_title,
      meetingDates: row.meeting_dates,
      id: row.rec_id,
      number: row.number,
      text: row.text,
      sessionId: row.session_id,
      sessionTitle: row.session_title,
      themes: row.themes,
      addressees: row.addressees,
      priority: row.priority,
      status: row.status,
      note: row.note,
    }));
  }

  async getSetting(key: string): Promise<unknown> {
    const { rows } = await this.pool.query<{ value: unknown }>('SELECT value FROM settings WHERE key = $1', [
      key,
    ]);
    return rows[0]?.value ?? null;
  }

  async putSetting(key: string, value: unknown): Promise<void> {
    await this.pool.query(
      'INSERT INTO settings (key, value) VALUES ($1, $2::jsonb) ON CONFLICT (key) DO UPDATE SET value = excluded.value',
      [key, JSON.stringify(value)],
    );
  }

  /** PostgreSQL fsyncs every commit itself (`synchronous_commit = on`). */
  async flush(): Promise<void> {}

  async close(): Promise<void> {
    await this.pool.end();
  }
}
