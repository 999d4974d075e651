import { describe, expect, it } from 'vitest';
import { CloseCode } from '@plenary/protocol';
import { resetPassword, secretHash } from '@plenary/server';
import { TEST_ADMIN, addMember, authedFetch, createToken, fetchAs, signIn } from '../support/credentials.ts';
import { autoCleanup } from './support/cleanup.ts';
import { openRawSocket } from './support/clients.ts';
import { createDocument, upgradeStatus } from './support/http.ts';
import { TestServer } from './support/server.ts';

const cleanup = autoCleanup();

async function start(options: Parameters<typeof TestServer.start>[0] = {}): Promise<TestServer> {
  const server = await TestServer.start(options);
  cleanup(() => server.dispose());
  return server;
}

const json = { 'content-type': 'application/json' };
const post = (url: string, body: unknown, headers: Record<string, string> = {}) =>
  fetch(url, { method: 'POST', headers: { ...json, ...headers }, body: JSON.stringify(body) });

describe('first run', () => {
  it('offers setup once: the first account is an admin, a second setup is refused', async () => {
    const server = await start({ admin: false });
    expect(await (await fetch(`${server.url}/api/auth/state`)).json()).toEqual({ setupRequired: true });
    const weak = await post(`${server.url}/api/auth/setup`, { ...TEST_ADMIN, password: 'short' });
    expect(weak.status).toBe(400);
    expect(((await weak.json()) as { error: string }).error).toMatch(/at least 10 characters/);

    const [first, second] = await Promise.all([
      post(`${server.url}/api/auth/setup`, TEST_ADMIN),
      post(`${server.url}/api/auth/setup`, { ...TEST_ADMIN, email: 'rival@example.org' }),
    ]);
    expect([first.status, second.status].sort()).toEqual([201, 409]);
    const winner = first.status === 201 ? first : second;
    const me = (await winner.json()) as { isAdmin: boolean; csrfToken: string };
    expect(me.isAdmin).toBe(true);
    const cookies = winner.headers.getSetCookie();
    expect(cookies.find((c) => c.startsWith('plenary_session='))).toMatch(/HttpOnly/i);
    expect(cookies.find((c) => c.startsWith('plenary_session='))).toMatch(/SameSite=Lax/i);
    expect(cookies.find((c) => c.startsWith('plenary_csrf='))).not.toMatch(/HttpOnly/i);
    expect(await (await fetch(`${server.url}/api/auth/state`)).json()).toEqual({ setupRequired: false });
  });
});

