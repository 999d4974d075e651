import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';
import pino from 'pino';
import * as Y from 'yjs';
import * as awarenessProtocol from 'y-protocols/awareness';
import * as syncProtocol from 'y-protocols/sync';
import { expect } from 'vitest';
import { MessageType } from '@plenary/protocol';
import { SqliteStorage } from '../../storage/sqlite.ts';
import type { StoredContent } from '../../storage/Storage.ts';
import { Connection, type ConnectionAccess } from '../Connection.ts';
import { DurableLog } from '../DurableLog.ts';
import { Room } from '../Room.ts';

/**
 * A room over in-memory SQLite with in-memory connections, and the frames clients send, for the
 * Room tests (Room.test.ts, RoomRelay.test.ts).
 */
const silent = pino({ level: 'silent' });
const cleanups: Array<() => Promise<void> | void> = [];

/** Closes what `setup` opened: call after each test (`afterEach(closeRooms)`). */
export async function closeRooms(): Promise<void> {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
}

export function textUpdate(text: string): Uint8Array {
  const doc = new Y.Doc();
  doc.getText('text').insert(0, text);
  return Y.encodeStateAsUpdate(doc);
}

export function syncStep1(doc: Y.Doc): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, MessageType.Sync);
  syncProtocol.writeSyncStep1(encoder, doc);
  return encoding.toUint8Array(encoder);
}

/** Decodes a sync frame from the server: its step (0, 1, 2) and payload. */
export function syncFrame(frame: Uint8Array): { step: number; payload: Uint8Array } {
  const decoder = decoding.createDecoder(frame);
  expect(decoding.readVarUint(decoder)).toBe(MessageType.Sync);
  return { step: decoding.readVarUint(decoder), payload: decoding.readVarUint8Array(decoder) };
}

export async function setup(content: StoredContent) {
  const storage = new SqliteStorage(':memory:');
  await storage.createDocument({ id: 'doc', title: 'Chair’s summary' });
  const log = new DurableLog(storage, silent);
  const room = new Room('doc', content, {
    log,
    logger: silent,
    onCommitted: () => {},
    onEmpty: () => {},
    onCompactionDue: () => {},
    compactAfterUpdates: 1000,
  });
  cleanups.push(async () => {
    room.destroy();
    await log.drain();
    await storage.close();
  });
  const connect = (access?: ConnectionAccess) => {
    const sent: Uint8Array[] = [];
    const socket = {
      send: (data: Uint8Array) => void sent.push(data),
      close() {},
      terminate() {},
      bufferedAmount: 0,
    };
    const connection = new Connection(
      'doc',
      socket,
      silent,
      { maxSendBufferBytes: 1 << 20, closeTimeoutMs: 1000 },
      undefined,
      access,
    );
    return { connection, sent };
  };
  return { room, log, connect, storage };
}

/** A client's sync step 2 carrying `update`. */
export function syncStep2Frame(update: Uint8Array): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, MessageType.Sync);
  encoding.writeVarUint(encoder, syncProtocol.messageYjsSyncStep2);
  encoding.writeVarUint8Array(encoder, update);
  return encoding.toUint8Array(encoder);
}

/** A client's update message (what y-websocket sends for a local change). */
export function updateFrame(update: Uint8Array): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, MessageType.Sync);
  syncProtocol.writeUpdate(encoder, update);
  return encoding.toUint8Array(encoder);
}

/** Records a client doc's updates as frames, one per change. */
export function typist(doc = new Y.Doc()) {
  const frames: Uint8Array[] = [];
  doc.on('update', (update: Uint8Array) => frames.push(updateFrame(update)));
  return { doc, frames, text: doc.getText('text') };
}

/** The document storage holds, as text. */
export async function storedText(storage: SqliteStorage): Promise<string> {
  const content = await storage.loadContent('doc');
  const doc = new Y.Doc();
  for (const part of [content.snapshot, ...content.updates]) if (part) Y.applyUpdate(doc, part);
  return doc.getText('text').toString();
}

export function presenceFrame(): Uint8Array {
  const doc = new Y.Doc();
  const awareness = new awarenessProtocol.Awareness(doc);
  awareness.setLocalStateField('user', { name: 'Rapporteur' });
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, MessageType.Awareness);
  encoding.writeVarUint8Array(encoder, awarenessProtocol.encodeAwarenessUpdate(awareness, [doc.clientID]));
  awareness.destroy();
  return encoding.toUint8Array(encoder);
}

export const nextTurn = () => new Promise((resolve) => setImmediate(resolve));

/** Two connections in `room`: one that will write, one whose received frames are then recorded. */
export function writerAndReader(
  room: Room,
  connect: (access?: ConnectionAccess) => { connection: Connection; sent: Uint8Array[] },
  writerAccess?: ConnectionAccess,
) {
  const writer = connect(writerAccess);
  const reader = connect();
  room.join(writer.connection);
  room.join(reader.connection);
  reader.sent.length = 0;
  return { writer, reader };
}

/** Types `words` in `client`, each sent from `writer` in an event-loop turn of its own. */
export async function typeInTurns(
  room: Room,
  writer: Connection,
  client: ReturnType<typeof typist>,
  words: string[],
) {
  for (const word of words) {
    client.text.insert(client.text.length, word);
    room.receive(writer, client.frames.at(-1)!);
    await nextTurn();
  }
}
