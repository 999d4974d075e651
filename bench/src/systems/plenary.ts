import path from 'node:path';
import { managedSystem } from './handle.ts';
import { REPO_ROOT, spawnServer } from './process.ts';
import type { PlenaryUser, SystemHandle, SystemOptions, Target } from './types.ts';

/**
 * Plenary exactly as deployed: `node --import tsx apps/server/src/main.ts`, default SQLite
 * storage (WAL, fsync after the broadcast), configured only through its documented variables.
 * PLENARY_LOG_LEVEL=warn keeps per-connection info lines out of the measurement, so the port
 * is chosen by the harness and readiness read from GET /api/health.
 */
export function startPlenary(options: SystemOptions): Promise<SystemHandle> {
  const env: Record<string, string> = {
    HOST: '127.0.0.1',
    PLENARY_DATA_DIR: options.dataDir,
    PLENARY_LOG_LEVEL: 'warn',
  };
  if (options.unloadDelayMs !== undefined) {
    env.PLENARY_UNLOAD_DELAY_MS = String(options.unloadDelayMs);
  }
  return managedSystem(
    'plenary',
    () =>
      spawnServer({
        label: 'Plenary',
        script: path.join(options.plenaryRoot ?? REPO_ROOT, 'apps/server/src/main.ts'),
        readyPath: '/api/health',
        inspect: options.inspect,
        nodeFlags: options.nodeFlags,
        env,
      }),
    async (port) => {
      const token = await clientToken(port, options.plenaryUser ?? 'co-host');
      return {
        system: 'plenary',
        dialect: 'y-websocket',
        serverUrl: `ws://127.0.0.1:${port}/collab`,
        socketUrl: (id) => `ws://127.0.0.1:${port}/collab/${id}?token=${encodeURIComponent(token)}`,
        params: { token },
        headers: { authorization: `Bearer ${token}` },
      };
    },
    createDocuments,
  );
}

const BENCH_ADMIN = { email: 'bench@plenary.test', password: 'benchmark password', name: 'Benchmark' };
const BENCH_CO_HOST = {
  email: 'co-host@plenary.test',
  password: 'benchmark password',
  name: 'Benchmark co-host',
};

const JSON_HEADERS = { 'content-type': 'application/json' };

/** A signed-in browser session: its cookie and CSRF token. */
interface Session {
  cookie: string;
  csrfToken: string;
}

/**
 * Plenary refuses anonymous clients: the harness sets up the first account through the real
 * API (or signs in to it after a restart) and makes an API token for every client to use.
 *
 * By default the clients are a co-host, not the admin: the documents are created with the
 * token, so its user is their co-host, and a co-host (like a rapporteur) may not change the
 * structure, so every edit is checked against the structure roots as in a real meeting, where
 * the admin rarely types (docs/access.md). `as: 'admin'` measures without that check.
 */
async function clientToken(port: number, as: PlenaryUser): Promise<string> {
  const base = `http://127.0.0.1:${port}/api`;
  let admin = await post(`${base}/auth/setup`, BENCH_ADMIN);
  if (admin.status === 409) admin = await post(`${base}/auth/login`, BENCH_ADMIN);
  let session = await sessionOf(admin, 'signing in the benchmark admin');
  if (as === 'co-host') {
    // Signed in after a restart; set up through an invitation the first time.
    let response = await post(`${base}/auth/login`, BENCH_CO_HOST);
    if (response.status === 401) {
      const invited = await post(`${base}/invites`, { email: BENCH_CO_HOST.email }, session);
      if (invited.status !== 201)
        throw new Error(`inviting the benchmark co-host: ${invited.status} ${await invited.text()}`);
      const { token } = (await invited.json()) as { token: string };
      response = await post(`${base}/invites/${encodeURIComponent(token)}/accept`, BENCH_CO_HOST);
    }
    session = await sessionOf(response, 'signing in the benchmark co-host');
  }
  const created = await post(`${base}/tokens`, { name: 'benchmark' }, session);
  if (created.status !== 201)
    throw new Error(`creating the benchmark token: ${created.status} ${await created.text()}`);
  return ((await created.json()) as { token: string }).token;
}

function post(url: string, body: unknown, session?: Session): Promise<Response> {
  const headers: Record<string, string> = { ...JSON_HEADERS };
  if (session) {
    headers.cookie = session.cookie;
    headers['x-csrf-token'] = session.csrfToken;
  }
  return fetch(url, { method: 'POST', headers, body: JSON.stringify(body) });
}

async function sessionOf(response: Response, what: string): Promise<Session> {
  if (!response.ok) throw new Error(`${what}: ${response.status} ${await response.text()}`);
  const { csrfToken } = (await response.json()) as { csrfToken: string };
  const cookie = response.headers
    .getSetCookie()
    .map((c) => c.split(';')[0])
    .join('; ');
  return { cookie, csrfToken };
}

async function createDocuments(
  port: number,
  count: number,
  prefix: string,
  target: Target,
): Promise<string[]> {
  const ids: string[] = [];
  // A few requests at a time: each creation is one fsynced SQLite insert.
  for (let start = 0; start < count; start += 16) {
    const batch = Array.from({ length: Math.min(16, count - start) }, (_, i) =>
      createDocument(port, `${prefix} ${start + i}`, target.headers ?? {}),
    );
    ids.push(...(await Promise.all(batch)));
  }
  return ids;
}

async function createDocument(port: number, title: string, headers: Record<string, string>): Promise<string> {
  const response = await fetch(`http://127.0.0.1:${port}/api/documents`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify({ title }),
  });
  const body = (await response.json()) as { id?: string };
  if (response.status !== 201 || typeof body.id !== 'string') {
    throw new Error(`POST /api/documents answered ${response.status}: ${JSON.stringify(body)}`);
  }
  return body.id;
}
