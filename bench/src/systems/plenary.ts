import path from 'node:path';
import { managedSystem } from './handle.ts';
import { REPO_ROOT, spawnServer } from './process.ts';
import type { SystemHandle, SystemOptions, Target } from './types.ts';

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
      const token = await adminToken(port);
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

/**
 * Plenary refuses anonymous clients: the harness sets up the first account through the real
 * API (or signs in to it after a restart) and makes an API token for every client to use.
 */
async function adminToken(port: number): Promise<string> {
  const base = `http://127.0.0.1:${port}/api`;
  const json = { 'content-type': 'application/json' };
  let response = await fetch(`${base}/auth/setup`, {
    method: 'POST',
    headers: json,
    body: JSON.stringify(BENCH_ADMIN),
  });
  if (response.status === 409) {
    response = await fetch(`${base}/auth/login`, {
      method: 'POST',
      headers: json,
      body: JSON.stringify(BENCH_ADMIN),
    });
  }
  if (!response.ok)
    throw new Error(`signing in the benchmark account: ${response.status} ${await response.text()}`);
  const { csrfToken } = (await response.json()) as { csrfToken: string };
  const cookie = response.headers
    .getSetCookie()
    .map((c) => c.split(';')[0])
    .join('; ');
  const created = await fetch(`${base}/tokens`, {
    method: 'POST',
    headers: { ...json, cookie, 'x-csrf-token': csrfToken },
    body: JSON.stringify({ name: 'benchmark' }),
  });
  if (created.status !== 201)
    throw new Error(`creating the benchmark token: ${created.status} ${await created.text()}`);
  return ((await created.json()) as { token: string }).token;
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
