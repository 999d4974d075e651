import pino from 'pino';
import { describe, expect, it } from 'vitest';
import { CloseCode } from '@plenary/protocol';
import { BulkSendQueue } from './BulkSends.ts';
import { Connection } from './Connection.ts';

const silent = pino({ level: 'silent' });

/** A connection over a socket that records what it is given and reports writes when told. */
function connect(bulk: BulkSendQueue, maxSendBufferBytes = 1 << 20) {
  const sent: number[] = [];
  const pending: Array<() => void> = [];
  const closes: number[] = [];
  const socket = {
    send(data: Uint8Array, written?: () => void) {
      sent.push(data.byteLength);
      if (written) pending.push(written);
    },
    close: (code: number) => void closes.push(code),
    terminate() {},
    bufferedAmount: 0,
  };
  const connection = new Connection('doc', socket, silent, {
    maxSendBufferBytes,
    closeTimeoutMs: 1000,
    bulk,
  });
  /** The transport takes every large message handed to it so far. */
  const flush = () => {
    for (const written of pending.splice(0)) written();
  };
  return { connection, sent, closes, flush };
}

const bytes = (n: number) => new Uint8Array(n);
/** Messages of 1,000 bytes or more take turns, one at a time, for as long as their transport takes. */
const oneAtATime = () => new BulkSendQueue({ minBytes: 1000, maxBytesInFlight: 1000, leaseMs: 60_000 });

describe('Connection sends', () => {
  it('holds what follows a large message until that message had its turn, in order', () => {
    const bulk = oneAtATime();
    const first = connect(bulk);
    const second = connect(bulk);
    first.connection.send(bytes(5000));
    second.connection.send(bytes(4000));
    second.connection.send(bytes(10));
    second.connection.send(bytes(20));
    // The first joiner's document is on its way; the second waits, and so do its later messages.
    expect(first.sent).toEqual([5000]);
    expect(second.sent).toEqual([]);
    // A small message to the first goes at once: its large one is already with the transport.
    first.connection.send(bytes(30));
    expect(first.sent).toEqual([5000, 30]);
    first.flush();
    expect(second.sent).toEqual([4000, 10, 20]);
    second.connection.send(bytes(40));
    expect(second.sent).toEqual([4000, 10, 20, 40]);
  });

  it('gives a second large message held behind the first a turn of its own', () => {
    const bulk = oneAtATime();
    const other = connect(bulk);
    const c = connect(bulk);
    other.connection.send(bytes(5000));
    c.connection.send(bytes(3000));
    c.connection.send(bytes(10));
    c.connection.send(bytes(2000));
    c.connection.send(bytes(20));
    other.flush();
    // Its first large message went, with what followed up to the next large one.
    expect(c.sent).toEqual([3000, 10]);
    c.flush();
    expect(c.sent).toEqual([3000, 10, 2000, 20]);
  });

  it('sends small messages at once when nothing large is waiting', () => {
    const bulk = oneAtATime();
    const busy = connect(bulk);
    busy.connection.send(bytes(5000)); // takes the only turn, never finishes
    const other = connect(bulk);
    other.connection.send(bytes(999));
    expect(other.sent).toEqual([999]);
  });

  it('gives up the turn of a connection closed while it waited', () => {
    const bulk = oneAtATime();
    const first = connect(bulk);
    const gone = connect(bulk);
    const last = connect(bulk);
    first.connection.send(bytes(5000));
    gone.connection.send(bytes(5000));
    last.connection.send(bytes(5000));
    gone.connection.close(CloseCode.GoingAway, 'left');
    first.flush();
    expect(gone.sent).toEqual([]);
    expect(last.sent).toEqual([5000]);
  });

  it('closes a connection when too much piles up behind its waiting message', () => {
    const bulk = oneAtATime();
    connect(bulk).connection.send(bytes(5000));
    const waiting = connect(bulk, 2000);
    waiting.connection.send(bytes(1500)); // large: waits for its turn
    waiting.connection.send(bytes(900));
    waiting.connection.send(bytes(900));
    expect(waiting.closes).toEqual([]);
    waiting.connection.send(bytes(300)); // 2,100 bytes held behind it, over the 2,000 bound
    expect(waiting.closes).toEqual([CloseCode.SlowConsumer]);
    expect(waiting.connection.isClosed).toBe(true);
  });
});

describe('Connection backlog', () => {
  /**
   * A transport that reports its high-water mark as told (or, when it cannot `tell`, nothing),
   * and counts reads of its backlog.
   */
  function transport(maxSendBufferBytes: number, tell = true) {
    const state = { belowWaterMark: true, backlog: 0, reads: 0 };
    const closes: number[] = [];
    const socket = {
      send: () => (tell ? state.belowWaterMark : undefined),
      close: (code: number) => void closes.push(code),
      terminate() {},
      get bufferedAmount() {
        state.reads++;
        return state.backlog;
      },
    };
    const connection = new Connection('doc', socket, silent, { maxSendBufferBytes, closeTimeoutMs: 1000 });
    return { connection, state, closes };
  }

  it('reads the backlog only after the transport reported its buffer above the high-water mark', () => {
    const { connection, state, closes } = transport(10_000);
    connection.send(bytes(10)); // nothing said yet: read
    connection.send(bytes(10));
    connection.send(bytes(10));
    expect(state.reads).toBe(1);
    state.belowWaterMark = false;
    connection.send(bytes(10)); // the write that crossed the mark
    state.backlog = 9_999;
    connection.send(bytes(10)); // read: under the bound
    expect(state.reads).toBe(2);
    state.backlog = 10_000;
    connection.send(bytes(10));
    expect(state.reads).toBe(3);
    expect(closes).toEqual([CloseCode.SlowConsumer]);
  });

  it('reads the backlog before every send when the transport cannot tell', () => {
    const { connection, state, closes } = transport(10_000, false);
    connection.send(bytes(10));
    connection.send(bytes(10));
    state.backlog = 50_000;
    connection.send(bytes(10));
    expect(state.reads).toBe(3);
    expect(closes).toEqual([CloseCode.SlowConsumer]);
  });
});
