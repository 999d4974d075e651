import fs from 'node:fs';
import { Worker } from 'node:worker_threads';
import type { Logger } from 'pino';

/**
 * When an update's commit reaches the disk (fsync), relative to its broadcast.
 *
 * - `after-broadcast` (default): the transaction commits into the write-ahead log, which survives
 *   a crash or `kill -9` of the server, before the update is sent to anyone; the log is fsynced
 *   after the broadcast, off the event loop, at most every `minFsyncIntervalMs`, so a power cut in
 *   that window (a millisecond or so for a lone edit, about 10 ms under a stream of them) can lose
 *   what was just sent. The clients that hold it send it back when they
 *   reconnect (Yjs sync); docs/protocol.md.
 * - `before-broadcast`: every commit is fsynced before the update is sent: a power cut loses
 *   nothing anyone has seen, but each update waits for the disk, and a slow fsync (100-400 ms
 *   were measured on a virtual disk, docs/benchmarks.md) freezes the event loop meanwhile.
 */
export type FsyncMode = 'after-broadcast' | 'before-broadcast';

export const FSYNC_MODES: readonly FsyncMode[] = ['after-broadcast', 'before-broadcast'];

export const DEFAULT_FSYNC_MODE: FsyncMode = 'after-broadcast';

export interface SqliteDiskOptions {
  fsync: FsyncMode;
  /**
   * `after-broadcast`: the least time between the starts of two fsyncs of the log (default
   * 10 ms). One fsync per commit costs, on a 2-core machine, CPU that the clients receiving the
   * broadcast need (docs/benchmarks.md, S1); a power cut loses at most this much more.
   */
  minFsyncIntervalMs?: number;
  /** How often the log is checkpointed into the database file while it has new commits. */
  checkpointEveryMs?: number;
  logger?: Logger;
}

/**
 * The disk side of the SQLite storage: fsyncs of the write-ahead log and its checkpoints, both
 * away from the event loop. The storage's own connection never checkpoints
 * (`wal_autocheckpoint = 0`); a worker thread with a connection of its own does, every
 * `checkpointEveryMs` while there are new commits. In `after-broadcast` mode the storage tells
 * this class of each commit and the log is fdatasync'ed on libuv's thread pool, one fsync at a
 * time, each covering every commit before it, and at most one per `minFsyncIntervalMs`.
 */
export class SqliteDisk {
  private walFd: number | undefined;
  private syncTimer: NodeJS.Timeout | undefined;
  private lastSyncStart = -Infinity;
  private readonly minInterval: number;
  private commits = 0;
  private synced = 0;
  private syncing = false;
  private failure: Error | undefined;
  private waiters: Array<{ upto: number; resolve(): void; reject(error: Error): void }> = [];
  private readonly worker: Worker;
  private checkpointTimer: NodeJS.Timeout;
  private commitsAtCheckpoint = 0;
  private checkpointing = false;
  private closed = false;

  constructor(
    private readonly file: string,
    private readonly options: SqliteDiskOptions,
  ) {
    this.minInterval = options.minFsyncIntervalMs ?? 10;
    this.worker = new Worker(new URL('./checkpointWorker.mjs', import.meta.url), { workerData: { file } });
    this.worker.unref();
    this.worker.on('message', (message: { type: string; message?: string }) => {
      this.checkpointing = false;
      if (message.type === 'failed')
        this.options.logger?.warn({ reason: message.message }, 'checkpoint failed; will retry');
    });
    this.worker.on('error', (error) => {
      this.checkpointing = false;
      this.options.logger?.error({ err: error }, 'checkpoint worker failed');
    });
    this.checkpointTimer = setInterval(() => this.checkpoint(), options.checkpointEveryMs ?? 1000);
    this.checkpointTimer.unref();
  }

  /** Called after every committed write transaction of the storage's connection. */
  committed(): void {
    this.commits++;
    if (this.options.fsync === 'after-broadcast') this.scheduleSync();
  }

