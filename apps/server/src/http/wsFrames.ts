import type { Duplex } from 'node:stream';
import WebSocket from 'ws';

/**
 * Server-to-client binary frames (RFC 6455, unmasked, one fragment) built once per message and
 * written whole to every socket it goes to.
 *
 * The core hands every connection of a broadcast the same Uint8Array. Sent through `ws`, each
 * copy is framed again and written as two buffers (header, payload); 19 peers of one keystroke
 * meant 19 framings and 19 `writev`s (docs/benchmarks.md, S1). Here the first send of a message
 * frames it into one buffer, kept as long as the message lives (a WeakMap keyed by it), and the
 * others reuse it.
 *
 * Only small messages are framed this way: a large one (a whole document for a joiner) would be
 * copied to be framed, and its framing costs nothing next to its size.
 */
const SHARED_FRAME_MAX_BYTES = 16 * 1024;

const frames = new WeakMap<Uint8Array, Buffer>();

/** The frame carrying `payload` (exported for tests). */
export function binaryFrame(payload: Uint8Array): Buffer {
  let frame = frames.get(payload);
  if (!frame) {
    const length = payload.byteLength;
    const header = length < 126 ? 2 : length < 65536 ? 4 : 10;
    frame = Buffer.allocUnsafe(header + length);
    frame[0] = 0x82; // FIN, binary
    if (length < 126) {
      frame[1] = length;
    } else if (length < 65536) {
      frame[1] = 126;
      frame.writeUInt16BE(length, 2);
    } else {
      frame[1] = 127;
      frame.writeBigUInt64BE(BigInt(length), 2);
    }
    frame.set(payload, header);
    frames.set(payload, frame);
  }
  return frame;
}

/**
 * Sends `payload` as one binary message on `ws`, whose transport is `socket`. A small message is
 * written as a shared, pre-built frame straight to the transport, where `ws` would write its own
 * frame (`ws` keeps no frame of its own back without compression, which Plenary does not offer,
 * so whole frames from both keep their order); anything else, or a socket no longer open, goes
 * through `ws`. `written` is called once the transport has taken the whole frame, or failed to.
 * Returns the transport's `write()` result (false: its buffer is above its high-water mark), or
 * undefined when the message went through `ws`, which does not say.
 */
export function sendBinary(
  ws: WebSocket,
  socket: Duplex,
  payload: Uint8Array,
  written?: () => void,
): boolean | undefined {
  if (payload.byteLength > SHARED_FRAME_MAX_BYTES || ws.readyState !== WebSocket.OPEN) {
    ws.send(payload, written);
    return undefined;
  }
  return socket.write(binaryFrame(payload), written);
}
