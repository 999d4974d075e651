import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { startServer } from '@plenary/server';

const WEB_DIST = fileURLToPath(new URL('../../../apps/web/dist/index.html', import.meta.url));

export interface RunningApp {
  /** e.g. http://127.0.0.1:40123 */
  readonly url: string;
  createDocument(title: string): Promise<string>;
  close(): Promise<void>;
}

/** A real Plenary server on a free port with an empty data folder, serving the built web app. */
export async function startApp(): Promise<RunningApp> {
  if (!existsSync(WEB_DIST)) {
    throw new Error(`The web app is not built (${WEB_DIST} is missing): run "npm run build:web" first.`);
  }
  const dataDir = await mkdtemp(path.join(tmpdir(), 'plenary-browser-'));
  const server = await startServer({ host: '127.0.0.1', port: 0, dataDir, logLevel: 'silent' });
  return {
    url: server.url,
    async createDocument(title) {
      const response = await fetch(`${server.url}/api/documents`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ title }),
      });
      if (response.status !== 201)
        throw new Error(`POST /api/documents: ${response.status} ${await response.text()}`);
      const { id } = (await response.json()) as { id: string };
      return id;
    },
    async close() {
      await server.close();
      await rm(dataDir, { recursive: true, force: true });
    },
  };
}
