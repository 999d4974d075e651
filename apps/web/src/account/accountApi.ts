import { isRole, type Role } from '@plenary/protocol';
import { isRecord, jsonBody, request } from '../api.ts';

/** The signed-in account, as `GET /api/me` describes it (docs/access.md). */
export interface Me {
  readonly id: string;
  readonly email: string;
  readonly name: string;
  readonly isAdmin: boolean;
}

/** An invitation as its link shows it, before it is accepted. */
export interface InvitationPreview {
  readonly email: string;
  readonly documentTitle: string | null;
  readonly documentId: string | null;
  readonly role: Role | null;
  readonly expiresAt: string;
}

export interface ApiToken {
  readonly id: string;
  readonly name: string;
  readonly documentId: string | null;
  readonly createdAt: string | null;
  readonly lastUsedAt: string | null;
}

export function getAuthState(signal?: AbortSignal): Promise<{ setupRequired: boolean }> {
  return request('/api/auth/state', { signal }, (body) => ({
    setupRequired: isRecord(body) && body.setupRequired === true,
  }));
}

export function getMe(signal?: AbortSignal): Promise<Me> {
  return request('/api/me', { signal }, toMe);
}

export function setUp(account: { email: string; password: string; name: string }): Promise<Me> {
  return request('/api/auth/setup', jsonBody('POST', account), toMe);
}

export function signIn(credentials: { email: string; password: string }): Promise<Me> {
  return request('/api/auth/login', jsonBody('POST', credentials), toMe);
}

export function signOut(): Promise<void> {
  return request('/api/auth/logout', { method: 'POST' }, () => undefined);
}

export function changePassword(change: { currentPassword: string; newPassword: string }): Promise<void> {
  return request('/api/me/password', jsonBody('POST', change), () => undefined);
}

export function getInvitation(token: string, signal?: AbortSignal): Promise<InvitationPreview> {
  return request(`/api/invites/${encodeURIComponent(token)}`, { signal }, (body) => {
    if (!isRecord(body) || typeof body.email !== 'string')
      throw new TypeError(`Not an invitation: ${JSON.stringify(body)}`);
    return {
      email: body.email,
      documentTitle: typeof body.documentTitle === 'string' ? body.documentTitle : null,
      documentId: typeof body.documentId === 'string' ? body.documentId : null,
      role: isRole(body.role) ? body.role : null,
      expiresAt: typeof body.expiresAt === 'string' ? body.expiresAt : '',
    };
  });
}

export function acceptInvitation(token: string, account: { name: string; password: string }): Promise<Me> {
  return request(`/api/invites/${encodeURIComponent(token)}/accept`, jsonBody('POST', account), toMe);
}

export function listTokens(signal?: AbortSignal): Promise<ApiToken[]> {
  return request('/api/tokens', { signal }, (body) => {
    const list = Array.isArray(body)
      ? body
      : isRecord(body) && Array.isArray(body.tokens)
        ? body.tokens
        : null;
    if (!list) throw new TypeError(`Not a list of tokens: ${JSON.stringify(body)}`);
    return list.flatMap((entry: unknown) => {
      if (!isRecord(entry) || typeof entry.id !== 'string' || typeof entry.name !== 'string') return [];
      return [
        {
          id: entry.id,
          name: entry.name,
          documentId: optionalString(entry.documentId),
          createdAt: optionalString(entry.createdAt),
          lastUsedAt: optionalString(entry.lastUsedAt),
        },
      ];
    });
  });
}

/** A new token; its secret is in this answer only. */
export function createToken(input: {
  name: string;
  documentId?: string;
}): Promise<{ id: string; name: string; token: string }> {
  return request('/api/tokens', jsonBody('POST', input), (body) => {
    if (!isRecord(body) || typeof body.id !== 'string' || typeof body.token !== 'string')
      throw new TypeError('The server answered without a token');
    return { id: body.id, name: typeof body.name === 'string' ? body.name : input.name, token: body.token };
  });
}

export function revokeToken(id: string): Promise<void> {
  return request(`/api/tokens/${encodeURIComponent(id)}`, { method: 'DELETE' }, () => undefined);
}

export function toMe(body: unknown): Me {
  if (
    isRecord(body) &&
    typeof body.id === 'string' &&
    typeof body.email === 'string' &&
    typeof body.name === 'string'
  ) {
    return { id: body.id, email: body.email, name: body.name, isAdmin: body.isAdmin === true };
  }
  throw new TypeError(`Not an account: ${JSON.stringify(body)}`);
}

function optionalString(value: unknown): string | null {
  return typeof value === 'string' ? value : null;
}
