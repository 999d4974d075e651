import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';

/**
 * Pure framing of the two wire dialects the benchmark speaks, so that lightweight clients can
 * join without a Y.Doc. No socket, no timer.
 *
 * - `y-websocket`: what Plenary and the relay speak (docs/protocol.md): `type, payload`.
 * - `hocuspocus`: Hocuspocus 4 multiplexes documents on one socket, so every frame starts with
 *   the document name, and a client must authenticate (an empty token is accepted when the
 *   server has no onAuthenticate hook) before anything else is handled.
 */
export type Dialect = 'y-websocket' | 'hocuspocus';

const MESSAGE_SYNC = 0;
const MESSAGE_AWARENESS = 1;
const MESSAGE_AUTH = 2;
/** Hocuspocus only: a sync message that must not trigger another step 1. */
const MESSAGE_SYNC_REPLY = 4;

const SYNC_STEP_1 = 0;
const SYNC_STEP_2 = 1;
const SYNC_UPDATE = 2;

const AUTH_TOKEN = 0;
const AUTH_PERMISSION_DENIED = 1;
const AUTH_AUTHENTICATED = 2;

/** The update of an empty document: what a client that has nothing answers a step 1 with. */
export const EMPTY_UPDATE = new Uint8Array([0, 0]);
/** The state vector of an empty document. */
export const EMPTY_STATE_VECTOR = new Uint8Array([0]);

export type ServerFrame =
  | { kind: 'sync-step-1'; payload: Uint8Array }
  | { kind: 'sync-step-2'; payload: Uint8Array }
  | { kind: 'update'; payload: Uint8Array }
  | { kind: 'awareness'; payload: Uint8Array }
  | { kind: 'authenticated' }
  | { kind: 'denied'; reason: string }
  | { kind: 'other'; type: number };

export class Wire {
  constructor(
    readonly dialect: Dialect,
    readonly documentName: string,
  ) {}

  /** Frames a client sends as soon as the socket opens, before its sync step 1. */
  hello(): Uint8Array[] {
    if (this.dialect !== 'hocuspocus') return [];
    const encoder = this.start(MESSAGE_AUTH);
    encoding.writeVarUint(encoder, AUTH_TOKEN);
    encoding.writeVarString(encoder, '');
    return [encoding.toUint8Array(encoder)];
  }

  syncStep1(stateVector: Uint8Array): Uint8Array {
    return this.sync(SYNC_STEP_1, stateVector);
  }

  syncStep2(update: Uint8Array): Uint8Array {
    return this.sync(SYNC_STEP_2, update);
  }

  update(update: Uint8Array): Uint8Array {
    return this.sync(SYNC_UPDATE, update);
  }

  awareness(awarenessUpdate: Uint8Array): Uint8Array {
    const encoder = this.start(MESSAGE_AWARENESS);
    encoding.writeVarUint8Array(encoder, awarenessUpdate);
    return encoding.toUint8Array(encoder);
  }

  /** Decodes a server frame; payloads are views into `frame`, not copies. */
  decode(frame: Uint8Array): ServerFrame {
    const decoder = decoding.createDecoder(frame);
    if (this.dialect === 'hocuspocus') decoding.readVarString(decoder);
    const type = decoding.readVarUint(decoder);
    switch (type) {
      case MESSAGE_SYNC:
      case MESSAGE_SYNC_REPLY: {
        const syncType = decoding.readVarUint(decoder);
        const payload = decoding.readVarUint8Array(decoder);
        if (syncType === SYNC_STEP_1) return { kind: 'sync-step-1', payload };
        if (syncType === SYNC_STEP_2) return { kind: 'sync-step-2', payload };
        if (syncType === SYNC_UPDATE) return { kind: 'update', payload };
        return { kind: 'other', type };
      }
      case MESSAGE_AWARENESS:
        return { kind: 'awareness', payload: decoding.readVarUint8Array(decoder) };
      case MESSAGE_AUTH: {
        if (this.dialect !== 'hocuspocus') return { kind: 'other', type };
        const authType = decoding.readVarUint(decoder);
        if (authType === AUTH_AUTHENTICATED) return { kind: 'authenticated' };
        if (authType === AUTH_PERMISSION_DENIED) {
          return { kind: 'denied', reason: decoding.readVarString(decoder) };
        }
        return { kind: 'other', type };
      }
      default:
        return { kind: 'other', type };
    }
  }

  private sync(syncType: number, payload: Uint8Array): Uint8Array {
    const encoder = this.start(MESSAGE_SYNC);
    encoding.writeVarUint(encoder, syncType);
    encoding.writeVarUint8Array(encoder, payload);
    return encoding.toUint8Array(encoder);
  }

  private start(type: number): encoding.Encoder {
    const encoder = encoding.createEncoder();
    if (this.dialect === 'hocuspocus') encoding.writeVarString(encoder, this.documentName);
    encoding.writeVarUint(encoder, type);
    return encoder;
  }
}

/** One awareness entry as y-protocols encodes it, for clients that keep no Awareness object. */
export interface AwarenessEntry {
  clientId: number;
  clock: number;
  /** The state as JSON text ("null" for a removal). */
  json: string;
}

export function encodeAwarenessEntries(entries: readonly AwarenessEntry[]): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, entries.length);
  for (const entry of entries) {
    encoding.writeVarUint(encoder, entry.clientId);
    encoding.writeVarUint(encoder, entry.clock);
    encoding.writeVarString(encoder, entry.json);
  }
  return encoding.toUint8Array(encoder);
}

export function decodeAwarenessEntries(payload: Uint8Array): AwarenessEntry[] {
  const decoder = decoding.createDecoder(payload);
  const count = decoding.readVarUint(decoder);
  const entries: AwarenessEntry[] = [];
  for (let i = 0; i < count; i++) {
    const clientId = decoding.readVarUint(decoder);
    const clock = decoding.readVarUint(decoder);
    entries.push({ clientId, clock, json: decoding.readVarString(decoder) });
  }
  return entries;
}

/**
 * The first varuints of a y-websocket frame, read without allocating: what the relay needs to
 * tell a sync handshake from an update. `syncType` is -1 for non-sync frames.
 */
export function peekYWebsocketType(frame: Uint8Array): { type: number; syncType: number } {
  const decoder = decoding.createDecoder(frame);
  const type = decoding.readVarUint(decoder);
  const syncType = type === MESSAGE_SYNC ? decoding.readVarUint(decoder) : -1;
  return { type, syncType };
}

/** The frame that ends a relay's replay: an empty sync step 2, which marks a client synced. */
export function emptySyncStep2Frame(): Uint8Array {
  return new Wire('y-websocket', '').syncStep2(EMPTY_UPDATE);
}

export const SyncType = { Step1: SYNC_STEP_1, Step2: SYNC_STEP_2, Update: SYNC_UPDATE } as const;
export const MessageKind = { Sync: MESSAGE_SYNC, Awareness: MESSAGE_AWARENESS } as const;
