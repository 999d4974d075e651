import type { Logger } from 'pino';
import type { PendingUpdate, Storage } from '../storage/Storage.ts';

interface Entry extends PendingUpdate {
  resolve(seq: number): void;
}

export interface DurableLogOptions {
  /** Told of every commit attempt: its duration in seconds, and whether it failed. */
  onCommit?: (seconds: number, updates: number, failed: boolean) => void;
  /** First retry delay after a failed commit; doubles up to `maxRetryDelayMs`. */
  retryDelayMs?: number;
  maxRetryDelayMs?: number;
}

/**
 * Group commit for document updates. Every update appended during one event-loop turn, for any
 * document, goes to storage in one transaction; each `append` resolves only once its update is
 * committed (docs/protocol.md says when that commit reaches the disk). The core broadcasts an
 * update from that resolution, which is how "committed before broadcast" costs one commit per
 * turn rather than one per update.
 *
 * A failed commit is logged and retried with backoff, never dropped: the batch stays at the head
 * of the queue (order is preserved) and its promises stay pending, so nothing unsaved is sent.
 */
export class DurableLog {
  private queue: Entry[] = [];
  private scheduled = false;
  private flushing = false;
  private retryDelay: number;
  private retryTimer: NodeJS.Timeout | undefined;
  private tail: Promise<unknown> = Promise.resolve();
  private idleWaiters: Array<() => void> = [];
  private readonly options: Required<Omit<DurableLogOptions, 'onCommit'>> &
    Pick<DurableLogOptions, 'onCommit'>;

  constructor(
    private readonly storage: Storage,
    private readonly logger: Logger,
    options: DurableLogOptions = {},
  ) {
    this.options = { retryDelayMs: 100, maxRetryDelayMs: 10_000, ...options };
    this.retryDelay = this.options.retryDelayMs;
  }

  /** Resolves with the update's sequence number once it is committed. */
  append(documentId: string, update: Uint8Array): Promise<number> {
    const promise = new Promise<number>((resolve) => {
      this.queue.push({ documentId, update, resolve });
    });
    this.tail = promise;
    this.schedule();
    return promise;
  }

  /**
   * Commits one update at once, outside the group commit, when that delays nobody: the storage
   * commits without I/O the event loop must wait for (`appendUpdatesNow`), nothing is queued,
   * committing or waiting for a retry, so the log keeps the order of the appends, and no other
   * update was committed this way in the same event-loop turn (under load, group commit wins:
   * docs/benchmarks.md, S6). Returns the update's sequence number, or undefined when the caller
   * must `append` instead; a failed commit is logged and also returns undefined, so that `append`
   * keeps and retries the update.
   */
  appendNow(documentId: string, update: Uint8Array): number | undefined {
    if (
      !this.storage.appendUpdatesNow ||
      this.committedNowThisTurn ||
      this.queue.length > 0 ||
      this.flushing ||
      this.retryTimer
    ) {
      return undefined;
    }
    // One per event-loop turn: when several updates arrive together (a busy server), the others
    // are worth grouping, and the first one's commit delays them less than a turn would.
    this.committedNowThisTurn = true;
    setImmediate(this.endTurn);
    const started = performance.now();
    try {
      const [seq] = this.storage.appendUpdatesNow([{ documentId, update }]);
      this.options.onCommit?.((performance.now() - started) / 1000, 1, false);
      return seq;
    } catch (error) {
      this.options.onCommit?.((performance.now() - started) / 1000, 1, true);
      this.logger.error(
        { err: error, documents: [documentId] },
        'failed to commit an update at once; handing it to the group commit',
      );
      return undefined;
    }
  }

  private committedNowThisTurn = false;
  private readonly endTurn = (): void => {
    this.committedNowThisTurn = false;
  };

  /** Resolves when everything appended so far is committed. */
  barrier(): Promise<void> {
    return this.tail.then(() => undefined);
  }

  /** True while some appended update is not yet committed. */
  get busy(): boolean {
    return this.queue.length > 0 || this.flushing;
  }

  /** Resolves when the queue is empty and no commit is running (for shutdown). */
  drain(): Promise<void> {
    if (!this.busy) return Promise.resolve();
    return new Promise((resolve) => this.idleWaiters.push(resolve));
  }

  private schedule(): void {
    if (this.scheduled || this.flushing || this.retryTimer) return;
    this.scheduled = true;
    setImmediate(() => {
      this.scheduled = false;
      void this.flush();
    });
  }

  private async flush(): Promise<void> {
    if (this.flushing || this.queue.length === 0) return;
    this.flushing = true;
    const batch = this.queue;
    this.queue = [];
    const started = performance.now();
    try {
      const seqs = await this.storage.appendUpdates(batch);
      this.options.onCommit?.((performance.now() - started) / 1000, batch.length, false);
      this.retryDelay = this.options.retryDelayMs;
      for (let i = 0; i < batch.length; i++) batch[i]!.resolve(seqs[i]!);
    } catch (error) {
      this.options.onCommit?.((performance.now() - started) / 1000, batch.length, true);
      this.queue = batch.concat(this.queue);
      this.logger.error(
        {
          err: error,
          updates: batch.length,
          documents: [...new Set(batch.map((e) => e.documentId))],
          retryInMs: this.retryDelay,
        },
        'failed to commit updates; keeping them in memory and retrying',
      );
      this.retryTimer = setTimeout(() => {
        this.retryTimer = undefined;
        this.schedule();
      }, this.retryDelay);
      this.retryDelay = Math.min(this.retryDelay * 2, this.options.maxRetryDelayMs);
    } finally {
      this.flushing = false;
    }
    if (this.queue.length > 0) this.schedule();
    else if (!this.retryTimer) this.notifyIdle();
  }

  private notifyIdle(): void {
    const waiters = this.idleWaiters;
    this.idleWaiters = [];
    for (const resolve of waiters) resolve();
  }
}
