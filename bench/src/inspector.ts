import WebSocket from 'ws';

/**
 * A minimal Chrome DevTools Protocol client over a raw websocket to a server started with
 * `--inspect`: enough to force a full GC and read the V8 heap, with no code in the server.
 */
export class InspectorClient {
  private nextId = 1;
  private readonly pending = new Map<number, { resolve(v: unknown): void; reject(e: Error): void }>();

  private constructor(private readonly ws: WebSocket) {
    ws.on('message', (data) => {
      const message = JSON.parse(String(data)) as {
        id?: number;
        result?: unknown;
        error?: { message: string };
      };
      if (message.id === undefined) return;
      const waiter = this.pending.get(message.id);
      if (!waiter) return;
      this.pending.delete(message.id);
      if (message.error) waiter.reject(new Error(`inspector: ${message.error.message}`));
      else waiter.resolve(message.result);
    });
  }

  static async connect(url: string): Promise<InspectorClient> {
    const ws = new WebSocket(url, { perMessageDeflate: false });
    await new Promise<void>((resolve, reject) => {
      ws.once('open', () => resolve());
      ws.once('error', reject);
    });
    return new InspectorClient(ws);
  }

  call<T>(method: string, params: Record<string, unknown> = {}): Promise<T> {
    const id = this.nextId++;
    return new Promise<T>((resolve, reject) => {
      this.pending.set(id, { resolve: resolve as (v: unknown) => void, reject });
      this.ws.send(JSON.stringify({ id, method, params }));
    });
  }

  /**
   * V8 heap in use after full collections, in bytes, without the code spaces: machine code
   * that V8 compiles as the server warms up stays, and is not memory held for documents.
   * Two collections: the first may only finalize objects that the second frees.
   */
  /**
   * After two full collections: V8 heap bytes in use (`data`: every space but code; `code`), and
   * `arrayBuffers`, the bytes of ArrayBuffer backing stores, which live outside the V8 heap
   * (encoded documents held as bytes, socket buffers).
   */
  async heapAfterGc(): Promise<{ data: number; code: number; arrayBuffers: number }> {
    await this.call('HeapProfiler.collectGarbage');
    await this.call('HeapProfiler.collectGarbage');
    // `require` is the inspector console's (includeCommandLineAPI): nothing runs in the server
    // that it did not already contain.
    const result = await this.call<{ result: { value: string } }>('Runtime.evaluate', {
      expression:
        "JSON.stringify({ spaces: require('v8').getHeapSpaceStatistics().map((s) => [s.space_name, s.space_used_size]), arrayBuffers: process.memoryUsage().arrayBuffers })",
      includeCommandLineAPI: true,
      returnByValue: true,
    });
    const { spaces, arrayBuffers } = JSON.parse(result.result.value) as {
      spaces: Array<[string, number]>;
      arrayBuffers: number;
    };
    let data = 0;
    let code = 0;
    for (const [name, used] of spaces) {
      if (name.startsWith('code_')) code += used;
      else data += used;
    }
    return { data, code, arrayBuffers };
  }

  close(): void {
    this.ws.close();
  }
}
