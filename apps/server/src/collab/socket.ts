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
   */
  send(data: Uint8Array, written?: () => void): void;
  /** Starts the closing handshake with a code from `@plenary/protocol`'s `CloseCode`. */
  close(code: number, reason: string): void;
  /** Drops the connection at once, without waiting for the peer (used for stuck peers). */
  terminate(): void;
  /** Bytes queued by the runtime but not yet written to the network. */
  readonly bufferedAmount: number;
}