  /** The number of commits not yet known to be on disk. */
  get unsynced(): number {
    return this.options.fsync === 'after-broadcast' ? this.commits - this.synced : 0;
  }

  /**
   * Resolves once every transaction committed so far, of any kind, is on disk (at once in
   * `before-broadcast` mode, where each commit is fsynced as it happens).
   */
  flush(): Promise<void> {
    if (this.failure) return Promise.reject(this.failure);
    if (this.options.fsync === 'before-broadcast' || this.closed) return Promise.resolve();
    // Counted as a commit: the storage reports only its updates' transactions. Someone waits:
    // no pause between fsyncs.
    this.commits++;
    clearTimeout(this.syncTimer);
    this.syncTimer = undefined;
    this.sync();
    if (this.failure) return Promise.reject(this.failure);
    return new Promise((resolve, reject) => this.waiters.push({ upto: this.commits, resolve, reject }));
  }

  async close(): Promise<void> {
    if (this.closed) return;
    clearInterval(this.checkpointTimer);
    await this.flush().catch(() => undefined);
    this.closed = true;
    if (this.walFd !== undefined) fs.closeSync(this.walFd);
    this.walFd = undefined;
    this.worker.postMessage({ type: 'close' });
    await new Promise<void>((resolve) => {
      const timer = setTimeout(() => void this.worker.terminate().then(() => resolve()), 2000);
      this.worker.once('exit', () => {
        clearTimeout(timer);
        resolve();
      });
    });
  }

  /**
   * Starts an fsync at the next timers phase (after the broadcast of what was just committed),
   * or, if one started less than `minFsyncIntervalMs` ago, once that much time has passed: while
   * updates keep coming, one fsync covers all of that interval's commits.
   */
  private scheduleSync(): void {
    if (this.syncing || this.syncTimer || this.closed) return;
    const wait = Math.max(0, this.lastSyncStart + this.minInterval - performance.now());
    this.syncTimer = setTimeout(this.startSync, wait);
    this.syncTimer.unref();
  }

  private readonly startSync = (): void => {
    this.syncTimer = undefined;
    this.sync();
  };

  private sync(): void {
    if (this.syncing || this.closed) return;
    const fd = this.wal();
    if (fd === undefined) return;
    this.syncing = true;
    this.lastSyncStart = performance.now();
    const upto = this.commits;
    fs.fdatasync(fd, (error) => {
      this.syncing = false;
      if (error) {
        // An fsync error means the kernel may have dropped the pages: say so, do not retry
        // silently (a retried fsync can report success for data that is gone).
        this.failure = error;
        this.options.logger?.error({ err: error }, 'fsync of the write-ahead log failed');
        for (const waiter of this.waiters.splice(0)) waiter.reject(error);
        return;
      }
      this.synced = upto;
      this.waiters = this.waiters.filter((waiter) => {
        if (waiter.upto > upto) return true;
        waiter.resolve();
        return false;
      });
      if (this.commits > this.synced) {
        // A flush() waits: at once; else after the interval.
        if (this.waiters.length > 0) this.sync();
        else this.scheduleSync();
      }
    });
  }

  /** The log's file descriptor (the log exists once the first write has committed). */
  private wal(): number | undefined {
    if (this.walFd === undefined) {
      try {
        this.walFd = fs.openSync(`${this.file}-wal`, 'r');
      } catch (error) {
        this.options.logger?.error({ err: error }, 'cannot open the write-ahead log to fsync it');
        this.failure = error as Error;
        return undefined;
      }
    }
    return this.walFd;
  }

  private checkpoint(): void {
    if (this.checkpointing || this.closed || this.commits === this.commitsAtCheckpoint) return;
    this.checkpointing = true;
    this.commitsAtCheckpoint = this.commits;
    this.worker.postMessage({ type: 'checkpoint' });
  }
}
