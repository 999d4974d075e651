import type { DocumentState, Role } from '@plenary/protocol';

/** Roles as people read them. */
export const ROLE_LABELS: Readonly<Record<Role, string>> = {
  'co-host': 'Co-host',
  rapporteur: 'Rapporteur',
  secretariat: 'Secretariat',
  observer: 'Observer',
};

/** What each role may do, in one line, for the role pickers. */
export const ROLE_DESCRIPTIONS: Readonly<Record<Role, string>> = {
  'co-host': 'Edits, manages members, approves for a delegation, reopens',
  rapporteur: 'Edits the text and tags recommendations',
  secretariat: 'Edits, manages the structure, requests approval',
  observer: 'Reads only',
};

export const STATE_LABELS: Readonly<Record<DocumentState, string>> = {
  draft: 'Draft',
  pending: 'Awaiting approval',
  final: 'Final',
};

/** "Admin" for an administrator without a role on the document. */
export function roleLabel(role: Role | null, isAdmin = false): string {
  if (role) return ROLE_LABELS[role];
  return isAdmin ? 'Admin' : 'No role';
}
