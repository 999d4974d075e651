import type * as Y from 'yjs';
import type { Connection } from './Connection.ts';
import type { DecodedUpdate } from './protocol.ts';
import { changesNothing, rootTypesTouched, type PendingStructs } from './updateScope.ts';

export interface UpdateGateDeps {
  /** The document as it stands, without applying what waits in `pending` (a read of its store). */
  doc(): Y.Doc;
  /** The document with everything waiting applied. */
  settledDoc(): Y.Doc;
  /** Structs committed and relayed that `doc()` has not applied yet. */
  pending(): PendingStructs | undefined;
  /** Hands a held frame back to the room, as if just received from `connection`. */
  retry(connection: Connection, frame: Uint8Array): void;
  /** An update was refused: by the connection's rights, or as never placeable (`unplaceable`). */
  onRefused?(connection: Connection, unplaceable: boolean): void;
}

export interface UpdateGateLimits {
  /** Frames held at once in a room; past it the oldest is refused. Default 64. */
  maxHeld: number;
  /** Bytes of held frames in a room; past it the oldest are refused. Default 8 MiB. */
  maxHeldBytes: number;
}

const DEFAULT_LIMITS: UpdateGateLimits = { maxHeld: 64, maxHeldBytes: 8 * 1024 * 1024 };

/**
 * Judges the updates of a room's connections whose access limits them (docs/access.md): nothing
 * from a read-only connection; nothing that touches a protected root (the structure, for
 * co-hosts and rapporteurs). An update is placed without being applied (`rootTypesTouched`).
 *
 * An update that cannot be placed yet, because it builds on content the server does not have,
 * is held and judged again after the document next changes, instead of being refused:
 * - keystrokes typed as a client reconnects reach the server before its sync step 2, which
 *   carries what they build on;
 * - a sync step 2 can carry another client's update that waits, in that client's copy, for what
 *   it builds on, which that other client will bring. Refusing it would refuse every offline
 *   edit of the step 2 with it.
 *
 * Held frames are bounded per room and dropped with their connection (the client sends them
 * again in its next sync step 2); one refused because of the bound counts as unplaceable.
 */
export class UpdateGate {
  private held: Array<{ connection: Connection; frame: Uint8Array }> = [];
  private heldBytes = 0;
  private retryScheduled = false;

  constructor(
    private readonly deps: UpdateGateDeps,
    private readonly limits: UpdateGateLimits = DEFAULT_LIMITS,
  ) {}

  /** Frames waiting to be judged again. */
  get heldCount(): number {
    return this.held.length;
  }

  /**
   * True when `frame` (whose update is `update`) from `connection` is not to be applied now: it
   * changes nothing, is refused, or is held. A connection without access limits is trusted.
   * `settle` judges against the settled document (for a sync step 2: once per connection, and
   * it may delete what waits to be applied, which the waiting structs would not show).
   */
  stops(connection: Connection, update: DecodedUpdate, frame: Uint8Array, settle = false): boolean {
    const access = connection.access;
    if (!access) return false;
    const refusedClients = connection.refusedClients;
    if (refusedClients && update.structs.some((struct) => refusedClients.has(struct.id.client))) {
      // Yjs numbers a client's changes without gaps: after a refused one, each later change of
      // that client would wait in the server's copy for ever, growing with each keystroke and
      // keeping the room off its quick path. Refused at once instead.
      this.refuse(connection, 'builds on a refused update', false);
      return true;
    }
    let why: string | undefined;
    if (access.readOnly) {
      why = 'read-only access';
    } else if (access.protectedRoots.length > 0) {
      const roots = settle
        ? rootTypesTouched(this.deps.settledDoc(), update)
        : rootTypesTouched(this.deps.doc(), update, this.deps.pending());
      if (roots === null) {
        this.hold(connection, frame);
        return true;
      }
      if (access.protectedRoots.some((root) => roots.has(root))) {
        why = 'the structure may not be changed with this role';
      }
    }
    if (!why) return false;
    if (changesNothing(this.deps.settledDoc(), update)) return true;
    connection.refusedClients ??= new Set();
    for (const struct of update.structs) connection.refusedClients.add(struct.id.client);
    this.refuse(connection, why, false);
    return true;
  }

  /** The document changed: what is held is judged again, once, after this turn. */
  changed(): void {
    if (this.held.length === 0 || this.retryScheduled) return;
    this.retryScheduled = true;
    setImmediate(this.retryHeld);
  }

  /** Drops what `connection` has held (it closed; its next sync step 2 brings it again). */
  forget(connection: Connection): void {
    if (!this.held.some((h) => h.connection === connection)) return;
    this.held = this.held.filter((h) => h.connection !== connection);
    this.heldBytes = this.held.reduce((sum, h) => sum + h.frame.byteLength, 0);
  }

  /** Drops everything held (the room is destroyed). */
  clear(): void {
    this.held = [];
    this.heldBytes = 0;
  }

  private hold(connection: Connection, frame: Uint8Array): void {
    this.held.push({ connection, frame });
    this.heldBytes += frame.byteLength;
    while (
      this.held.length > 1 &&
      (this.held.length > this.limits.maxHeld || this.heldBytes > this.limits.maxHeldBytes)
    ) {
      const oldest = this.held.shift()!;
      this.heldBytes -= oldest.frame.byteLength;
      this.refuse(oldest.connection, 'update refers to content the server does not have', true);
    }
  }

  private readonly retryHeld = (): void => {
    this.retryScheduled = false;
    const held = this.held;
    this.held = [];
    this.heldBytes = 0;
    // Oldest first; what still cannot be placed is held again, in the same order.
    for (const { connection, frame } of held) {
      if (!connection.isClosed) this.deps.retry(connection, frame);
    }
  };

  private refuse(connection: Connection, why: string, unplaceable: boolean): void {
    if (connection.refusedUpdates++ === 0) connection.logger.warn({ reason: why }, 'update refused');
    this.deps.onRefused?.(connection, unplaceable);
  }
}
