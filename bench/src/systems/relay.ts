import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { managedSystem, namedDocuments } from './handle.ts';
import { spawnServer } from './process.ts';
import type { SystemHandle, SystemOptions } from './types.ts';

const SCRIPT = path.join(path.dirname(fileURLToPath(import.meta.url)), 'relayServer.ts');

/** The bare relay (relayServer.ts) in its own process. It keeps nothing across a restart. */
export function startRelay(options: SystemOptions): Promise<SystemHandle> {
  return managedSystem(
    'relay',
    () =>
      spawnServer({
        label: 'relay',
        script: SCRIPT,
        readyPath: '/',
        inspect: options.inspect,
        nodeFlags: options.nodeFlags,
        env: {},
      }),
    (port) => ({
      system: 'relay',
      dialect: 'y-websocket',
      serverUrl: `ws://127.0.0.1:${port}`,
      socketUrl: (id) => `ws://127.0.0.1:${port}/${id}`,
    }),
    (_port, count, prefix) => namedDocuments(count, prefix),
  );
}
