import path from 'node:path';
import { SQLite } from '@hocuspocus/extension-sqlite';
import { Server } from '@hocuspocus/server';

/**
 * Hocuspocus 4.7 with its defaults and its SQLite extension (debounced saves: 2 s, at most
 * 10 s), as a child process: `PORT=<port> BENCH_DATA_DIR=<dir> node --import tsx ...`.
 * `quiet` only silences the start banner. SIGTERM/SIGINT: Hocuspocus' own handler flushes
 * pending saves and exits.
 */
const dataDir = process.env.BENCH_DATA_DIR;
if (!dataDir) throw new Error('BENCH_DATA_DIR is required');

const server = new Server({
  port: Number(process.env.PORT ?? 0),
  address: '127.0.0.1',
  quiet: true,
  extensions: [new SQLite({ database: path.join(dataDir, 'hocuspocus.sqlite') })],
});
await server.listen();
