import type { Awareness } from 'y-protocols/awareness';
import { Avatar } from '../identity/Avatar.tsx';
import { useParticipants } from './presence.ts';

/**
 * "Who is here": everyone with the document open, from awareness. While offline only you are
 * listed: the provider drops the others' states when the connection goes, rather than showing
 * people who may have left.
 */
export function PresenceList({
  awareness,
  connected,
}: {
  readonly awareness: Awareness;
  readonly connected: boolean;
}) {
  const participants = useParticipants(awareness);
  return (
    <section className="presence" aria-labelledby="presence-title">
      <h2 id="presence-title" className="presence__title">
        Who is here <span className="presence__count">{participants.length}</span>
      </h2>
      <ul className="presence__list">
        {participants.map((participant) => (
          <li
            key={participant.clientId}
            className="presence__person"
            data-self={participant.isSelf || undefined}
          >
            <Avatar name={participant.name} color={participant.color} size="small" />
            <span className="presence__name">{participant.name}</span>
            {participant.isSelf && <span className="presence__you">you</span>}
          </li>
        ))}
      </ul>
      {!connected && <p className="presence__note">Others appear here once you are connected.</p>}
    </section>
  );
}
