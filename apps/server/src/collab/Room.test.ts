import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';
import pino from 'pino';
import * as Y from 'yjs';
import * as awarenessProtocol from 'y-protocols/awareness';
import * as syncProtocol from 'y-protocols/sync';
import { afterEach, describe, expect, it } from 'vitest';
import { MessageType } from '@plenary/protocol';
import { SqliteStorage } from '../storage/sqlite.ts';
import type { StoredContent } from '../storage/Storage.ts';
import { Connection } from './Connection.ts';
import { DurableLog } from './DurableLog.ts';
import { Room } from './Room.ts';

const silent = pino({ level: 'silent' });
const cleanups: Array<() => Promise<void> | void> = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

function textUpdate(text: string): Uint8Array {
  const doc = new Y.Doc();
  doc.getText('text').insert(0, text);
  return Y.encodeStateAsUpdate(doc);
}

function syncStep1(doc: Y.Doc): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, MessageType.Sync);
  syncProtocol.writeSyncStep1(encoder, doc);
  return encoding.toUint8Array(encoder);
}

/** Decodes a sync frame from the server: its step (0, 1, 2) and payload. */
function syncFrame(frame: Uint8Array): { step: number; payload: Uint8Array } {
  const decoder = decoding.createDecoder(frame);
  expect(decoding.readVarUint(decoder)).toBe(MessageType.Sync);
  return { step: decoding.readVarUint(decoder), payload: decoding.readVarUint8Array(decoder) };
}

async function setup(content: StoredContent) {
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
  const connect = () => {
    const sent: Uint8Array[] = [];
    const socket = {
      send: (data: Uint8Array) => void sent.push(data),
      close() {},
      terminate() {},
      bufferedAmount: 0,
    };
    const connection = new Connection('doc', socket, silent, {
      maxSendBufferBytes: 1 << 20,
      closeTimeoutMs: 1000,
    });
    return { connection, sent };
  };
  return { room, log, connect };
}

function presenceFrame(): Uint8Array {
  const doc = new Y.Doc();
  const awareness = new awarenessProtocol.Awareness(doc);
  awareness.setLocalStateField('user', { name: 'Rapporteur' });
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, MessageType.Awareness);
  encoding.writeVarUint8Array(encoder, awarenessProtocol.encodeAwarenessUpdate(awareness, [doc.clientID]));
  awareness.destroy();
  return encoding.toUint8Array(encoder);
}

const nextTurn = () => new Promise((resolve) => setImmediate(resolve));

describe('Room, dormant', () => {
  it('serves a joiner of a hibernated room from the bytes, without building the document', async () => {
    const { room, log, connect } = await setup({
      snapshot: textUpdate('Opening of the session.'),
      updates: [],
      lastSeq: 1,
    });
    expect(room.doc.getText('text').length).toBeGreaterThan(0);
    expect(room.hibernate()).toBe(true);
    const { connection, sent } = connect();
    room.join(connection);
    room.receive(connection, syncStep1(new Y.Doc()));
    await log.barrier();
    await nextTurn();
    expect(room.isDormant).toBe(true);
    const [step1, step2] = sent.map(syncFrame);
    expect(sent).toHaveLength(2);
    expect(step1!.step).toBe(syncProtocol.messageYjsSyncStep1);
    expect(Y.decodeStateVector(step1!.payload).size).toBe(1);
    expect(step2!.step).toBe(syncProtocol.messageYjsSyncStep2);
    const replica = new Y.Doc();
    Y.applyUpdate(replica, step2!.payload);
    expect(replica.getText('text').toString()).toBe('Opening of the session.');
    // Presence (like any edit) needs the live document.
    room.receive(connection, presenceFrame());
    expect(room.isDormant).toBe(false);
  });

  it('answers a joiner that has content of its own from the document', async () => {
    const { room, log, connect } = await setup({ snapshot: textUpdate('Agenda.'), updates: [], lastSeq: 1 });
    const { connection, sent } = connect();
    room.join(connection);
    const offline = new Y.Doc();
    offline.getText('other').insert(0, 'offline note');
    room.receive(connection, syncStep1(offline));
    await log.barrier();
    expect(room.isDormant).toBe(false);
    const replies = sent.map(syncFrame);
    const step2 = replies.find((r) => r.step === syncProtocol.messageYjsSyncStep2)!;
    Y.applyUpdate(offline, step2.payload);
    expect(offline.getText('text').toString()).toBe('Agenda.');
  });

  it('hibernates only when nobody is in it and everything is committed, and wakes intact', async () => {
    const { room, log, connect } = await setup({ snapshot: null, updates: [], lastSeq: 0 });
    const { connection } = connect();
    room.join(connection);
    room.doc.getText('text').insert(0, 'Recommendation 1.');
    expect(room.hibernate()).toBe(false); // someone is in it
    room.leave(connection);
    expect(room.isSettled).toBe(false);
    expect(room.hibernate()).toBe(false); // the edit is not on disk yet
    await log.barrier();
    expect(room.hibernate()).toBe(true);
    expect(room.isDormant).toBe(true);
    expect(room.doc.getText('text').toString()).toBe('Recommendation 1.');
    expect(room.isDormant).toBe(false);
  });

  it('builds a cold-loaded document on the first join and answers new joiners with the stored bytes', async () => {
    const stored = textUpdate('Agenda.');
    const { room, log, connect } = await setup({ snapshot: stored, updates: [], lastSeq: 1 });
    expect(room.isDormant).toBe(true);
    const { connection, sent } = connect();
    room.join(connection);
    expect(room.isDormant).toBe(false);
    room.receive(connection, syncStep1(new Y.Doc()));
    await log.barrier();
    const step2 = sent.map(syncFrame).find((f) => f.step === syncProtocol.messageYjsSyncStep2)!;
    expect(step2.payload).toEqual(stored);
  });

  it('answers an empty document from a dormant room', async () => {
    const { room, log, connect } = await setup({ snapshot: null, updates: [], lastSeq: 0 });
    expect(room.hibernate()).toBe(false); // never built: dormant already
    expect(room.doc.share.size).toBe(0); // built (empty)
    expect(room.hibernate()).toBe(true);
    const { connection, sent } = connect();
    room.join(connection);
    room.receive(connection, syncStep1(new Y.Doc()));
    await log.barrier();
    const replica = new Y.Doc();
    const step2 = sent.map(syncFrame).find((f) => f.step === syncProtocol.messageYjsSyncStep2)!;
    Y.applyUpdate(replica, step2.payload);
    expect(replica.share.size).toBe(0);
    expect(room.isDormant).toBe(true);
  });

  it('wakes for a change from another instance', async () => {
    const stored = textUpdate('Agenda.');
    const { room } = await setup({ snapshot: stored, updates: [], lastSeq: 1 });
    const remote = new Y.Doc();
    Y.applyUpdate(remote, stored);
    remote.getText('text').insert(7, ' Adopted.');
    room.applyRemote({ kind: 'update', update: Y.encodeStateAsUpdate(remote) });
    expect(room.isDormant).toBe(false);
    expect(room.doc.getText('text').toString()).toBe('Agenda. Adopted.');
  });
});
