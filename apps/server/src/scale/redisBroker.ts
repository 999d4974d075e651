import { randomBytes } from 'node:crypto';
import { Redis } from 'ioredis';
import type { Logger } from 'pino';
import type { BrokerMessage, RoomBroker } from '../collab/broker.ts';

const KINDS = { update: 0, awareness: 1, access: 2 } as const;
const INSTANCE_ID_BYTES = 8;

/**
 * Frames a message: one byte of kind, the publishing instance's id, then the payload (the Yjs
 * update; for an access change, its JSON).
 */
export function encodeBrokerMessage(instanceId: Buffer, message: BrokerMessage): Buffer {
  const payload = message.kind === 'access' ? Buffer.from(JSON.stringify(message.change)) : message.update;
  return Buffer.concat([Buffer.from([KINDS[message.kind]]), instanceId, payload]);
}

export function decodeBrokerMessage(frame: Buffer): { instanceId: Buffer; message: BrokerMessage } | null {
  if (frame.length < 1 + INSTANCE_ID_BYTES) return null;
  const instanceId = frame.subarray(1, 1 + INSTANCE_ID_BYTES);
  const payload = frame.subarray(1 + INSTANCE_ID_BYTES);
  if (frame[0] === KINDS.access) {
    try {
      return {
        instanceId,
        message: { kind: 'access', change: JSON.parse(payload.toString('utf8')) as never },
      };
    } catch {
      return null;
    }
  }
  const kind = frame[0] === KINDS.update ? 'update' : frame[0] === KINDS.awareness ? 'awareness' : null;
  if (!kind) return null;
  return {
    instanceId,
    message: { kind, update: new Uint8Array(payload.buffer, payload.byteOffset, payload.byteLength) },
  };
}

/**
 * Redis pub/sub, one channel per document (`plenary:doc:<id>`). Pub/sub keeps each publisher's
 * messages in order; Yjs merges the rest. Nothing durable lives in Redis: storage is the truth,
 * and an instance that joins late loads the document from storage after subscribing.
 */
export class RedisBroker implements RoomBroker {
  readonly instanceId: string;
  private readonly idBytes: Buffer;
  private readonly publisher: Redis;
  private readonly subscriber: Redis;
  private readonly handlers = new Map<string, Set<(message: BrokerMessage) => void>>();

  constructor(
    url: string,
    private readonly logger: Logger,
  ) {
    this.idBytes = randomBytes(INSTANCE_ID_BYTES);
    this.instanceId = this.idBytes.toString('hex');
    // Publishes are pipelined; the subscriber connection only (un)subscribes, one at a time.
    this.publisher = new Redis(url, { maxRetriesPerRequest: null, enableAutoPipelining: true });
    this.subscriber = new Redis(url, { maxRetriesPerRequest: null });
    for (const client of [this.publisher, this.subscriber]) {
      client.on('error', (error: Error) => this.logger.error({ err: error }, 'redis error'));
    }
    this.subscriber.on('messageBuffer', (channel: Buffer, frame: Buffer) =>
      this.deliver(channel.toString(), frame),
    );
  }

  private channel(documentId: string): string {
    return `plenary:doc:${documentId}`;
  }

  private deliver(channel: string, frame: Buffer): void {
    const decoded = decodeBrokerMessage(frame);
    if (!decoded) {
      this.logger.warn({ channel }, 'ignoring a malformed broker message');
      return;
    }
    if (decoded.instanceId.equals(this.idBytes)) return;
    const documentId = channel.slice('plenary:doc:'.length);
    for (const handler of this.handlers.get(documentId) ?? []) handler(decoded.message);
  }

  async subscribe(
    documentId: string,
    onMessage: (message: BrokerMessage) => void,
  ): Promise<() => Promise<void>> {
    let set = this.handlers.get(documentId);
    if (!set) {
      set = new Set();
      this.handlers.set(documentId, set);
      await this.subscriber.subscribe(this.channel(documentId));
    }
    set.add(onMessage);
    return async () => {
      const current = this.handlers.get(documentId);
      if (!current) return;
      current.delete(onMessage);
      if (current.size === 0) {
        this.handlers.delete(documentId);
        await this.subscriber.unsubscribe(this.channel(documentId));
      }
    };
  }

  publish(documentId: string, message: BrokerMessage): void {
    // While Redis is unreachable ioredis queues commands (maxRetriesPerRequest: null) and sends
    // them on reconnection, so a blip delays other instances' clients rather than skipping them.
    // The update itself is committed to storage already.
    this.publisher
      .publish(this.channel(documentId), encodeBrokerMessage(this.idBytes, message))
      .catch((error: unknown) => {
        this.logger.error({ err: error, doc: documentId }, 'redis publish failed');
      });
  }

  async close(): Promise<void> {
    await Promise.allSettled([this.subscriber.quit(), this.publisher.quit()]);
  }
}