describe('signing in', () => {
  it('gives one generic error for a wrong password and for an unknown account', async () => {
    const server = await start();
    const wrong = await post(`${server.url}/api/auth/login`, {
      email: TEST_ADMIN.email,
      password: 'not the password',
    });
    const unknown = await post(`${server.url}/api/auth/login`, {
      email: 'nobody@example.org',
      password: 'not the password',
    });
    expect(wrong.status).toBe(401);
    expect(unknown.status).toBe(401);
    expect(await wrong.text()).toBe(await unknown.text());
    // Emails are case-insensitive.
    const session = await signIn(server.url, TEST_ADMIN.email.toUpperCase(), TEST_ADMIN.password);
    expect(session.user.email).toBe(TEST_ADMIN.email);
  });

  it('rate-limits guessing per account, even for the right password, and per address', async () => {
    const server = await start({ authLimits: { perAccount: 3, perAddress: 6, windowMs: 60_000 } });
    for (let i = 0; i < 3; i++) {
      expect(
        (
          await post(`${server.url}/api/auth/login`, {
            email: TEST_ADMIN.email,
            password: `guess ${i} guess`,
          })
        ).status,
      ).toBe(401);
    }
    const blocked = await post(`${server.url}/api/auth/login`, TEST_ADMIN);
    expect(blocked.status).toBe(429);
    expect(Number(blocked.headers.get('retry-after'))).toBeGreaterThan(0);
    // Other accounts from the same address: until the address limit.
    for (let i = 0; i < 3; i++) {
      expect(
        (
          await post(`${server.url}/api/auth/login`, {
            email: `other${i}@example.org`,
            password: 'guess guess',
          })
        ).status,
      ).toBe(401);
    }
    expect(
      (await post(`${server.url}/api/auth/login`, { email: 'other9@example.org', password: 'guess guess' }))
        .status,
    ).toBe(429);
  });

  it('refuses a sign-in that is not JSON (a cross-site form) and one from another origin', async () => {
    const server = await start();
    const form = await fetch(`${server.url}/api/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: `email=${TEST_ADMIN.email}&password=${TEST_ADMIN.password}`,
    });
    expect(form.status).toBe(415);
    const crossSite = await post(`${server.url}/api/auth/login`, TEST_ADMIN, {
      origin: 'https://evil.example',
    });
    expect(crossSite.status).toBe(403);
  });

  it('refuses oversized bodies with 413 before reading them', async () => {
    const server = await start();
    const response = await post(`${server.url}/api/auth/login`, {
      email: 'x@example.org',
      password: 'p'.repeat(400_000),
    });
    expect(response.status).toBe(413);
  });
});

describe('sessions, CSRF and tokens', () => {
  it('needs the CSRF token on state-changing requests made with the session cookie', async () => {
    const server = await start();
    const session = await signIn(server.url, TEST_ADMIN.email, TEST_ADMIN.password);
    const create = (headers: Record<string, string>) =>
      post(`${server.url}/api/documents`, { title: 'x' }, { cookie: session.cookie, ...headers });
    expect((await create({})).status).toBe(403);
    expect((await create({ 'x-csrf-token': 'forged' })).status).toBe(403);
    expect((await create({ 'x-csrf-token': session.csrfToken, origin: 'https://evil.example' })).status).toBe(
      403,
    );
    expect((await create({ 'x-csrf-token': session.csrfToken })).status).toBe(201);
    // Reading needs no CSRF token.
    expect((await fetch(`${server.url}/api/documents`, { headers: { cookie: session.cookie } })).status).toBe(
      200,
    );
  });

  it('refuses forged and expired cookies, and forged tokens', async () => {
    const server = await start();
    expect(
      (await fetch(`${server.url}/api/me`, { headers: { cookie: 'plenary_session=forged' } })).status,
    ).toBe(401);
    const user = (await (await authedFetch(`${server.url}/api/me`)).json()) as { id: string };
    const secret = 'an-expired-session-secret';
    await server.server.storage.accounts.createSession({
      idHash: secretHash(secret),
      userId: user.id,
      csrfToken: 'c',
      createdAt: new Date(Date.now() - 20 * 86_400_000).toISOString(),
      expiresAt: new Date(Date.now() - 86_400_000).toISOString(),
    });
    expect(
      (await fetch(`${server.url}/api/me`, { headers: { cookie: `plenary_session=${secret}` } })).status,
    ).toBe(401);
    expect(
      (await fetch(`${server.url}/api/me`, { headers: { authorization: 'Bearer plt_forged' } })).status,
    ).toBe(401);
  });

  it('signing out ends the session and closes its websockets', async () => {
    const server = await start();
    const { id } = await createDocument(server.url);
    const session = await signIn(server.url, TEST_ADMIN.email, TEST_ADMIN.password);
    const socket = await openWithCookie(server.url, id, session.cookie);
    const logout = await fetch(`${server.url}/api/auth/logout`, {
      method: 'POST',
      headers: { cookie: session.cookie, 'x-csrf-token': session.csrfToken },
    });
    expect(logout.status).toBe(204);
    expect((await socket.closed).code).toBe(CloseCode.Unauthenticated);
    expect((await fetch(`${server.url}/api/me`, { headers: { cookie: session.cookie } })).status).toBe(401);
  });

  it('sockets of a session ended elsewhere (a reset on the command line) close at the next sweep', async () => {
    const server = await start({ sessionSweepMs: 100 });
    const { id } = await createDocument(server.url);
    const session = await signIn(server.url, TEST_ADMIN.email, TEST_ADMIN.password);
    const socket = await openWithCookie(server.url, id, session.cookie);
    const tokenSocket = await openRawSocket(server.url, id);
    await resetPassword(server.server.storage, TEST_ADMIN.email);
    expect((await socket.closed).code).toBe(CloseCode.Unauthenticated);
    // The API token is not a session: its socket stays.
    expect(tokenSocket.ws.readyState).toBe(tokenSocket.ws.OPEN);
    tokenSocket.ws.close();
  });

  it('a role changed where this instance did not hear of it is caught at the next sweep', async () => {
    const server = await start({ sessionSweepMs: 100 });
    const { id } = await createDocument(server.url);
    const user = await addMember(server.url, id, {
      email: 'rap@example.org',
      name: 'Rapporteur',
      role: 'rapporteur',
    });
    const socket = await openRawSocket(server.url, id, user.token);
    // Straight in storage, as another instance would: no close from this instance's REST route.
    await server.server.storage.accounts.putMember({
      documentId: id,
      userId: user.session.user.id,
      role: 'observer',
      delegation: null,
      addedAt: new Date().toISOString(),
    });
    expect((await socket.closed).code).toBe(CloseCode.AccessChanged);
    const again = await openRawSocket(server.url, id, user.token);
    await server.server.storage.accounts.removeMember(id, user.session.user.id);
    expect((await again.closed).code).toBe(CloseCode.AccessRevoked);
  });

  it('changing the password ends the other sessions; the old password stops working', async () => {
    const server = await start();
    const here = await signIn(server.url, TEST_ADMIN.email, TEST_ADMIN.password);
    const elsewhere = await signIn(server.url, TEST_ADMIN.email, TEST_ADMIN.password);
    const change = (body: unknown) =>
      post(`${server.url}/api/me/password`, body, { cookie: here.cookie, 'x-csrf-token': here.csrfToken });
    expect(
      (await change({ currentPassword: 'wrong password', newPassword: 'a new long password' })).status,
    ).toBe(403);
    expect(
      (await change({ currentPassword: TEST_ADMIN.password, newPassword: 'a new long password' })).status,
    ).toBe(204);
    expect((await fetch(`${server.url}/api/me`, { headers: { cookie: elsewhere.cookie } })).status).toBe(401);
    expect((await fetch(`${server.url}/api/me`, { headers: { cookie: here.cookie } })).status).toBe(200);
    expect((await post(`${server.url}/api/auth/login`, TEST_ADMIN)).status).toBe(401);
    await signIn(server.url, TEST_ADMIN.email, 'a new long password');
  });

  it('a token made for document A does nothing on document B; a revoked token stops at once', async () => {
    const server = await start();
    const a = await createDocument(server.url, 'A');
    const b = await createDocument(server.url, 'B');
    const session = await signIn(server.url, TEST_ADMIN.email, TEST_ADMIN.password);
    const forA = await createToken(server.url, session, { name: 'script for A', documentId: a.id });
    expect((await fetchAs({ token: forA }, `${server.url}/api/documents/${a.id}`)).status).toBe(200);
    expect((await fetchAs({ token: forA }, `${server.url}/api/documents/${b.id}`)).status).toBe(403);
    expect(await upgradeStatus(server.url, `/collab/${a.id}`, forA)).toBe(101);
    expect(await upgradeStatus(server.url, `/collab/${b.id}`, forA)).toBe(403);
    // Nor can it create documents, list others or make tokens.
    expect(
      (
        await fetchAs({ token: forA }, `${server.url}/api/documents`, {
          method: 'POST',
          headers: json,
          body: '{"title":"x"}',
        })
      ).status,
    ).toBe(403);
    expect(
      (
        (await (await fetchAs({ token: forA }, `${server.url}/api/documents`)).json()) as Array<{
          id: string;
        }>
      ).map((d) => d.id),
    ).toEqual([a.id]);
    expect(
      (
        await fetchAs({ token: forA }, `${server.url}/api/tokens`, {
          method: 'POST',
          headers: json,
          body: '{"name":"more"}',
        })
      ).status,
    ).toBe(403);

    const socket = await openRawSocket(server.url, a.id, forA);
    const list = (await (
      await fetch(`${server.url}/api/tokens`, { headers: { cookie: session.cookie } })
    ).json()) as {
      tokens: Array<{ id: string; name: string }>;
    };
    const tokenId = list.tokens.find((t) => t.name === 'script for A')!.id;
    const revoked = await fetch(`${server.url}/api/tokens/${tokenId}`, {
      method: 'DELETE',
      headers: { cookie: session.cookie, 'x-csrf-token': session.csrfToken },
    });
    expect(revoked.status).toBe(204);
    expect((await socket.closed).code).toBe(CloseCode.Unauthenticated);
    expect((await fetchAs({ token: forA }, `${server.url}/api/documents/${a.id}`)).status).toBe(401);
  });

  it('refuses document ids that try to leave their path, on REST and on the websocket', async () => {
    const server = await start();
    for (const id of ['..%2F..%2Fetc', 'a.b', '%2e%2e']) {
      const status = (await authedFetch(`${server.url}/api/documents/${id}/members`)).status;
      expect([400, 404], id).toContain(status);
    }
    expect(await upgradeStatus(server.url, '/collab/%2e%2e')).toBe(400);
    expect(await upgradeStatus(server.url, '/collab/..%2F..%2Fetc')).toBe(400);
  });
});

describe('invitations', () => {
  it('is used once, expires, and never reveals more than its own invitation', async () => {
    const server = await start();
    const { id } = await createDocument(server.url, 'Summary');
    const invite = await authedFetch(`${server.url}/api/invites`, {
      method: 'POST',
      headers: json,
      body: JSON.stringify({ email: 'Amina@Example.org', documentId: id, role: 'rapporteur' }),
    });
    expect(invite.status).toBe(201);
    const { token, url } = (await invite.json()) as { token: string; url: string };
    expect(url).toBe(`${server.url}/invite/${token}`);
    expect(await (await fetch(`${server.url}/api/invites/${token}`)).json()).toMatchObject({
      email: 'amina@example.org',
      documentTitle: 'Summary',
      role: 'rapporteur',
    });
    expect((await fetch(`${server.url}/api/invites/inv_forged`)).status).toBe(404);
    const accept = (name: string) =>
      post(`${server.url}/api/invites/${token}/accept`, { name, password: 'amina’s password' });
    const [first, second] = await Promise.all([accept('Amina Diallo'), accept('Someone Else')]);
    expect([first.status, second.status].sort()).toEqual([201, 410]);
    const me = (await (first.status === 201 ? first : second).json()) as { name: string; documentId: string };
    expect(me.documentId).toBe(id);
    const amina = await signIn(server.url, 'amina@example.org', 'amina’s password');
    const docs = (await (
      await fetch(`${server.url}/api/documents`, { headers: { cookie: amina.cookie } })
    ).json()) as Array<{ id: string; role: string }>;
    expect(docs).toEqual([expect.objectContaining({ id, role: 'rapporteur' })]);

    // Only an admin invites without a document; a rapporteur cannot invite at all.
    const byRapporteur = await post(
      `${server.url}/api/invites`,
      { email: 'x@example.org', documentId: id, role: 'observer' },
      {
        cookie: amina.cookie,
        'x-csrf-token': amina.csrfToken,
      },
    );
    expect(byRapporteur.status).toBe(403);
  });

  it('an expired invitation answers 410', async () => {
    const server = await start();
    const { id } = await createDocument(server.url);
    const added = await authedFetch(`${server.url}/api/documents/${id}/members`, {
      method: 'POST',
      headers: json,
      body: JSON.stringify({ email: 'late@example.org', role: 'observer' }),
    });
    const { invitation } = (await added.json()) as { invitation: { id: string; token: string } };
    await server.server.storage.accounts.createInvitation({
      id: 'expired-one',
      tokenHash: secretHash('inv_expired'),
      email: 'late2@example.org',
      documentId: id,
      role: 'observer',
      delegation: null,
      invitedBy: 'x',
      createdAt: new Date(Date.now() - 9 * 86_400_000).toISOString(),
      expiresAt: new Date(Date.now() - 2 * 86_400_000).toISOString(),
      acceptedAt: null,
    });
    expect((await fetch(`${server.url}/api/invites/inv_expired`)).status).toBe(410);
    expect(
      (
        await post(`${server.url}/api/invites/inv_expired/accept`, {
          name: 'Late',
          password: 'late password 1',
        })
      ).status,
    ).toBe(410);
    expect((await fetch(`${server.url}/api/invites/${invitation.token}`)).status).toBe(200);
  });
});

describe('names with markup', () => {
  it('are stored and returned as text, never interpreted', async () => {
    const server = await start();
    const { id } = await createDocument(server.url);
    const name = '<img src=x onerror=alert(1)> & <script>alert(2)</script>';
    const user = await addMember(server.url, id, { email: 'markup@example.org', name, role: 'observer' });
    const me = (await (await fetchAs(user, `${server.url}/api/me`)).json()) as { name: string };
    expect(me.name).toBe(name);
    const response = await authedFetch(`${server.url}/api/documents/${id}/members`);
    expect(response.headers.get('content-type')).toMatch(/^application\/json/);
    expect(
      ((await response.json()) as { members: Array<{ name: string }> }).members.map((m) => m.name),
    ).toContain(name);
  });
});

/** A websocket opened with a session cookie, as the browser does. */
async function openWithCookie(baseUrl: string, documentId: string, cookie: string) {
  const { default: WebSocket } = await import('ws');
  const ws = new WebSocket(`${baseUrl.replace(/^http/, 'ws')}/collab/${documentId}`, { headers: { cookie } });
  const closed = new Promise<{ code: number }>((resolve) => ws.once('close', (code) => resolve({ code })));
  ws.on('error', () => {});
  await new Promise((resolve, reject) => {
    ws.once('open', resolve);
    ws.once('unexpected-response', (_req, res) => reject(new Error(`upgrade refused: ${res.statusCode}`)));
  });
  cleanup(() => ws.terminate());
  return { ws, closed };
}
