import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Role } from '@plenary/protocol';
import { startServer } from '@plenary/server';
import { ApiClient } from './apiClient.ts';

const WEB_DIST = fileURLToPath(new URL('../../../apps/web/dist/index.html', import.meta.url));

/** Someone with an account, and their API client (signed in as them). */
export interface Person {
  readonly name: string;
  readonly email: string;
  readonly password: string;
  readonly api: ApiClient;
}

export interface RunningApp {
  /** e.g. http://127.0.0.1:40123 */
  readonly url: string;
  /** The first account, an administrator; undefined with `{ setup: false }`. */
  readonly admin: Person;
  /** A document made by the admin (its co-host); its id. */
  createDocument(title: string, body?: Record<string, unknown>): Promise<string>;
  /** A new account with `role` on the document, through an invitation the admin makes. */
  addPerson(documentId: string, name: string, role: Role, delegation?: string): Promise<Person>;
  /**
   * Document updates the server refused for lack of a right (from /metrics). The server drops
   * them silently, so a client that sent one now differs from everyone else: the web app must
   * never send any.
   */
  refusedUpdates(): Promise<number>;
  close(): Promise<void>;
}

export const ADMIN = { name: 'Secretariat Admin', email: 'admin@plenary.test', password: 'admin password 1' };

/**
 * A real Plenary server on a free port with an empty data folder, serving the built web app.
 * By default its first account (an admin) exists already; `{ setup: false }` leaves the server
 * in its first-run state.
 */
export async function startApp(options: { setup?: boolean } = {}): Promise<RunningApp> {
  if (!existsSync(WEB_DIST)) {
    throw new Error(`The web app is not built (${WEB_DIST} is missing): run "npm run build:web" first.`);
  }
  const dataDir = await mkdtemp(path.join(tmpdir(), 'plenary-browser-'));
  const server = await startServer({ host: '127.0.0.1', port: 0, dataDir, logLevel: 'silent' });
  const adminApi = new ApiClient(server.url);
  if (options.setup !== false) await adminApi.expect(201, 'POST', '/api/auth/setup', ADMIN);
  let people = 0;
  return {
    url: server.url,
    admin: { ...ADMIN, api: adminApi },
    async createDocument(title, body = {}) {
      const { id } = await adminApi.expect<{ id: string }>(201, 'POST', '/api/documents', { title, ...body });
      return id;
    },
    async addPerson(documentId, name, role, delegation) {
      people += 1;
      const email = `person${people}@plenary.test`;
      const password = `password of ${name}`;
      const invitation = await adminApi.expect<{ token: string }>(201, 'POST', '/api/invites', {
        email,
        documentId,
        role,
        ...(delegation && { delegation }),
      });
      const api = new ApiClient(server.url);
      await api.expect(201, 'POST', `/api/invites/${invitation.token}/accept`, { name, password });
      return { name, email, password, api };
    },
    async refusedUpdates() {
      const text = await (await fetch(`${server.url}/metrics`)).text();
      const match = /^plenary_errors_total\{kind="update_refused"\} (\d+)/m.exec(text);
      return match ? Number(match[1]) : 0;
    },
    async close() {
      await server.close();
      await rm(dataDir, { recursive: true, force: true });
    },
  };
}
