import pino from 'pino';
import * as Y from 'yjs';
import { describe, expect, it } from 'vitest';
import { STRUCTURE_FIELDS } from '@plenary/protocol';
import { Connection, type ConnectionAccess } from './Connection.ts';
import { UpdateGate } from './UpdateGate.ts';

const silent = pino({ level: 'silent' });

function connection(access: Partial<ConnectionAccess>): Connection {
  const socket = { send() {}, close() {}, terminate() {}, bufferedAmount: 0 };
  return new Connection(
    'doc',
    socket,
    silent,
    { maxSendBufferBytes: 1 << 20, closeTimeoutMs: 1000 },
    undefined,
    {
      userId: 'u1',
      userName: 'Rapporteur',
      role: 'rapporteur',
      isAdmin: false,
      readOnly: false,
      protectedRoots: STRUCTURE_FIELDS,
      ...access,
    },
  );
}

/** A gate over `doc`, recording what it hands back and what it refuses. */
function gateOver(doc: Y.Doc, limits?: { maxHeld: number; maxHeldBytes: number }) {
  const retried: Uint8Array[] = [];
  const refused: Array<{ connection: Connection; unplaceable: boolean }> = [];
  const gate = new UpdateGate(
    {
      doc: () => doc,
      settledDoc: () => doc,
      pending: () => undefined,
      retry: (_connection, frame) => retried.push(frame),
      onRefused: (connection, unplaceable) => refused.push({ connection, unplaceable }),
    },
    limits,
  );
  return { gate, retried, refused };
}

/** A client's successive keystrokes, each an update of its own, built on the one before. */
function keystrokes(count: number) {
  const client = new Y.Doc();
  const updates: Uint8Array[] = [];
  client.on('update', (update: Uint8Array) => updates.push(update));
  for (let i = 0; i < count; i++) client.getText('body').insert(i, String(i));
  return updates;
}

const nextTurn = () => new Promise((resolve) => setImmediate(resolve));

describe('UpdateGate', () => {
  it('holds an update that builds on what the server lacks, and hands it back after a change', async () => {
    const doc = new Y.Doc();
    const { gate, retried, refused } = gateOver(doc);
    const rapporteur = connection({});
    const [first, second] = keystrokes(2);
    expect(gate.stops(rapporteur, Y.decodeUpdate(second!), second!)).toBe(true);
    expect(gate.heldCount).toBe(1);
    expect(gate.stops(rapporteur, Y.decodeUpdate(first!), first!)).toBe(false);
    Y.applyUpdate(doc, first!);
    gate.changed();
    gate.changed();
    expect(retried).toEqual([]);
    await nextTurn();
    expect(retried).toEqual([second]);
    expect(gate.heldCount).toBe(0);
    expect(gate.stops(rapporteur, Y.decodeUpdate(second!), second!)).toBe(false);
    expect(refused).toEqual([]);
  });

  it('refuses a structure change, and everything from a read-only connection', () => {
    const doc = new Y.Doc();
    const { gate, refused } = gateOver(doc);
    const rapporteur = connection({});
    const observer = connection({ role: 'observer', readOnly: true, protectedRoots: [] });
    let update: Uint8Array | undefined;
    const [client, otherTab] = [new Y.Doc(), new Y.Doc()];
    for (const tab of [client, otherTab]) tab.on('update', (u: Uint8Array) => (update = u));
    client.getMap('meeting').set('venue', 'Accra');
    expect(gate.stops(rapporteur, Y.decodeUpdate(update!), update!)).toBe(true);
    otherTab.getText('body').insert(0, 'Text');
    expect(gate.stops(rapporteur, Y.decodeUpdate(update!), update!)).toBe(false);
    expect(gate.stops(observer, Y.decodeUpdate(update!), update!)).toBe(true);
    expect(refused).toEqual([
      { connection: rapporteur, unplaceable: false },
      { connection: observer, unplaceable: false },
    ]);
    expect(gate.heldCount).toBe(0);
  });

  it('refuses what builds on a refused update of the same client, on that connection only', () => {
    const doc = new Y.Doc();
    const { gate, refused } = gateOver(doc);
    const rapporteur = connection({});
    const client = new Y.Doc();
    const updates: Uint8Array[] = [];
    client.on('update', (u: Uint8Array) => updates.push(u));
    client.getMap('meeting').set('venue', 'Accra');
    client.getText('body').insert(0, 'Text');
    const [structure, text] = updates;
    expect(gate.stops(rapporteur, Y.decodeUpdate(structure!), structure!)).toBe(true);
    // Yjs would keep this one waiting for the refused clock for ever: refused at once.
    expect(gate.stops(rapporteur, Y.decodeUpdate(text!), text!)).toBe(true);
    expect(gate.heldCount).toBe(0);
    expect(refused).toHaveLength(2);
    // The same client reconnecting (with a role that may change the structure, say) is judged
    // afresh; it sends both again.
    const reconnected = connection({ role: 'secretariat', protectedRoots: [] });
    expect(gate.stops(reconnected, Y.decodeUpdate(structure!), structure!)).toBe(false);
    expect(gate.stops(reconnected, Y.decodeUpdate(text!), text!)).toBe(false);
  });

  it('refuses the oldest held update past its bound, and forgets a closed connection', async () => {
    const doc = new Y.Doc();
    const { gate, retried, refused } = gateOver(doc, { maxHeld: 2, maxHeldBytes: 1 << 20 });
    const first = connection({});
    const second = connection({});
    const updates = keystrokes(4).slice(1);
    updates.forEach((update, i) => gate.stops(i === 0 ? first : second, Y.decodeUpdate(update), update));
    expect(refused).toEqual([{ connection: first, unplaceable: true }]);
    expect(gate.heldCount).toBe(2);
    gate.forget(second);
    expect(gate.heldCount).toBe(0);
    gate.stops(first, Y.decodeUpdate(updates[0]!), updates[0]!);
    first.close(1000, 'left');
    gate.changed();
    await nextTurn();
    expect(retried).toEqual([]);
  });
});
