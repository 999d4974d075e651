import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';
import * as Y from 'yjs';
import * as awarenessProtocol from 'y-protocols/awareness';
import * as syncProtocol from 'y-protocols/sync';
import { MessageType } from '@plenary/protocol';

/**
 * Pure encoding and decoding of the y-websocket protocol (see docs/protocol.md): plain functions
 * over bytes, a Y.Doc and an Awareness; no socket, no timer, so all of it is testable offline.
 */

/** An update decoded without a document (what `Y.decodeUpdate` returns). */
export type DecodedUpdate = ReturnType<typeof Y.decodeUpdate>;

/** The structs of a decoded update, by client then clock. */
export type DecodedStructs = DecodedUpdate['structs'];

export type ClientMessage =
  | { type: 'sync-step-1'; stateVector: Uint8Array }
  /** `bringsNothing`: an update without structs or deletions (a client with nothing new). */
  | { type: 'sync-step-2'; update: Uint8Array; decoded: DecodedUpdate; bringsNothing: boolean }
  | { type: 'update'; update: Uint8Array; decoded: DecodedUpdate }
  | { type: 'awareness'; update: Uint8Array }
  | { type: 'query-awareness' };

/** A frame that is not a valid y-websocket message. `reason` is safe to log and to send. */
export class ProtocolError extends Error {
  constructor(reason: string) {
    super(reason);
    this.name = 'ProtocolError';
  }
}

function readBytes(decoder: decoding.Decoder, what: string): Uint8Array {
  try {
    return decoding.readVarUint8Array(decoder);
  } catch {
    throw new ProtocolError(`truncated ${what}`);
  }
}

/**
 * Decodes one client frame and checks its payload completely (a Yjs update is parsed, an
 * awareness update's JSON is parsed) so that nothing half-valid is ever applied.
 */
export function decodeClientMessage(data: Uint8Array): ClientMessage {
  const decoder = decoding.createDecoder(data);
  const message = readClientMessage(decoder, data);
  // A frame carries exactly one message: bytes after it mean a client speaking something else.
  if (decoding.hasContent(decoder)) throw new ProtocolError('trailing bytes after the message');
  return message;
}

function readClientMessage(decoder: decoding.Decoder, data: Uint8Array): ClientMessage {
  if (data.byteLength === 0) throw new ProtocolError('empty frame');
  let type: number;
  try {
    type = decoding.readVarUint(decoder);
  } catch {
    throw new ProtocolError('truncated message type');
  }
  switch (type) {
    case MessageType.Sync: {
      let syncType: number;
      try {
        syncType = decoding.readVarUint(decoder);
      } catch {
        throw new ProtocolError('truncated sync message type');
      }
      switch (syncType) {
        case syncProtocol.messageYjsSyncStep1: {
          const stateVector = readBytes(decoder, 'state vector');
          validateStateVector(stateVector);
          return { type: 'sync-step-1', stateVector };
        }
        case syncProtocol.messageYjsSyncStep2: {
          const update = readBytes(decoder, 'sync step 2');
          const decoded = validateUpdate(update);
          return {
            type: 'sync-step-2',
            update,
            decoded,
            bringsNothing: decoded.structs.length === 0 && decoded.ds.clients.size === 0,
          };
        }
        case syncProtocol.messageYjsUpdate: {
          const update = readBytes(decoder, 'update');
          return { type: 'update', update, decoded: validateUpdate(update) };
        }
        default:
          throw new ProtocolError(`unknown sync message type ${syncType}`);
      }
    }
    case MessageType.Awareness: {
      const update = readBytes(decoder, 'awareness update');
      validateAwarenessUpdate(update);
      return { type: 'awareness', update };
    }
    case MessageType.QueryAwareness:
      return { type: 'query-awareness' };
    default:
      // Auth (2) is server-to-client only in y-websocket; anything else is not the protocol.
      throw new ProtocolError(`unexpected message type ${type}`);
  }
}

function validateStateVector(stateVector: Uint8Array): void {
  try {
    Y.decodeStateVector(stateVector);
  } catch {
    throw new ProtocolError('state vector does not decode');
  }
}

function validateUpdate(update: Uint8Array): DecodedUpdate {
  try {
    // Parses every struct and the delete set without touching any document: Y.applyUpdate
    // integrates structs before it reads the delete set, so a frame corrupt at its end would
    // otherwise be half-applied before it throws.
    return Y.decodeUpdate(update);
  } catch (error) {
    throw new ProtocolError(`update does not decode: ${(error as Error).message}`);
  }
}

function validateAwarenessUpdate(update: Uint8Array): void {
  try {
    const decoder = decoding.createDecoder(update);
    const count = decoding.readVarUint(decoder);
    for (let i = 0; i < count; i++) {
      decoding.readVarUint(decoder); // client id
      decoding.readVarUint(decoder); // clock
      JSON.parse(decoding.readVarString(decoder));
    }
  } catch {
    throw new ProtocolError('awareness update does not decode');
  }
}

/** The server's sync step 1: its state vector, asking the client for what it lacks. */
export function encodeSyncStep1(doc: Y.Doc): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, MessageType.Sync);
  syncProtocol.writeSyncStep1(encoder, doc);
  return encoding.toUint8Array(encoder);
}

/** The server's sync step 1 from a state vector already encoded (a dormant room's). */
export function encodeSyncStep1FromStateVector(stateVector: Uint8Array): Uint8Array {
  return encodeSyncPayload(syncProtocol.messageYjsSyncStep1, stateVector);
}

/** Sync step 2: everything in `doc` that a peer with `stateVector` lacks. */
export function encodeSyncStep2(doc: Y.Doc, stateVector: Uint8Array): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, MessageType.Sync);
  syncProtocol.writeSyncStep2(encoder, doc, stateVector);
  return encoding.toUint8Array(encoder);
}

/**
 * Sync step 2 carrying an update encoded already: the stored state of a document, sent to a peer
 * with an empty state vector without building the document (docs/benchmarks.md, S4).
 */
export function encodeSyncStep2Update(update: Uint8Array): Uint8Array {
  return encodeSyncPayload(syncProtocol.messageYjsSyncStep2, update);
}

function encodeSyncPayload(syncType: number, payload: Uint8Array): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, MessageType.Sync);
  encoding.writeVarUint(encoder, syncType);
  encoding.writeVarUint8Array(encoder, payload);
  return encoding.toUint8Array(encoder);
}

/** True when a (validated) state vector names no client: the peer has nothing yet. */
export function isEmptyStateVector(stateVector: Uint8Array): boolean {
  return Y.decodeStateVector(stateVector).size === 0;
}

export function encodeUpdate(update: Uint8Array): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, MessageType.Sync);
  syncProtocol.writeUpdate(encoder, update);
  return encoding.toUint8Array(encoder);
}

export function encodeAwareness(
  awareness: awarenessProtocol.Awareness,
  clients: readonly number[],
): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, MessageType.Awareness);
  encoding.writeVarUint8Array(
    encoder,
    awarenessProtocol.encodeAwarenessUpdate(awareness, clients as number[]),
  );
  return encoding.toUint8Array(encoder);
}
