import { CloseCode, isRole, type Role } from '@plenary/protocol';
import type { CollabServer } from '../collab/CollabServer.ts';
import { HttpError } from '../http/errors.ts';
import type { InvitationRecord, MemberRecord } from '../storage/accounts.ts';
import type { Storage } from '../storage/Storage.ts';
import type { AuditLog } from './AuditLog.ts';
import { normalizeEmail, normalizeName, type AuthService, type Principal } from './AuthService.ts';

export interface MemberInput {
  email: string;
  role: Role;
  delegation: string | null;
}

export function parseMemberInput(body: Record<string, unknown>): MemberInput {
  if (!isRole(body.role)) {
    throw new HttpError(400, `unknown role ${JSON.stringify(body.role ?? null)}`, {
      validRoles: ['co-host', 'rapporteur', 'secretariat', 'observer'],
    });
  }
  const delegation =
    body.delegation === undefined || body.delegation === null || body.delegation === ''
      ? null
      : normalizeName(body.delegation, 'delegation');
  return { email: normalizeEmail(body.email), role: body.role, delegation };
}

/**
 * Who is on a document and with what role. Every change is logged, and takes effect on open
 * websockets at once: a changed role closes the user's sockets on the document with
 * AccessChanged (they reconnect with the new rights), a removed one with AccessRevoked.
 */
export class Members {
  constructor(
    private readonly storage: Storage,
    private readonly collab: CollabServer,
    private readonly auth: AuthService,
    private readonly audit: AuditLog,
  ) {}

  async list(documentId: string): Promise<{ members: MemberRecord[]; invitations: InvitationRecord[] }> {
    const now = Date.now();
    const [members, invitations] = await Promise.all([
      this.storage.accounts.listMembers(documentId),
      this.storage.accounts.listInvitations(documentId),
    ]);
    return { members, invitations: invitations.filter((i) => Date.parse(i.expiresAt) > now) };
  }

  /**
   * Adds a member or changes their role. Without an account for the email, an invitation to the
   * document with that role is made instead (its link is returned once).
   */
  async put(
    by: Principal,
    documentId: string,
    input: MemberInput,
  ): Promise<
    | { member: MemberRecord; created: boolean }
    | { invitation: { id: string; email: string; token: string; expiresAt: string } }
  > {
    const accounts = this.storage.accounts;
    const user = await accounts.getUserByEmail(input.email);
    if (!user) {
      const invitation = await this.auth.createInvitation(by, { ...input, documentId });
      await this.audit.record(documentId, by.user, 'invited', { email: input.email, role: input.role });
      return { invitation };
    }
    const previous = await accounts.getMember(documentId, user.id);
    if (previous?.role === 'co-host' && input.role !== 'co-host') await this.keepOneCoHost(documentId);
    await accounts.putMember({
      documentId,
      userId: user.id,
      role: input.role,
      delegation: input.delegation,
      addedAt: previous?.addedAt ?? new Date().toISOString(),
    });
    const member = (await accounts.getMember(documentId, user.id))!;
    if (!previous) {
      await this.audit.record(documentId, by.user, 'member-added', {
        email: user.email,
        name: user.name,
        role: input.role,
      });
    } else if (previous.role !== input.role || previous.delegation !== input.delegation) {
      await this.audit.record(documentId, by.user, 'role-changed', {
        email: user.email,
        name: user.name,
        from: previous.role,
        to: input.role,
        delegation: input.delegation,
      });
    }
    if (previous && previous.role !== input.role) {
      this.collab.disconnect(
        { documentId, userId: user.id },
        CloseCode.AccessChanged,
        `role changed to ${input.role}`,
      );
    }
    return { member, created: !previous };
  }

  async remove(by: Principal, documentId: string, email: string): Promise<void> {
    const user = await this.storage.accounts.getUserByEmail(email);
    const member = user ? await this.storage.accounts.getMember(documentId, user.id) : null;
    if (!user || !member) throw new HttpError(404, `${email} is not a member of this document`);
    if (member.role === 'co-host') await this.keepOneCoHost(documentId);
    await this.storage.accounts.removeMember(documentId, user.id);
    await this.audit.record(documentId, by.user, 'member-removed', {
      email: user.email,
      name: user.name,
      role: member.role,
    });
    this.collab.disconnect(
      { documentId, userId: user.id },
      CloseCode.AccessRevoked,
      'your access to this document was removed',
    );
  }

  /** A document keeps at least one co-host: someone must be able to manage it and reopen it. */
  private async keepOneCoHost(documentId: string): Promise<void> {
    const coHosts = (await this.storage.accounts.listMembers(documentId)).filter((m) => m.role === 'co-host');
    if (coHosts.length <= 1)
      throw new HttpError(409, 'a document needs at least one co-host: add another first');
  }
}
