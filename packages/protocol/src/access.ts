/**
 * Roles a user can hold on a document, and what each may do (docs/access.md). The server
 * enforces this matrix on REST and on the websocket; the web app reads it to show only what
 * the user can do.
 */
export const ROLES = ['co-host', 'rapporteur', 'secretariat', 'observer'] as const;
export type Role = (typeof ROLES)[number];

export const ACTIONS = [
  /** Read the document, export drafts, join its websocket, see its members and status. */
  'read',
  /** Change the text and tag recommendations. */
  'edit',
  /** Change the meeting details, the sessions and the document settings. */
  'structure',
  /** Add, change and remove members; invite to the document. */
  'manageMembers',
  /** Ask the co-hosts to approve the text (finalize). */
  'requestApproval',
  /** Approve the text for one's delegation. */
  'approve',
  /** Unlock a final document. */
  'reopen',
  /** Export a final copy. */
  'exportFinal',
  /** Read the audit log. */
  'readAudit',
] as const;
export type Action = (typeof ACTIONS)[number];

export const ROLE_PERMISSIONS: Readonly<Record<Role, ReadonlySet<Action>>> = {
  'co-host': new Set(['read', 'edit', 'manageMembers', 'approve', 'reopen', 'exportFinal', 'readAudit']),
  rapporteur: new Set(['read', 'edit']),
  secretariat: new Set(['read', 'edit', 'structure', 'requestApproval', 'exportFinal', 'readAudit']),
  observer: new Set(['read']),
};

export function isRole(value: unknown): value is Role {
  return typeof value === 'string' && (ROLES as readonly string[]).includes(value);
}

/** Whether a user with `role` (or an admin) may do `action`. No role and not admin: nothing. */
export function can(access: { role: Role | null; isAdmin: boolean }, action: Action): boolean {
  if (access.isAdmin) return true;
  return access.role !== null && ROLE_PERMISSIONS[access.role].has(action);
}

/** Where a document stands in the approval process. */
export type DocumentState = 'draft' | 'pending' | 'final';

/** Top-level shared types of a document that only the `structure` right may change. */
export const STRUCTURE_FIELDS = ['meeting', 'sessions', 'settings'] as const;
