import { closeCodeName } from '@plenary/protocol';

/**
 * Running totals of one collaboration server, read by the metrics endpoint. Plain counters on the
 * instance (never module state), bumped on paths that are hot, so they cost an addition each.
 */
export class CollabStats {
  bytesIn = 0;
  bytesOut = 0;
  messagesIn = 0;
  messagesOut = 0;
  /** Updates committed to storage. */
  updatesCommitted = 0;
  /** Errors by kind: close-code names (MalformedMessage, SlowConsumer ...), commit_failed, load_failed. */
  readonly errors = new Map<string, number>();
  /** Called with each commit's duration in seconds (wired to a histogram by the metrics endpoint). */
  onCommitDuration: (seconds: number) => void = () => {};

  countError(kind: string): void {
    this.errors.set(kind, (this.errors.get(kind) ?? 0) + 1);
  }

  /** Records a server-initiated close; normal shutdown closes are not errors. */
  countClose(code: number): void {
    if (code === 1000 || code === 1001) return;
    this.countError(closeCodeName(code) ?? `close_${code}`);
  }
}
