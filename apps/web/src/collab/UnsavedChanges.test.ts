import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { UnsavedChanges, type CountStore } from './UnsavedChanges.ts';

const provider = { name: 'provider' };

function setup(initial = 0) {
  const doc = new Y.Doc();
  const saved: number[] = [];
  const store: CountStore = { load: () => initial, save: (count) => saved.push(count) };
  const unsaved = new UnsavedChanges(doc, { isRemote: (origin) => origin === provider, store });
  const type = (text: string, origin: unknown = null) =>
    doc.transact(() => doc.getText('t').insert(0, text), origin);
  return { doc, unsaved, saved, type };
}

describe('UnsavedChanges', () => {
  it('counts local edits made while not live, one per transaction', () => {
    const { unsaved, type } = setup();
    type('a');
    type('bc');
    expect(unsaved.count).toBe(2);
  });

  it('ignores edits while live and updates from remote origins', () => {
    const { unsaved, type } = setup();
    unsaved.setLive(true);
    type('a');
    unsaved.setLive(false);
    type('b', provider);
    expect(unsaved.count).toBe(0);
  });

  it('resets when the connection is live again, and persists every change', () => {
    const { unsaved, type, saved } = setup();
    type('a');
    type('b');
    unsaved.setLive(true);
    expect(unsaved.count).toBe(0);
    expect(saved).toEqual([1, 2, 0]);
  });

  it('starts from the persisted count after a reload', () => {
    const { unsaved, type } = setup(3);
    type('a');
    expect(unsaved.count).toBe(4);
  });

  it('stops counting once destroyed', () => {
    const { unsaved, type } = setup();
    unsaved.destroy();
    type('a');
    expect(unsaved.count).toBe(0);
  });
});
