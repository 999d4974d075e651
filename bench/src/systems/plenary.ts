import path from 'node:path';
import { managedSystem } from './handle.ts';
import { REPO_ROOT, spawnServer } from './process.ts';
import type { SystemHandle, SystemOptions } from './types.ts';

/**
 * Plenary exactly as deployed: `node --import tsx apps/server/src/main.ts`, default SQLite
 * storage (WAL, synchronous=FULL), configured only through its documented variables.
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
    (port) => ({
      system: 'plenary',
      dialect: 'y-websocket',
      serverUrl: `ws://127.0.0.1:${port}/collab`,
      socketUrl: (id) => `ws://127.0.0.1:${port}/collab/${id}`,
    }),
    createDocuments,
  );
}

async function createDocuments(port: number, count: number, prefix: string): Promise<string[]> {
  const ids: string[] = [];
  // A few requests at a time: each creation is one fsynced SQLite insert.
  for (let start = 0; start < count; start += 16) {
    const batch = Array.from({ length: Math.min(16, count - start) }, (_, i) =>
      createDocument(port, `${prefix} ${start + i}`),
    );
    ids.push(...(await Promise.all(batch)));
  }
  return ids;
}

async function createDocument(port: number, title: string): Promise<string> {
  const response = await fetch(`http://127.0.0.1:${port}/api/documents`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ title }),
  });
  const body = (await response.json()) as { id?: string };
  if (response.status !== 201 || typeof body.id !== 'string') {
    throw new Error(`POST /api/documents answered ${response.status}: ${JSON.stringify(body)}`);
  }
  return body.id;
}
