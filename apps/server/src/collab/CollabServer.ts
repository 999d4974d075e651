import * as Y from 'yjs';
import type { Logger } from 'pino';
import { CloseCode, DEFAULT_MAX_MESSAGE_BYTES } from '@plenary/protocol';
import { UnknownDocumentError, mergedUpdate, type Storage } from '../storage/Storage.ts';
import { BulkSendQueue, type BulkSendOptions } from './BulkSends.ts';
import { Connection, type ConnectionAccess } from './Connection.ts';
import { foldUpdateLog } from './compaction.ts';
import { DurableLog } from './DurableLog.ts';
import type { BrokerMessage, ConnectionMatch, RoomBroker } from './broker.ts';
import type { CollabExtension, HookName } from './hooks.ts';
import { Room } from './Room.ts';
import { CollabStats } from './stats.ts';
import type { CollabSocket } from './socket.ts';

export interface CollabOptions {
  storage: Storage;
  logger: Logger;
  extensions?: CollabExtension[];
  /** Frames larger than this close the connection (1009). Default 8 MiB. */
  maxMessageBytes?: number;
  /** A client whose unsent data passes this is dropped (4508). Default 32 MiB. */
  maxSendBufferBytes?: number;
  /** How long a document stays in memory with nobody connected. Default 30 s. */
  unloadDelayMs?: number;
  /** Fold the update log into a snapshot after this many updates. Default 1000. */
  compactAfterUpdates?: number;
  /** Frames a connection may send while its document loads, in bytes. Default 16 MiB. */
  maxPendingBytes?: number;
  /** How large messages (whole documents for joiners) take turns (BulkSends.ts). */
  bulkSends?: BulkSendOptions;
  /** Set when several instances serve the same documents (Redis). */
  broker?: RoomBroker;
  /**
   * With a broker: how often a room with clients reads what other instances committed since its
   * watermark. Pub/sub delivers at most once (a Redis reconnect drops what was published
   * meanwhile), so this poll is what guarantees that every instance converges. Default 5 s.
   */
  catchUpIntervalMs?: number;
}

/** What an adapter calls for one websocket. */
export interface ConnectionHandle {
  readonly connection: Connection;
  /** A frame from the client (binary as bytes; a text frame as a string, which is refused). */
  receive(data: Uint8Array | string): void;
  /** The transport closed (by either side). */
  closed(code: number, reason: string): void;
}

interface RoomSlot {
  room: Room | undefined;
  /** Stops the broker subscription of a loaded room. */
  unsubscribe: (() => Promise<void>) | undefined;
  ready: Promise<Room>;
  unloadTimer: NodeJS.Timeout | undefined;
  unloading: Promise<void> | undefined;
}

/**
 * The collaboration core: rooms (one per loaded document), their connections, and the durable
 * log. It knows nothing about HTTP or any websocket library; adapters hand it `CollabSocket`s.
 */
export class CollabServer {
  readonly log: DurableLog;
  readonly stats = new CollabStats();
  readonly maxMessageBytes: number;
  private readonly bulkSends: BulkSendQueue;
  private readonly storage: Storage;
  private readonly broker: RoomBroker | undefined;
  private readonly logger: Logger;
  private readonly extensions: CollabExtension[];
  private readonly options: Required<
    Pick<CollabOptions, 'maxSendBufferBytes' | 'unloadDelayMs' | 'compactAfterUpdates' | 'maxPendingBytes'>
  >;
  private readonly slots = new Map<string, RoomSlot>();
  private readonly connections = new Set<Connection>();
  private shuttingDown = false;

  constructor(options: CollabOptions) {
    this.storage = options.storage;
    this.broker = options.broker;
    this.logger = options.logger;
    this.extensions = options.extensions ?? [];
    this.maxMessageBytes = options.maxMessageBytes ?? DEFAULT_MAX_MESSAGE_BYTES;
    this.bulkSends = new BulkSendQueue(options.bulkSends);
    this.options = {
      maxSendBufferBytes: options.maxSendBufferBytes ?? 32 * 1024 * 1024,
      unloadDelayMs: options.unloadDelayMs ?? 30_000,
      compactAfterUpdates: options.compactAfterUpdates ?? 1000,
      maxPendingBytes: options.maxPendingBytes ?? 16 * 1024 * 1024,
    };
    if (this.broker) {
      this.catchUpTimer = setInterval(() => void this.catchUp(), options.catchUpIntervalMs ?? 5_000);
      this.catchUpTimer.unref();
    }
    this.log = new DurableLog(this.storage, this.logger, {
      onCommit: (seconds, updates, failed) => {
        this.stats.onCommitDuration(seconds);
        if (failed) this.stats.countError('commit_failed');
        else this.stats.updatesCommitted += updates;
      },
    });
  }

