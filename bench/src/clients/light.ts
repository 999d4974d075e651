import WebSocket from 'ws';
import type { Target } from '../systems/types.ts';
import { EMPTY_STATE_VECTOR, EMPTY_UPDATE, Wire, type ServerFrame } from './wire.ts';

export interface LightClientOptions {
  /** Called with every document update the server sends (not sync step 2). */
  onUpdate?(update: Uint8Array, at: number): void;
  /** Called with every awareness payload the server sends. */
  onAwareness?(payload: Uint8Array, at: number): void;
  /** Keep sync step 2 payloads (and, for the relay, the replayed updates before it). */
  keepSyncPayload?: boolean;
}

/**
 * A protocol client without a Y.Doc: it does the handshake a stock provider does (auth for
 * Hocuspocus, sync step 1 with an empty state vector, an empty step 2 in answer to the
 * server's step 1), then hands frames to callbacks and counts them. What a thousand observers
 * in one process can afford; the server cannot tell it from a stock client that has nothing.
 */
export class LightClient {
  readonly ws: WebSocket;
  readonly wire: Wire;
  /** Resolves with the time the server's sync step 2 arrived. */
  readonly synced: Promise<number>;
  /** Resolves when the connection closes, with its close code. */
  readonly closed: Promise<number>;
  readonly openedAt = performance.now();
  framesReceived = 0;
  bytesReceived = 0;
  /** Bytes received up to and including the sync step 2. */
  syncBytes = 0;
  readonly syncPayload: Uint8Array[] = [];
  isSynced = false;
  private authenticated: boolean;
  private queued: Uint8Array[] = [];

  constructor(
    target: Target,
    documentId: string,
    private readonly options: LightClientOptions = {},
  ) {
    this.wire = new Wire(target.dialect, documentId);
    this.authenticated = target.dialect !== 'hocuspocus';
    this.ws = new WebSocket(target.socketUrl(documentId), { perMessageDeflate: false });
    let syncedResolve: (at: number) => void = () => {};
    let syncedReject: (error: Error) => void = () => {};
    this.synced = new Promise<number>((resolve, reject) => {
      syncedResolve = resolve;
      syncedReject = reject;
    });
    this.synced.catch(() => {}); // reported to whoever awaits it
    this.closed = new Promise<number>((resolve) => {
      this.ws.once('close', (code) => {
        if (!this.isSynced) syncedReject(new Error(`${documentId}: closed with ${code} before sync`));
        resolve(code);
      });
    });
    this.ws.on('error', (error) => syncedReject(error));
    this.ws.on('open', () => {
      for (const frame of this.wire.hello()) this.ws.send(frame);
      this.ws.send(this.wire.syncStep1(EMPTY_STATE_VECTOR));
    });
    this.ws.on('message', (data: Buffer) => {
      const at = performance.now();
      const frame = new Uint8Array(data.buffer, data.byteOffset, data.byteLength);
      this.framesReceived++;
      this.bytesReceived += frame.byteLength;
      if (!this.isSynced) this.syncBytes += frame.byteLength;
      this.handle(this.wire.decode(frame), at, syncedResolve);
    });
  }

  /** Sends a frame, holding it until Hocuspocus has authenticated the connection. */
  send(frame: Uint8Array): void {
    if (!this.authenticated) {
      this.queued.push(frame);
      return;
    }
    if (this.ws.readyState === WebSocket.OPEN) this.ws.send(frame);
  }

  sendUpdate(update: Uint8Array): void {
    this.send(this.wire.update(update));
  }

  sendAwareness(awarenessUpdate: Uint8Array): void {
    this.send(this.wire.awareness(awarenessUpdate));
  }

  /** Bytes this client has queued but not yet written to the socket. */
  get bufferedAmount(): number {
    return this.ws.bufferedAmount;
  }

  close(): Promise<number> {
    if (this.ws.readyState === WebSocket.CONNECTING || this.ws.readyState === WebSocket.OPEN) {
      this.ws.close(1000);
    }
    return this.closed;
  }

  private handle(message: ServerFrame, at: number, syncedResolve: (at: number) => void): void {
    switch (message.kind) {
      case 'authenticated':
        this.authenticated = true;
        for (const frame of this.queued.splice(0)) this.send(frame);
        break;
      case 'denied':
        this.ws.close(1000);
        break;
      case 'sync-step-1':
        this.send(this.wire.syncStep2(EMPTY_UPDATE));
        break;
      case 'sync-step-2':
        if (this.options.keepSyncPayload) this.syncPayload.push(message.payload);
        if (!this.isSynced) {
          this.isSynced = true;
          syncedResolve(at);
        }
        break;
      case 'update':
        if (!this.isSynced && this.options.keepSyncPayload) this.syncPayload.push(message.payload);
        this.options.onUpdate?.(message.payload, at);
        break;
      case 'awareness':
        this.options.onAwareness?.(message.payload, at);
        break;
      case 'other':
        break;
    }
  }
}
