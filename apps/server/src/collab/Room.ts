import * as Y from 'yjs';
import * as awarenessProtocol from 'y-protocols/awareness';
import type { Logger } from 'pino';
import { CloseCode } from '@plenary/protocol';
import { mergedUpdate, type StoredContent } from '../storage/Storage.ts';
import type { Connection } from './Connection.ts';
import type { BrokerMessage } from './broker.ts';
import type { DurableLog } from './DurableLog.ts';
import {
  ProtocolError,
  decodeClientMessage,
  encodeAwareness,
  encodeSyncStep1,
  encodeSyncStep1FromStateVector,
  encodeSyncStep2,
  encodeSyncStep2Update,
  encodeUpdate,
  isEmptyStateVector,
  type DecodedStructs,
  type DecodedUpdate,
} from './protocol.ts';
import { DeferredApply } from './DeferredApply.ts';
import { UpdateGate } from './UpdateGate.ts';

const MAX_CACHED_SYNC_REPLIES = 8;
const LARGE_ROOM = 50;
const LARGE_ROOM_PRESENCE_MS = 50;
/** The update of an empty document (no structs, empty delete set). */
const EMPTY_UPDATE = Uint8Array.of(0, 0);
/** The state vector of an empty document, as a `syncReplies` key. */
const EMPTY_STATE_VECTOR_KEY = stateVectorKey(Uint8Array.of(0));

function stateVectorKey(stateVector: Uint8Array): string {
  return Buffer.from(stateVector.buffer, stateVector.byteOffset, stateVector.byteLength).toString('latin1');
}

/** Origin of changes that arrive from another instance through the broker. */
export const REMOTE_ORIGIN = Symbol('remote instance');

export interface RoomDeps {
  log: DurableLog;
  /** Other instances serving the same document, if any. */
  publish?(message: BrokerMessage): void;
  logger: Logger;
  /** Called after each committed update (extensions' onUpdate). */
  onCommitted(room: Room, update: Uint8Array, origin: Connection | null): void;
  /** Called when an update of a connection was refused: by its access, or as never placeable. */
  onRefused?(room: Room, connection: Connection, unplaceable: boolean): void;
  /** Called when the last connection leaves. */
  onEmpty(room: Room): void;
  /** Called when the room would like its update log folded into a snapshot. */
  onCompactionDue(room: Room): void;
  compactAfterUpdates: number;
}

/**
 * One loaded document: its Y.Doc, its awareness, and the connections editing it.
 *
 * Invariant: `doc` always equals what storage holds plus the updates still in `uncommitted`;
 * nothing derived from an uncommitted update is sent to anyone (updates are broadcast from the
 * durable log's commit, and sync replies wait for the log's barrier).
 *
 * A room is *dormant* while it holds its document only as the stored bytes, without a Y.Doc:
 * from its load until the document is first needed, and again once nobody is in it
 * (`hibernate`). A materialized Y.Doc costs about 20 times its encoded size on the heap
 * (docs/benchmarks.md, S5), and building one from 4 MB blocks the event loop for 0.1-0.4 s (S4).
 * A dormant room answers a join (with the state vector of the bytes), a sync step 1 with an
 * empty state vector (every new client) and a sync step 2 that brings nothing (every new client
 * again) from the bytes, and keeps presence without the document (awareness lives on a Y.Doc
 * of its own, which holds no content); an edit, a state vector with content, or a read builds
 * it (`doc`). Once built from the bytes, the doc's first empty-state-vector reply is those
 * bytes, not a re-encoding (S4).
 */
