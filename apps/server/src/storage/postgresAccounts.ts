import type pg from 'pg';
import type { DocumentState, Role } from '@plenary/protocol';
import {
  EmailTakenError,
  InvitationUsedError,
  type AccountStore,
  type ApprovalRecord,
  type AuditEntry,
  type FinalVersionRecord,
  type InvitationRecord,
  type MemberRecord,
  type NewAuditEntry,
  type NewUser,
  type SessionRecord,
  type StatusRecord,
  type TokenRecord,
  type UserRecord,
  type UserWithPassword,
} from './accounts.ts';
import type { DocumentRecord } from './Storage.ts';

/** Runs `work` in one transaction on one pooled connection. */
export async function inTransaction<T>(
  pool: pg.Pool,
  work: (client: pg.PoolClient) => Promise<T>,
): Promise<T> {
  const client = await pool.connect();
  try {
    await client.query('BEGIN');
    const result = await work(client);
    await client.query('COMMIT');
    return result;
  } catch (error) {
    await client.query('ROLLBACK').catch(() => {});
    throw error;
  } finally {
    client.release();
  }
}

type Row = Record<string, unknown>;
const iso = (value: unknown): string => (value as Date).toISOString();
const isoOrNull = (value: unknown): string | null => (value === null ? null : iso(value));
const str = (value: unknown): string => value as string;
const strOrNull = (value: unknown): string | null => (value as string | null) ?? null;

const toUser = (r: Row): UserWithPassword => ({
  id: str(r.id),
  email: str(r.email),
  name: str(r.name),
  isAdmin: r.is_admin === true,
  createdAt: iso(r.created_at),
  passwordHash: str(r.password_hash),
});

const publicUser = ({ passwordHash: _, ...user }: UserWithPassword): UserRecord => user;

const toToken = (r: Row): TokenRecord => ({
  id: str(r.id),
  userId: str(r.user_id),
  name: str(r.name),
  documentId: strOrNull(r.document_id),
  createdAt: iso(r.created_at),
  lastUsedAt: isoOrNull(r.last_used_at),
});

const toInvitation = (r: Row): InvitationRecord => ({
  id: str(r.id),
  email: str(r.email),
  documentId: strOrNull(r.document_id),
  role: strOrNull(r.role) as Role | null,
  delegation: strOrNull(r.delegation),
  invitedBy: str(r.invited_by),
  createdAt: iso(r.created_at),
  expiresAt: iso(r.expires_at),
  acceptedAt: isoOrNull(r.accepted_at),
});

const toMember = (r: Row): MemberRecord => ({
  documentId: str(r.document_id),
  userId: str(r.user_id),
  email: str(r.email),
  name: str(r.name),
  role: str(r.role) as Role,
  delegation: strOrNull(r.delegation),
  addedAt: iso(r.added_at),
});

const toFinalVersion = (r: Row): FinalVersionRecord => {
  const content = r.content as Buffer;
  return {
    id: str(r.id),
    documentId: str(r.document_id),
    sha256: str(r.sha256),
    createdAt: iso(r.created_at),
    content: new Uint8Array(content.buffer, content.byteOffset, content.byteLength),
  };
};

const MEMBER_COLUMNS = 'm.document_id, m.user_id, u.email, u.name, m.role, m.delegation, m.added_at';

/** The account tables of `PostgresStorage` (migration 1700000000002_accounts.sql). */
export class PostgresAccounts implements AccountStore {
  constructor(private readonly pool: pg.Pool) {}

  private async rows(sql: string, params: unknown[] = []): Promise<Row[]> {
    return (await this.pool.query<Row>(sql, params)).rows;
  }

  private static async insertUser(client: pg.PoolClient | pg.Pool, user: NewUser): Promise<void> {
    try {
      await client.query(
        'INSERT INTO users (id, email, name, password_hash, is_admin, created_at) VALUES ($1, $2, $3, $4, $5, $6)',
        [user.id, user.email, user.name, user.passwordHash, user.isAdmin, user.createdAt],
      );
    } catch (error) {
      if ((error as { code?: string }).code === '23505') throw new EmailTakenError(user.email);
      throw error;
    }
  }

  async countUsers(): Promise<number> {
    return Number((await this.rows('SELECT count(*) AS n FROM users'))[0]!.n);
  }

  async createFirstUser(user: NewUser): Promise<UserRecord | null> {
    return inTransaction(this.pool, async (client) => {
      // Two instances running setup at once: the table lock makes the second see the first.
      await client.query('LOCK TABLE users IN SHARE ROW EXCLUSIVE MODE');
      const { rows } = await client.query<Row>('SELECT count(*) AS n FROM users');
      if (Number(rows[0]!.n) > 0) return null;
      await PostgresAccounts.insertUser(client, user);
      return publicUser(user);
    });
  }

