import type { ServerProcess } from './process.ts';
import type { SystemHandle, SystemName, Target } from './types.ts';

/** Ids for systems that create a document on first use: the name is the id. */
export async function namedDocuments(count: number, prefix: string): Promise<string[]> {
  return Array.from({ length: count }, (_, i) => `${prefix.replace(/\W+/g, '-')}-${i}`);
}

/** A `SystemHandle` over a server process that `spawn` (re)starts on a new port. */
export async function managedSystem(
  name: SystemName,
  spawn: () => Promise<ServerProcess>,
  targetOf: (port: number) => Target | Promise<Target>,
  createDocuments: (port: number, count: number, prefix: string, target: Target) => Promise<string[]>,
): Promise<SystemHandle> {
  let server = await spawn();
  let target = await targetOf(server.port);
  return {
    name,
    get target() {
      return target;
    },
    get process() {
      return server;
    },
    createDocuments: (count, prefix) => createDocuments(server.port, count, prefix, target),
    async restart() {
      await server.stop();
      server = await spawn();
      target = await targetOf(server.port);
    },
    stop: () => server.stop(),
  };
}
