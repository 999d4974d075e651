import { randomBytes } from 'node:crypto';
import type { Logger } from 'pino';
import { CloseCode, closeCodeName } from '@plenary/protocol';
import type { BulkSendQueue } from './BulkSends.ts';
import type { CollabSocket } from './socket.ts';
import type { CollabStats } from './stats.ts';

/**
 * Who is behind a connection and what they may change, decided by the adapter at the upgrade
 * (docs/access.md). The core only enforces it; when rights change, the connection is closed and
 * the client reconnects to be judged again.
 */
export interface ConnectionAccess {
  userId: string;
  userName: string;
  /** The role the rights were decided from (null: an admin without one), to notice changes. */
  role: string | null;
  isAdmin: boolean;
  /** Refuse every document update (observers; final documents). */
  readOnly: boolean;
  /** Root types this connection may not change (the structure, for roles without that right). */
  protectedRoots: readonly string[];
  /** The sign-in session or API token the connection was opened with, to close it with them. */
  sessionIdHash?: string;
  tokenId?: string;
}

export interface ConnectionLimits {
  /** Above this many bytes waiting in the socket's send buffer, the client is dropped. */
  maxSendBufferBytes: number;
  /** How long a closing handshake may take before the socket is terminated. */
  closeTimeoutMs: number;
  /** Where large messages wait for their turn (none: they go at once). */
  bulk?: BulkSendQueue;
}

/**
 * One client's websocket on one document. Owns the socket's send side (with the slow-consumer
 * bound, and large messages taking their turn in the server's `BulkSendQueue` with everything
 * sent after them held back, so that the client receives messages in order) and remembers the
 * awareness client ids this connection has announced, so that they can be removed when it goes
 * away.
 */
export class Connection {
  readonly id = randomBytes(6).toString('base64url');
  readonly awarenessClients = new Set<number>();
  private closedWith: { code: number; reason: string } | undefined;
  private terminateTimer: NodeJS.Timeout | undefined;
  /** Set while a large message waits for its turn: what was sent after it, in order. */
  private held: Uint8Array[] | undefined;
  private heldBytes = 0;
  /** The transport said after the last write that its buffer is below its high-water mark. */
  private belowWaterMark = false;

  readonly logger: Logger;
  /** Updates of this connection refused by its access (counted, logged once). */
  refusedUpdates = 0;
  /** Yjs clients with a refused update on this connection: their later ones cannot apply. */
  refusedClients: Set<number> | undefined;

  constructor(
    readonly documentId: string,
    private readonly socket: CollabSocket,
    parentLogger: Logger,
    private readonly limits: ConnectionLimits,
    private readonly stats?: CollabStats,
    /** Undefined: a trusted connection (tests of the core, the server's own). */
    readonly access?: ConnectionAccess,
  ) {
    this.logger = parentLogger.child({ doc: documentId, conn: this.id });
  }

  get isClosed(): boolean {
    return this.closedWith !== undefined;
  }

  send(message: Uint8Array): void {
    if (this.closedWith) return;
    if (this.held) {
      // Behind a large message still waiting for its turn: the client gets messages in order.
      this.heldBytes += message.byteLength;
      if (this.heldBytes >= this.limits.maxSendBufferBytes) {
        this.close(
          CloseCode.SlowConsumer,
          `over ${this.limits.maxSendBufferBytes} bytes waiting behind a large message`,
        );
        return;
      }
      this.held.push(message);
      return;
    }
    const bulk = this.limits.bulk;
    if (bulk && message.byteLength >= bulk.minBytes) {
      this.held = [];
      this.heldBytes = 0;
      bulk.enqueue({
        bytes: message.byteLength,
        isCancelled: () => this.isClosed,
        start: (written) => this.sendLarge(message, written),
      });
      return;
    }
    this.write(message);
  }

  /**
   * The large message's turn: it goes, then whatever was held behind it (through `send` again,
   * so that another large message among them waits for a turn of its own).
   */
  private sendLarge(message: Uint8Array, written: () => void): void {
    const held = this.held ?? [];
    this.held = undefined;
    if (this.closedWith) {
      written();
      return;
    }
    this.write(message, written);
    for (const next of held) this.send(next);
  }

  private write(message: Uint8Array, written?: () => void): void {
    if (this.closedWith) {
      written?.();
      return;
    }
    // Only the backlog counts: a client that keeps up still gets a message larger than the bound
    // (a large document's sync reply, a large paste). So a connection holds at most the bound
    // plus one message. Below the transport's high-water mark the backlog is a few KiB: not read.
    if (!this.belowWaterMark && this.socket.bufferedAmount >= this.limits.maxSendBufferBytes) {
      this.close(
        CloseCode.SlowConsumer,
        `send buffer over ${this.limits.maxSendBufferBytes} bytes: client not reading`,
      );
      written?.();
      return;
    }
    try {
      this.belowWaterMark = this.socket.send(message, written) === true;
      if (this.stats) {
        this.stats.messagesOut++;
        this.stats.bytesOut += message.byteLength;
      }
    } catch (error) {
      this.logger.warn({ err: error }, 'send failed; closing connection');
      this.close(CloseCode.InternalError, 'send failed');
      written?.();
    }
  }

  /**
   * Closes the connection once (later calls are ignored). Non-normal closes are logged with
   * their reason. A peer that does not finish the closing handshake in time is terminated, so a
   * stuck client cannot pin its buffers in memory.
   */
  close(code: number, reason: string): void {
    if (this.closedWith) return;
    this.closedWith = { code, reason };
    this.stats?.countClose(code);
    if (code !== CloseCode.GoingAway) {
      this.logger.warn({ code, codeName: closeCodeName(code), reason }, 'closing connection');
    }
    try {
      // Close reasons are limited to 123 bytes by RFC 6455.
      this.socket.close(code, reason.slice(0, 120));
    } catch {
      this.socket.terminate();
      return;
    }
    this.terminateTimer = setTimeout(() => this.socket.terminate(), this.limits.closeTimeoutMs);
    this.terminateTimer.unref();
  }

  /** Records that the transport is gone (called by the adapter on the socket's close event). */
  markClosed(): void {
    this.closedWith ??= { code: 1005, reason: 'closed by peer' };
    clearTimeout(this.terminateTimer);
  }
}