  async getUser(id: string): Promise<UserWithPassword | null> {
    const [row] = await this.rows('SELECT * FROM users WHERE id = $1', [id]);
    return row ? toUser(row) : null;
  }

  async getUserByEmail(email: string): Promise<UserWithPassword | null> {
    const [row] = await this.rows('SELECT * FROM users WHERE email = $1', [email]);
    return row ? toUser(row) : null;
  }

  async setPassword(userId: string, passwordHash: string): Promise<void> {
    await this.pool.query('UPDATE users SET password_hash = $1 WHERE id = $2', [passwordHash, userId]);
  }

  async createSession(s: SessionRecord): Promise<void> {
    await this.pool.query(
      'INSERT INTO auth_sessions (id_hash, user_id, csrf_token, created_at, expires_at) VALUES ($1, $2, $3, $4, $5)',
      [s.idHash, s.userId, s.csrfToken, s.createdAt, s.expiresAt],
    );
  }

  async getSession(idHash: string): Promise<(SessionRecord & { user: UserRecord }) | null> {
    const [row] = await this.rows(
      `SELECT s.id_hash, s.csrf_token, s.created_at AS s_created_at, s.expires_at, u.*
       FROM auth_sessions s JOIN users u ON u.id = s.user_id WHERE s.id_hash = $1`,
      [idHash],
    );
    if (!row) return null;
    return {
      idHash: str(row.id_hash),
      userId: str(row.id),
      csrfToken: str(row.csrf_token),
      createdAt: iso(row.s_created_at),
      expiresAt: iso(row.expires_at),
      user: publicUser(toUser(row)),
    };
  }

  async deleteSession(idHash: string): Promise<void> {
    await this.pool.query('DELETE FROM auth_sessions WHERE id_hash = $1', [idHash]);
  }

  async deleteSessionsOf(userId: string, exceptIdHash?: string): Promise<string[]> {
    const rows = await this.rows(
      'DELETE FROM auth_sessions WHERE user_id = $1 AND id_hash IS DISTINCT FROM $2 RETURNING id_hash',
      [userId, exceptIdHash ?? null],
    );
    return rows.map((row) => str(row.id_hash));
  }

  async deleteExpiredSessions(now: string): Promise<void> {
    await this.pool.query('DELETE FROM auth_sessions WHERE expires_at <= $1', [now]);
  }

  async createToken(t: TokenRecord & { tokenHash: string }): Promise<void> {
    await this.pool.query(
      `INSERT INTO api_tokens (id, user_id, name, token_hash, document_id, created_at, last_used_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7)`,
      [t.id, t.userId, t.name, t.tokenHash, t.documentId, t.createdAt, t.lastUsedAt],
    );
  }

  async getTokenByHash(tokenHash: string): Promise<(TokenRecord & { user: UserRecord }) | null> {
    const [row] = await this.rows(
      `SELECT t.id AS t_id, t.name AS t_name, t.document_id, t.created_at AS t_created_at, t.last_used_at, u.*
       FROM api_tokens t JOIN users u ON u.id = t.user_id WHERE t.token_hash = $1`,
      [tokenHash],
    );
    if (!row) return null;
    return {
      id: str(row.t_id),
      userId: str(row.id),
      name: str(row.t_name),
      documentId: strOrNull(row.document_id),
      createdAt: iso(row.t_created_at),
      lastUsedAt: isoOrNull(row.last_used_at),
      user: publicUser(toUser(row)),
    };
  }

  async listTokens(userId: string): Promise<TokenRecord[]> {
    return (
      await this.rows('SELECT * FROM api_tokens WHERE user_id = $1 ORDER BY created_at, id', [userId])
    ).map(toToken);
  }

  async deleteToken(userId: string, id: string): Promise<boolean> {
    const result = await this.pool.query('DELETE FROM api_tokens WHERE user_id = $1 AND id = $2', [
      userId,
      id,
    ]);
    return (result.rowCount ?? 0) > 0;
  }

  async touchToken(id: string, at: string): Promise<void> {
    await this.pool.query('UPDATE api_tokens SET last_used_at = $1 WHERE id = $2', [at, id]);
  }

  async tokenExists(id: string): Promise<boolean> {
    return (await this.rows('SELECT 1 FROM api_tokens WHERE id = $1', [id])).length > 0;
  }

