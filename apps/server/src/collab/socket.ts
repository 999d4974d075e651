/**
 * The only thing the collaboration core knows about a websocket. Adapters (Hono on Node today)
 * implement it; tests implement it in memory. Keeping the core off any runtime is what lets two
 * servers, or a server and a fuzz harness, run in one process.
 */
export interface CollabSocket {
  /**
   * Sends one binary message. `written`, if given, is called once the transport has taken all of
   * it (handed it to the operating system), or failed to; an adapter that cannot tell calls it
   * at once.
   *
   * Returns true when the transport's own buffer is still below its high-water mark after taking
   * the message (a few KiB: Node's socket reports it as `write()`'s result); false, or nothing,
   * when it is not or the adapter cannot tell. After true, the core does not read
   * `bufferedAmount` before the next send: with hundreds of peers per update, that read was a
   * measurable share of a broadcast's cost (docs/benchmarks.md, seventh round).
   */
  send(data: Uint8Array, written?: () => void): boolean | void;
  /** Starts the closing handshake with a code from `@plenary/protocol`'s `CloseCode`. */
  close(code: number, reason: string): void;
  /** Drops the connection at once, without waiting for the peer (used for stuck peers). */
  terminate(): void;
  /** Bytes queued by the runtime but not yet written to the network. */
  readonly bufferedAmount: number;
}
