import type { Context, MiddlewareHandler } from 'hono';
import { getCookie } from 'hono/cookie';
import type { AuthService, Principal } from '../auth/AuthService.ts';
import { sameSecret } from '../auth/secrets.ts';
import type { AppEnv } from './context.ts';
import { HttpError } from './errors.ts';

export const SESSION_COOKIE = 'plenary_session';
export const CSRF_COOKIE = 'plenary_csrf';
export const CSRF_HEADER = 'x-csrf-token';

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

export interface RequestTrust {
  /** Believe X-Forwarded-For and X-Forwarded-Proto (behind a reverse proxy: PLENARY_TRUST_PROXY=1). */
  trustProxy: boolean;
}

/** The client's address, for rate limits. */
export function clientAddress(c: Context, trust: RequestTrust): string {
  if (trust.trustProxy) {
    const forwarded = c.req.header('x-forwarded-for')?.split(',')[0]?.trim();
    if (forwarded) return forwarded;
  }
  const incoming = (c.env as { incoming?: { socket?: { remoteAddress?: string } } } | undefined)?.incoming;
  return incoming?.socket?.remoteAddress ?? 'unknown';
}

/** Whether the browser reached us over https (cookies are then marked Secure). */
export function isHttps(c: Context, trust: RequestTrust): boolean {
  if (trust.trustProxy && c.req.header('x-forwarded-proto')?.split(',')[0]?.trim() === 'https') return true;
  return new URL(c.req.url).protocol === 'https:';
}

/**
 * False when the request says it comes from a page of another site (`Origin` names another
 * host). Browsers send Origin on every cross-site POST and websocket handshake; requests without
 * it (scripts, curl) are not browsers acting for a victim.
 */
export function fromSameOrigin(c: Context): boolean {
  const origin = c.req.header('origin');
  if (origin === undefined) return true;
  try {
    return new URL(origin).host === c.req.header('host');
  } catch {
    return false;
  }
}

/** The principal of a Bearer token or session cookie; 401 for a token that is not valid. */
export async function principalOf(c: Context, auth: AuthService, token?: string): Promise<Principal | null> {
  const bearer = c.req.header('authorization')?.match(/^Bearer\s+(\S+)$/i)?.[1] ?? token;
  if (bearer) {
    const principal = await auth.fromToken(bearer);
    if (!principal) throw new HttpError(401, 'invalid or revoked API token');
    return principal;
  }
  const secret = getCookie(c, SESSION_COOKIE);
  return secret ? auth.fromSession(secret) : null;
}

/**
 * Sets `principal` on every API request (null when anonymous; routes decide whether that is
 * enough) and guards state-changing requests made with the session cookie: they must come from
 * this site and carry the session's CSRF token in `X-CSRF-Token` (docs/access.md).
 */
export function authenticate(auth: AuthService): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    const principal = await principalOf(c, auth);
    if (!SAFE_METHODS.has(c.req.method)) {
      if (!fromSameOrigin(c)) throw new HttpError(403, 'cross-site request refused');
      if (principal?.session) {
        const sent = c.req.header(CSRF_HEADER);
        if (!sent || !sameSecret(sent, principal.session.csrfToken)) {
          throw new HttpError(
            403,
            'missing or wrong CSRF token (send the plenary_csrf cookie in X-CSRF-Token)',
          );
        }
      }
    }
    c.set('principal', principal);
    await next();
  };
}