  async createInvitation(i: InvitationRecord & { tokenHash: string }): Promise<void> {
    await this.pool.query(
      `INSERT INTO invitations (id, token_hash, email, document_id, role, delegation, invited_by, created_at, expires_at, accepted_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)`,
      [
        i.id,
        i.tokenHash,
        i.email,
        i.documentId,
        i.role,
        i.delegation,
        i.invitedBy,
        i.createdAt,
        i.expiresAt,
        i.acceptedAt,
      ],
    );
  }

  async getInvitationByHash(tokenHash: string): Promise<InvitationRecord | null> {
    const [row] = await this.rows('SELECT * FROM invitations WHERE token_hash = $1', [tokenHash]);
    return row ? toInvitation(row) : null;
  }

  async listInvitations(documentId: string): Promise<InvitationRecord[]> {
    return (
      await this.rows(
        'SELECT * FROM invitations WHERE document_id = $1 AND accepted_at IS NULL ORDER BY created_at, id',
        [documentId],
      )
    ).map(toInvitation);
  }

  async acceptInvitation(invitationId: string, user: NewUser): Promise<UserRecord> {
    return inTransaction(this.pool, async (client) => {
      // The row update is the one-time gate: of two accepts at once, one changes the row.
      const { rows } = await client.query<Row>(
        'UPDATE invitations SET accepted_at = $1 WHERE id = $2 AND accepted_at IS NULL RETURNING *',
        [user.createdAt, invitationId],
      );
      const invitation = rows[0];
      if (!invitation) throw new InvitationUsedError(invitationId);
      await PostgresAccounts.insertUser(client, user);
      if (invitation.document_id && invitation.role) {
        await client.query(
          'INSERT INTO members (document_id, user_id, role, delegation, added_at) VALUES ($1, $2, $3, $4, $5)',
          [invitation.document_id, user.id, invitation.role, invitation.delegation, user.createdAt],
        );
      }
      return publicUser(user);
    });
  }

  async getMember(documentId: string, userId: string): Promise<MemberRecord | null> {
    const [row] = await this.rows(
      `SELECT ${MEMBER_COLUMNS} FROM members m JOIN users u ON u.id = m.user_id WHERE m.document_id = $1 AND m.user_id = $2`,
      [documentId, userId],
    );
    return row ? toMember(row) : null;
  }

  async listMembers(documentId: string): Promise<MemberRecord[]> {
    return (
      await this.rows(
        `SELECT ${MEMBER_COLUMNS} FROM members m JOIN users u ON u.id = m.user_id WHERE m.document_id = $1
         ORDER BY m.added_at, u.email`,
        [documentId],
      )
    ).map(toMember);
  }

  async putMember(m: Omit<MemberRecord, 'email' | 'name'>): Promise<void> {
    await this.pool.query(
      `INSERT INTO members (document_id, user_id, role, delegation, added_at) VALUES ($1, $2, $3, $4, $5)
       ON CONFLICT (document_id, user_id) DO UPDATE SET role = EXCLUDED.role, delegation = EXCLUDED.delegation`,
      [m.documentId, m.userId, m.role, m.delegation, m.addedAt],
    );
  }

  async removeMember(documentId: string, userId: string): Promise<boolean> {
    const result = await this.pool.query('DELETE FROM members WHERE document_id = $1 AND user_id = $2', [
      documentId,
      userId,
    ]);
    return (result.rowCount ?? 0) > 0;
  }

  async listDocumentsOf(userId: string): Promise<Array<DocumentRecord & { role: Role }>> {
    const rows = await this.rows(
      `SELECT d.id, d.title, d.created_at, d.updated_at, m.role FROM members m JOIN documents d ON d.id = m.document_id
       WHERE m.user_id = $1 ORDER BY d.updated_at DESC, d.id`,
      [userId],
    );
    return rows.map((r) => ({
      id: str(r.id),
      title: str(r.title),
      createdAt: iso(r.created_at),
      updatedAt: iso(r.updated_at),
      role: str(r.role) as Role,
    }));
  }

  async getStatus(documentId: string): Promise<StatusRecord> {
    const [row] = await this.rows('SELECT * FROM document_status WHERE document_id = $1', [documentId]);
    if (!row) {
      return {
        documentId,
        state: 'draft',
        requestedBy: null,
        requestedAt: null,
        finalVersionId: null,
        changedAt: null,
      };
    }
    return {
      documentId,
      state: str(row.state) as DocumentState,
      requestedBy: strOrNull(row.requested_by),
      requestedAt: isoOrNull(row.requested_at),
      finalVersionId: strOrNull(row.final_version_id),
      changedAt: isoOrNull(row.changed_at),
    };
  }

