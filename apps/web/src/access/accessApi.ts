import { isRole, type DocumentState, type Role } from '@plenary/protocol';
import { isDocumentState, isRecord, jsonBody, request } from '../api.ts';

/**
 * The document access endpoints of docs/access.md: members, the approval status and the audit
 * log. The parsers accept what they need and ignore the rest, so that a field the server adds
 * later breaks nothing.
 */
export interface Member {
  readonly userId: string;
  readonly email: string;
  readonly name: string;
  readonly role: Role;
  /** The delegation a co-host approves for; null means their own name. */
  readonly delegation: string | null;
}

export interface PendingInvitation {
  readonly id: string;
  readonly email: string;
  readonly role: Role | null;
  readonly delegation: string | null;
  readonly expiresAt: string | null;
}

export interface Members {
  readonly members: readonly Member[];
  readonly invitations: readonly PendingInvitation[];
}

/** What adding someone did: they had an account (member), or an invitation link was made. */
export type AddResult =
  | { readonly kind: 'member'; readonly member: Member }
  | {
      readonly kind: 'invitation';
      readonly email: string;
      readonly url: string;
      readonly expiresAt: string | null;
      /** The server also mailed the link (it has an SMTP server); `mailError` says why not, if it tried. */
      readonly mailed: boolean;
      readonly mailError: string | null;
    };

export interface Approval {
  readonly delegation: string;
  /** Who approved, and when (ISO 8601); null while the delegation has not approved this text. */
  readonly by: { readonly name: string; readonly at: string } | null;
}

export interface FinalVersion {
  readonly id: string;
  readonly sha256: string;
  readonly at: string | null;
}

export interface DocumentStatus {
  readonly state: DocumentState;
  /** One entry per co-host delegation whose approval the document needs. */
  readonly approvals: readonly Approval[];
  readonly finalVersion: FinalVersion | null;
}

export interface AuditRecord {
  readonly id: string;
  readonly at: string;
  readonly actor: string | null;
  readonly action: string;
  readonly detail: Readonly<Record<string, unknown>>;
}

const base = (documentId: string) => `/api/documents/${encodeURIComponent(documentId)}`;

export function getMembers(documentId: string, signal?: AbortSignal): Promise<Members> {
  return request(`${base(documentId)}/members`, { signal }, (body) => {
    if (!isRecord(body) || !Array.isArray(body.members))
      throw new TypeError(`Not a member list: ${JSON.stringify(body)}`);
    return {
      members: body.members.flatMap((entry: unknown) => parseMember(entry) ?? []),
      invitations: (Array.isArray(body.invitations) ? body.invitations : []).flatMap(
        (entry: unknown) => parseInvitation(entry) ?? [],
      ),
    };
  });
}

/** Adds a member or changes their role (a user has one role per document). */
export function putMember(
  documentId: string,
  input: { email: string; role: Role; delegation?: string | null },
): Promise<AddResult> {
  const body = {
    email: input.email,
    role: input.role,
    ...(input.delegation ? { delegation: input.delegation } : {}),
  };
  return request(`${base(documentId)}/members`, jsonBody('POST', body), (answer) => {
    if (isRecord(answer) && isRecord(answer.invitation)) {
      const invitation = answer.invitation;
      const url = typeof invitation.url === 'string' ? invitation.url : `/invite/${String(invitation.token)}`;
      return {
        kind: 'invitation',
        email: typeof invitation.email === 'string' ? invitation.email : input.email,
        url: new URL(url, window.location.origin).href,
        expiresAt: typeof invitation.expiresAt === 'string' ? invitation.expiresAt : null,
        mailed: invitation.mailed === true,
        mailError: text(invitation.mailError),
      };
    }
    const member = parseMember(isRecord(answer) ? answer.member : undefined);
    if (!member) throw new TypeError(`Not a member: ${JSON.stringify(answer)}`);
    return { kind: 'member', member };
  });
}

export function removeMember(documentId: string, email: string): Promise<void> {
  return request(`${base(documentId)}/members`, jsonBody('DELETE', { email }), () => undefined);
}

export function getStatus(documentId: string, signal?: AbortSignal): Promise<DocumentStatus> {
  return request(`${base(documentId)}/status`, { signal }, parseStatus);
}

export function requestApproval(documentId: string): Promise<DocumentStatus> {
  return request(`${base(documentId)}/finalize`, { method: 'POST' }, parseStatus);
}