export class Room {
  readonly connections = new Set<Connection>();
  /** Sequence number of the last committed update of this document. */
  lastSeq: number;
  /**
   * With several instances: every update in storage up to this seq is in `doc` (loaded, or
   * fetched by the catch-up poll). Updates received through the broker may be ahead of it.
   */
  storageWatermark: number;
  /** Committed updates not yet folded into the snapshot. */
  updatesSinceSnapshot: number;
  private uncommitted = 0;
  private ydoc: Y.Doc | undefined;
  /** Updates relayed at once, applied together (`relayAtOnce`); none in a dormant room (S5). */
  private deferred: DeferredApply | undefined;
  /** Judges the updates of connections with limited access; made for the first (S5). */
  private gate: UpdateGate | undefined;
  private presence: awarenessProtocol.Awareness | undefined;
  /** While dormant: the whole document as stored (null when it has no content). */
  private stored: Uint8Array | null;
  /** While dormant: the state vector of `stored`, once known (`dormantStateVector`). */
  private storedStateVector: Uint8Array | undefined;
  private awarenessChanged = new Set<number>();
  /** Committed updates not yet broadcast (one commit batch). */
  private committed: Array<{ update: Uint8Array; from: Connection | null }> = [];
  /**
   * Sync step 2 replies by the state vector they answer. Joiners with the same state (every new
   * one; every one with the same offline copy) share one encoding and one buffer instead of
   * each re-encoding the whole document (docs/benchmarks.md, S4). Cleared on any change.
   */
  private readonly syncReplies = new Map<string, Uint8Array>();
  /** Awareness changes made by this instance's clients, to publish to other instances. */
  private awarenessChangedHere = new Set<number>();
  private awarenessFlushScheduled = false;
  private destroyed = false;

  constructor(
    readonly id: string,
    content: StoredContent,
    private readonly deps: RoomDeps,
  ) {
    this.stored = mergedUpdate(content);
    // Stored with the snapshot: the state vector of `stored` when nothing came after it.
    if (content.updates.length === 0) this.storedStateVector = content.snapshotStateVector;
    this.lastSeq = content.lastSeq;
    this.storageWatermark = content.lastSeq;
    this.updatesSinceSnapshot = content.updates.length;
  }

  /** The live document; materializes a dormant room. */
  get doc(): Y.Doc {
    this.deferred?.flush();
    return this.unsettledDoc;
  }

  /** The live document without applying what waits in `deferred` (see `DeferredApply`). */
  private get unsettledDoc(): Y.Doc {
    return this.ydoc ?? this.wake().doc;
  }

  /** Presence; never needs the document (see the class comment). */
  get awareness(): awarenessProtocol.Awareness {
    if (!this.presence) {
      // Awareness takes a Y.Doc only for its own client id and its lifetime.
      this.presence = new awarenessProtocol.Awareness(new Y.Doc({ gc: true }));
      // The server has no presence of its own.
      this.presence.setLocalState(null);
      this.presence.on('update', this.handleAwarenessUpdate);
    }
    return this.presence;
  }

  /** True while the room holds its document as bytes only (see the class comment). */
  get isDormant(): boolean {
    return this.ydoc === undefined;
  }

  /**
   * Drops the Y.Doc and awareness of a room nobody is in, keeping the document as bytes, which
   * equal storage since the room is settled. Returns false (and keeps the document) when the
   * room is in use, unsettled, already dormant or destroyed; the awareness of an empty, settled
   * room is dropped in any case.
   */
  hibernate(): boolean {
    if (this.destroyed || this.connections.size > 0 || !this.isSettled) return false;
    const awareness = this.presence;
    if (awareness) {
      // Departures not yet flushed still have to reach the other instances.
      this.flushAwareness();
      awareness.off('update', this.handleAwarenessUpdate);
      awareness.destroy();
      awareness.doc.destroy();
      this.presence = undefined;
    }
    this.deferred?.flush();
    this.deferred = undefined;
    this.gate = undefined;
    const doc = this.ydoc;
    if (!doc) return false;
    this.stored = Y.encodeStateAsUpdate(doc);
    this.storedStateVector = Y.encodeStateVector(doc);
    this.syncReplies.clear();
    doc.off('update', this.handleDocUpdate);
    doc.destroy();
    this.ydoc = undefined;
    return true;
  }

  /**
   * The state vector of a dormant room's bytes: kept from the live doc when hibernated, stored
   * with the snapshot, or else read out of the bytes (a fraction of building the doc) once.
   */
  private dormantStateVector(): Uint8Array {
    this.storedStateVector ??= this.stored ? Y.encodeStateVectorFromUpdate(this.stored) : Uint8Array.of(0);
    return this.storedStateVector;
  }

