import * as Y from 'yjs';
import type { DecodedStructs } from './protocol.ts';
import { groupByClient, structAt, type PendingStructs, type Struct } from './updateScope.ts';

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
 * wait; whatever reads the document must call `flush()` first, except what can also read the
 * waiting structs (`find`: where an edit lands, to check a role's rights).
 *
 * The updates come from `Room.relayAtOnce`, which takes only an update whose structs follow on
 * from the document and from what waits here: so each client's waiting structs run on, without
 * a gap, in clock order.
 */
export class DeferredApply implements PendingStructs {
  private waiting: Uint8Array[] = [];
  /** The structs waiting, by client, in clock order. */
  private readonly structs = new Map<number, Y.AbstractStruct[]>();
  private timer: NodeJS.Timeout | undefined;

  constructor(
    /** Applies the batch, oldest first, in one transaction. */
    private readonly apply: (updates: readonly Uint8Array[]) => void,
    private readonly delayMs = DEFAULT_DELAY_MS,
    private readonly maxWaiting = DEFAULT_MAX_WAITING,
  ) {}

  /** The clock that comes next from `client` after the updates waiting here, if any of its do. */
  nextClock(client: number): number | undefined {
    const last = this.structs.get(client)?.at(-1);
    return last && last.id.clock + last.length;
  }

  find(client: number, clock: number): Struct | undefined {
    const list = this.structs.get(client);
    return list && structAt(list, clock);
  }

  /** Keeps `update`, whose structs (in the order the update holds them) are `structs`. */
  add(update: Uint8Array, structs: DecodedStructs): void {
    groupByClient(structs, this.structs);
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
    this.structs.clear();
    this.apply(batch);
  };

  /** Stops the timer (the room is destroyed; storage has every waiting update). */
  cancel(): void {
    clearTimeout(this.timer);
    this.timer = undefined;
  }
}
