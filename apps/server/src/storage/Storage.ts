import * as Y from 'yjs';
import type { Role } from '@plenary/protocol';
import type { AccountStore } from './accounts.ts';

/**
 * What the collaboration core and the REST API need from a database. Every implementation
 * (SQLite today, PostgreSQL next) must pass the contract suite in `contract.ts`.
 *
 * A document's content is stored as an optional snapshot (a Yjs update encoding the whole state
 * up to `snapshotSeq`) plus an append-only log of updates with increasing sequence numbers.
 */
export interface DocumentRecord {
  id: string;
  title: string;
  createdAt: string;
  updatedAt: string;
}

export interface StoredContent {
  snapshot: Uint8Array | null;
  /**
   * The snapshot's state vector, when it was stored with it (compactions since this field
   * existed): lets a document with no updates after its snapshot answer joiners without parsing
   * the snapshot (docs/benchmarks.md, S4). Absent from `loadContentSince`.
   */
  snapshotStateVector?: Uint8Array;
  /** Updates committed after the snapshot, in commit order. */
  updates: Uint8Array[];
  /** Sequence number of the last update included (snapshot or log); 0 for an empty document. */
  lastSeq: number;
}

/** One row of the recommendations index (derived from documents; the register reads it). */
export interface IndexedRecommendation {
  id: string;
  number: number;
  text: string;
  sessionId: string | null;
  sessionTitle: string | null;
  themes: string[];
  addressees: string[];
  priority: string | null;
  status: string;
  note: string;
}

/** What the register shows about the document a recommendation comes from. */
export interface IndexedDocumentInfo {
  meetingTitle: string;
  meetingDates: string;
}

export interface RegisterRow extends IndexedRecommendation, IndexedDocumentInfo {
  documentId: string;
  documentTitle: string;
}

export interface RegisterFilter {
  theme?: string;
  addressee?: string;
  status?: string;
  /** Case-insensitive text search in the recommendation's text and note. */
  q?: string;
  documentId?: string;
}

export interface PendingUpdate {
  documentId: string;
  update: Uint8Array;
}

export interface Storage {
  /**
   * Creates a document, with its initial content (a Yjs update, e.g. a template's output) in the
   * same transaction: a document never exists without the content it was created with, so a
   * template can never be applied twice. Throws `DocumentExistsError` if the id is taken.
   * `owner`, when given, is made a member in the same transaction, so a document is never left
   * without anyone who can reach it.
   */
  createDocument(
    doc: { id: string; title: string },
    initialContent?: Uint8Array,
    owner?: { userId: string; role: Role },
  ): Promise<DocumentRecord>;
  getDocument(id: string): Promise<DocumentRecord | null>;
  /** All documents, most recently updated first. */
  listDocuments(): Promise<DocumentRecord[]>;
  /** Everything stored for a document; an existing document with no content yields an empty log. */
  loadContent(id: string): Promise<StoredContent>;
  /**
   * What was committed after sequence number `afterSeq`: the updates with a greater seq, or, if
   * a compaction has folded some of them into the snapshot since, the snapshot and everything
   * after it. `lastSeq` is the new watermark.
   */
  loadContentSince(id: string, afterSeq: number): Promise<StoredContent>;
  /**
   * Appends updates, possibly for several documents, in ONE durable transaction: when the
   * promise resolves every update is on disk; when it rejects none is. Returns each update's
   * sequence number, in input order.
   */
  appendUpdates(batch: readonly PendingUpdate[]): Promise<number[]>;
  /**
   * The same, committed before it returns, for a storage whose commits do not wait on the network
   * (SQLite): the core commits a lone update this way when no group commit is pending, so that
   * a keystroke in a quiet room waits for no event-loop turn (docs/benchmarks.md, S1). Absent when
   * a commit needs I/O the event loop must wait for (PostgreSQL).
   */
  appendUpdatesNow?(batch: readonly PendingUpdate[]): number[];
  /**
   * Replaces the snapshot by `snapshot`, which must encode every update up to `uptoSeq`, and
   * deletes those updates. Updates after `uptoSeq` are kept. `stateVector`, if given, must be
   * the snapshot's.
   */
  compact(id: string, snapshot: Uint8Array, uptoSeq: number, stateVector?: Uint8Array): Promise<void>;
  /** Sequence number of the document's last committed update (0 when it has none). */
  lastSeq(id: string): Promise<number>;
  /** Number of log entries after the snapshot (what compaction would fold). */
  countUpdates(id: string): Promise<number>;
  /** Replaces a document's rows in the recommendations index, in one transaction. */
  replaceRecommendations(
    documentId: string,
    info: IndexedDocumentInfo,
    rows: readonly IndexedRecommendation[],
  ): Promise<void>;
  /** The register: indexed recommendations of all documents, by document then number. */
  queryRecommendations(filter?: RegisterFilter): Promise<RegisterRow[]>;
  /** Workspace settings (the tag vocabulary ...), as JSON values. */
  getSetting(key: string): Promise<unknown>;
  putSetting(key: string, value: unknown): Promise<void>;
  /** Accounts, sessions, members, approvals and the audit log (docs/access.md). */
  readonly accounts: AccountStore;
  /** Resolves once every commit made so far is on disk (fsynced), not only committed. */
  flush(): Promise<void>;
  close(): Promise<void>;
}

export class DocumentExistsError extends Error {
  constructor(readonly documentId: string) {
    super(`document ${JSON.stringify(documentId)} already exists`);
    this.name = 'DocumentExistsError';
  }
}

export class UnknownDocumentError extends Error {
  constructor(readonly documentId: string) {
    super(`document ${JSON.stringify(documentId)} does not exist`);
    this.name = 'UnknownDocumentError';
  }
}

/** The stored content as the updates to apply in order: the snapshot, if any, then the log. */
export function contentParts(content: StoredContent): Uint8Array[] {
  return content.snapshot ? [content.snapshot, ...content.updates] : content.updates;
}

/** Stored content as one Yjs update (snapshot and log merged), or null when there is none. */
export function mergedUpdate(content: StoredContent): Uint8Array | null {
  const parts = contentParts(content);
  if (parts.length === 0) return null;
  return parts.length === 1 ? parts[0]! : Y.mergeUpdates(parts);
}
