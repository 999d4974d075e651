import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';
import * as Y from 'yjs';
import * as syncProtocol from 'y-protocols/sync';
import { MessageType } from '@plenary/protocol';
import { openRawSocket, type RawSocket } from './clients.ts';
import { awarenessFrame, updateFrame } from './frames.ts';

/**
 * A hand-driven y-websocket peer: it applies whatever sync messages the server sends to `doc`,
 * sends only what the test tells it to, and can make a round trip through the server to learn
 * that everything the server sent before that point has arrived.
 */
export class RawPeer {
  readonly doc = new Y.Doc();
  private readonly probeClient = Math.floor(Math.random() * 2 ** 30);
  private probes = 0;
  private readonly probeWaiters = new Map<number, () => void>();

  private constructor(readonly socket: RawSocket) {
    socket.ws.on('message', (data: Buffer) => this.receive(new Uint8Array(data)));
  }

  /** Connects and waits until the server has put it in the room (its sync step 1 arrived). */
  static async open(baseUrl: string, documentId: string, token?: string): Promise<RawPeer> {
    const socket = await openRawSocket(baseUrl, documentId, token);
    const peer = new RawPeer(socket);
    peer.receive(await socket.joined);
    return peer;
  }

  /** Asks the server for everything this peer lacks (sync step 1). */
  sendSyncStep1(): void {
    const encoder = encoding.createEncoder();
    encoding.writeVarUint(encoder, MessageType.Sync);
    syncProtocol.writeSyncStep1(encoder, this.doc);
    this.socket.ws.send(encoding.toUint8Array(encoder));
  }

  /**
   * Sends a presence change and resolves when the server relays it back. Frames on one socket
   * are handled in order, so whatever the server sent in answer to earlier frames, or sent
   * before it handled this one, has been applied to `doc` by then.
   */
  roundTrip(): Promise<void> {
    const clock = ++this.probes;
    const echoed = new Promise<void>((resolve) => this.probeWaiters.set(clock, resolve));
    this.socket.ws.send(awarenessFrame(this.probeClient, clock, JSON.stringify({ probe: clock })));
    return echoed;
  }

  /** Makes a change to `doc` and sends it as a client would (a sync update frame). */
  sendEdit(edit: (doc: Y.Doc) => void): void {
    const before = Y.encodeStateVector(this.doc);
    edit(this.doc);
    this.socket.ws.send(updateFrame(Y.encodeStateAsUpdate(this.doc, before)));
  }

  close(): void {
    this.socket.ws.terminate();
    this.doc.destroy();
  }

  private receive(frame: Uint8Array): void {
    const decoder = decoding.createDecoder(frame);
    const type = decoding.readVarUint(decoder);
    if (type === MessageType.Sync) {
      syncProtocol.readSyncMessage(decoder, encoding.createEncoder(), this.doc, 'server');
    } else if (type === MessageType.Awareness) {
      const update = decoding.createDecoder(decoding.readVarUint8Array(decoder));
      const count = decoding.readVarUint(update);
      for (let i = 0; i < count; i++) {
        const client = decoding.readVarUint(update);
        const clock = decoding.readVarUint(update);
        decoding.readVarString(update);
        if (client === this.probeClient) this.probeWaiters.get(clock)?.();
      }
    }
  }
}
