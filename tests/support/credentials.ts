/**
 * Credentials for test servers. Every test server has one admin account (created through the
 * real setup API, or signed in to when the data folder already has it) and an API token that
 * test clients use on REST (`Authorization: Bearer`) and on the websocket (`?token=`).
 *
 * Tokens are remembered per server origin, the way a browser remembers cookies per site, so the
 * helpers that take a base URL (clients, raw sockets, createDocument) authenticate without every
 * test threading a token through.
 */
export const TEST_ADMIN = {
  email: 'admin@plenary.test',
  password: 'correct horse battery staple',
  name: 'Test Admin',
} as const;

const tokens = new Map<string, string>();

function originOf(url: string): string {
  return new URL(url.replace(/^ws/, 'http')).origin;
}

export function rememberToken(baseUrl: string, token: string): void {
  tokens.set(originOf(baseUrl), token);
}

/** The token remembered for the server at `url` (any URL on it); throws when there is none. */
export function tokenFor(url: string): string {
  const token = tokens.get(originOf(url));
  if (!token)
    throw new Error(`no test credentials for ${originOf(url)}: start it with TestServer or call ensureAdmin`);
  return token;
}

/** A browser-like session: the cookies and the CSRF token to echo. */
export interface TestSession {
  cookie: string;
  csrfToken: string;
  user: { id: string; email: string; name: string; isAdmin: boolean };
}

function cookieHeader(response: Response): string {
  return response.headers
    .getSetCookie()
    .map((c) => c.split(';')[0])
    .join('; ');
}

/** Signs in through the real API. */
export async function signIn(baseUrl: string, email: string, password: string): Promise<TestSession> {
  const response = await fetch(`${baseUrl}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email, password }),
  });
  if (response.status !== 200)
    throw new Error(`signing in ${email}: HTTP ${response.status} ${await response.text()}`);
  const user = (await response.json()) as TestSession['user'] & { csrfToken: string };
  return { cookie: cookieHeader(response), csrfToken: user.csrfToken, user };
}

/** Creates an API token with a session. */
export async function createToken(
  baseUrl: string,
  session: TestSession,
  body: { name: string; documentId?: string },
): Promise<string> {
  const response = await fetch(`${baseUrl}/api/tokens`, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      cookie: session.cookie,
      'x-csrf-token': session.csrfToken,
    },
    body: JSON.stringify(body),
  });
  if (response.status !== 201)
    throw new Error(`creating a token: HTTP ${response.status} ${await response.text()}`);
  return ((await response.json()) as { token: string }).token;
}

/**
 * Makes sure the server has the test admin (first-run setup, or sign-in when it exists already),
 * creates a token for it and remembers it for the server's origin. Returns the token.
 */
export async function ensureAdmin(baseUrl: string): Promise<string> {
  const setup = await fetch(`${baseUrl}/api/auth/setup`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(TEST_ADMIN),
  });
  let session: TestSession;
  if (setup.status === 201) {
    const user = (await setup.json()) as TestSession['user'] & { csrfToken: string };
    session = { cookie: cookieHeader(setup), csrfToken: user.csrfToken, user };
  } else if (setup.status === 409) {
    session = await signIn(baseUrl, TEST_ADMIN.email, TEST_ADMIN.password);
  } else {
    throw new Error(`setting up the test admin: HTTP ${setup.status} ${await setup.text()}`);
  }
  const token = await createToken(baseUrl, session, { name: 'tests' });
  rememberToken(baseUrl, token);
  return token;
}

/** `fetch` with the remembered token of the server the URL points at. */
export function authedFetch(url: string, init: RequestInit = {}): Promise<Response> {
  const headers = new Headers(init.headers);
  if (!headers.has('authorization')) headers.set('authorization', `Bearer ${tokenFor(url)}`);
  return fetch(url, { ...init, headers });
}

/** Someone with an account on a test server: their session and an API token of theirs. */
export interface TestUser {
  email: string;
  name: string;
  session: TestSession;
  token: string;
}

/**
 * Gives `email` a role on a document through the real API, as a co-host would: the admin adds
 * them; without an account that makes an invitation, which they accept (choosing their name and
 * password). Returns their credentials.
 */
export async function addMember(
  baseUrl: string,
  documentId: string,
  member: { email: string; name: string; role: string; delegation?: string },
): Promise<TestUser> {
  const response = await authedFetch(`${baseUrl}/api/documents/${documentId}/members`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email: member.email, role: member.role, delegation: member.delegation }),
  });
  const body = (await response.json()) as { invitation?: { token: string } };
  if (!response.ok)
    throw new Error(`adding ${member.email}: HTTP ${response.status} ${JSON.stringify(body)}`);
  const password = `password of ${member.email}`;
  let session: TestSession;
  if (body.invitation) {
    const accepted = await fetch(`${baseUrl}/api/invites/${body.invitation.token}/accept`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ name: member.name, password }),
    });
    if (accepted.status !== 201)
      throw new Error(`accepting the invitation: HTTP ${accepted.status} ${await accepted.text()}`);
    const user = (await accepted.json()) as TestSession['user'] & { csrfToken: string };
    session = { cookie: cookieHeader(accepted), csrfToken: user.csrfToken, user };
  } else {
    session = await signIn(baseUrl, member.email, password);
  }
  const token = await createToken(baseUrl, session, { name: `${member.email} tests` });
  return { email: member.email, name: member.name, session, token };
}

/** `fetch` as a given user (their API token). */
export function fetchAs(user: { token: string }, url: string, init: RequestInit = {}): Promise<Response> {
  const headers = new Headers(init.headers);
  headers.set('authorization', `Bearer ${user.token}`);
  return fetch(url, { ...init, headers });
}
