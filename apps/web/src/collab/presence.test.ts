import { describe, expect, it } from 'vitest';
import { Awareness } from 'y-protocols/awareness';
import * as Y from 'yjs';
import { participantsOf } from './presence.ts';

describe('participantsOf', () => {
  it('lists you first, then others by name, with unsafe fields replaced', () => {
    const awareness = new Awareness(new Y.Doc());
    awareness.setLocalStateField('user', { name: 'Zoe', color: '#1f5fa8' });
    awareness.states.set(101, { user: { name: 'Kenji', color: '#0f766e' } });
    awareness.states.set(102, { user: { name: 'Amina', color: 'url(javascript:alert(1))' } });
    awareness.states.set(103, { user: { name: 42, color: '#2e7d32' } });
    awareness.states.set(104, {});

    expect(participantsOf(awareness).map(({ name, color, isSelf }) => ({ name, color, isSelf }))).toEqual([
      { name: 'Zoe', color: '#1f5fa8', isSelf: true },
      { name: 'Amina', color: '#5b6470', isSelf: false },
      { name: 'Anonymous', color: '#2e7d32', isSelf: false },
      { name: 'Kenji', color: '#0f766e', isSelf: false },
    ]);
    awareness.destroy();
  });
});
