import { CloseCode, isDocumentId, type Role } from '@plenary/protocol';
import type { Logger } from 'pino';
import type { CollabServer } from '../collab/CollabServer.ts';
import { HttpError } from '../http/errors.ts';
import {
  EmailTakenError,
  InvitationUsedError,
  type AccountStore,
  type TokenRecord,
  type UserRecord,
} from '../storage/accounts.ts';
import { hashPassword, passwordProblem, verifyPassword } from './passwords.ts';
import { FailureLimiter } from './rateLimit.ts';
import { newId, newSecret, secretHash } from './secrets.ts';

/** Who is making a request: a user, through a sign-in session or an API token. */
export interface Principal {
  user: UserRecord;
  session?: { idHash: string; csrfToken: string };
  /** A token made for one document (`documentId`) acts on that document only. */
  token?: { id: string; documentId: string | null };
}

/** What a new session hands the browser. */
export interface NewSession {
  secret: string;
  csrfToken: string;
  expiresAt: Date;
}

export const SESSION_DAYS = 14;
export const INVITATION_DAYS = 7;
const DAY_MS = 86_400_000;
const MAX_NAME_LENGTH = 120;
/** RFC 5321 limits a path to 256 octets, so an address to 254. */
const MAX_EMAIL_LENGTH = 254;
const EMAIL = /^[^\s@<>"]+@[^\s@<>"]+\.[^\s@<>"]+$/;

/** The generic answer to a failed sign-in: never says whether the account exists. */
const WRONG_CREDENTIALS = 'wrong email or password';

export function normalizeEmail(value: unknown): string {
  if (typeof value !== 'string') throw new HttpError(400, 'email must be a string');
  const email = value.trim().toLowerCase();
  if (email.length > MAX_EMAIL_LENGTH || !EMAIL.test(email)) {
    throw new HttpError(400, `invalid email address ${JSON.stringify(value.slice(0, 80))}`);
  }
  return email;
}

export function normalizeName(value: unknown, what = 'name'): string {
  if (typeof value !== 'string') throw new HttpError(400, `${what} must be a string`);
  const name = value.trim().replace(/\s+/g, ' ');
  if (name === '') throw new HttpError(400, `${what} must not be empty`);
  if ([...name].length > MAX_NAME_LENGTH)
    throw new HttpError(400, `${what} must have at most ${MAX_NAME_LENGTH} characters`);
  return name;
}

function requirePassword(password: unknown): string {
  const problem = passwordProblem(password);
  if (problem) throw new HttpError(400, problem);
  return password as string;
}

export interface AuthOptions {
  accounts: AccountStore;
  collab: CollabServer;
  logger: Logger;
  /** Sign-in failures allowed per email and per client address in `windowMs` (5 and 20 in 15 min). */
  limits?: { perAccount: number; perAddress: number; windowMs: number };
}

/**
 * Accounts and how requests prove who they are: first-run setup, sign-in with rate limits,
 * sessions, API tokens and invitations (docs/access.md).
 */
export class AuthService {
  private readonly accounts: AccountStore;
  private readonly collab: CollabServer;
  private readonly logger: Logger;
  private readonly byAccount: FailureLimiter;
  private readonly byAddress: FailureLimiter;
  /** Hash to verify against when the email is unknown, so both cases cost one scrypt. */
  private readonly decoyHash: Promise<string>;

  constructor(options: AuthOptions) {
    this.accounts = options.accounts;
    this.collab = options.collab;
    this.logger = options.logger.child({ component: 'auth' });
    const limits = options.limits ?? { perAccount: 5, perAddress: 20, windowMs: 15 * 60_000 };
    this.byAccount = new FailureLimiter(limits.perAccount, limits.windowMs);
    this.byAddress = new FailureLimiter(limits.perAddress, limits.windowMs);
    this.decoyHash = hashPassword(newSecret());
  }

  async setupRequired(): Promise<boolean> {
    return (await this.accounts.countUsers()) === 0;
  }

  /** Creates the first account (an admin) and its session; 409 once any account exists. */
  async setup(input: Record<string, unknown>): Promise<{ user: UserRecord; session: NewSession }> {
    const email = normalizeEmail(input.email);
    const name = normalizeName(input.name);
    const password = requirePassword(input.password);
    if (!(await this.setupRequired())) throw new HttpError(409, 'Plenary is set up already: sign in');
    const user = await this.accounts.createFirstUser({
      id: newId(),
      email,
      name,
      isAdmin: true,
      createdAt: new Date().toISOString(),
      passwordHash: await hashPassword(password),
    });
    if (!user) throw new HttpError(409, 'Plenary is set up already: sign in');
    this.logger.info({ user: user.id }, 'first account created');
    return { user, session: await this.startSession(user) };
  }

  /**
   * Checks an email and password. Too many failures for the email or the address answer 429,
   * even with the right password, until the window has passed.
   */
  async login(
    input: Record<string, unknown>,
    address: string,
  ): Promise<{ user: UserRecord; session: NewSession }> {
    if (typeof input.email !== 'string' || typeof input.password !== 'string') {
      throw new HttpError(400, 'email and password are required');
    }
    const email = input.email.trim().toLowerCase();
    const accountKey = `email:${email}`;
    const addressKey = `ip:${address}`;
    const wait = Math.max(this.byAccount.retryAfterMs(accountKey), this.byAddress.retryAfterMs(addressKey));
    if (wait > 0) {
      const seconds = Math.ceil(wait / 1000);
      throw new HttpError(
        429,
        `too many sign-in attempts; try again in ${Math.ceil(seconds / 60)} minute(s)`,
        {
          retryAfterSeconds: seconds,
        },
      );
    }
    const found = input.password.length <= 1024 ? await this.accounts.getUserByEmail(email) : null;
    const ok = await verifyPassword(
      input.password.slice(0, 1024),
      found?.passwordHash ?? (await this.decoyHash),
    );
    if (!found || !ok) {
      this.byAccount.fail(accountKey);
      this.byAddress.fail(addressKey);
      this.logger.warn({ address }, 'sign-in failed');
      throw new HttpError(401, WRONG_CREDENTIALS);
    }
    this.byAccount.reset(accountKey);
    const { passwordHash: _, ...user } = found;
    return { user, session: await this.startSession(user) };
  }

  private async startSession(user: UserRecord): Promise<NewSession> {
    const secret = newSecret();
    const csrfToken = newSecret();
    const now = new Date();
    const expiresAt = new Date(now.getTime() + SESSION_DAYS * DAY_MS);
    await this.accounts.deleteExpiredSessions(now.toISOString());
    await this.accounts.createSession({
      idHash: secretHash(secret),
      userId: user.id,
      csrfToken,
      createdAt: now.toISOString(),
      expiresAt: expiresAt.toISOString(),
    });
    return { secret, csrfToken, expiresAt };
  }

  /** The principal of a session cookie; null when unknown or expired. */
  async fromSession(secret: string): Promise<Principal | null> {
    const idHash = secretHash(secret);
    const session = await this.accounts.getSession(idHash);
    if (!session) return null;
    if (Date.parse(session.expiresAt) <= Date.now()) {
      await this.accounts.deleteSession(idHash);
      return null;
    }
    return { user: session.user, session: { idHash, csrfToken: session.csrfToken } };
  }

  /** The principal of an API token; null when unknown or revoked. */
  async fromToken(token: string): Promise<Principal | null> {
    const found = await this.accounts.getTokenByHash(secretHash(token));
    if (!found) return null;
    const now = Date.now();
    // Written at most once a minute: a busy script must not turn every request into a write.
    if (!found.lastUsedAt || now - Date.parse(found.lastUsedAt) > 60_000) {
      await this.accounts.touchToken(found.id, new Date(now).toISOString());
    }
    return { user: found.user, token: { id: found.id, documentId: found.documentId } };
  }

  /** Ends the session and closes its websockets. */
  async logout(principal: Principal): Promise<void> {
    if (!principal.session) throw new HttpError(400, 'only a sign-in session can sign out');
    await this.accounts.deleteSession(principal.session.idHash);
    this.collab.disconnect(
      { sessionIdHash: principal.session.idHash },
      CloseCode.Unauthenticated,
      'signed out',
    );
  }

  /** Changes the password and ends every other session of the user (closing their sockets). */
  async changePassword(principal: Principal, input: Record<string, unknown>): Promise<void> {
    if (!principal.session)
      throw new HttpError(403, 'passwords are changed from a sign-in session, not with a token');
    if (typeof input.currentPassword !== 'string') throw new HttpError(400, 'currentPassword is required');
    const next = requirePassword(input.newPassword);
    const user = await this.accounts.getUser(principal.user.id);
    if (!user || !(await verifyPassword(input.currentPassword.slice(0, 1024), user.passwordHash))) {
      throw new HttpError(403, 'the current password is wrong');
    }
    await this.accounts.setPassword(user.id, await hashPassword(next));
    const ended = await this.accounts.deleteSessionsOf(user.id, principal.session.idHash);
    for (const idHash of ended) {
      this.collab.disconnect({ sessionIdHash: idHash }, CloseCode.Unauthenticated, 'password changed');
    }
  }

  async createToken(
    principal: Principal,
    input: Record<string, unknown>,
  ): Promise<TokenRecord & { token: string }> {
    const name = normalizeName(input.name, 'token name');
    const documentId = input.documentId ?? null;
    if (documentId !== null && !isDocumentId(documentId)) {
      throw new HttpError(400, `invalid document id ${JSON.stringify(documentId)}`);
    }
    const token = newSecret('plt_');
    const record: TokenRecord = {
      id: newId(),
      userId: principal.user.id,
      name,
      documentId,
      createdAt: new Date().toISOString(),
      lastUsedAt: null,
    };
    await this.accounts.createToken({ ...record, tokenHash: secretHash(token) });
    return { ...record, token };
  }

  listTokens(principal: Principal): Promise<TokenRecord[]> {
    return this.accounts.listTokens(principal.user.id);
  }

  async revokeToken(principal: Principal, id: string): Promise<void> {
    if (!(await this.accounts.deleteToken(principal.user.id, id))) {
      throw new HttpError(404, `no token ${JSON.stringify(id)}`);
    }
    this.collab.disconnect({ tokenId: id }, CloseCode.Unauthenticated, 'token revoked');
  }

  /**
   * Creates a one-time invitation link. `documentId`, `role` and `delegation` are checked by
   * the caller (who may invite to what).
   */
  async createInvitation(
    inviter: Principal,
    input: { email: string; documentId: string | null; role: Role | null; delegation: string | null },
  ): Promise<{ id: string; email: string; token: string; expiresAt: string }> {
    if (await this.accounts.getUserByEmail(input.email)) {
      throw new HttpError(409, `${input.email} has an account already: add them as a member instead`);
    }
    const token = newSecret('inv_');
    const now = new Date();
    const invitation = {
      id: newId(),
      email: input.email,
      documentId: input.documentId,
      role: input.role,
      delegation: input.delegation,
      invitedBy: inviter.user.id,
      createdAt: now.toISOString(),
      expiresAt: new Date(now.getTime() + INVITATION_DAYS * DAY_MS).toISOString(),
      acceptedAt: null,
    };
    await this.accounts.createInvitation({ ...invitation, tokenHash: secretHash(token) });
    return { id: invitation.id, email: invitation.email, token, expiresAt: invitation.expiresAt };
  }

  /** The invitation behind a link: 404 unknown, 410 used or expired. */
  async invitation(token: string) {
    const invitation = await this.accounts.getInvitationByHash(secretHash(token));
    if (!invitation) throw new HttpError(404, 'this invitation link is not valid');
    if (invitation.acceptedAt) throw new HttpError(410, 'this invitation has been used already: sign in');
    if (Date.parse(invitation.expiresAt) <= Date.now()) {
      throw new HttpError(410, 'this invitation has expired: ask for a new one');
    }
    return invitation;
  }

  async acceptInvitation(
    token: string,
    input: Record<string, unknown>,
  ): Promise<{ user: UserRecord; session: NewSession; documentId: string | null }> {
    const invitation = await this.invitation(token);
    const name = normalizeName(input.name);
    const password = requirePassword(input.password);
    let user: UserRecord;
    try {
      user = await this.accounts.acceptInvitation(invitation.id, {
        id: newId(),
        email: invitation.email,
        name,
        isAdmin: false,
        createdAt: new Date().toISOString(),
        passwordHash: await hashPassword(password),
      });
    } catch (error) {
      if (error instanceof InvitationUsedError)
        throw new HttpError(410, 'this invitation has been used already: sign in');
      if (error instanceof EmailTakenError)
        throw new HttpError(409, `${invitation.email} has an account already: sign in`);
      throw error;
    }
    return { user, session: await this.startSession(user), documentId: invitation.documentId };
  }
}
