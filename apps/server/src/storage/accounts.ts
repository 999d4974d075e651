import type { DocumentState, Role } from '@plenary/protocol';
import type { DocumentRecord } from './Storage.ts';

/**
 * What the access layer stores: accounts, sessions, API tokens, invitations, document members,
 * the approval state of each document, its frozen final versions and its audit log. Every
 * storage implements it (`Storage.accounts`) and passes the contract in `accountsContract.ts`.
 *
 * Secrets (session cookies, API tokens, invitation links) are stored only as SHA-256 hashes:
 * a copy of the database does not let anyone sign in.
 */
export interface UserRecord {
  id: string;
  /** Lower-cased, trimmed. */
  email: string;
  name: string;
  isAdmin: boolean;
  createdAt: string;
}

export interface NewUser extends UserRecord {
  passwordHash: string;
}

export type UserWithPassword = NewUser;

export interface SessionRecord {
  idHash: string;
  userId: string;
  csrfToken: string;
  createdAt: string;
  expiresAt: string;
}

export interface TokenRecord {
  id: string;
  userId: string;
  name: string;
  /** A token made for one document works on that document only. */
  documentId: string | null;
  createdAt: string;
  lastUsedAt: string | null;
}

export interface InvitationRecord {
  id: string;
  email: string;
  documentId: string | null;
  role: Role | null;
  delegation: string | null;
  invitedBy: string;
  createdAt: string;
  expiresAt: string;
  acceptedAt: string | null;
}

export interface MemberRecord {
  documentId: string;
  userId: string;
  email: string;
  name: string;
  role: Role;
  /** The co-host delegation this member approves for; null means the member's own name. */
  delegation: string | null;
  addedAt: string;
}

export interface StatusRecord {
  documentId: string;
  state: DocumentState;
  requestedBy: string | null;
  requestedAt: string | null;
  finalVersionId: string | null;
  changedAt: string | null;
}

export interface ApprovalRecord {
  documentId: string;
  delegation: string;
  userId: string;
  userName: string;
  approvedAt: string;
  /** The document's last committed sequence number when approved: the text approved. */
  seq: number;
}

export interface FinalVersionRecord {
  id: string;
  documentId: string;
  /** SHA-256 (hex) of the frozen content. */
  sha256: string;
  createdAt: string;
  content: Uint8Array;
}

export interface AuditEntry {
  id: number;
  documentId: string;
  at: string;
  actorId: string | null;
  actorName: string | null;
  action: string;
  detail: Record<string, unknown>;
}

export type NewAuditEntry = Omit<AuditEntry, 'id'>;

export interface AccountStore {
  countUsers(): Promise<number>;
  /** Creates the first account, atomically: null when any account exists already. */
  createFirstUser(user: NewUser): Promise<UserRecord | null>;
  getUser(id: string): Promise<UserWithPassword | null>;
  getUserByEmail(email: string): Promise<UserWithPassword | null>;
  setPassword(userId: string, passwordHash: string): Promise<void>;

  createSession(session: SessionRecord): Promise<void>;
  getSession(idHash: string): Promise<(SessionRecord & { user: UserRecord }) | null>;
  deleteSession(idHash: string): Promise<void>;
  /** Ends every session of a user but one; returns the ended sessions' hashes. */
  deleteSessionsOf(userId: string, exceptIdHash?: string): Promise<string[]>;
  deleteExpiredSessions(now: string): Promise<void>;

  createToken(token: TokenRecord & { tokenHash: string }): Promise<void>;
  getTokenByHash(tokenHash: string): Promise<(TokenRecord & { user: UserRecord }) | null>;
  listTokens(userId: string): Promise<TokenRecord[]>;
  /** True when the user had that token. */
  deleteToken(userId: string, id: string): Promise<boolean>;
  touchToken(id: string, at: string): Promise<void>;
  tokenExists(id: string): Promise<boolean>;

  createInvitation(invitation: InvitationRecord & { tokenHash: string }): Promise<void>;
  getInvitationByHash(tokenHash: string): Promise<InvitationRecord | null>;
  /** Invitations to a document not yet accepted (expired ones included; the caller filters). */
  listInvitations(documentId: string): Promise<InvitationRecord[]>;
  /**
   * In one transaction: marks the invitation used, creates the account and, for an invitation
   * to a document, adds the membership. Throws `InvitationUsedError` if it was used meanwhile,
   * `EmailTakenError` if the email has an account.
   */
  acceptInvitation(invitationId: string, user: NewUser): Promise<UserRecord>;

  getMember(documentId: string, userId: string): Promise<MemberRecord | null>;
  listMembers(documentId: string): Promise<MemberRecord[]>;
  /** Adds a member or changes their role and delegation. */
  putMember(member: Omit<MemberRecord, 'email' | 'name'>): Promise<void>;
  removeMember(documentId: string, userId: string): Promise<boolean>;
  /** Documents where the user has a role, most recently updated first. */
  listDocumentsOf(userId: string): Promise<Array<DocumentRecord & { role: Role }>>;

  /** A document's approval state; `draft` when nothing was ever recorded. */
  getStatus(documentId: string): Promise<StatusRecord>;
  /**
   * Compare-and-set: moves the document from `from` to the new state, only if it is in `from`
   * now. False when another request changed it first (two last approvals at once: one wins).
   */
  transitionStatus(from: DocumentState, next: StatusRecord): Promise<boolean>;
  listApprovals(documentId: string): Promise<ApprovalRecord[]>;
  /** Records (or replaces) the approval of one delegation. */
  putApproval(approval: Omit<ApprovalRecord, 'userName'>): Promise<void>;
  /** Removes every approval of a document; returns how many there were. */
  clearApprovals(documentId: string): Promise<number>;

  putFinalVersion(version: FinalVersionRecord & { createdBy: string }): Promise<void>;
  getFinalVersion(id: string): Promise<FinalVersionRecord | null>;
  findFinalVersion(documentId: string, sha256: string): Promise<FinalVersionRecord | null>;

  appendAudit(entry: NewAuditEntry): Promise<void>;
  /** Newest first. */
  listAudit(documentId: string, limit: number): Promise<AuditEntry[]>;
}

export class EmailTakenError extends Error {
  constructor(readonly email: string) {
    super(`an account exists for ${JSON.stringify(email)}`);
    this.name = 'EmailTakenError';
  }
}

export class InvitationUsedError extends Error {
  constructor(readonly invitationId: string) {
    super(`invitation ${invitationId} was already used`);
    this.name = 'InvitationUsedError';
  }
}
