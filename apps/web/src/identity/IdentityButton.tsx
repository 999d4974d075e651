import type { Identity } from '../identity.ts';
import { Avatar } from './Avatar.tsx';

/** The header's "this is you" control; opens the identity dialog. */
export function IdentityButton({
  identity,
  onEdit,
}: {
  readonly identity: Identity;
  readonly onEdit: () => void;
}) {
  return (
    <button
      type="button"
      className="identity-button"
      onClick={onEdit}
      aria-label={`You are ${identity.name}. Change your name or colour`}
      title="Change your name or colour"
    >
      <Avatar name={identity.name} color={identity.color} />
      <span className="identity-button__name">{identity.name}</span>
    </button>
  );
}