/** Approves for the co-host's own delegation; an admin who is no co-host names the delegation. */
export function approve(documentId: string, delegation?: string): Promise<DocumentStatus> {
  return request(
    `${base(documentId)}/approvals`,
    jsonBody('POST', delegation ? { delegation } : {}),
    parseStatus,
  );
}

export function reopen(documentId: string, reason: string): Promise<DocumentStatus> {
  return request(`${base(documentId)}/reopen`, jsonBody('POST', reason ? { reason } : {}), parseStatus);
}

export function getAudit(documentId: string, signal?: AbortSignal): Promise<AuditRecord[]> {
  return request(`${base(documentId)}/audit`, { signal }, (body) => {
    if (!isRecord(body) || !Array.isArray(body.entries))
      throw new TypeError(`Not an audit log: ${JSON.stringify(body)}`);
    return body.entries.flatMap((entry: unknown) => parseAuditRecord(entry) ?? []);
  });
}

function parseMember(value: unknown): Member | undefined {
  if (!isRecord(value) || typeof value.userId !== 'string' || !isRole(value.role)) return undefined;
  return {
    userId: value.userId,
    email: text(value.email) ?? '',
    name: text(value.name) ?? '',
    role: value.role,
    delegation: text(value.delegation),
  };
}

function parseInvitation(value: unknown): PendingInvitation | undefined {
  if (!isRecord(value) || typeof value.email !== 'string') return undefined;
  return {
    id: text(value.id) ?? value.email,
    email: value.email,
    role: isRole(value.role) ? value.role : null,
    delegation: text(value.delegation),
    expiresAt: text(value.expiresAt),
  };
}

/**
 * The status answer: `state`, the delegations (names, or objects naming one) and the approvals
 * given (`{delegation, userName, approvedAt}`), and the final version once there is one.
 */
export function parseStatus(body: unknown): DocumentStatus {
  if (!isRecord(body) || !isDocumentState(body.state))
    throw new TypeError(`Not a status: ${JSON.stringify(body)}`);
  const given = (Array.isArray(body.approvals) ? body.approvals : []).flatMap((entry: unknown) => {
    if (!isRecord(entry)) return [];
    const delegation = text(entry.delegation);
    if (delegation === null) return [];
    const name = text(entry.userName) ?? text(entry.name) ?? text(entry.by) ?? '';
    const at = text(entry.approvedAt) ?? text(entry.at) ?? '';
    return [{ delegation, by: { name, at } }];
  });
  const delegations = (Array.isArray(body.delegations) ? body.delegations : []).flatMap((entry: unknown) => {
    const name =
      typeof entry === 'string'
        ? entry
        : isRecord(entry)
          ? (text(entry.delegation) ?? text(entry.name))
          : null;
    if (name === null) return [];
    // A delegation object may carry its own approval.
    const inline = isRecord(entry) && isRecord(entry.approval) ? entry.approval : null;
    const by = inline
      ? {
          name: text(inline.userName) ?? text(inline.name) ?? '',
          at: text(inline.approvedAt) ?? text(inline.at) ?? '',
        }
      : (given.find((approval) => approval.delegation === name)?.by ?? null);
    return [{ delegation: name, by }];
  });
  // Approvals of delegations the list does not name (a co-host removed since) still show.
  const approvals = [
    ...delegations,
    ...given.filter((approval) => !delegations.some((d) => d.delegation === approval.delegation)),
  ];
  const final = isRecord(body.finalVersion) ? body.finalVersion : isRecord(body.final) ? body.final : null;
  const finalVersion =
    final && typeof final.id === 'string'
      ? {
          id: final.id,
          sha256: text(final.sha256) ?? text(final.hash) ?? '',
          at: text(final.createdAt) ?? text(final.at),
        }
      : null;
  return { state: body.state, approvals, finalVersion };
}

function parseAuditRecord(value: unknown): AuditRecord | undefined {
  if (!isRecord(value) || typeof value.action !== 'string') return undefined;
  const actor = isRecord(value.actor) ? text(value.actor.name) : (text(value.actorName) ?? text(value.actor));
  return {
    id: String(value.id ?? `${String(value.at)}-${value.action}`),
    at: text(value.at) ?? '',
    actor,
    action: value.action,
    detail: isRecord(value.detail) ? value.detail : {},
  };
}

function text(value: unknown): string | null {
  return typeof value === 'string' ? value : null;
}