  async transitionStatus(from: DocumentState, next: StatusRecord): Promise<boolean> {
    const values = [
      next.documentId,
      next.state,
      next.requestedBy,
      next.requestedAt,
      next.finalVersionId,
      next.changedAt,
      from,
    ];
    // A document never recorded is a draft: the insert covers that case, the conditional update
    // the rest; both in one statement, so two requests at once cannot both succeed.
    const result = await this.pool.query(
      `INSERT INTO document_status (document_id, state, requested_by, requested_at, final_version_id, changed_at)
       SELECT $1, $2, $3, $4::timestamptz, $5, $6::timestamptz WHERE $7 = 'draft'
       ON CONFLICT (document_id) DO UPDATE SET state = EXCLUDED.state, requested_by = EXCLUDED.requested_by,
         requested_at = EXCLUDED.requested_at, final_version_id = EXCLUDED.final_version_id, changed_at = EXCLUDED.changed_at
       WHERE document_status.state = $7`,
      values,
    );
    if ((result.rowCount ?? 0) > 0) return true;
    if (from === 'draft') return false;
    const updated = await this.pool.query(
      `UPDATE document_status SET state = $2, requested_by = $3, requested_at = $4, final_version_id = $5, changed_at = $6
       WHERE document_id = $1 AND state = $7`,
      values,
    );
    return (updated.rowCount ?? 0) > 0;
  }

  async listApprovals(documentId: string): Promise<ApprovalRecord[]> {
    const rows = await this.rows(
      `SELECT a.document_id, a.delegation, a.user_id, u.name, a.approved_at, a.seq FROM approvals a
       JOIN users u ON u.id = a.user_id WHERE a.document_id = $1 ORDER BY a.approved_at, a.delegation`,
      [documentId],
    );
    return rows.map((r) => ({
      documentId: str(r.document_id),
      delegation: str(r.delegation),
      userId: str(r.user_id),
      userName: str(r.name),
      approvedAt: iso(r.approved_at),
      seq: Number(r.seq),
    }));
  }

  async putApproval(a: Omit<ApprovalRecord, 'userName'>): Promise<void> {
    await this.pool.query(
      `INSERT INTO approvals (document_id, delegation, user_id, approved_at, seq) VALUES ($1, $2, $3, $4, $5)
       ON CONFLICT (document_id, delegation) DO UPDATE SET user_id = EXCLUDED.user_id,
         approved_at = EXCLUDED.approved_at, seq = EXCLUDED.seq`,
      [a.documentId, a.delegation, a.userId, a.approvedAt, a.seq],
    );
  }

  async clearApprovals(documentId: string): Promise<number> {
    return (
      (await this.pool.query('DELETE FROM approvals WHERE document_id = $1', [documentId])).rowCount ?? 0
    );
  }

  async putFinalVersion(v: FinalVersionRecord & { createdBy: string }): Promise<void> {
    await this.pool.query(
      'INSERT INTO final_versions (id, document_id, sha256, content, created_at, created_by) VALUES ($1, $2, $3, $4, $5, $6)',
      [v.id, v.documentId, v.sha256, Buffer.from(v.content), v.createdAt, v.createdBy],
    );
  }

  async getFinalVersion(id: string): Promise<FinalVersionRecord | null> {
    const [row] = await this.rows('SELECT * FROM final_versions WHERE id = $1', [id]);
    return row ? toFinalVersion(row) : null;
  }

  async findFinalVersion(documentId: string, sha256: string): Promise<FinalVersionRecord | null> {
    const [row] = await this.rows(
      'SELECT * FROM final_versions WHERE document_id = $1 AND sha256 = $2 ORDER BY created_at DESC LIMIT 1',
      [documentId, sha256],
    );
    return row ? toFinalVersion(row) : null;
  }

  async appendAudit(e: NewAuditEntry): Promise<void> {
    await this.pool.query(
      'INSERT INTO audit_log (document_id, at, actor_id, actor_name, action, detail) VALUES ($1, $2, $3, $4, $5, $6)',
      [e.documentId, e.at, e.actorId, e.actorName, e.action, JSON.stringify(e.detail)],
    );
  }

  async listAudit(documentId: string, limit: number): Promise<AuditEntry[]> {
    const rows = await this.rows('SELECT * FROM audit_log WHERE document_id = $1 ORDER BY id DESC LIMIT $2', [
      documentId,
      limit,
    ]);
    return rows.map((r) => ({
      id: Number(r.id),
      documentId: str(r.document_id),
      at: iso(r.at),
      actorId: strOrNull(r.actor_id),
      actorName: strOrNull(r.actor_name),
      action: str(r.action),
      detail: r.detail as Record<string, unknown>,
    }));
  }
}
