/**
 * Top-level message types of the y-websocket protocol: the first varuint of every frame.
 * Values match y-websocket's client and server so the stock `WebsocketProvider` works unchanged.
 */
export const MessageType = {
  Sync: 0,
  Awareness: 1,
  Auth: 2,
  QueryAwareness: 3,
} as const;

/** Default limit on one incoming websocket frame. */
export const DEFAULT_MAX_MESSAGE_BYTES = 8 * 1024 * 1024;
