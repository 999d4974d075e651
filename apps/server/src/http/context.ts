import type { Context } from 'hono';
import type { Principal } from '../auth/AuthService.ts';
import { HttpError } from './errors.ts';

/** Hono's environment for Plenary's routes: who is asking, set by the authentication middleware. */
export interface AppEnv {
  Variables: { principal: Principal | null };
}

/** The signed-in principal; 401 when there is none. */
export function requirePrincipal(c: Context<AppEnv>): Principal {
  const principal = c.get('principal');
  if (!principal) throw new HttpError(401, 'sign in first');
  return principal;
}

/** The principal, which must have signed in with a session (not a token): account management. */
export function requireSession(c: Context<AppEnv>): Principal {
  const principal = requirePrincipal(c);
  if (!principal.session)
    throw new HttpError(403, 'this needs a sign-in session; API tokens cannot manage accounts');
  return principal;
}