  /** Documents currently in memory. */
  get loadedDocuments(): number {
    return this.slots.size;
  }

  get connectionCount(): number {
    return this.connections.size;
  }

  /** Large messages waiting for their turn (BulkSends.ts): a join storm in progress. */
  get largeMessagesWaiting(): number {
    return this.bulkSends.queued;
  }

  /** Who is behind each open connection (for the access layer's periodic checks). */
  connectionAccess(): Array<{ documentId: string; access: ConnectionAccess }> {
    const list: Array<{ documentId: string; access: ConnectionAccess }> = [];
    for (const connection of this.connections) {
      if (connection.access) list.push({ documentId: connection.documentId, access: connection.access });
    }
    return list;
  }

  /** The loaded room of a document, if any (for tests and diagnostics). */
  peekRoom(documentId: string): Room | undefined {
    return this.slots.get(documentId)?.room;
  }

  /**
   * Attaches a websocket to a document. The document is loaded (once, however many clients
   * arrive together); frames that arrive meanwhile are queued, so no client is ever answered
   * from a document that is not fully loaded.
   */
  connect(documentId: string, socket: CollabSocket, access?: ConnectionAccess): ConnectionHandle {
    const connection = new Connection(
      documentId,
      socket,
      this.logger,
      {
        maxSendBufferBytes: this.options.maxSendBufferBytes,
        closeTimeoutMs: 5_000,
        bulk: this.bulkSends,
      },
      this.stats,
      access,
    );
    this.connections.add(connection);
    let room: Room | undefined;
    let pending: Uint8Array[] | undefined = [];
    let pendingBytes = 0;
    let closed = false;

    if (this.shuttingDown) {
      connection.close(CloseCode.GoingAway, 'server shutting down');
    } else {
      this.acquire(documentId).then(
        (loaded) => {
          if (closed || connection.isClosed) {
            this.scheduleUnloadIfEmpty(loaded);
            return;
          }
          room = loaded;
          room.join(connection);
          this.runHook('onConnect', connection);
          const queued = pending!;
          pending = undefined;
          for (const data of queued) room.receive(connection, data);
        },
        (error: unknown) => {
          if (error instanceof UnknownDocumentError) {
            connection.close(CloseCode.DocumentNotFound, error.message);
          } else {
            this.stats.countError('load_failed');
            connection.logger.error({ err: error }, 'document failed to load');
            connection.close(CloseCode.LoadFailed, 'document could not be loaded');
          }
        },
      );
    }

    return {
      connection,
      receive: (data) => {
        if (connection.isClosed) return;
        this.stats.messagesIn++;
        this.stats.bytesIn += typeof data === 'string' ? data.length : data.byteLength;
        if (typeof data === 'string') {
          connection.close(CloseCode.MalformedMessage, 'text frames are not part of the protocol');
          return;
        }
        if (data.byteLength > this.maxMessageBytes) {
          connection.close(
            CloseCode.MessageTooBig,
            `frame of ${data.byteLength} bytes over the limit of ${this.maxMessageBytes}`,
          );
          return;
        }
        if (room) {
          room.receive(connection, data);
        } else if (pending) {
          pendingBytes += data.byteLength;
          if (pendingBytes > this.options.maxPendingBytes) {
            connection.close(CloseCode.MessageTooBig, 'too much data sent before the document loaded');
            return;
          }
          pending.push(data);
        }
      },
      closed: (code, reason) => {
        if (closed) return;
        closed = true;
        connection.markClosed();
        this.connections.delete(connection);
        if (room) {
          room.leave(connection);
          this.runHook('onDisconnect', connection, { code, reason });
        }
      },
    };
  }

  /**
   * Closes this instance's connections that `match` (a user whose role changed, a session that
   * ended) and, with a broker, asks the other instances to do the same for `documentId`'s
   * connections of `userId`. Returns how many were closed here.
   */
  disconnect(match: ConnectionMatch, code: number, reason: string): number {
    const closed = this.closeMatching(match, code, reason);
    if (this.broker && match.documentId !== undefined) {
      this.broker.publish(match.documentId, { kind: 'access', change: { ...match, code, reason } });
    }
    return closed;
  }

