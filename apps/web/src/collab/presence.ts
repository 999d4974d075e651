import { useSyncExternalStore } from 'react';
import type { Awareness } from 'y-protocols/awareness';
import { isHexColor } from '../identity.ts';

// Names come from other clients' awareness: bound what one can make the list show.
const MAX_NAME_LENGTH = 80;

export interface Participant {
  readonly clientId: number;
  readonly name: string;
  readonly color: string;
  readonly isSelf: boolean;
}

const FALLBACK_COLOR = '#5b6470';

/**
 * Everyone whose awareness state this client currently holds, you first, then by name.
 * Awareness states arrive from other clients unchecked, so each field is validated here rather
 * than trusted: a name is text only, capped, and a colour must be #rrggbb.
 */
export function participantsOf(awareness: Awareness): Participant[] {
  const self = awareness.clientID;
  const participants: Participant[] = [];
  for (const [clientId, state] of awareness.getStates()) {
    const user: unknown = state.user;
    if (typeof user !== 'object' || user === null) continue;
    const { name, color } = user as Record<string, unknown>;
    const cleanName = typeof name === 'string' ? name.trim().slice(0, MAX_NAME_LENGTH) : '';
    participants.push({
      clientId,
      name: cleanName || 'Anonymous',
      color: isHexColor(color) ? color : FALLBACK_COLOR,
      isSelf: clientId === self,
    });
  }
  return participants.sort(
    (a, b) => Number(b.isSelf) - Number(a.isSelf) || a.name.localeCompare(b.name) || a.clientId - b.clientId,
  );
}

const cache = new WeakMap<Awareness, Participant[]>();

/** The participants of a session, re-rendering when someone joins, leaves or changes name. */
export function useParticipants(awareness: Awareness): readonly Participant[] {
  return useSyncExternalStore(
    (onChange) => {
      const handleChange = () => {
        cache.set(awareness, participantsOf(awareness));
        onChange();
      };
      awareness.on('change', handleChange);
      return () => awareness.off('change', handleChange);
    },
    () => {
      let participants = cache.get(awareness);
      if (!participants) {
        participants = participantsOf(awareness);
        cache.set(awareness, participants);
      }
      return participants;
    },
  );
}
