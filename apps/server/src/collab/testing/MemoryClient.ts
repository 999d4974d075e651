import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';
import * as Y from 'yjs';
import * as awarenessProtocol from 'y-protocols/awareness';
import * as syncProtocol from 'y-protocols/sync';
import { MessageType } from '@plenary/protocol';
import type { CollabServer, ConnectionHandle } from '../CollabServer.ts';
import type { ConnectionAccess } from '../Connection.ts';
import type { CollabSocket } from '../socket.ts';

/**
 * A y-websocket client over an in-memory socket, for tests of the core without a network. It
 * behaves like y-websocket's WebsocketProvider: on connect it sends sync step 1 and its
 * awareness, answers the server's sync step 1, and sends its own updates as they happen.
 * Frames travel asynchronously (one `setImmediate` hop), in order, like a socket.
 */
export class MemoryClient {
  readonly doc = new Y.Doc();
  readonly awareness = new awarenessProtocol.Awareness(this.doc);
  /** Close codes received from the server, in order. */
  readonly closeCodes: number[] = [];
  /** Frames received from the server. */
  received = 0;
  /** Bytes the fake transport reports as unsent (to simulate a client that stops reading). */
  bufferedAmount = 0;
  private handle: ConnectionHandle | undefined;
  private open = false;

  constructor(
    /** The server it connects to; a test may point it at a restarted one. */
    public server: CollabServer,
    readonly documentId: string,
    /** Who it connects as (none: a trusted connection, whose updates are not checked). */
    readonly access?: ConnectionAccess,
  ) {
    this.doc.on('update', (update: Uint8Array, origin: unknown) => {
      if (origin === this || !this.open) return;
      const encoder = encoding.createEncoder();
      encoding.writeVarUint(encoder, MessageType.Sync);
      syncProtocol.writeUpdate(encoder, update);
      this.send(encoding.toUint8Array(encoder));
    });
    this.awareness.on('update', ({ added, updated, removed }: AwarenessChanges, origin: unknown) => {
      if (origin === this || !this.open) return;
      const changed = [...added, ...updated, ...removed];
      this.sendAwareness(changed);
    });
  }

  get connected(): boolean {
    return this.open;
  }

  connect(): void {
    if (this.open) return;
    this.open = true;
    const bufferedAmount = () => this.bufferedAmount;
    const socket: CollabSocket = {
      send: (data, written) => {
        const copy = data.slice();
        setImmediate(() => {
          written?.();
          if (this.handle === handle && this.open) this.receive(copy);
        });
      },
      close: (code) => {
        setImmediate(() => {
          if (this.handle !== handle) return;
          this.closeCodes.push(code);
          this.drop(code);
        });
      },
      terminate: () => {
        if (this.handle === handle) this.drop(1006);
      },
      get bufferedAmount() {
        return bufferedAmount();
      },
    };
    const handle = this.server.connect(this.documentId, socket, this.access);
    this.handle = handle;
    const encoder = encoding.createEncoder();
    encoding.writeVarUint(encoder, MessageType.Sync);
    syncProtocol.writeSyncStep1(encoder, this.doc);
    this.send(encoding.toUint8Array(encoder));
    const local = this.awareness.getLocalState();
    // Like Plenary's web app (not the stock provider): re-announce presence with a new clock on
    // every connect. Peers that saw this client leave keep its old clock and would ignore the
    // same clock again until the 15 s renewal.
    if (local !== null) this.awareness.setLocalState({ ...local });
  }

  /** Closes the connection from the client side, as a dropped network would. */
  disconnect(): void {
    this.drop(1006);
  }

  /** Sends raw bytes (or a text frame) as they are: for malformed-input tests. */
  sendRaw(data: Uint8Array | string): void {
    const handle = this.handle;
    setImmediate(() => handle?.receive(data));
  }

  text(name = 'text'): string {
    return this.doc.getText(name).toString();
  }

  destroy(): void {
    this.disconnect();
    this.awareness.destroy();
    this.doc.destroy();
  }

  private drop(code: number): void {
    if (!this.open) return;
    this.open = false;
    const handle = this.handle;
    this.handle = undefined;
    // Remote presence is forgotten on disconnect, as y-websocket does.
    const others = [...this.awareness.getStates().keys()].filter((c) => c !== this.doc.clientID);
    awarenessProtocol.removeAwarenessStates(this.awareness, others, this);
    // Like Plenary's web app: also forget their clocks, or the server's snapshot of the same
    // states on reconnect would be ignored as "not newer" until each peer's 15 s renewal.
    for (const client of [...this.awareness.meta.keys()]) {
      if (client !== this.doc.clientID) this.awareness.meta.delete(client);
    }
    setImmediate(() => handle?.closed(code, ''));
  }

  private send(data: Uint8Array): void {
    const handle = this.handle;
    setImmediate(() => {
      if (this.handle === handle) handle?.receive(data);
    });
  }

  private sendAwareness(clients: number[]): void {
    const encoder = encoding.createEncoder();
    encoding.writeVarUint(encoder, MessageType.Awareness);
    encoding.writeVarUint8Array(encoder, awarenessProtocol.encodeAwarenessUpdate(this.awareness, clients));
    this.send(encoding.toUint8Array(encoder));
  }

  private receive(data: Uint8Array): void {
    this.received++;
    const decoder = decoding.createDecoder(data);
    const type = decoding.readVarUint(decoder);
    if (type === MessageType.Sync) {
      const encoder = encoding.createEncoder();
      encoding.writeVarUint(encoder, MessageType.Sync);
      syncProtocol.readSyncMessage(decoder, encoder, this.doc, this);
      if (encoding.length(encoder) > 1) this.send(encoding.toUint8Array(encoder));
    } else if (type === MessageType.Awareness) {
      awarenessProtocol.applyAwarenessUpdate(this.awareness, decoding.readVarUint8Array(decoder), this);
    }
  }
}

interface AwarenessChanges {
  added: number[];
  updated: number[];
  removed: number[];
}

/** Resolves when `predicate` holds, checking after each event-loop turn; rejects at the deadline. */
export async function until(predicate: () => boolean, what = 'condition', timeoutMs = 5_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!predicate()) {
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
    await new Promise((resolve) => setImmediate(resolve));
  }
}
