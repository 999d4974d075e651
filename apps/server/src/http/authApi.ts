import { Hono, type Context } from 'hono';
import { deleteCookie, setCookie } from 'hono/cookie';
import { isDocumentId, isRole } from '@plenary/protocol';
import type { AccessControl } from '../auth/AccessControl.ts';
import type { AuditLog } from '../auth/AuditLog.ts';
import type { Mailer } from '../auth/Mailer.ts';
import {
  normalizeEmail,
  normalizeName,
  type AuthService,
  type NewSession,
  type Principal,
} from '../auth/AuthService.ts';
import type { UserRecord } from '../storage/accounts.ts';
import { CSRF_COOKIE, SESSION_COOKIE, clientAddress, isHttps, type RequestTrust } from './authMiddleware.ts';
import { requirePrincipal, requireSession, type AppEnv } from './context.ts';
import { HttpError } from './errors.ts';
import { jsonLimit, readJsonObject } from './requests.ts';

/**
 * Sign-in, setup and invitation acceptance carry no session yet, so no CSRF token: they must be
 * JSON, which a cross-site form cannot send without a CORS preflight we never grant.
 */
async function jsonBody(c: Context): Promise<Record<string, unknown>> {
  if (!c.req.header('content-type')?.toLowerCase().startsWith('application/json')) {
    throw new HttpError(415, 'send this request as application/json');
  }
  return readJsonObject(c.req.raw);
}

function me(user: UserRecord, principal?: Principal, csrfToken?: string) {
  return {
    id: user.id,
    email: user.email,
    name: user.name,
    isAdmin: user.isAdmin,
    csrfToken: csrfToken ?? principal?.session?.csrfToken ?? null,
    via: principal?.token ? 'token' : 'session',
  };
}

