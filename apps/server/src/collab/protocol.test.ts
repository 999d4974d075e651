import * as encoding from 'lib0/encoding';
import * as Y from 'yjs';
import * as awarenessProtocol from 'y-protocols/awareness';
import { describe, expect, it } from 'vitest';
import {
  ProtocolError,
  decodeClientMessage,
  encodeAwareness,
  encodeSyncStep1,
  encodeSyncStep2,
  encodeUpdate,
} from './protocol.ts';

function frame(...parts: Array<number | Uint8Array | string>): Uint8Array {
  const encoder = encoding.createEncoder();
  for (const part of parts) {
    if (typeof part === 'number') encoding.writeVarUint(encoder, part);
    else if (typeof part === 'string') encoding.writeVarString(encoder, part);
    else encoding.writeVarUint8Array(encoder, part);
  }
  return encoding.toUint8Array(encoder);
}

function docWith(text: string): Y.Doc {
  const doc = new Y.Doc();
  doc.getText('t').insert(0, text);
  return doc;
}

describe('decodeClientMessage', () => {
  it('reads what the encoders write (the shapes y-websocket clients send)', () => {
    const doc = docWith('Islamabad, 15-16 April');
    expect(decodeClientMessage(encodeSyncStep1(doc))).toEqual({
      type: 'sync-step-1',
      stateVector: Y.encodeStateVector(doc),
    });
    const step2 = decodeClientMessage(encodeSyncStep2(doc, new Uint8Array([0])));
    expect(step2.type).toBe('sync-step-2');
    const update = Y.encodeStateAsUpdate(doc);
    expect(decodeClientMessage(encodeUpdate(update))).toMatchObject({ type: 'update', update });
    expect(decodeClientMessage(frame(3))).toEqual({ type: 'query-awareness' });

    const awareness = new awarenessProtocol.Awareness(doc);
    awareness.setLocalState({ user: { name: 'Rapporteur', color: '#009edb' } });
    const message = decodeClientMessage(encodeAwareness(awareness, [doc.clientID]));
    expect(message.type).toBe('awareness');
    awareness.destroy();
  });

  it.each([
    ['an empty frame', new Uint8Array(0), 'empty frame'],
    ['a query with trailing bytes', new Uint8Array([3, 1, 2]), 'trailing bytes'],
    ['an unknown message type', frame(7), 'unexpected message type 7'],
    ['an auth message from a client', frame(2, 0, 'x'), 'unexpected message type 2'],
    ['an unknown sync type', frame(0, 9, new Uint8Array([0])), 'unknown sync message type 9'],
    ['a truncated update', new Uint8Array([0, 2, 200, 1, 2]), 'truncated update'],
    [
      'an update that is not Yjs',
      frame(0, 2, new Uint8Array([5, 250, 3, 7, 7, 7])),
      'update does not decode',
    ],
    ['a corrupt state vector', frame(0, 0, new Uint8Array([3, 255])), 'state vector does not decode'],
    ['awareness with bad JSON', frame(1, frame(1, 12, 1, '{not json')), 'awareness update does not decode'],
  ])('refuses %s with a ProtocolError naming the problem', (_name, data, reason) => {
    expect(() => decodeClientMessage(data)).toThrow(ProtocolError);
    expect(() => decodeClientMessage(data)).toThrow(reason);
  });

  it('refuses an update whose delete set is corrupt before anything is applied', () => {
    const doc = docWith('kept');
    const valid = Y.encodeStateAsUpdate(doc);
    // Cut the trailing delete set: structs decode, the delete set does not.
    const corrupt = valid.slice(0, valid.length - 1);
    expect(() => decodeClientMessage(encodeUpdate(corrupt))).toThrow(ProtocolError);
  });
});
