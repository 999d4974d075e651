import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import readline from 'node:readline';
import { fileURLToPath } from 'node:url';
import { ensureAdmin } from '../../support/credentials.ts';
import type { LogLine } from './logs.ts';

const REPO_ROOT = path.resolve(fileURLToPath(import.meta.url), '../../../..');

export interface ChildServer {
  readonly child: ChildProcess;
  /** http://127.0.0.1:<port>, from the server's "Plenary is listening" log line. */
  readonly url: string;
  /** Every JSON log line the server wrote to stdout so far. */
  readonly logs: LogLine[];
  /** Resolves when the process has exited. */
  readonly exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
  /** SIGKILLs the process if it still runs and waits for it to go (for cleanup). */
  kill(): Promise<void>;
}

/**
 * Runs the real entry point (`apps/server/src/main.ts`) in a child process on port 0 over
 * `dataDir`, as production would, and resolves once it listens (and, unless `admin` is false,
 * once the test admin is set up and its token remembered).
 */
export async function spawnServer(
  dataDir: string,
  {
    timeoutMs = 30_000,
    env = {},
    admin = true,
  }: { timeoutMs?: number; env?: Record<string, string>; admin?: boolean } = {},
): Promise<ChildServer> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'apps/server/src/main.ts'], {
    cwd: REPO_ROOT,
    env: {
      ...process.env,
      HOST: '127.0.0.1',
      PORT: '0',
      PLENARY_DATA_DIR: dataDir,
      PLENARY_LOG_LEVEL: 'info',
      ...env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) => {
    child.once('exit', (code, signal) => resolve({ code, signal }));
  });
  let stderr = '';
  child.stderr!.setEncoding('utf8').on('data', (chunk: string) => {
    stderr += chunk;
  });
  const logs: LogLine[] = [];
  const listening = new Promise<string>((resolve, reject) => {
    // Lines are read for as long as the child lives, so its stdout pipe never fills up.
    readline.createInterface({ input: child.stdout! }).on('line', (line) => {
      let entry: LogLine;
      try {
        entry = JSON.parse(line) as LogLine;
      } catch {
        return;
      }
      logs.push(entry);
      if (entry.msg === 'Plenary is listening') resolve(String(entry.url));
    });
    void exited.then(({ code, signal }) =>
      reject(new Error(`server exited (code ${code}, signal ${signal}) before listening:\n${stderr}`)),
    );
  });
  const kill = async () => {
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
    await exited;
  };
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(
      () => reject(new Error(`server did not listen within ${timeoutMs} ms:\n${stderr}`)),
      timeoutMs,
    );
  });
  try {
    const url = await Promise.race([listening, timeout]);
    if (admin) await ensureAdmin(url);
    return { child, url, logs, exited, kill };
  } catch (error) {
    await kill();
    throw error;
  } finally {
    clearTimeout(timer);
  }
}