  private closeMatching(match: ConnectionMatch, code: number, reason: string): number {
    let closed = 0;
    for (const connection of this.connections) {
      const access = connection.access;
      if (match.documentId !== undefined && connection.documentId !== match.documentId) continue;
      if (match.userId !== undefined && access?.userId !== match.userId) continue;
      if (match.sessionIdHash !== undefined && access?.sessionIdHash !== match.sessionIdHash) continue;
      if (match.tokenId !== undefined && access?.tokenId !== match.tokenId) continue;
      connection.close(code, reason);
      closed++;
    }
    return closed;
  }

  /**
   * Reads a document as committed: from its room if loaded (once every update applied so far is
   * durable), else straight from storage without loading a room.
   */
  async readDocument<T>(documentId: string, read: (doc: Y.Doc) => T): Promise<T> {
    const room = this.slots.get(documentId)?.room;
    if (room) {
      // Settled means the doc equals storage: nothing uncommitted is ever read out.
      while (!room.isSettled) await this.log.barrier();
      try {
        return read(room.doc);
      } finally {
        // Reading materialized the document; nobody in the room: let it go dormant again.
        this.scheduleUnloadIfEmpty(room);
      }
    }
    const content = await this.storage.loadContent(documentId);
    const doc = new Y.Doc();
    try {
      const stored = mergedUpdate(content);
      if (stored) Y.applyUpdate(doc, stored);
      return read(doc);
    } finally {
      doc.destroy();
    }
  }

  /**
   * Changes a document on behalf of the server (the REST API): the change is applied to the live
   * document, committed, and broadcast to every editor like any client's; resolves once durable.
   * A document nobody has open is loaded for the change and unloaded again after the usual delay.
   */
  async changeDocument<T>(documentId: string, change: (doc: Y.Doc) => T): Promise<T> {
    if (this.shuttingDown) throw new Error('server shutting down');
    const room = await this.acquire(documentId);
    try {
      const result = change(room.doc);
      await this.log.barrier();
      return result;
    } finally {
      this.scheduleUnloadIfEmpty(room);
    }
  }

  /**
   * Stops taking connections, closes every socket with "going away", waits until every update
   * is committed (at most `timeoutMs`), and compacts loaded documents.
   */
  async shutdown(timeoutMs = 10_000): Promise<void> {
    this.shuttingDown = true;
    clearInterval(this.catchUpTimer);
    for (const connection of this.connections) {
      connection.close(CloseCode.GoingAway, 'server shutting down');
    }
    const drained = await Promise.race([
      this.log.drain().then(() => true),
      new Promise<false>((resolve) => setTimeout(() => resolve(false), timeoutMs).unref()),
    ]);
    if (!drained) {
      this.logger.error('shutdown: some updates could not be committed before the timeout');
    }
    for (const [id, slot] of this.slots) {
      clearTimeout(slot.unloadTimer);
      const room = slot.room;
      if (!room) continue;
      if (drained && room.isSettled && room.updatesSinceSnapshot > 0) await this.compact(room);
      room.destroy();
      await slot.unsubscribe?.();
      this.slots.delete(id);
    }
  }

  private acquire(documentId: string): Promise<Room> {
    const slot = this.slots.get(documentId);
    if (slot) {
      clearTimeout(slot.unloadTimer);
      slot.unloadTimer = undefined;
      // An unload in progress finishes first; then the document is loaded afresh.
      if (slot.unloading) return slot.unloading.then(() => this.acquire(documentId));
      return slot.ready;
    }
    const fresh: RoomSlot = {
      room: undefined,
      unsubscribe: undefined,
      ready: undefined as unknown as Promise<Room>,
      unloadTimer: undefined,
      unloading: undefined,
    };
    fresh.ready = this.load(documentId, fresh).then(
      (room) => {
        fresh.room = room;
        return room;
      },
      (error: unknown) => {
        if (this.slots.get(documentId) === fresh) this.slots.delete(documentId);
        throw error;
      },
    );
    this.slots.set(documentId, fresh);
    return fresh.ready;
  }

