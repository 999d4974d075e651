import type Database from 'better-sqlite3';
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
import {
  ACCOUNTS_SCHEMA,
  MEMBER_COLUMNS,
  publicUser,
  toFinalVersion,
  toInvitation,
  toMember,
  toToken,
  toUser,
  type FinalVersionRow,
  type InvitationRow,
  type MemberRow,
  type TokenRow,
  type UserRow,
} from './sqliteAccountRows.ts';
/** The account tables of `SqliteStorage`, in the same database file. */
export class SqliteAccounts implements AccountStore {
  private readonly s;

  constructor(private readonly db: Database.Database) {
    db.exec(ACCOUNTS_SCHEMA);
    this.s = {
      countUsers: db.prepare<[], { n: number }>('SELECT count(*) AS n FROM users'),
      insertUser: db.prepare(
        'INSERT INTO users (id, email, name, password_hash, is_admin, created_at) VALUES (?, ?, ?, ?, ?, ?)',
      ),
      getUser: db.prepare<[string], UserRow>('SELECT * FROM users WHERE id = ?'),
      getUserByEmail: db.prepare<[string], UserRow>('SELECT * FROM users WHERE email = ?'),
      setPassword: db.prepare('UPDATE users SET password_hash = ? WHERE id = ?'),
      insertSession: db.prepare(
        'INSERT INTO auth_sessions (id_hash, user_id, csrf_token, created_at, expires_at) VALUES (?, ?, ?, ?, ?)',
      ),
      getSession: db.prepare<
        [string],
        UserRow & {
          id_hash: string;
          user_id: string;
          csrf_token: string;
          s_created_at: string;
          expires_at: string;
        }
      >(
        `SELECT s.id_hash, s.user_id, s.csrf_token, s.created_at AS s_created_at, s.expires_at, u.*
         FROM auth_sessions s JOIN users u ON u.id = s.user_id WHERE s.id_hash = ?`,
      ),
      deleteSession: db.prepare('DELETE FROM auth_sessions WHERE id_hash = ?'),
      sessionsOf: db.prepare<[string], { id_hash: string }>(
        'SELECT id_hash FROM auth_sessions WHERE user_id = ?',
      ),
      deleteExpiredSessions: db.prepare('DELETE FROM auth_sessions WHERE expires_at <= ?'),
      insertToken: db.prepare(
        `INSERT INTO api_tokens (id, user_id, name, token_hash, document_id, created_at, last_used_at)
         VALUES (?, ?, ?, ?, ?, ?, ?)`,
      ),
      getTokenByHash: db.prepare<
        [string],
        UserRow & {
          t_id: string;
          t_name: string;
          document_id: string | null;
          t_created_at: string;
          last_used_at: string | null;
        }
      >(
        `SELECT t.id AS t_id, t.name AS t_name, t.document_id, t.created_at AS t_created_at, t.last_used_at, u.*
         FROM api_tokens t JOIN users u ON u.id = t.user_id WHERE t.token_hash = ?`,
      ),
      listTokens: db.prepare<[string], TokenRow>(
        'SELECT id, user_id, name, document_id, created_at, last_used_at FROM api_tokens WHERE user_id = ? ORDER BY created_at, id',
      ),
      deleteToken: db.prepare('DELETE FROM api_tokens WHERE user_id = ? AND id = ?'),
      touchToken: db.prepare('UPDATE api_tokens SET last_used_at = ? WHERE id = ?'),
      tokenExists: db.prepare<[string], { n: number }>('SELECT count(*) AS n FROM api_tokens WHERE id = ?'),
      insertInvitation: db.prepare(
        `INSERT INTO invitations (id, token_hash, email, document_id, role, delegation, invited_by, created_at, expires_at, accepted_at)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      ),
      getInvitationByHash: db.prepare<[string], InvitationRow>(
        'SELECT * FROM invitations WHERE token_hash = ?',
      ),
      getInvitation: db.prepare<[string], InvitationRow>('SELECT * FROM invitations WHERE id = ?'),
      listInvitations: db.prepare<[string], InvitationRow>(
        'SELECT * FROM invitations WHERE document_id = ? AND accepted_at IS NULL ORDER BY created_at, id',
      ),
      useInvitation: db.prepare(
        'UPDATE invitations SET accepted_at = ? WHERE id = ? AND accepted_at IS NULL',
      ),
      getMember: db.prepare<[string, string], MemberRow>(
        `SELECT ${MEMBER_COLUMNS} FROM members m JOIN users u ON u.id = m.user_id WHERE m.document_id = ? AND m.user_id = ?`,
      ),
      listMembers: db.prepare<[string], MemberRow>(
        `SELECT ${MEMBER_COLUMNS} FROM members m JOIN users u ON u.id = m.user_id WHERE m.document_id = ?
         ORDER BY m.added_at, u.email`,
      ),
      putMember: db.prepare(
        `INSERT INTO members (document_id, user_id, role, delegation, added_at) VALUES (?, ?, ?, ?, ?)
         ON CONFLICT(document_id, user_id) DO UPDATE SET role = excluded.role, delegation = excluded.delegation`,
      ),
      removeMember: db.prepare('DELETE FROM members WHERE document_id = ? AND user_id = ?'),
      documentsOf: db.prepare<
        [string],
        { id: string; title: string; created_at: string; updated_at: string; role: string }
      >(
        `SELECT d.id, d.title, d.created_at, d.updated_at, m.role FROM members m JOIN documents d ON d.id = m.document_id
         WHERE m.user_id = ? ORDER BY d.updated_at DESC, d.id`,
      ),
      getStatus: db.prepare<
        [string],
        {
          document_id: string;
          state: string;
          requested_by: string | null;
          requested_at: string | null;
          final_version_id: string | null;
          changed_at: string | null;
        }
      >('SELECT * FROM document_status WHERE document_id = ?'),
      transitionStatus: db.prepare(
        `INSERT INTO document_status (document_id, state, requested_by, requested_at, final_version_id, changed_at)
         SELECT @documentId, @state, @requestedBy, @requestedAt, @finalVersionId, @changedAt WHERE @from = 'draft'
         ON CONFLICT(document_id) DO UPDATE SET state = excluded.state, requested_by = excluded.requested_by,
           requested_at = excluded.requested_at, final_version_id = excluded.final_version_id, changed_at = excluded.changed_at
         WHERE document_status.state = @from`,
      ),
      updateStatus: db.prepare(
        `UPDATE document_status SET state = @state, requested_by = @requestedBy, requested_at = @requestedAt,
           final_version_id = @finalVersionId, changed_at = @changedAt WHERE document_id = @documentId AND state = @from`,
      ),
      listApprovals: db.prepare<
        [string],
        {
          document_id: string;
          delegation: string;
          user_id: string;
          name: string;
          approved_at: string;
          seq: number;
        }
      >(
        `SELECT a.document_id, a.delegation, a.user_id, u.name, a.approved_at, a.seq FROM approvals a
         JOIN users u ON u.id = a.user_id WHERE a.document_id = ? ORDER BY a.approved_at, a.delegation`,
      ),
      putApproval: db.prepare(
        `INSERT INTO approvals (document_id, delegation, user_id, approved_at, seq) VALUES (?, ?, ?, ?, ?)
         ON CONFLICT(document_id, delegation) DO UPDATE SET user_id = excluded.user_id,
           approved_at = excluded.approved_at, seq = excluded.seq`,
      ),
      clearApprovals: db.prepare('DELETE FROM approvals WHERE document_id = ?'),
      putFinalVersion: db.prepare(
        'INSERT INTO final_versions (id, document_id, sha256, content, created_at, created_by) VALUES (?, ?, ?, ?, ?, ?)',
      ),
      getFinalVersion: db.prepare<[string], FinalVersionRow>('SELECT * FROM final_versions WHERE id = ?'),
      findFinalVersion: db.prepare<[string, string], FinalVersionRow>(
        'SELECT * FROM final_versions WHERE document_id = ? AND sha256 = ? ORDER BY created_at DESC LIMIT 1',
      ),
      appendAudit: db.prepare(
        'INSERT INTO audit_log (document_id, at, actor_id, actor_name, action, detail) VALUES (?, ?, ?, ?, ?, ?)',
      ),
      listAudit: db.prepare<
        [string, number],
        {
          id: number;
          document_id: string;
          at: string;
          actor_id: string | null;
          actor_name: string | null;
          action: string;
          detail: string;
        }
      >('SELECT * FROM audit_log WHERE document_id = ? ORDER BY id DESC LIMIT ?'),
    };
  }

  private insertUser(user: NewUser): void {
    try {
      this.s.insertUser.run(
        user.id,
        user.email,
        user.name,
        user.passwordHash,
        user.isAdmin ? 1 : 0,
        user.createdAt,
      );
    } catch (error) {
      if ((error as { code?: string }).code === 'SQLITE_CONSTRAINT_UNIQUE')
        throw new EmailTakenError(user.email);
      throw error;
    }
  }

  async countUsers(): Promise<number> {
    return this.s.countUsers.get()!.n;
  }

  async createFirstUser(user: NewUser): Promise<UserRecord | null> {
    return this.db
      .transaction(() => {
        if (this.s.countUsers.get()!.n > 0) return null;
        this.insertUser(user);
        return publicUser(user);
      })
      .immediate();
  }

  async getUser(id: string): Promise<UserWithPassword | null> {
    const row = this.s.getUser.get(id);
    return row ? toUser(row) : null;
  }

  async getUserByEmail(email: string): Promise<UserWithPassword | null> {
    const row = this.s.getUserByEmail.get(email);
    return row ? toUser(row) : null;
  }

  async setPassword(userId: string, passwordHash: string): Promise<void> {
    this.s.setPassword.run(passwordHash, userId);
  }

  async createSession(session: SessionRecord): Promise<void> {
    this.s.insertSession.run(
      session.idHash,
      session.userId,
      session.csrfToken,
      session.createdAt,
      session.expiresAt,
    );
  }

  async getSession(idHash: string): Promise<(SessionRecord & { user: UserRecord }) | null> {
    const row = this.s.getSession.get(idHash);
    if (!row) return null;
    return {
      idHash: row.id_hash,
      userId: row.user_id,
      csrfToken: row.csrf_token,
      createdAt: row.s_created_at,
      expiresAt: row.expires_at,
      user: publicUser(toUser(row)),
    };
  }

  async deleteSession(idHash: string): Promise<void> {
    this.s.deleteSession.run(idHash);
  }

  async deleteSessionsOf(userId: string, exceptIdHash?: string): Promise<string[]> {
    return this.db.transaction(() => {
      const ended = this.s.sessionsOf
        .all(userId)
        .map((row) => row.id_hash)
        .filter((hash) => hash !== exceptIdHash);
      for (const hash of ended) this.s.deleteSession.run(hash);
      return ended;
    })();
  }

  async deleteExpiredSessions(now: string): Promise<void> {
    this.s.deleteExpiredSessions.run(now);
  }

  async createToken(token: TokenRecord & { tokenHash: string }): Promise<void> {
    this.s.insertToken.run(
      token.id,
      token.userId,
      token.name,
      token.tokenHash,
      token.documentId,
      token.createdAt,
      token.lastUsedAt,
    );
  }

  async getTokenByHash(tokenHash: string): Promise<(TokenRecord & { user: UserRecord }) | null> {
    const row = this.s.getTokenByHash.get(tokenHash);
    if (!row) return null;
    return {
      id: row.t_id,
      userId: row.id,
      name: row.t_name,
      documentId: row.document_id,
      createdAt: row.t_created_at,
      lastUsedAt: row.last_used_at,
      user: publicUser(toUser(row)),
    };
  }

  async listTokens(userId: string): Promise<TokenRecord[]> {
    return this.s.listTokens.all(userId).map(toToken);
  }

  async deleteToken(userId: string, id: string): Promise<boolean> {
    return this.s.deleteToken.run(userId, id).changes > 0;
  }

  async touchToken(id: string, at: string): Promise<void> {
    this.s.touchToken.run(at, id);
  }

  async tokenExists(id: string): Promise<boolean> {
    return this.s.tokenExists.get(id)!.n > 0;
  }

  async createInvitation(i: InvitationRecord & { tokenHash: string }): Promise<void> {
    this.s.insertInvitation.run(
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
    );
  }

  async getInvitationByHash(tokenHash: string): Promise<InvitationRecord | null> {
    const row = this.s.getInvitationByHash.get(tokenHash);
    return row ? toInvitation(row) : null;
  }

  async listInvitations(documentId: string): Promise<InvitationRecord[]> {
    return this.s.listInvitations.all(documentId).map(toInvitation);
  }

  async acceptInvitation(invitationId: string, user: NewUser): Promise<UserRecord> {
    return this.db
      .transaction(() => {
        const invitation = this.s.getInvitation.get(invitationId);
        if (!invitation || this.s.useInvitation.run(user.createdAt, invitationId).changes === 0) {
          throw new InvitationUsedError(invitationId);
        }
        this.insertUser(user);
        if (invitation.document_id && invitation.role) {
          this.s.putMember.run(
            invitation.document_id,
            user.id,
            invitation.role,
            invitation.delegation,
            user.createdAt,
          );
        }
        return publicUser(user);
      })
      .immediate();
  }

  async getMember(documentId: string, userId: string): Promise<MemberRecord | null> {
    const row = this.s.getMember.get(documentId, userId);
    return row ? toMember(row) : null;
  }

  async listMembers(documentId: string): Promise<MemberRecord[]> {
    return this.s.listMembers.all(documentId).map(toMember);
  }

  async putMember(m: Omit<MemberRecord, 'email' | 'name'>): Promise<void> {
    this.s.putMember.run(m.documentId, m.userId, m.role, m.delegation, m.addedAt);
  }

  async removeMember(documentId: string, userId: string): Promise<boolean> {
    return this.s.removeMember.run(documentId, userId).changes > 0;
  }

  async listDocumentsOf(userId: string): Promise<Array<DocumentRecord & { role: Role }>> {
    return this.s.documentsOf.all(userId).map((row) => ({
      id: row.id,
      title: row.title,
      createdAt: row.created_at,
      updatedAt: row.updated_at,
      role: row.role as Role,
    }));
  }

  async getStatus(documentId: string): Promise<StatusRecord> {
    const row = this.s.getStatus.get(documentId);
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
      state: row.state as DocumentState,
      requestedBy: row.requested_by,
      requestedAt: row.requested_at,
      finalVersionId: row.final_version_id,
      changedAt: row.changed_at,
    };
  }

  async transitionStatus(from: DocumentState, next: StatusRecord): Promise<boolean> {
    const params = { ...next, from };
    return this.db
      .transaction(() => {
        // A document never recorded is a draft: the insert covers that case, the update the rest.
        if (from === 'draft' && this.s.transitionStatus.run(params).changes > 0) return true;
        return this.s.updateStatus.run(params).changes > 0;
      })
      .immediate();
  }

  async listApprovals(documentId: string): Promise<ApprovalRecord[]> {
    return this.s.listApprovals.all(documentId).map((row) => ({
      documentId: row.document_id,
      delegation: row.delegation,
      userId: row.user_id,
      userName: row.name,
      approvedAt: row.approved_at,
      seq: row.seq,
    }));
  }

  async putApproval(a: Omit<ApprovalRecord, 'userName'>): Promise<void> {
    this.s.putApproval.run(a.documentId, a.delegation, a.userId, a.approvedAt, a.seq);
  }

  async clearApprovals(documentId: string): Promise<number> {
    return this.s.clearApprovals.run(documentId).changes;
  }

  async putFinalVersion(v: FinalVersionRecord & { createdBy: string }): Promise<void> {
    this.s.putFinalVersion.run(v.id, v.documentId, v.sha256, v.content, v.createdAt, v.createdBy);
  }

  async getFinalVersion(id: string): Promise<FinalVersionRecord | null> {
    const row = this.s.getFinalVersion.get(id);
    return row ? toFinalVersion(row) : null;
  }

  async findFinalVersion(documentId: string, sha256: string): Promise<FinalVersionRecord | null> {
    const row = this.s.findFinalVersion.get(documentId, sha256);
    return row ? toFinalVersion(row) : null;
  }

  async appendAudit(e: NewAuditEntry): Promise<void> {
    this.s.appendAudit.run(e.documentId, e.at, e.actorId, e.actorName, e.action, JSON.stringify(e.detail));
  }

  async listAudit(documentId: string, limit: number): Promise<AuditEntry[]> {
    return this.s.listAudit.all(documentId, limit).map((row) => ({
      id: row.id,
      documentId: row.document_id,
      at: row.at,
      actorId: row.actor_id,
      actorName: row.actor_name,
      action: row.action,
      detail: JSON.parse(row.detail) as Record<string, unknown>,
    }));
  }
}
