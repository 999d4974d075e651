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
  return { room, log, connect, storage };
}

/** A client's sync step 2 carrying `update`. */
function syncStep2Frame(update: Uint8Array): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, MessageType.Sync);
  encoding.writeVarUint(encoder, syncProtocol.messageYjsSyncStep2);
  encoding.writeVarUint8Array(encoder, update);
  return encoding.toUint8Array(encoder);
}

/** A client's update message (what y-websocket sends for a local change). */
function updateFrame(update: Uint8Array): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, MessageType.Sync);
  syncProtocol.writeUpdate(encoder, update);
  return encoding.toUint8Array(encoder);
}

/** Records a client doc's updates as frames, one per change. */
function typist(doc = new Y.Doc()) {
  const frames: Uint8Array[] = [];
  doc.on('update', (update: Uint8Array) => frames.push(updateFrame(update)));
  return { doc, frames, text: doc.getText('text') };
}

/** The document storage holds, as text. */
async function storedText(storage: SqliteStorage): Promise<string> {
  const content = await storage.loadContent('doc');
  const doc = new Y.Doc();
  for (const part of [content.snapshot, ...content.updates]) if (part) Y.applyUpdate(doc, part);
  return doc.getText('text').toString();
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
    // Presence does not need the document either; an edit does.
    room.receive(connection, presenceFrame());
    await nextTurn();
    expect(room.isDormant).toBe(true);
    expect(room.awareness.getStates().size).toBe(1);
    const edit = new Y.Doc();
    Y.applyUpdate(edit, step2!.payload);
    const frames = typist(edit).frames;
    edit.getText('text').insert(0, 'Item 1. ');
    room.receive(connection, frames[0]!);
    expect(room.isDormant).toBe(false);
    expect(room.doc.getText('text').toString()).toBe('Item 1. Opening of the session.');
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

  it('serves a join storm on a cold-loaded document from the stored bytes, building nothing', async () => {
    const stored = textUpdate('Agenda.');
    const { room, log, connect } = await setup({ snapshot: stored, updates: [], lastSeq: 1 });
    expect(room.isDormant).toBe(true);
    for (let i = 0; i < 3; i++) {
      const { connection, sent } = connect();
      room.join(connection);
      // What a new y-websocket client sends: step 1, presence, and its (empty) step 2.
      const client = new Y.Doc();
      room.receive(connection, syncStep1(client));
      room.receive(connection, presenceFrame());
      room.receive(connection, syncStep2Frame(Y.encodeStateAsUpdate(client)));
      await log.barrier();
      const [step1, step2] = sent.filter((frame) => frame[0] === MessageType.Sync).map(syncFrame);
      // The server's step 1 carries the state vector read out of the bytes.
      expect(step1!.step).toBe(syncProtocol.messageYjsSyncStep1);
      expect(step1!.payload).toEqual(Y.encodeStateVectorFromUpdate(stored));
      expect(step2!.step).toBe(syncProtocol.messageYjsSyncStep2);
      expect(step2!.payload).toEqual(stored);
    }
    expect(room.isDormant).toBe(true);
    expect(room.awareness.getStates().size).toBe(3);
    // A client that does bring something builds the document.
    const { connection } = connect();
    room.join(connection);
    const offline = new Y.Doc();
    offline.getText('notes').insert(0, 'offline');
    room.receive(connection, syncStep2Frame(Y.encodeStateAsUpdate(offline)));
    expect(room.isDormant).toBe(false);
    await log.barrier();
    expect(room.doc.getText('text').toString()).toBe('Agenda.');
    expect(room.doc.getText('notes').toString()).toBe('offline');
  });

  it('answers the join of a cold room with the state vector stored with its snapshot', async () => {
    const full = new Y.Doc();
    full.getText('text').insert(0, 'Agenda.');
    // What was stored with the snapshot (here an older, smaller vector than the bytes'), not
    // what the bytes would say if they were parsed.
    const storedVector = Y.encodeStateVector(new Y.Doc());
    const { room, connect } = await setup({
      snapshot: Y.encodeStateAsUpdate(full),
      snapshotStateVector: storedVector,
      updates: [],
      lastSeq: 1,
    });
    const { connection, sent } = connect();
    room.join(connection);
    expect(syncFrame(sent[0]!).payload).toEqual(storedVector);
    expect(room.isDormant).toBe(true);
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

/** Two connections in `room`: one that will write, one whose received frames are then recorded. */
function writerAndReader(room: Room, connect: () => { connection: Connection; sent: Uint8Array[] }) {
  const writer = connect();
  const reader = connect();
  room.join(writer.connection);
  room.join(reader.connection);
  reader.sent.length = 0;
  return { writer, reader };
}

describe('Room, a lone update in a quiet room', () => {
  it('is committed and relayed as received before its handler returns, then applied', async () => {
    const { room, log, connect, storage } = await setup({ snapshot: null, updates: [], lastSeq: 0 });
    const { writer, reader } = writerAndReader(room, connect);
    const client = typist();
    client.text.insert(0, 'Recommendation 1.');
    const frame = client.frames[0]!;
    room.receive(writer.connection, frame);
    // No event-loop turn in between: relayed byte for byte, committed, applied.
    expect(reader.sent).toEqual([frame]);
    expect(writer.sent.filter((f) => f === frame)).toEqual([]);
    expect(log.busy).toBe(false);
    expect(room.isSettled).toBe(true);
    expect(room.lastSeq).toBe(1);
    expect(await storedText(storage)).toBe('Recommendation 1.');
    expect(room.doc.getText('text').toString()).toBe('Recommendation 1.');
    // Applying it did not store or send it a second time.
    await log.barrier();
    await nextTurn();
    expect((await storage.loadContent('doc')).updates).toHaveLength(1);
    expect(reader.sent).toHaveLength(1);
  });

  it('commits only the first update of an event-loop turn at once; the others are grouped', async () => {
    const { room, log, connect, storage } = await setup({ snapshot: null, updates: [], lastSeq: 0 });
    const { writer, reader } = writerAndReader(room, connect);
    const client = typist();
    for (const word of ['One ', 'two ', 'three.']) client.text.insert(client.text.length, word);
    for (const frame of client.frames) room.receive(writer.connection, frame);
    expect(reader.sent).toEqual([client.frames[0]]);
    expect(log.busy).toBe(true);
    await log.barrier();
    await nextTurn();
    // The other two went out together, as one frame, from one commit.
    expect(reader.sent).toHaveLength(2);
    expect((await storage.loadContent('doc')).updates).toHaveLength(3);
    expect(await storedText(storage)).toBe('One two three.');
    // A later turn: at once again.
    client.text.insert(0, '1. ');
    room.receive(writer.connection, client.frames.at(-1)!);
    expect(reader.sent).toHaveLength(3);
  });

  it('applies updates relayed in successive turns to its own copy later, together', async () => {
    const { room, connect, storage } = await setup({ snapshot: null, updates: [], lastSeq: 0 });
    const { writer, reader } = writerAndReader(room, connect);
    const doc = room.doc;
    let transactions = 0;
    const applied = new Promise<void>((resolve) =>
      doc.on('afterTransaction', () => {
        transactions++;
        resolve();
      }),
    );
    const client = typist();
    for (const word of ['One ', 'two ', 'three.']) {
      client.text.insert(client.text.length, word);
      room.receive(writer.connection, client.frames.at(-1)!);
      await nextTurn();
    }
    // Each was relayed at once, as received, though the server's copy had none of them yet.
    expect(reader.sent).toEqual(client.frames);
    expect(transactions).toBe(0);
    expect(await storedText(storage)).toBe('One two three.');
    await applied;
    expect(transactions).toBe(1);
    expect(doc.getText('text').toString()).toBe('One two three.');
  });

  it('applies what it relayed before anyone reads, joins or the room hibernates', async () => {
    const { room, connect } = await setup({ snapshot: null, updates: [], lastSeq: 0 });
    const { writer, reader } = writerAndReader(room, connect);
    const client = typist();
    client.text.insert(0, 'Para. 7');
    room.receive(writer.connection, client.frames[0]!);
    // A joiner is told the state that includes it (and so does not send it back).
    const joiner = connect();
    room.join(joiner.connection);
    const [step1] = joiner.sent.map(syncFrame);
    expect(Y.decodeStateVector(step1!.payload).get(client.doc.clientID)).toBe(7);
    await nextTurn();
    client.text.insert(7, '.');
    room.receive(writer.connection, client.frames.at(-1)!);
    expect(reader.sent).toHaveLength(2);
    expect(room.doc.getText('text').toString()).toBe('Para. 7.');
    await nextTurn();
    client.text.insert(0, '1. ');
    room.receive(writer.connection, client.frames.at(-1)!);
    expect(reader.sent).toHaveLength(3);
    for (const { connection } of [writer, reader, joiner]) room.leave(connection);
    expect(room.hibernate()).toBe(true);
    expect(room.doc.getText('text').toString()).toBe('1. Para. 7.');
  });

  it('takes the group commit for a duplicate, which is then neither stored nor sent', async () => {
    const { room, log, connect, storage } = await setup({ snapshot: null, updates: [], lastSeq: 0 });
    const { writer, reader } = writerAndReader(room, connect);
    const client = typist();
    client.text.insert(0, 'Para. 4');
    room.receive(writer.connection, client.frames[0]!);
    room.receive(writer.connection, client.frames[0]!);
    await log.barrier();
    await nextTurn();
    expect(reader.sent).toHaveLength(1);
    expect((await storage.loadContent('doc')).updates).toHaveLength(1);
  });

  it('waits behind updates already queued, so the log keeps their order', async () => {
    const { room, log, connect, storage } = await setup({ snapshot: null, updates: [], lastSeq: 0 });
    const { writer, reader } = writerAndReader(room, connect);
    // A server-side change (the REST API's path) is queued for the group commit.
    room.doc.getText('title').insert(0, 'Chair’s summary');
    expect(log.busy).toBe(true);
    const client = typist();
    Y.applyUpdate(client.doc, Y.encodeStateAsUpdate(room.doc));
    client.text.insert(0, 'Session 1.');
    room.receive(writer.connection, client.frames.at(-1)!);
    expect(reader.sent).toEqual([]); // nothing relayed before the queued change is committed
    await log.barrier();
    await nextTurn();
    const { updates } = await storage.loadContent('doc');
    expect(updates).toHaveLength(2);
    const first = new Y.Doc();
    Y.applyUpdate(first, updates[0]!);
    expect(first.getText('title').toString()).toBe('Chair’s summary');
    expect(first.getText('text').toString()).toBe('');
    expect(reader.sent).toHaveLength(1);
    expect(await storedText(storage)).toBe('Session 1.');
  });

  it('stores an update that waits for a missing one, and what it released once that arrives', async () => {
    const { room, log, connect, storage } = await setup({ snapshot: null, updates: [], lastSeq: 0 });
    const writer = connect();
    room.join(writer.connection);
    const client = typist();
    client.text.insert(0, 'Findings');
    client.text.insert(8, ' of session 2');
    const [first, second] = client.frames;
    // The second arrives first (another path, a retry): it cannot be applied yet.
    room.receive(writer.connection, second!);
    await log.barrier();
    expect(room.doc.getText('text').toString()).toBe('');
    room.receive(writer.connection, first!);
    await log.barrier();
    await nextTurn();
    expect(room.doc.getText('text').toString()).toBe('Findings of session 2');
    expect(await storedText(storage)).toBe('Findings of session 2');
  });

  it('falls back to the group commit, which retries, when the immediate commit fails', async () => {
    const { room, log, connect, storage } = await setup({ snapshot: null, updates: [], lastSeq: 0 });
    const { writer, reader } = writerAndReader(room, connect);
    const appendNow = storage.appendUpdatesNow.bind(storage);
    let failures = 2;
    storage.appendUpdatesNow = (batch) => {
      if (failures-- > 0) throw new Error('disk I/O error');
      return appendNow(batch);
    };
    const client = typist();
    client.text.insert(0, 'Conclusions.');
    room.receive(writer.connection, client.frames[0]!);
    expect(reader.sent).toEqual([]); // not committed: not sent
    expect(room.doc.getText('text').toString()).toBe('Conclusions.');
    await log.barrier();
    await nextTurn();
    expect(reader.sent).toHaveLength(1);
    expect(await storedText(storage)).toBe('Conclusions.');
  });
});