  private async load(documentId: string, slot: RoomSlot): Promise<Room> {
    const started = performance.now();
    // Subscribe before reading storage, so that no update committed by another instance in
    // between is missed; what arrives meanwhile is applied once the room exists.
    let room: Room | undefined;
    const early: BrokerMessage[] = [];
    if (this.broker) {
      slot.unsubscribe = await this.broker.subscribe(documentId, (message) => {
        if (message.kind === 'access')
          this.closeMatching(message.change, message.change.code, message.change.reason);
        else if (room) room.applyRemote(message);
        else early.push(message);
      });
    }
    let content;
    try {
      content = await this.storage.loadContent(documentId);
    } catch (error) {
      await slot.unsubscribe?.();
      throw error;
    }
    const broker = this.broker;
    room = new Room(documentId, content, {
      log: this.log,
      publish: broker ? (message) => broker.publish(documentId, message) : undefined,
      logger: this.logger.child({ doc: documentId }),
      compactAfterUpdates: this.options.compactAfterUpdates,
      onCommitted: (r, update, origin) => this.runHook('onUpdate', r, update, origin),
      onEmpty: (r) => this.scheduleUnloadIfEmpty(r),
      // Unplaceable: held until the bound, never placed (docs/protocol.md); not about rights.
      onRefused: (_r, _c, unplaceable) =>
        this.stats.countError(unplaceable ? 'update_unplaceable' : 'update_refused'),
      onCompactionDue: (r) => void this.compact(r),
    });
    for (const message of early) room.applyRemote(message);
    const bytes =
      (content.snapshot?.byteLength ?? 0) +
      content.updates.reduce((sum, update) => sum + update.byteLength, 0);
    this.runHook('onLoad', room, { durationMs: performance.now() - started, bytes });
    return room;
  }

  private scheduleUnloadIfEmpty(room: Room): void {
    const slot = this.slots.get(room.id);
    if (!slot || slot.room !== room || room.connections.size > 0 || this.shuttingDown) return;
    clearTimeout(slot.unloadTimer);
    slot.unloadTimer = setTimeout(() => {
      slot.unloadTimer = undefined;
      slot.unloading = this.unload(slot, room).finally(() => {
        slot.unloading = undefined;
      });
    }, this.options.unloadDelayMs);
    slot.unloadTimer.unref();
    // Until the unload, keep the document as bytes only (docs/benchmarks.md, S5): once every
    // update is committed, so that the bytes equal storage. Room.hibernate checks again.
    void this.log.barrier().then(() => {
      if (slot.room === room && this.slots.get(room.id) === slot) room.hibernate();
    });
  }

  /** Flushes, compacts and drops an idle room; gives up if anyone joined meanwhile. */
  private async unload(slot: RoomSlot, room: Room): Promise<void> {
    await this.log.barrier();
    if (room.isSettled && room.updatesSinceSnapshot > 0) await this.compact(room);
    // Checked and removed synchronously: nobody can join between the check and the removal.
    if (room.connections.size > 0 || !room.isSettled || this.slots.get(room.id) !== slot) {
      if (room.connections.size === 0) this.scheduleUnloadIfEmpty(room);
      return;
    }
    this.slots.delete(room.id);
    room.destroy();
    await slot.unsubscribe?.();
    this.runHook('onUnload', room);
  }

  private readonly compacting = new Set<string>();
  private catchUpTimer: NodeJS.Timeout | undefined;
  private catchingUp = false;

  /** Applies to each room with clients what storage has beyond its watermark (see catchUpIntervalMs). */
  private async catchUp(): Promise<void> {
    if (this.catchingUp || this.shuttingDown) return;
    this.catchingUp = true;
    try {
      for (const slot of [...this.slots.values()]) {
        const room = slot.room;
        if (!room || room.connections.size === 0) continue;
        try {
          const content = await this.storage.loadContentSince(room.id, room.storageWatermark);
          const stored = mergedUpdate(content);
          // Durable already: applied as if from another instance, relayed, never stored again.
          if (stored) room.applyRemote({ kind: 'update', update: stored });
          room.storageWatermark = Math.max(room.storageWatermark, content.lastSeq);
        } catch (error) {
          this.logger.warn(
            { err: error, doc: room.id },
            'catch-up read failed; retrying at the next interval',
          );
        }
      }
    } finally {
      this.catchingUp = false;
    }
  }

  /** Folds a room's update log into a snapshot (`foldUpdateLog`); a failure keeps the log. */
  private async compact(room: Room): Promise<void> {
    if (this.compacting.has(room.id)) return;
    this.compacting.add(room.id);
    try {
      const folded = await foldUpdateLog(this.storage, room, !this.broker);
      room.updatesSinceSnapshot = Math.max(0, room.updatesSinceSnapshot - folded);
    } catch (error) {
      this.logger.error({ err: error, doc: room.id }, 'compaction failed; the update log is kept');
    } finally {
      this.compacting.delete(room.id);
    }
  }

  private runHook<K extends HookName>(hook: K, ...args: Parameters<NonNullable<CollabExtension[K]>>): void {
    for (const extension of this.extensions) {
      const fn = extension[hook] as ((...a: typeof args) => void) | undefined;
      if (!fn) continue;
      try {
        fn.apply(extension, args);
      } catch (error) {
        this.logger.error({ err: error, extension: extension.name, hook }, 'extension hook threw');
      }
    }
  }
}
