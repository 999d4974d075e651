import { spawn, type ChildProcess } from 'node:child_process';
import net from 'node:net';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/** The repository root: servers run from there so `--import tsx` resolves. */
export const REPO_ROOT = path.resolve(fileURLToPath(import.meta.url), '../../../..');

export interface SpawnOptions {
  /** Script to run with `node --import tsx`, absolute. */
  script: string;
  env: Record<string, string>;
  /** Path answered with 200 once the server listens (polled). */
  readyPath: string;
  /** Adds `--inspect=127.0.0.1:0 --expose-gc`: heap can then be read from outside (S5). */
  inspect?: boolean;
  /** Extra node flags, e.g. `--cpu-prof` while profiling. */
  nodeFlags?: string[];
  label: string;
}

/** A server running in its own process, on 127.0.0.1. */
export interface ServerProcess {
  readonly pid: number;
  readonly port: number;
  /** `ws://127.0.0.1:<port>/<uuid>` when started with `inspect`. */
  readonly inspectorUrl: string | undefined;
  /** The last lines the server printed, for error messages. */
  recentOutput(): string;
  /** SIGTERM (the server's own graceful shutdown), SIGKILL after `graceMs`. */
  stop(graceMs?: number): Promise<void>;
}

/** A free TCP port on 127.0.0.1 (bound then released; nothing else runs here meanwhile). */
export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = net.createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as net.AddressInfo;
      probe.close(() => resolve(port));
    });
  });
}

export async function spawnServer(options: SpawnOptions): Promise<ServerProcess> {
  const port = await freePort();
  const flags = [
    '--import',
    'tsx',
    ...(options.inspect ? ['--inspect=127.0.0.1:0', '--expose-gc'] : []),
    ...(options.nodeFlags ?? []),
  ];
  const child = spawn(process.execPath, [...flags, options.script], {
    cwd: REPO_ROOT,
    env: { ...process.env, ...options.env, PORT: String(port) },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const lines: string[] = [];
  let inspectorUrl: string | undefined;
  let inspectorSeen: () => void = () => {};
  const inspectorReady = new Promise<void>((resolve) => (inspectorSeen = resolve));
  const keep = (chunk: Buffer) => {
    for (const line of chunk.toString('utf8').split('\n')) {
      if (!line) continue;
      const match = /Debugger listening on (ws:\/\/\S+)/.exec(line);
      if (match) {
        inspectorUrl = match[1];
        inspectorSeen();
      }
      lines.push(line);
      if (lines.length > 200) lines.shift();
    }
  };
  // Both pipes are always drained: a server blocked on a full stdout would measure nothing.
  child.stdout!.on('data', keep);
  child.stderr!.on('data', keep);
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  let exitCode: number | null | undefined;
  void exited.then((code) => (exitCode = code));

  const recentOutput = () => lines.slice(-40).join('\n');
  const deadline = Date.now() + 30_000;
  for (;;) {
    if (exitCode !== undefined) {
      throw new Error(`${options.label} exited with ${exitCode} before listening:\n${recentOutput()}`);
    }
    if (await answers(port, options.readyPath)) break;
    if (Date.now() > deadline) {
      child.kill('SIGKILL');
      throw new Error(`${options.label} did not listen within 30 s:\n${recentOutput()}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  if (options.inspect) await inspectorReady;

  return {
    pid: child.pid!,
    port,
    get inspectorUrl() {
      return inspectorUrl;
    },
    recentOutput,
    stop: (graceMs = 15_000) => stopChild(child, exited, graceMs),
  };
}

async function answers(port: number, readyPath: string): Promise<boolean> {
  try {
    const response = await fetch(`http://127.0.0.1:${port}${readyPath}`);
    await response.arrayBuffer();
    return response.ok;
  } catch {
    return false;
  }
}

async function stopChild(
  child: ChildProcess,
  exited: Promise<number | null>,
  graceMs: number,
): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  child.kill('SIGTERM');
  const timer = setTimeout(() => child.kill('SIGKILL'), graceMs);
  await exited;
  clearTimeout(timer);
}
