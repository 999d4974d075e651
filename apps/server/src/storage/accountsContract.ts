import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Storage } from './Storage.ts';
import { EmailTakenError, InvitationUsedError, type NewUser, type StatusRecord } from './accounts.ts';

/** The account store's contract, run against every storage like `runStorageContract`. */
export function runAccountsContract(name: string, open: () => Promise<Storage>): void {
  describe(`accounts contract: ${name}`, () => {
    let storage: Storage;
    beforeEach(async () => {
      storage = await open();
    });
    afterEach(async () => {
      await storage.close();
    });

    const at = (minute: number) => new Date(Date.UTC(2026, 2, 3, 9, minute)).toISOString();
    const user = (id: string, email: string, isAdmin = false): NewUser => ({
      id,
      email,
      name: `Name of ${id}`,
      isAdmin,
      createdAt: at(0),
      passwordHash: `hash-${id}`,
    });
    const status = (documentId: string, state: StatusRecord['state'], minute: number): StatusRecord => ({
      documentId,
      state,
      requestedBy: 'u1',
      requestedAt: at(minute),
      finalVersionId: null,
      changedAt: at(minute),
    });

    it('creates the first account once, then refuses setup; emails are unique', async () => {
      const accounts = storage.accounts;
      expect(await accounts.countUsers()).toBe(0);
      const [first, second] = await Promise.all([
        accounts.createFirstUser(user('u1', 'amina@example.org', true)),
        accounts.createFirstUser(user('u2', 'jonas@example.org', true)),
      ]);
      expect([first, second].filter(Boolean)).toHaveLength(1);
      expect(await accounts.countUsers()).toBe(1);
      const winner = (first ?? second)!;
      expect(await accounts.getUserByEmail(winner.email)).toMatchObject({ id: winner.id, isAdmin: true });
      expect(winner).not.toHaveProperty('passwordHash');
      await accounts.setPassword(winner.id, 'new-hash');
      expect((await accounts.getUser(winner.id))?.passwordHash).toBe('new-hash');
      expect(await accounts.getUser('nobody')).toBeNull();
    });

    it('keeps sessions until deleted or expired', async () => {
      const accounts = storage.accounts;
      await accounts.createFirstUser(user('u1', 'a@example.org', true));
      for (const [idHash, minute] of [
        ['s1', 10],
        ['s2', 20],
        ['s3', 30],
      ] as const) {
        await accounts.createSession({
          idHash,
          userId: 'u1',
          csrfToken: `c-${idHash}`,
          createdAt: at(0),
          expiresAt: at(minute),
        });
      }
      expect(await accounts.getSession('s1')).toMatchObject({
        userId: 'u1',
        csrfToken: 'c-s1',
        user: { email: 'a@example.org' },
      });
      await accounts.deleteExpiredSessions(at(15));
      expect(await accounts.getSession('s1')).toBeNull();
      expect((await accounts.deleteSessionsOf('u1', 's3')).sort()).toEqual(['s2']);
      expect(await accounts.getSession('s3')).not.toBeNull();
      await accounts.deleteSession('s3');
      expect(await accounts.getSession('s3')).toBeNull();
    });

    it('stores API tokens by hash, per user', async () => {
      const accounts = storage.accounts;
      await accounts.createFirstUser(user('u1', 'a@example.org', true));
      await accounts.createToken({
        id: 't1',
        userId: 'u1',
        name: 'CI',
        documentId: null,
        createdAt: at(1),
        lastUsedAt: null,
        tokenHash: 'h1',
      });
      expect(await accounts.getTokenByHash('h1')).toMatchObject({
        id: 't1',
        userId: 'u1',
        user: { id: 'u1' },
      });
      expect(await accounts.getTokenByHash('h2')).toBeNull();
      await accounts.touchToken('t1', at(5));
      expect((await accounts.listTokens('u1'))[0]?.lastUsedAt).toBe(at(5));
      expect(await accounts.deleteToken('someone-else', 't1')).toBe(false);
      expect(await accounts.tokenExists('t1')).toBe(true);
      expect(await accounts.deleteToken('u1', 't1')).toBe(true);
      expect(await accounts.tokenExists('t1')).toBe(false);
      expect(await accounts.listTokens('u1')).toEqual([]);
    });

    it('accepts an invitation once, creating the account and its role together', async () => {
      const accounts = storage.accounts;
      await accounts.createFirstUser(user('u1', 'a@example.org', true));
      await storage.createDocument({ id: 'doc', title: 'Summary' }, undefined, {
        userId: 'u1',
        role: 'co-host',
      });
      await accounts.createInvitation({
        id: 'i1',
        tokenHash: 'ih1',
        email: 'b@example.org',
        documentId: 'doc',
        role: 'rapporteur',
        delegation: null,
        invitedBy: 'u1',
        createdAt: at(1),
        expiresAt: at(50),
        acceptedAt: null,
      });
      expect(await accounts.listInvitations('doc')).toHaveLength(1);
      const results = await Promise.allSettled([
        accounts.acceptInvitation('i1', user('u2', 'b@example.org')),
        accounts.acceptInvitation('i1', user('u3', 'b2@example.org')),
      ]);
      expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
      const failure = results.find((r) => r.status === 'rejected') as PromiseRejectedResult;
      expect(failure.reason).toBeInstanceOf(InvitationUsedError);
      expect(await accounts.listInvitations('doc')).toEqual([]);
      expect((await accounts.getInvitationByHash('ih1'))?.acceptedAt).not.toBeNull();
      const members = await accounts.listMembers('doc');
      expect(members.map((m) => m.role).sort()).toEqual(['co-host', 'rapporteur']);

      // An email with an account already: nothing of the invitation is used up.
      await accounts.createInvitation({
        id: 'i2',
        tokenHash: 'ih2',
        email: 'a@example.org',
        documentId: 'doc',
        role: 'observer',
        delegation: null,
        invitedBy: 'u1',
        createdAt: at(1),
        expiresAt: at(50),
        acceptedAt: null,
      });
      await expect(accounts.acceptInvitation('i2', user('u4', 'a@example.org'))).rejects.toBeInstanceOf(
        EmailTakenError,
      );
      expect((await accounts.getInvitationByHash('ih2'))?.acceptedAt).toBeNull();
    });

    it('keeps one role per member and lists a user’s documents', async () => {
      const accounts = storage.accounts;
      await accounts.createFirstUser(user('u1', 'a@example.org', true));
      await storage.createDocument({ id: 'd1', title: 'One' }, undefined, { userId: 'u1', role: 'co-host' });
      await storage.createDocument({ id: 'd2', title: 'Two' });
      expect(await accounts.listDocumentsOf('u1')).toEqual([
        expect.objectContaining({ id: 'd1', role: 'co-host' }),
      ]);
      await accounts.putMember({
        documentId: 'd2',
        userId: 'u1',
        role: 'observer',
        delegation: null,
        addedAt: at(2),
      });
      await accounts.putMember({
        documentId: 'd2',
        userId: 'u1',
        role: 'co-host',
        delegation: 'Pakistan',
        addedAt: at(3),
      });
      expect(await accounts.getMember('d2', 'u1')).toMatchObject({
        role: 'co-host',
        delegation: 'Pakistan',
        name: 'Name of u1',
      });
      expect((await accounts.listDocumentsOf('u1')).map((d) => d.id).sort()).toEqual(['d1', 'd2']);
      expect(await accounts.removeMember('d2', 'u1')).toBe(true);
      expect(await accounts.removeMember('d2', 'u1')).toBe(false);
      expect(await accounts.getMember('d2', 'u1')).toBeNull();
    });

    it('moves the approval state only from the expected state, one winner at a time', async () => {
      const accounts = storage.accounts;
      await accounts.createFirstUser(user('u1', 'a@example.org', true));
      await storage.createDocument({ id: 'doc', title: 'Summary' });
      expect((await accounts.getStatus('doc')).state).toBe('draft');
      expect(await accounts.transitionStatus('pending', status('doc', 'final', 1))).toBe(false);
      expect(await accounts.transitionStatus('draft', status('doc', 'pending', 2))).toBe(true);
      expect(await accounts.transitionStatus('draft', status('doc', 'pending', 3))).toBe(false);
      const wins = await Promise.all([
        accounts.transitionStatus('pending', { ...status('doc', 'final', 4), finalVersionId: 'v1' }),
        accounts.transitionStatus('pending', { ...status('doc', 'final', 4), finalVersionId: 'v2' }),
      ]);
      expect(wins.filter(Boolean)).toHaveLength(1);
      expect((await accounts.getStatus('doc')).state).toBe('final');
      expect(await accounts.transitionStatus('final', status('doc', 'draft', 5))).toBe(true);
      expect(await accounts.getStatus('doc')).toMatchObject({ state: 'draft', requestedAt: at(5) });
    });

    it('records approvals per delegation, final versions and the audit log', async () => {
      const accounts = storage.accounts;
      await accounts.createFirstUser(user('u1', 'a@example.org', true));
      await storage.createDocument({ id: 'doc', title: 'Summary' });
      await accounts.putApproval({
        documentId: 'doc',
        delegation: 'Pakistan',
        userId: 'u1',
        approvedAt: at(1),
        seq: 7,
      });
      await accounts.putApproval({
        documentId: 'doc',
        delegation: 'Pakistan',
        userId: 'u1',
        approvedAt: at(2),
        seq: 9,
      });
      await accounts.putApproval({
        documentId: 'doc',
        delegation: 'Republic of Korea',
        userId: 'u1',
        approvedAt: at(3),
        seq: 9,
      });
      const approvals = await accounts.listApprovals('doc');
      expect(approvals.map((a) => [a.delegation, a.seq, a.userName])).toEqual([
        ['Pakistan', 9, 'Name of u1'],
        ['Republic of Korea', 9, 'Name of u1'],
      ]);
      expect(await accounts.clearApprovals('doc')).toBe(2);
      expect(await accounts.listApprovals('doc')).toEqual([]);

      const content = new Uint8Array([1, 2, 3, 250]);
      await accounts.putFinalVersion({
        id: 'v1',
        documentId: 'doc',
        sha256: 'ab'.repeat(32),
        createdAt: at(4),
        content,
        createdBy: 'u1',
      });
      expect(await accounts.getFinalVersion('v1')).toMatchObject({
        documentId: 'doc',
        sha256: 'ab'.repeat(32),
      });
      expect([...(await accounts.getFinalVersion('v1'))!.content]).toEqual([1, 2, 3, 250]);
      expect((await accounts.findFinalVersion('doc', 'ab'.repeat(32)))?.id).toBe('v1');
      expect(await accounts.findFinalVersion('doc', 'cd'.repeat(32))).toBeNull();

      await accounts.appendAudit({
        documentId: 'doc',
        at: at(5),
        actorId: 'u1',
        actorName: 'A',
        action: 'approved',
        detail: { delegation: 'Türkiye' },
      });
      await accounts.appendAudit({
        documentId: 'doc',
        at: at(6),
        actorId: null,
        actorName: null,
        action: 'finalized',
        detail: {},
      });
      const audit = await accounts.listAudit('doc', 10);
      expect(audit.map((e) => e.action)).toEqual(['finalized', 'approved']);
      expect(audit[1]!.detail).toEqual({ delegation: 'Türkiye' });
      expect(await accounts.listAudit('doc', 1)).toHaveLength(1);
    });
  });
}
