import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { startServer, type PlenaryServer, type StartOptions } from '@plenary/server';
import { ensureAdmin } from '../../support/credentials.ts';

/** A fresh empty folder under the system temp dir; `removeDir` deletes it. */
export function makeTempDir(prefix = 'plenary-it-'): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), prefix));
}

export function removeDir(dir: string): void {
  fs.rmSync(dir, { recursive: true, force: true });
}

export type TestServerOptions = Omit<StartOptions, 'host' | 'port' | 'dataDir'> & {
  /** Create (or sign in) the test admin and remember its token for this server. Default true. */
  admin?: boolean;
};

/** A Plenary server on 127.0.0.1, port 0, over a data folder that outlives restarts. */
export class TestServer {
  private constructor(
    private current: PlenaryServer,
    readonly dataDir: string,
    private readonly options: TestServerOptions,
  ) {}

  /** Starts a server over `dataDir` (a new temp folder if not given). */
  static async start(options: TestServerOptions = {}, dataDir = makeTempDir()): Promise<TestServer> {
    const server = await TestServer.boot(options, dataDir);
    return new TestServer(server, dataDir, options);
  }

  private static async boot(
    { admin = true, ...options }: TestServerOptions,
    dataDir: string,
  ): Promise<PlenaryServer> {
    const server = await startServer({ logLevel: 'silent', ...options, host: '127.0.0.1', port: 0, dataDir });
    if (admin) await ensureAdmin(server.url);
    return server;
  }

  get server(): PlenaryServer {
    return this.current;
  }

  /** http://127.0.0.1:<port> of the running server (changes on restart). */
  get url(): string {
    return this.current.url;
  }

  /** Graceful stop, then a new server on the same data folder (and a new port). */
  async restart(options: TestServerOptions = this.options): Promise<void> {
    await this.current.close();
    this.current = await TestServer.boot(options, this.dataDir);
  }

  /** Stops the server and deletes its data folder. */
  async dispose(): Promise<void> {
    try {
      await this.current.close();
    } finally {
      removeDir(this.dataDir);
    }
  }
}
