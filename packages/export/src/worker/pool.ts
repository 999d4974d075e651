import os from 'node:os';
import { Worker } from 'node:worker_threads';
import type { PdfStandard } from '../typst/engine.ts';
import type { ExportJob, RenderRequest, RenderResponse } from './messages.ts';

const BOOTSTRAP = new URL('./bootstrap.js', import.meta.url);

export interface RenderOutput {
  /** The file; empty for a "hash" job. */
  bytes: Uint8Array<ArrayBuffer>;
  engine: 'native' | 'wasm' | 'docx' | 'none';
  standard?: PdfStandard;
  /** The document's title as exported (files are named after it). */
  title: string;
  sha256: string;
  versionId: string;
  /** Time in the queue plus the work, in ms. */
  ms: number;
}

export type RenderPoolEvent =
  | { type: 'engine'; engine: 'native' | 'wasm'; fallbackReason?: string }
  | { type: 'ua-refused'; reason: string }
  | { type: 'worker-lost'; reason: string };

export interface RenderPoolOptions {
  /** Worker threads (default: 1 on a machine of 2 cores or fewer, else 2). */
  size?: number;
  /** Jobs waiting beyond those running; more are refused with ExportBusyError (default 8). */
  maxQueue?: number;
  /** A job running longer is abandoned and its worker replaced (default 60 s). */
  timeoutMs?: number;
  /** An idle worker is ended after this long (default 5 min) and started again on demand. */
  idleMs?: number;
  /** Force a Typst engine (tests); by default native, else WASM. */
  engine?: 'native' | 'wasm';
  /** Engine choice, PDF/UA refusals and lost workers, for the caller to log. */
  onEvent?: (event: RenderPoolEvent) => void;
}

/** Every worker is busy and the queue is full: try again shortly (HTTP 503). */
export class ExportBusyError extends Error {
  constructor(queued: number) {
    super(`export queue full (${queued} waiting): try again shortly`);
    this.name = 'ExportBusyError';
  }
}

export class ExportFailedError extends Error {
  constructor(
    message: string,
    /** True when Typst refused the document (a defect of the template or model, not the machine). */
    readonly compileError = false,
  ) {
    super(message);
    this.name = 'ExportFailedError';
  }
}

interface Pending {
  request: RenderRequest;
  queuedAt: number;
  resolve: (output: RenderOutput) => void;
  reject: (error: Error) => void;
  timer?: NodeJS.Timeout;
}

interface Slot {
  worker: Worker;
  job?: Pending;
  idleTimer?: NodeJS.Timeout;
  announced: boolean;
}

/**
 * Renders exports in worker threads. A Typst compile is about half a second of CPU, and reading
 * and modelling a 40-page summary another 50 ms: on the main thread that would stall every
 * document's collaboration, so the main thread only encodes the Y.Doc and everything else runs
 * here.
 * Workers start on the first export, are unref'd while idle (they never keep a process alive)
 * and end after `idleMs` without work.
 */
export class RenderPool {
  private readonly size: number;
  private readonly maxQueue: number;
  private readonly timeoutMs: number;
  private readonly idleMs: number;
  private readonly slots: Slot[] = [];
  private readonly queue: Pending[] = [];
  private nextId = 0;
  private closed = false;

  constructor(private readonly options: RenderPoolOptions = {}) {
    this.size = Math.max(1, options.size ?? (os.availableParallelism() <= 2 ? 1 : 2));
    this.maxQueue = options.maxQueue ?? 8;
    this.timeoutMs = options.timeoutMs ?? 60_000;
    this.idleMs = options.idleMs ?? 300_000;
  }

  /** Reads, models and renders (or hashes) a document in a worker. */
  render(job: ExportJob): Promise<RenderOutput> {
    if (this.closed) return Promise.reject(new Error('the export pool is closed'));
    const canStart = this.slots.some((s) => !s.job) || this.slots.length < this.size;
    if (!canStart && this.queue.length >= this.maxQueue)
      return Promise.reject(new ExportBusyError(this.queue.length));
    return new Promise((resolve, reject) => {
      const request: RenderRequest = { id: ++this.nextId, job };
      this.queue.push({ request, queuedAt: performance.now(), resolve, reject });
      this.pump();
    });
  }

  /** Ends every worker; queued and running jobs fail. */
  async close(): Promise<void> {
    this.closed = true;
    for (const pending of this.queue.splice(0)) pending.reject(new Error('the export pool was closed'));
    await Promise.all([...this.slots].map((slot) => this.retire(slot, 'the export pool was closed')));
  }

  private pump(): void {
    while (this.queue.length) {
      const slot =
        this.slots.find((s) => !s.job) ?? (this.slots.length < this.size ? this.spawn() : undefined);
      if (!slot) return;
      this.start(slot, this.queue.shift()!);
    }
  }

  private spawn(): Slot {
    const worker = new Worker(BOOTSTRAP, { workerData: { engine: this.options.engine } });
    const slot: Slot = { worker, announced: false };
    worker.on('message', (response: RenderResponse) => this.settle(slot, response));
    worker.on('error', (error) => this.lose(slot, `export worker failed: ${error.message}`));
    worker.on('exit', (code) => this.lose(slot, `export worker exited with code ${code}`));
    this.slots.push(slot);
    return slot;
  }

  private start(slot: Slot, pending: Pending): void {
    clearTimeout(slot.idleTimer);
    slot.worker.ref();
    slot.job = pending;
    pending.timer = setTimeout(() => {
      // A compile that never ends (a pathological document) must not hold a worker forever.
      void this.retire(slot, `export took longer than ${this.timeoutMs} ms and was abandoned`);
    }, this.timeoutMs);
    slot.worker.postMessage(pending.request);
  }

  private settle(slot: Slot, response: RenderResponse): void {
    const pending = slot.job;
    if (!pending || pending.request.id !== response.id) return;
    clearTimeout(pending.timer);
    slot.job = undefined;
    if (response.ok) {
      if (!slot.announced && (response.engine === 'native' || response.engine === 'wasm')) {
        slot.announced = true;
        this.options.onEvent?.({
          type: 'engine',
          engine: response.engine,
          ...(response.fallbackReason ? { fallbackReason: response.fallbackReason } : {}),
        });
      }
      if (response.uaRefusal) this.options.onEvent?.({ type: 'ua-refused', reason: response.uaRefusal });
      pending.resolve({
        bytes: response.bytes,
        engine: response.engine,
        ...(response.standard ? { standard: response.standard } : {}),
        title: response.title,
        sha256: response.sha256,
        versionId: response.versionId,
        ms: performance.now() - pending.queuedAt,
      });
    } else {
      pending.reject(new ExportFailedError(response.error, response.compileError));
    }
    slot.worker.unref();
    slot.idleTimer = setTimeout(() => void this.retire(slot, 'idle'), this.idleMs);
    slot.idleTimer.unref();
    this.pump();
  }

  /** A worker died or was ended: fail its job, forget it, and let the queue start another. */
  private lose(slot: Slot, reason: string): void {
    const at = this.slots.indexOf(slot);
    if (at < 0) return;
    this.slots.splice(at, 1);
    clearTimeout(slot.idleTimer);
    if (slot.job) {
      clearTimeout(slot.job.timer);
      slot.job.reject(new ExportFailedError(reason));
      slot.job = undefined;
      if (reason !== 'idle') this.options.onEvent?.({ type: 'worker-lost', reason });
    }
    if (!this.closed) this.pump();
  }

  private async retire(slot: Slot, reason: string): Promise<void> {
    this.lose(slot, reason);
    await slot.worker.terminate();
  }
}