  private wake(): { doc: Y.Doc } {
    const doc = new Y.Doc({ gc: true });
    const stored = this.stored;
    if (stored) {
      Y.applyUpdate(doc, stored);
      // The stored bytes are the answer to an empty state vector until the first change.
      if (!this.syncReplies.has(EMPTY_STATE_VECTOR_KEY)) {
        this.syncReplies.set(EMPTY_STATE_VECTOR_KEY, encodeSyncStep2Update(stored));
      }
    }
    doc.on('update', this.handleDocUpdate);
    this.stored = null;
    this.storedStateVector = undefined;
    this.ydoc = doc;
    return { doc };
  }

  /** True when every update applied to `doc` is committed. */
  get isSettled(): boolean {
    return this.uncommitted === 0;
  }

  join(connection: Connection): void {
    this.connections.add(connection);
    this.deferred?.flush();
    const doc = this.ydoc;
    connection.send(doc ? encodeSyncStep1(doc) : encodeSyncStep1FromStateVector(this.dormantStateVector()));
    const presence = this.presence;
    const states = presence ? [...presence.getStates().keys()] : [];
    if (states.length > 0) connection.send(encodeAwareness(presence!, states));
  }

  leave(connection: Connection): void {
    if (!this.connections.delete(connection)) return;
    this.gate?.forget(connection);
    if (connection.awarenessClients.size > 0 && this.presence) {
      awarenessProtocol.removeAwarenessStates(this.presence, [...connection.awarenessClients], connection);
    }
    if (this.connections.size === 0) this.deps.onEmpty(this);
  }

  /**
   * Handles one frame from `connection`. A frame that does not decode or apply closes that
   * connection only; the room and the other connections carry on.
   */
  receive(connection: Connection, data: Uint8Array): void {
    if (connection.isClosed || this.destroyed) return;
    try {
      const message = decodeClientMessage(data);
      switch (message.type) {
        case 'sync-step-1': {
          // Computed now, sent once every update it may contain is committed.
          const key = stateVectorKey(message.stateVector);
          let reply = this.syncReplies.get(key);
          if (!reply) {
            reply =
              this.isDormant && isEmptyStateVector(message.stateVector)
                ? encodeSyncStep2Update(this.stored ?? EMPTY_UPDATE)
                : encodeSyncStep2(this.doc, message.stateVector);
            if (this.syncReplies.size >= MAX_CACHED_SYNC_REPLIES) this.syncReplies.clear();
            this.syncReplies.set(key, reply);
          }
          void this.deps.log.barrier().then(() => connection.send(reply));
          break;
        }
        case 'update':
          if (this.stops(connection, message.decoded, data, false)) break;
          if (this.relayAtOnce(connection, data, message.update, message.decoded.structs)) break;
          Y.applyUpdate(this.doc, message.update, connection);
          break;
        case 'sync-step-2':
          // Nothing the document lacks (every new client's answer): not even worth building it.
          if (message.bringsNothing) break;
          if (this.stops(connection, message.decoded, data, true)) break;
          Y.applyUpdate(this.doc, message.update, connection);
          break;
        case 'awareness':
          awarenessProtocol.applyAwarenessUpdate(this.awareness, message.update, connection);
          break;
        case 'query-awareness':
          connection.send(encodeAwareness(this.awareness, [...this.awareness.getStates().keys()]));
          break;
      }
    } catch (error) {
      const reason =
        error instanceof ProtocolError
          ? error.message
          : `message could not be applied: ${(error as Error).message}`;
      connection.close(CloseCode.MalformedMessage, reason);
    }
  }

