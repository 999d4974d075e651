import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { managedSystem, namedDocuments } from './handle.ts';
import { spawnServer } from './process.ts';
import type { SystemHandle, SystemOptions } from './types.ts';

const SCRIPT = path.join(path.dirname(fileURLToPath(import.meta.url)), 'hocuspocusServer.ts');

/** Hocuspocus 4.7 with defaults and its SQLite extension, in its own process. */
export function startHocuspocus(options: SystemOptions): Promise<SystemHandle> {
  return managedSystem(
    'hocuspocus',
    () =>
      spawnServer({
        label: 'Hocuspocus',
        script: SCRIPT,
        readyPath: '/',
        inspect: options.inspect,
        nodeFlags: options.nodeFlags,
        env: { BENCH_DATA_DIR: options.dataDir },
      }),
    (port) => ({
      system: 'hocuspocus',
      dialect: 'hocuspocus',
      serverUrl: `ws://127.0.0.1:${port}`,
      socketUrl: () => `ws://127.0.0.1:${port}`,
    }),
    (_port, count, prefix) => namedDocuments(count, prefix),
  );
}
