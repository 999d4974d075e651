import type { Role } from '@plenary/protocol';
import type {
  FinalVersionRecord,
  InvitationRecord,
  MemberRecord,
  TokenRecord,
  UserRecord,
  UserWithPassword,
} from './accounts.ts';

/** The SQLite tables of the account store (`sqliteAccounts.ts`) and how their rows read back. */
export const ACCOUNTS_SCHEMA = `
CREATE TABLE IF NOT EXISTS users (
  id TEXT PRIMARY KEY,
  email TEXT NOT NULL UNIQUE,
  name TEXT NOT NULL,
  password_hash TEXT NOT NULL,
  is_admin INTEGER NOT NULL DEFAULT 0,
  created_at TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS auth_sessions (
  id_hash TEXT PRIMARY KEY,
  user_id TEXT NOT NULL REFERENCES users(id) ON DELETE CASCADE,
  csrf_token TEXT NOT NULL,
  created_at TEXT NOT NULL,
  expires_at TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS auth_sessions_by_user ON auth_sessions(user_id);
CREATE TABLE IF NOT EXISTS api_tokens (
  id TEXT PRIMARY KEY,
  user_id TEXT NOT NULL REFERENCES users(id) ON DELETE CASCADE,
  name TEXT NOT NULL,
  token_hash TEXT NOT NULL UNIQUE,
  document_id TEXT,
  created_at TEXT NOT NULL,
  last_used_at TEXT
);
CREATE TABLE IF NOT EXISTS invitations (
  id TEXT PRIMARY KEY,
  token_hash TEXT NOT NULL UNIQUE,
  email TEXT NOT NULL,
  document_id TEXT REFERENCES documents(id) ON DELETE CASCADE,
  role TEXT,
  delegation TEXT,
  invited_by TEXT NOT NULL,
  created_at TEXT NOT NULL,
  expires_at TEXT NOT NULL,
  accepted_at TEXT
);
CREATE TABLE IF NOT EXISTS members (
  document_id TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
  user_id TEXT NOT NULL REFERENCES users(id) ON DELETE CASCADE,
  role TEXT NOT NULL,
  delegation TEXT,
  added_at TEXT NOT NULL,
  PRIMARY KEY (document_id, user_id)
);
CREATE INDEX IF NOT EXISTS members_by_user ON members(user_id);
CREATE TABLE IF NOT EXISTS document_status (
  document_id TEXT PRIMARY KEY REFERENCES documents(id) ON DELETE CASCADE,
  state TEXT NOT NULL,
  requested_by TEXT,
  requested_at TEXT,
  final_version_id TEXT,
  changed_at TEXT
);
CREATE TABLE IF NOT EXISTS approvals (
  document_id TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
  delegation TEXT NOT NULL,
  user_id TEXT NOT NULL REFERENCES users(id) ON DELETE CASCADE,
  approved_at TEXT NOT NULL,
  seq INTEGER NOT NULL,
  PRIMARY KEY (document_id, delegation)
);
CREATE TABLE IF NOT EXISTS final_versions (
  id TEXT PRIMARY KEY,
  document_id TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
  sha256 TEXT NOT NULL,
  content BLOB NOT NULL,
  created_at TEXT NOT NULL,
  created_by TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS final_versions_by_hash ON final_versions(document_id, sha256);
CREATE TABLE IF NOT EXISTS audit_log (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  document_id TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
  at TEXT NOT NULL,
  actor_id TEXT,
  actor_name TEXT,
  action TEXT NOT NULL,
  detail TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS audit_log_by_document ON audit_log(document_id, id);
`;

export interface UserRow {
  id: string;
  email: string;
  name: string;
  password_hash: string;
  is_admin: number;
  created_at: string;
}

export const toUser = (row: UserRow): UserWithPassword => ({
  id: row.id,
  email: row.email,
  name: row.name,
  isAdmin: row.is_admin === 1,
  createdAt: row.created_at,
  passwordHash: row.password_hash,
});

export const publicUser = ({ passwordHash: _, ...user }: UserWithPassword): UserRecord => user;

export interface TokenRow {
  id: string;
  user_id: string;
  name: string;
  document_id: string | null;
  created_at: string;
  last_used_at: string | null;
}

export const toToken = (row: TokenRow): TokenRecord => ({
  id: row.id,
  userId: row.user_id,
  name: row.name,
  documentId: row.document_id,
  createdAt: row.created_at,
  lastUsedAt: row.last_used_at,
});

export interface InvitationRow {
  id: string;
  email: string;
  document_id: string | null;
  role: string | null;
  delegation: string | null;
  invited_by: string;
  created_at: string;
  expires_at: string;
  accepted_at: string | null;
}

export const toInvitation = (row: InvitationRow): InvitationRecord => ({
  id: row.id,
  email: row.email,
  documentId: row.document_id,
  role: row.role as Role | null,
  delegation: row.delegation,
  invitedBy: row.invited_by,
  createdAt: row.created_at,
  expiresAt: row.expires_at,
  acceptedAt: row.accepted_at,
});

export interface MemberRow {
  document_id: string;
  user_id: string;
  email: string;
  name: string;
  role: string;
  delegation: string | null;
  added_at: string;
}

export const toMember = (row: MemberRow): MemberRecord => ({
  documentId: row.document_id,
  userId: row.user_id,
  email: row.email,
  name: row.name,
  role: row.role as Role,
  delegation: row.delegation,
  addedAt: row.added_at,
});

export interface FinalVersionRow {
  id: string;
  document_id: string;
  sha256: string;
  content: Buffer;
  created_at: string;
}

export const toFinalVersion = (row: FinalVersionRow): FinalVersionRecord => ({
  id: row.id,
  documentId: row.document_id,
  sha256: row.sha256,
  createdAt: row.created_at,
  content: new Uint8Array(row.content.buffer, row.content.byteOffset, row.content.byteLength),
});

export const MEMBER_COLUMNS = 'm.document_id, m.user_id, u.email, u.name, m.role, m.delegation, m.added_at';