  /**
   * The quiet-room path of a client's update: commit it alone, relay the frame as received, then
   * apply it (together with the others relayed meanwhile: `DeferredApply`), so that the others
   * get it without waiting for an event-loop turn (the group commit's) or for the server's own
   * copy of the document (docs/benchmarks.md, S1). Taken only when the outcome equals the general
   * path's (apply, then commit what changed, then broadcast):
   *
   * - every struct of the update comes right after what the document holds of its client (no
   *   duplicate to store, nothing it waits for from that client), and the document has nothing
   *   pending that this update could release (that would have to be stored too);
   * - the durable log can commit it now with nothing queued before it (`DurableLog.appendNow`);
   * - no other instance shares the room (those get updates from the broadcast batch).
   *
   * Returns false, having changed nothing, when the general path must be taken.
   */
  private relayAtOnce(
    connection: Connection,
    frame: Uint8Array,
    update: Uint8Array,
    structs: DecodedStructs,
  ): boolean {
    if (this.deps.publish || this.committed.length > 0) return false;
    const doc = this.unsettledDoc;
    if (doc.store.pendingStructs !== null || doc.store.pendingDs !== null) return false;
    let client = -1;
    let next = 0;
    for (const struct of structs) {
      if (struct instanceof Y.Skip) return false;
      if (struct.id.client !== client) {
        client = struct.id.client;
        next = this.deferred?.nextClock(client) ?? Y.getState(doc.store, client);
      }
      if (struct.id.clock !== next) return false;
      next += struct.length;
    }
    const seq = this.deps.log.appendNow(this.id, update);
    if (seq === undefined) return false;
    this.lastSeq = seq;
    this.updatesSinceSnapshot++;
    for (const other of this.connections) {
      if (other !== connection) other.send(frame);
    }
    this.deferred ??= new DeferredApply((batch) => this.applyRelayed(batch));
    this.deferred.add(update, structs);
    this.gate?.changed();
    this.syncReplies.clear();
    this.deps.onCommitted(this, update, connection);
    if (this.uncommitted === 0 && this.updatesSinceSnapshot >= this.deps.compactAfterUpdates) {
      this.deps.onCompactionDue(this);
    }
    return true;
  }

  /**
   * Applies updates relayed at once to the server's copy, in one Yjs transaction, without the
   * room's update listener, which would have nothing to do (they are committed and sent; Yjs
   * would encode the change again for it). They were fully decoded when received; should one
   * still fail to apply, it is logged and the others are applied: storage has it, and the
   * document is rebuilt from storage when next loaded.
   */
  private applyRelayed(batch: readonly Uint8Array[]): void {
    const doc = this.ydoc;
    if (!doc) return;
    doc.off('update', this.handleDocUpdate);
    try {
      Y.transact(doc, () => {
        for (const update of batch) {
          try {
            Y.applyUpdate(doc, update);
          } catch (error) {
            this.deps.logger.error({ err: error, doc: this.id }, 'a relayed update failed to apply');
          }
        }
      });
    } finally {
      doc.on('update', this.handleDocUpdate);
    }
  }

  /** True when `connection` may not make this change now (`UpdateGate`, docs/access.md). */
  private stops(connection: Connection, update: DecodedUpdate, frame: Uint8Array, settle: boolean): boolean {
    if (!connection.access) return false;
    this.gate ??= new UpdateGate({
      // What waits in `deferred` is read where it is, not applied first (each keystroke of a
      // co-host or rapporteur would cost a transaction again).
      doc: () => this.unsettledDoc,
      settledDoc: () => this.doc,
      pending: () => this.deferred,
      retry: (from, held) => this.receive(from, held),
      onRefused: (from, unplaceable) => this.deps.onRefused?.(this, from, unplaceable),
    });
    return this.gate.stops(connection, update, frame, settle);
  }

  /** Closes every connection (shutdown, unload) and stops timers; the doc is not used after. */
  destroy(code: number = CloseCode.GoingAway, reason = 'server shutting down'): void {
    if (this.destroyed) return;
    this.destroyed = true;
    this.deferred?.cancel();
    this.gate?.clear();
    for (const connection of this.connections) connection.close(code, reason);
    this.connections.clear();
    // `stored` is kept: a reader still holding this room gets the content, not an empty doc.
    this.presence?.destroy();
    this.ydoc?.destroy();
  }

  /** A change from another instance (already committed there): apply and relay, never store. */
  applyRemote(message: BrokerMessage): void {
    if (this.destroyed) return;
    try {
      if (message.kind === 'update') Y.applyUpdate(this.doc, message.update, REMOTE_ORIGIN);
      else if (message.kind === 'awareness') {
        awarenessProtocol.applyAwarenessUpdate(this.awareness, message.update, REMOTE_ORIGIN);
      }
    } catch (error) {
      this.deps.logger.error(
        { err: error, kind: message.kind },
        'could not apply a message from another instance',
      );
    }
  }

