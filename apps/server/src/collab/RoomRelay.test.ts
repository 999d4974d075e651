import * as Y from 'yjs';
import { afterEach, describe, expect, it } from 'vitest';
import { STRUCTURE_FIELDS } from '@plenary/protocol';
import type { ConnectionAccess } from './Connection.ts';
import {
  closeRooms,
  nextTurn,
  setup,
  storedText,
  syncFrame,
  syncStep2Frame,
  typeInTurns,
  typist,
  writerAndReader,
} from './testing/roomHarness.ts';

afterEach(closeRooms);

/** A co-host, like a rapporteur, may not change the structure: every update is checked. */
const coHost: ConnectionAccess = {
  userId: 'u1',
  userName: 'Co-host',
  role: 'co-host',
  isAdmin: false,
  readOnly: false,
  protectedRoots: STRUCTURE_FIELDS,
};

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
    await typeInTurns(room, writer.connection, client, ['One ', 'two ', 'three.']);
    // Each was relayed at once, as received, though the server's copy had none of them yet.
    expect(reader.sent).toEqual(client.frames);
    expect(transactions).toBe(0);
    expect(await storedText(storage)).toBe('One two three.');
    await applied;
    expect(transactions).toBe(1);
    expect(doc.getText('text').toString()).toBe('One two three.');
  });

  it('applies the keystrokes of a co-host together too, and still refuses their structure changes', async () => {
    const { room, connect, storage } = await setup({ snapshot: null, updates: [], lastSeq: 0 });
    const { writer, reader } = writerAndReader(room, connect, coHost);
    const doc = room.doc;
    let transactions = 0;
    doc.on('afterTransaction', () => transactions++);
    const client = typist();
    // Each keystroke builds on the one before, which the server's copy does not have yet.
    await typeInTurns(room, writer.connection, client, ['One ', 'two ', 'three.']);
    expect(reader.sent).toEqual(client.frames);
    expect(transactions).toBe(0);
    // A keystroke that overtook the one it builds on (sent as the client reconnected) waits for
    // it, then goes out: neither is refused.
    client.text.insert(client.text.length, ' Four');
    client.text.insert(client.text.length, ' five.');
    room.receive(writer.connection, client.frames.at(-1)!);
    expect(reader.sent).toHaveLength(3);
    room.receive(writer.connection, client.frames.at(-2)!);
    await nextTurn();
    expect(reader.sent.slice(3)).toEqual([client.frames.at(-2), client.frames.at(-1)]);
    expect(writer.connection.refusedUpdates).toBe(0);
    // A structure change is refused, whatever waits.
    client.doc.getMap('meeting').set('venue', 'Accra');
    room.receive(writer.connection, client.frames.at(-1)!);
    expect(reader.sent).toHaveLength(5);
    expect(writer.connection.refusedUpdates).toBe(1);
    expect(writer.connection.isClosed).toBe(false);
    expect(doc.getText('text').toString()).toBe('One two three. Four five.');
    expect(transactions).toBe(1);
    expect(doc.getMap('meeting').size).toBe(0);
    expect(await storedText(storage)).toBe('One two three. Four five.');
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

  it('judges the sync step 2 of a co-host against the document with what waits applied', async () => {
    const { room, connect, storage } = await setup({ snapshot: null, updates: [], lastSeq: 0 });
    const { writer: secretariat } = writerAndReader(room, connect);
    const coHostConnection = connect(coHost);
    room.join(coHostConnection.connection);
    // The secretariat sets a venue and changes it, in successive turns: both relayed, neither
    // applied to the server's copy yet; the first is deleted by the second.
    const structure = typist();
    structure.doc.getMap('meeting').set('venue', 'Accra');
    room.receive(secretariat.connection, structure.frames.at(-1)!);
    await nextTurn();
    structure.doc.getMap('meeting').set('venue', 'Kumasi');
    room.receive(secretariat.connection, structure.frames.at(-1)!);
    // The co-host got both, and answers an older state vector with its offline text: the step 2
    // carries the secretariat's changes again and the deletion of the first venue.
    const offline = typist();
    Y.applyUpdate(offline.doc, Y.encodeStateAsUpdate(structure.doc));
    offline.text.insert(0, 'Written offline.');
    const step2 = Y.encodeStateAsUpdate(offline.doc, Y.encodeStateVector(new Y.Doc()));
    room.receive(coHostConnection.connection, syncStep2Frame(step2));
    expect(coHostConnection.connection.refusedUpdates).toBe(0);
    await nextTurn();
    expect(await storedText(storage)).toBe('Written offline.');
    expect(room.doc.getMap('meeting').get('venue')).toBe('Kumasi');
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
