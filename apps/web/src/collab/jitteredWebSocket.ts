/**
 * A WebSocket whose opening is delayed by a random "full jitter" on reconnects.
 *
 * y-websocket's provider retries after min(2^n x 100 ms, maxBackoffTime) with no randomness, so
 * when a server restarts every open editor comes back in the same instant (a reconnect storm).
 * The provider takes a WebSocket class, not a retry policy, so the jitter lives here: each
 * reconnect waits a random time in [0, min(cap, base x 2^n)] before the real socket opens, which
 * spreads N clients evenly over that window (the "full jitter" of AWS's backoff analysis). The
 * first connection of a page opens at once.
 */
export interface JitterOptions {
  /** How many consecutive failed attempts so far (the provider's wsUnsuccessfulReconnects). */
  attempts: () => number;
  baseMs?: number;
  capMs?: number;
  random?: () => number;
}

/** The delay before attempt `attempts` (0 for a first connection). */
export function jitterDelay(attempts: number, { baseMs = 250, capMs = 8_000, random = Math.random }: Omit<JitterOptions, 'attempts'> = {}): number {
  if (attempts <= 0) return 0;
  return Math.floor(random() * Math.min(capMs, baseMs * 2 ** attempts));
}

type Handler<E extends Event> = ((event: E) => void) | null;

/** Builds a WebSocket class for `WebsocketProvider`'s `WebSocketPolyfill` option. */
export function jitteredWebSocket(options: JitterOptions): typeof WebSocket {
  class JitteredWebSocket {
    static readonly CONNECTING = 0;
    static readonly OPEN = 1;
    static readonly CLOSING = 2;
    static readonly CLOSED = 3;

    // y-websocket compares `ws.readyState === ws.OPEN`: the constants must exist on instances too.
    readonly CONNECTING = 0;
    readonly OPEN = 1;
    readonly CLOSING = 2;
    readonly CLOSED = 3;
    onopen: Handler<Event> = null;
    onmessage: Handler<MessageEvent> = null;
    onclose: Handler<CloseEvent> = null;
    onerror: Handler<Event> = null;
    #binaryType: BinaryType = 'blob';
    #socket: WebSocket | null = null;
    #timer: ReturnType<typeof setTimeout> | undefined;
    #closedEarly = false;

    constructor(
      readonly url: string,
      readonly protocols?: string | string[],
    ) {
      const delay = jitterDelay(options.attempts(), options);
      if (delay === 0) this.#open();
      else this.#timer = setTimeout(() => this.#open(), delay);
    }

    get binaryType(): BinaryType {
      return this.#binaryType;
    }

    set binaryType(value: BinaryType) {
      this.#binaryType = value;
      if (this.#socket) this.#socket.binaryType = value;
    }

    get readyState(): number {
      if (this.#closedEarly) return JitteredWebSocket.CLOSED;
      return this.#socket ? this.#socket.readyState : JitteredWebSocket.CONNECTING;
    }

    get bufferedAmount(): number {
      return this.#socket?.bufferedAmount ?? 0;
    }

    send(data: string | ArrayBufferLike | Blob | ArrayBufferView): void {
      if (!this.#socket) throw new DOMException('WebSocket is not open', 'InvalidStateError');
      this.#socket.send(data as ArrayBufferView<ArrayBuffer>);
    }

    close(code?: number, reason?: string): void {
      if (this.#socket) {
        this.#socket.close(code, reason);
        return;
      }
      // Closed while still waiting out the jitter: never open, report the close as a socket would.
      clearTimeout(this.#timer);
      if (this.#closedEarly) return;
      this.#closedEarly = true;
      queueMicrotask(() => this.onclose?.(new CloseEvent('close', { code: code ?? 1000, reason: reason ?? '', wasClean: true })));
    }

    #open(): void {
      if (this.#closedEarly) return;
      const socket = new WebSocket(this.url, this.protocols);
      socket.binaryType = this.#binaryType;
      socket.onopen = (event) => this.onopen?.(event);
      socket.onmessage = (event) => this.onmessage?.(event);
      socket.onclose = (event) => this.onclose?.(event);
      socket.onerror = (event) => this.onerror?.(event);
      this.#socket = socket;
    }
  }
  return JitteredWebSocket as unknown as typeof WebSocket;
}
