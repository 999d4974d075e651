import { afterEach, describe, expect, it, vi } from 'vitest';
import { BulkSendQueue, type BulkSend } from './BulkSends.ts';

/** A send of `bytes` that records when it started and finishes only when told to. */
function send(name: string, started: string[], state = { cancelled: false }, bytes = 1000) {
  let finish: () => void = () => {
    throw new Error(`${name} has not started`);
  };
  const item: BulkSend = {
    bytes,
    isCancelled: () => state.cancelled,
    start(written) {
      started.push(name);
      finish = written;
    },
  };
  return { item, finish: () => finish(), state };
}

afterEach(() => {
  vi.useRealTimers();
});

describe('BulkSendQueue', () => {
  it('sends in the order asked, no more bytes at once than the budget', () => {
    const queue = new BulkSendQueue({ maxBytesInFlight: 2000, leaseMs: 60_000 });
    const started: string[] = [];
    const [a, b, c, d] = ['a', 'b', 'c', 'd'].map((name) => send(name, started));
    for (const s of [a, b, c, d]) queue.enqueue(s!.item);
    expect(started).toEqual(['a', 'b']);
    expect(queue.queued).toBe(2);
    b!.finish();
    expect(started).toEqual(['a', 'b', 'c']);
    b!.finish(); // a second report of the same send changes nothing
    expect(started).toEqual(['a', 'b', 'c']);
    a!.finish();
    c!.finish();
    expect(started).toEqual(['a', 'b', 'c', 'd']);
    d!.finish();
    expect(queue.inFlight).toBe(0);
  });

  it('lets the next one go when a send outlasts its lease (a slow client)', () => {
    vi.useFakeTimers();
    const queue = new BulkSendQueue({ maxBytesInFlight: 1000, leaseMs: 50 });
    const started: string[] = [];
    const slow = send('slow', started);
    const next = send('next', started);
    queue.enqueue(slow.item);
    queue.enqueue(next.item);
    vi.advanceTimersByTime(49);
    expect(started).toEqual(['slow']);
    vi.advanceTimersByTime(1);
    expect(started).toEqual(['slow', 'next']);
    // The slow one finishing late does not free a second turn.
    slow.finish();
    expect(queue.inFlight).toBe(1);
  });

  it('skips sends cancelled while they waited', () => {
    const queue = new BulkSendQueue({ maxBytesInFlight: 1000, leaseMs: 60_000 });
    const started: string[] = [];
    const first = send('first', started);
    const gone = send('gone', started);
    const last = send('last', started);
    for (const s of [first, gone, last]) queue.enqueue(s.item);
    gone.state.cancelled = true;
    first.finish();
    expect(started).toEqual(['first', 'last']);
  });

  it('moves on when a send finishes at once or throws', () => {
    const queue = new BulkSendQueue({ maxBytesInFlight: 1000, leaseMs: 60_000 });
    const order: string[] = [];
    queue.enqueue({
      bytes: 1000,
      isCancelled: () => false,
      start: (written) => (order.push('sync'), written()),
    });
    queue.enqueue({
      bytes: 1000,
      isCancelled: () => false,
      start: () => {
        order.push('throws');
        throw new Error('socket gone');
      },
    });
    queue.enqueue({ bytes: 1000, isCancelled: () => false, start: () => void order.push('last') });
    expect(order).toEqual(['sync', 'throws', 'last']);
  });

  it('keeps its order over many turns', () => {
    const queue = new BulkSendQueue({ maxBytesInFlight: 3000, leaseMs: 60_000 });
    const started: string[] = [];
    const sends = Array.from({ length: 500 }, (_, i) => send(String(i), started));
    for (const s of sends) queue.enqueue(s.item);
    for (const s of sends) s.finish();
    expect(started).toEqual(sends.map((_, i) => String(i)));
    expect(queue.queued).toBe(0);
  });

  it('always lets one message go, however large, and sizes the others to the budget', () => {
    const queue = new BulkSendQueue({ maxBytesInFlight: 1000, leaseMs: 60_000 });
    const started: string[] = [];
    const huge = send('huge', started, undefined, 50_000);
    const small = [1, 2, 3].map((i) => send(`small ${i}`, started, undefined, 400));
    queue.enqueue(huge.item);
    for (const s of small) queue.enqueue(s.item);
    expect(started).toEqual(['huge']);
    huge.finish();
    // 400 + 400 fit in 1,000 bytes; the third waits.
    expect(started).toEqual(['huge', 'small 1', 'small 2']);
    small[0]!.finish();
    expect(started).toEqual(['huge', 'small 1', 'small 2', 'small 3']);
  });
});