  private readonly handleDocUpdate = (update: Uint8Array, origin: unknown): void => {
    // Any change makes cached sync replies stale, and may place an update the gate holds.
    this.syncReplies.clear();
    this.gate?.changed();
    if (origin === REMOTE_ORIGIN) {
      // Durable already (published after its commit): relay at once.
      const message = encodeUpdate(update);
      for (const connection of this.connections) connection.send(message);
      return;
    }
    const from = this.isConnection(origin) ? origin : null;
    this.uncommitted++;
    void this.deps.log.append(this.id, update).then((seq) => {
      this.uncommitted--;
      this.lastSeq = seq;
      this.updatesSinceSnapshot++;
      // The durable log resolves a whole commit batch in one loop; the broadcast runs after the
      // last of them, so the batch goes out as one frame.
      if (this.committed.length === 0) queueMicrotask(this.broadcastCommitted);
      this.committed.push({ update, from });
      this.deps.onCommitted(this, update, from);
    });
  };

  /**
   * Sends one commit batch's updates to everyone as ONE merged frame. One frame per update per
   * connection made a busy room (200 writers: 80,000 frames a second) fall behind and never catch
   * up (docs/benchmarks.md, S3); merged, the frame rate falls as the load rises. A connection is
   * skipped only when it sent every update of the batch; otherwise it also gets its own updates
   * back, which Yjs ignores.
   */
  private readonly broadcastCommitted = (): void => {
    const batch = this.committed;
    this.committed = [];
    if (batch.length === 0) return;
    const merged = batch.length === 1 ? batch[0]!.update : Y.mergeUpdates(batch.map((b) => b.update));
    if (!this.destroyed) {
      const message = encodeUpdate(merged);
      const soleOrigin = batch.every((b) => b.from === batch[0]!.from) ? batch[0]!.from : null;
      for (const connection of this.connections) {
        if (connection !== soleOrigin) connection.send(message);
      }
    }
    this.deps.publish?.({ kind: 'update', update: merged });
    if (this.uncommitted === 0 && this.updatesSinceSnapshot >= this.deps.compactAfterUpdates) {
      this.deps.onCompactionDue(this);
    }
  };

  private readonly handleAwarenessUpdate = (
    changes: { added: number[]; updated: number[]; removed: number[] },
    origin: unknown,
  ): void => {
    if (this.isConnection(origin)) {
      // "updated" too: a client that reconnects to a room that still remembers its clock comes
      // back as an update of a removed state, and must be removed again when it leaves.
      for (const client of changes.added) origin.awarenessClients.add(client);
      for (const client of changes.updated) origin.awarenessClients.add(client);
      for (const client of changes.removed) origin.awarenessClients.delete(client);
    }
    for (const list of [changes.added, changes.updated, changes.removed]) {
      for (const client of list) {
        this.awarenessChanged.add(client);
        if (origin !== REMOTE_ORIGIN) this.awarenessChangedHere.add(client);
      }
    }
    // Presence is coalesced per event-loop turn: one encoded message for all the changes of a
    // turn, sent to everyone, instead of one message per change per recipient.
    // In a large room, per turn is still too often (1,000 people sending presence once a second
    // would mean up to a million frames a second): there, flush at most every 50 ms, far below
    // y-protocols' 15 s renewal (docs/benchmarks.md, S2).
    if (!this.awarenessFlushScheduled) {
      this.awarenessFlushScheduled = true;
      if (this.connections.size >= LARGE_ROOM) setTimeout(this.flushAwareness, LARGE_ROOM_PRESENCE_MS);
      else setImmediate(this.flushAwareness);
    }
  };

  private readonly flushAwareness = (): void => {
    this.awarenessFlushScheduled = false;
    if (this.destroyed || !this.presence || this.awarenessChanged.size === 0) return;
    const message = encodeAwareness(this.presence, [...this.awarenessChanged]);
    this.awarenessChanged.clear();
    for (const connection of this.connections) connection.send(message);
    if (this.deps.publish && this.awarenessChangedHere.size > 0) {
      const here = awarenessProtocol.encodeAwarenessUpdate(this.presence, [...this.awarenessChangedHere]);
      this.deps.publish({ kind: 'awareness', update: here });
    }
    this.awarenessChangedHere.clear();
  };

  private isConnection(origin: unknown): origin is Connection {
    return typeof origin === 'object' && origin !== null && this.connections.has(origin as Connection);
  }
}
