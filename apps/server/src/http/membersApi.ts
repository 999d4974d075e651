import { Hono } from 'hono';
import type { AccessControl } from '../auth/AccessControl.ts';
import type { Approvals } from '../auth/Approvals.ts';
import type { AuditLog } from '../auth/AuditLog.ts';
import type { Mailer } from '../auth/Mailer.ts';
import { normalizeEmail } from '../auth/AuthService.ts';
import { parseMemberInput, type Members } from '../auth/Members.ts';
import { deliverInvitation } from './authApi.ts';
import type { MemberRecord } from '../storage/accounts.ts';
import type { RequestTrust } from './authMiddleware.ts';
import type { AppEnv } from './context.ts';
import { jsonLimit, readJsonObject } from './requests.ts';

/** A member as the API shows it (no internal fields). */
const publicMember = ({ userId, email, name, role, delegation, addedAt }: MemberRecord) => ({
  userId,
  email,
  name,
  role,
  delegation,
  addedAt,
});

/**
 * `/api/documents/:id/members|status|finalize|approvals|reopen|audit` (docs/access.md): who is on
 * a document, the approval process and the audit log.
 */
export function membersApi(deps: {
  access: AccessControl;
  members: Members;
  approvals: Approvals;
  audit: AuditLog;
  trust: RequestTrust;
  mailer: Mailer | undefined;
}): Hono<AppEnv> {
  const { access, members, approvals, audit, trust, mailer } = deps;
  const api = new Hono<AppEnv>();

  api.get('/:id/members', async (c) => {
    const { record } = await access.require(c.get('principal'), c.req.param('id'), 'read');
    const { members: list, invitations } = await members.list(record.id);
    return c.json({
      members: list.map(publicMember),
      invitations: invitations.map(({ id, email, role, delegation, expiresAt }) => ({
        id,
        email,
        role,
        delegation,
        expiresAt,
      })),
    });
  });

  api.post('/:id/members', jsonLimit, async (c) => {
    const principal = c.get('principal');
    const { record } = await access.require(principal, c.req.param('id'), 'manageMembers');
    const input = parseMemberInput(await readJsonObject(c.req.raw));
    const result = await members.put(principal!, record.id, input);
    if ('invitation' in result) {
      const delivered = await deliverInvitation(
        c,
        { trust, mailer },
        principal!,
        result.invitation,
        record.title,
        input.role,
      );
      return c.json({ invitation: delivered }, 201);
    }
    return c.json({ member: publicMember(result.member) }, result.created ? 201 : 200);
  });

  api.delete('/:id/members', jsonLimit, async (c) => {
    const principal = c.get('principal');
    const { record } = await access.require(principal, c.req.param('id'), 'manageMembers');
    const body = await readJsonObject(c.req.raw);
    await members.remove(principal!, record.id, normalizeEmail(body.email));
    return c.body(null, 204);
  });

  api.get('/:id/status', async (c) => {
    const { record } = await access.require(c.get('principal'), c.req.param('id'), 'read');
    return c.json(await approvals.status(record.id));
  });

  api.post('/:id/finalize', async (c) => {
    const principal = c.get('principal');
    const { record } = await access.require(principal, c.req.param('id'), 'requestApproval');
    return c.json(await approvals.requestApproval(principal!, record.id));
  });

  api.post('/:id/approvals', async (c) => {
    const principal = c.get('principal');
    const { record, access: rights } = await access.require(principal, c.req.param('id'), 'approve');
    const body =
      c.req.header('content-length') === '0' ? {} : await readJsonObject(c.req.raw).catch(() => ({}));
    return c.json(
      await approvals.approve(
        principal!,
        record.id,
        rights.member,
        (body as { delegation?: unknown }).delegation,
      ),
    );
  });

  api.post('/:id/reopen', jsonLimit, async (c) => {
    const principal = c.get('principal');
    const { record } = await access.require(principal, c.req.param('id'), 'reopen');
    const body = (await readJsonObject(c.req.raw).catch(() => ({}))) as { reason?: unknown };
    const reason = typeof body.reason === 'string' ? body.reason.trim().slice(0, 500) : '';
    return c.json(await approvals.reopen(principal!, record.id, reason));
  });

  api.get('/:id/audit', async (c) => {
    const { record } = await access.require(c.get('principal'), c.req.param('id'), 'readAudit');
    const entries = await audit.list(record.id);
    return c.json({
      entries: entries.map(({ id, at, actorId, actorName, action, detail }) => ({
        id,
        at,
        actor: actorId ? { id: actorId, name: actorName } : null,
        action,
        detail,
      })),
    });
  });

  return api;
}
