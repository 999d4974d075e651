/**
 * How instances of Plenary that serve the same documents tell each other about changes. With
 * one instance there is no broker; with several (PLENARY_REDIS_URL) it is Redis pub/sub.
 *
 * A document update is published only after it is committed to the shared storage, so an
 * instance that receives one never stores it again: it applies it and relays it to its clients.
 */
export type BrokerMessage =
  | { kind: 'update'; update: Uint8Array }
  | { kind: 'awareness'; update: Uint8Array }
  | { kind: 'access'; change: ConnectionMatch & { code: number; reason: string } };

/** Which connections to close when access changes: every given field must match. */
export interface ConnectionMatch {
  documentId?: string;
  userId?: string;
  sessionIdHash?: string;
  tokenId?: string;
}

export interface RoomBroker {
  /** This instance's id; messages it published are not delivered back to it. */
  readonly instanceId: string;
  /**
   * Starts receiving a document's messages. Resolves once the subscription is active, so that
   * loading the document from storage afterwards misses nothing (messages in between arrive
   * twice at worst, and Yjs applies an update idempotently).
   */
  subscribe(documentId: string, onMessage: (message: BrokerMessage) => void): Promise<() => Promise<void>>;
  publish(documentId: string, message: BrokerMessage): void;
  close(): Promise<void>;
}