/** `/api/auth/*`, `/api/me`, `/api/tokens`, `/api/invites` (docs/access.md). */
export function authApi(deps: {
  auth: AuthService;
  access: AccessControl;
  audit: AuditLog;
  trust: RequestTrust;
  mailer: Mailer | undefined;
}): Hono<AppEnv> {
  const { auth, access, audit, trust, mailer } = deps;
  const api = new Hono<AppEnv>();

  const startSession = (c: Context, session: NewSession) => {
    const secure = isHttps(c, trust);
    const common = { path: '/', sameSite: 'Lax', secure, expires: session.expiresAt } as const;
    setCookie(c, SESSION_COOKIE, session.secret, { ...common, httpOnly: true });
    // Readable by the page's scripts, which echo it in X-CSRF-Token; another site cannot read it.
    setCookie(c, CSRF_COOKIE, session.csrfToken, common);
  };
  const endSession = (c: Context) => {
    deleteCookie(c, SESSION_COOKIE, { path: '/' });
    deleteCookie(c, CSRF_COOKIE, { path: '/' });
  };

  api.get('/auth/state', async (c) => c.json({ setupRequired: await auth.setupRequired() }));

  api.post('/auth/setup', jsonLimit, async (c) => {
    const { user, session } = await auth.setup(await jsonBody(c));
    startSession(c, session);
    return c.json(me(user, undefined, session.csrfToken), 201);
  });

  api.post('/auth/login', jsonLimit, async (c) => {
    try {
      const { user, session } = await auth.login(await jsonBody(c), clientAddress(c, trust));
      startSession(c, session);
      return c.json(me(user, undefined, session.csrfToken));
    } catch (error) {
      if (error instanceof HttpError && error.status === 429) {
        c.header('Retry-After', String(error.details?.retryAfterSeconds ?? 60));
      }
      throw error;
    }
  });

  api.post('/auth/logout', async (c) => {
    const principal = requireSession(c);
    await auth.logout(principal);
    endSession(c);
    return c.body(null, 204);
  });

  api.get('/me', (c) => {
    const principal = requirePrincipal(c);
    return c.json(me(principal.user, principal));
  });

  api.post('/me/password', jsonLimit, async (c) => {
    await auth.changePassword(requireSession(c), await readJsonObject(c.req.raw));
    return c.body(null, 204);
  });

  api.get('/tokens', async (c) => c.json({ tokens: await auth.listTokens(requireSession(c)) }));

  api.post('/tokens', jsonLimit, async (c) => {
    const principal = requireSession(c);
    const body = await readJsonObject(c.req.raw);
    if (body.documentId !== undefined && body.documentId !== null) {
      // A token for a document its owner cannot read would be a token for nothing.
      await access.require(principal, String(body.documentId), 'read');
    }
    return c.json(await auth.createToken(principal, body), 201);
  });

  api.delete('/tokens/:id', async (c) => {
    await auth.revokeToken(requireSession(c), c.req.param('id'));
    return c.body(null, 204);
  });

  api.post('/invites', jsonLimit, async (c) => {
    const principal = requirePrincipal(c);
    const body = await readJsonObject(c.req.raw);
    const email = normalizeEmail(body.email);
    const documentId = body.documentId ?? null;
    let role = null;
    if (documentId !== null) {
      if (!isDocumentId(documentId))
        throw new HttpError(400, `invalid document id ${JSON.stringify(documentId)}`);
      await access.require(principal, documentId, 'manageMembers');
      if (!isRole(body.role)) throw new HttpError(400, `unknown role ${JSON.stringify(body.role ?? null)}`);
      role = body.role;
    } else if (!principal.user.isAdmin || principal.token?.documentId) {
      throw new HttpError(
        403,
        'only an admin invites without a document; co-hosts invite to their documents',
      );
    }
    const delegation = body.delegation ? normalizeName(body.delegation, 'delegation') : null;
    const invitation = await auth.createInvitation(principal, { email, documentId, role, delegation });
    if (documentId) await audit.record(documentId, principal.user, 'invited', { email, role });
    const title = documentId ? await access.documentTitle(documentId) : null;
    return c.json(await deliverInvitation(c, { trust, mailer }, principal, invitation, title, role), 201);
  });

  api.get('/invites/:token', async (c) => {
    const invitation = await auth.invitation(c.req.param('token'));
    const document = invitation.documentId ? await access.documentTitle(invitation.documentId) : null;
    return c.json({
      email: invitation.email,
      documentId: invitation.documentId,
      documentTitle: document,
      role: invitation.role,
      expiresAt: invitation.expiresAt,
    });
  });

  api.post('/invites/:token/accept', jsonLimit, async (c) => {
    const { user, session, documentId } = await auth.acceptInvitation(
      c.req.param('token'),
      await jsonBody(c),
    );
    startSession(c, session);
    if (documentId) await audit.record(documentId, user, 'invitation-accepted', { email: user.email });
    return c.json({ ...me(user, undefined, session.csrfToken), documentId }, 201);
  });

  return api;
}

/**
 * The answer to whoever made an invitation: the link, always (to copy), and whether it was
 * mailed too (when an SMTP server is configured).
 */
export async function deliverInvitation(
  c: Context,
  deps: { trust: RequestTrust; mailer: Mailer | undefined },
  inviter: Principal,
  invitation: { id: string; email: string; token: string; expiresAt: string },
  documentTitle: string | null,
  role: string | null,
) {
  const url = invitationUrl(c, deps.trust, invitation.token);
  const mail = deps.mailer
    ? await deps.mailer.sendInvitation({
        to: invitation.email,
        url,
        inviterName: inviter.user.name,
        documentTitle,
        role,
        expiresAt: invitation.expiresAt,
      })
    : { mailed: false };
  return { ...invitation, url, ...mail };
}

/** The link to send: this server's address (as the browser reached it) + /invite/<token>. */
export function invitationUrl(c: Context, trust: RequestTrust, token: string): string {
  const url = new URL(c.req.url);
  const host = (trust.trustProxy && c.req.header('x-forwarded-host')) || c.req.header('host') || url.host;
  return `${isHttps(c, trust) ? 'https' : 'http'}://${host}/invite/${encodeURIComponent(token)}`;
}
