import * as Y from 'yjs';
import * as syncProtocol from 'y-protocols/sync';
import { afterEach, describe, expect, it } from 'vitest';
import { MessageType } from '@plenary/protocol';
import {
  closeRooms,
  nextTurn,
  presenceFrame,
  setup,
  syncFrame,
  syncStep1,
  syncStep2Frame,
  textUpdate,
  typist,
} from './testing/roomHarness.ts';

afterEach(closeRooms);

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
