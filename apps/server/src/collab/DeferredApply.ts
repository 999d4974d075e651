import type { DecodedStructs } from './protocol.ts';

/** How long updates may wait to be applied together. */
const DEFAULT_DELAY_MS = 10;
/** ... or how many of them. */
const DEFAULT_MAX_WAITING = 256;

/**
 * Updates already committed and relayed that the server's copy of the document has not applied
 * yet. A Yjs transaction costs time in proportion to the number of clients the document has ever
 * had (it builds the whole state vector twice, yjs/yjs#415): 14 µs per applied keystroke with 20,
 * 68 with 500, 356 with 2,000 (docs/benchmarks.md, seventh round). So the room keeps them here
 * and applies them together, in one transaction, `delayMs` after the first or once `maxWaiting`
 * wait; whatever reads the document must call `flush()` first.
 */
export class DeferredApply {
  private waiting: Uint8Array[] = [];
  /** The next clock of each client whose updates wait here. */
  private readonly clocks = new Map<number, number>();
  private timer: NodeJS.Timeout | undefined;

  constructor(
    /** Applies the batch, oldest first, in one transaction. */
    private readonly apply: (updates: readonly Uint8Array[]) => void,
    private readonly delayMs = DEFAULT_DELAY_MS,
    private readonly maxWaiting = DEFAULT_MAX_WAITING,
  ) {}

  /** The clock that comes next from `client` after the updates waiting here, if any of its do. */
  nextClock(client: number): number | undefined {
    return this.clocks.get(client);
  }

  /** Keeps `update`, whose structs (in the order the update holds them) are `structs`. */
  add(update: Uint8Array, structs: DecodedStructs): void {
    for (const struct of structs) this.clocks.set(struct.id.client, struct.id.clock + struct.length);
    this.waiting.push(update);
    if (this.waiting.length >= this.maxWaiting) {
      this.flush();
    } else if (!this.timer) {
      this.timer = setTimeout(this.flush, this.delayMs);
      this.timer.unref();
    }
  }

  /** Applies what waits, now. Called on every read of the document: usually nothing waits. */
  readonly flush = (): void => {
    if (this.waiting.length === 0) return;
    this.cancel();
    const batch = this.waiting;
    this.waiting = [];
    this.clocks.clear();
    this.apply(batch);
  };

  /** Stops the timer (the room is destroyed; storage has every waiting update). */
  cancel(): void {
    clearTimeout(this.timer);
    this.timer = undefined;
  }
}
