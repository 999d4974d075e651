import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { DeferredApply } from './DeferredApply.ts';

/** One client's successive keystrokes, as updates with their decoded structs. */
function keystrokes(count: number) {
  const doc = new Y.Doc();
  const updates: Uint8Array[] = [];
  doc.on('update', (update: Uint8Array) => updates.push(update));
  for (let i = 0; i < count; i++) doc.getText('t').insert(i, 'x');
  return { client: doc.clientID, updates, structs: updates.map((u) => Y.decodeUpdate(u).structs) };
}

describe('DeferredApply', () => {
  it('applies what waits together once the delay has passed, oldest first', async () => {
    const batches: Array<readonly Uint8Array[]> = [];
    let applied: () => void = () => {};
    const done = new Promise<void>((resolve) => (applied = resolve));
    const deferred = new DeferredApply((batch) => {
      batches.push(batch);
      applied();
    }, 5);
    const { updates, structs } = keystrokes(3);
    updates.forEach((update, i) => deferred.add(update, structs[i]!));
    expect(batches).toEqual([]);
    await done;
    expect(batches).toEqual([updates]);
  });

  it('knows the next clock of a client whose updates wait, and forgets it once applied', () => {
    const deferred = new DeferredApply(() => {}, 60_000);
    const { client, updates, structs } = keystrokes(2);
    expect(deferred.nextClock(client)).toBeUndefined();
    deferred.add(updates[0]!, structs[0]!);
    deferred.add(updates[1]!, structs[1]!);
    expect(deferred.nextClock(client)).toBe(2);
    deferred.flush();
    expect(deferred.nextClock(client)).toBeUndefined();
    deferred.cancel();
  });

  it('finds the waiting struct that holds a clock, until it is applied', () => {
    const deferred = new DeferredApply(() => {}, 60_000);
    const { client, updates, structs } = keystrokes(4);
    updates.forEach((update, i) => deferred.add(update, structs[i]!));
    for (let clock = 0; clock < 4; clock++) {
      expect(deferred.find(client, clock)?.id).toEqual(Y.createID(client, clock));
    }
    expect(deferred.find(client, 4)).toBeUndefined();
    expect(deferred.find(client + 1, 0)).toBeUndefined();
    deferred.flush();
    expect(deferred.find(client, 0)).toBeUndefined();
    deferred.cancel();
  });

  it('applies at once when the batch is full, and does nothing when nothing waits', () => {
    const batches: Array<readonly Uint8Array[]> = [];
    const deferred = new DeferredApply((batch) => batches.push(batch), 60_000, 2);
    deferred.flush();
    const { updates, structs } = keystrokes(3);
    deferred.add(updates[0]!, structs[0]!);
    deferred.add(updates[1]!, structs[1]!);
    expect(batches).toEqual([updates.slice(0, 2)]);
    deferred.add(updates[2]!, structs[2]!);
    deferred.cancel();
    deferred.flush();
    expect(batches).toEqual([updates.slice(0, 2), updates.slice(2)]);
  });
});
