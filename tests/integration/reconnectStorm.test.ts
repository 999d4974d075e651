import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { spawnServer, type ChildServer } from './support/childServer.ts';
import { autoCleanup } from './support/cleanup.ts';
import { connectClient, type TestClient } from './support/clients.ts';
import { createDocument } from './support/http.ts';
import { makeTempDir, removeDir } from './support/server.ts';
import { waitFor } from './support/waitFor.ts';

const CLIENTS = 500;
/** Every 25th client edits (20 writers): enough to prove convergence, light enough for CI. */
const isWriter = (i: number) => i % 25 === 0;
const WRITERS = Math.ceil(CLIENTS / 25);
/** The bound we state (README): a 500-client storm on one document stays under this peak RSS. */
const PEAK_RSS_BOUND_MB = 300;

const cleanup = autoCleanup();

/** Peak resident memory of a process, from Linux's /proc (VmHWM), in MB. */
function peakRssMb(pid: number): number {
  const status = fs.readFileSync(`/proc/${pid}/status`, 'utf8');
  return Number(/^VmHWM:\s+(\d+) kB/m.exec(status)![1]) / 1024;
}

describe.runIf(process.platform === 'linux')('a reconnect storm', () => {
  it(
    `of ${CLIENTS} clients after a restart converges, within ${PEAK_RSS_BOUND_MB} MB`,
    { timeout: 180_000 },
    async () => {
      const dataDir = makeTempDir();
      cleanup(() => removeDir(dataDir));
      let server: ChildServer = await spawnServer(dataDir);
      cleanup(() => server.kill());
      const { id } = await createDocument(server.url);

      const clients: TestClient[] = [];
      for (let i = 0; i < CLIENTS; i++) {
        const c = connectClient(server.url, id, { timeoutMs: 60_000 });
        cleanup(() => c.destroy());
        clients.push(c);
      }
      await Promise.all(clients.map((c) => c.synced));
      clients.forEach((c, i) => isWriter(i) && c.doc.getMap<number>('before').set(`c${i}`, i));
      const entries = (c: TestClient, name: string) => c.doc.getMap(name).size;
      await waitFor(() => clients.every((c) => entries(c, 'before') === WRITERS), {
        what: 'first round to converge',
        timeoutMs: 60_000,
      });

      // Graceful restart on the same data: every client is closed with 1001 at once and, being a
      // stock provider (no jitter), comes back at once; the writers also edit while it is away.
      server.child.kill('SIGTERM');
      await server.exited;
      clients.forEach((c, i) => isWriter(i) && c.doc.getMap<number>('during').set(`c${i}`, i));
      // Same port, as a restarted service behind a fixed address would be: the clients' URL stays.
      server = await spawnServer(dataDir, { env: { PORT: new URL(server.url).port } });
      cleanup(() => server.kill());

      await waitFor(
        () => clients.every((c) => entries(c, 'during') === WRITERS && entries(c, 'before') === WRITERS),
        {
          what: `all ${CLIENTS} clients to reconnect and converge`,
          timeoutMs: 60_000,
        },
      );
      const peak = peakRssMb(server.child.pid!);
      console.log(
        `reconnect storm: ${CLIENTS} clients, server peak RSS ${peak.toFixed(0)} MB (bound ${PEAK_RSS_BOUND_MB} MB)`,
      );
      expect(peak).toBeLessThan(PEAK_RSS_BOUND_MB);
    },
  );
});
