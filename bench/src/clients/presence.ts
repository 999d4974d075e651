import { decodeAwarenessEntries, encodeAwarenessEntries } from './wire.ts';

/**
 * Presence as the lightweight observers send it: one awareness entry with a cursor, like the
 * web app's, plus `sentAt` (performance.now() of this process) so that probes can time it.
 */
export function presenceUpdate(clientId: number, clock: number, name: string, sentAt: number): Uint8Array {
  const cursor = (clock * 17) % 5000;
  const json = JSON.stringify({
    user: { name, color: '#1f6feb' },
    cursor: { anchor: cursor, head: cursor },
    sentAt,
  });
  return encodeAwarenessEntries([{ clientId, clock, json }]);
}

/**
 * Counts presence states a probe receives, each (client, clock) once, with their latency.
 * States without `sentAt` (removals, a stock client's own state) are skipped.
 */
export class PresenceProbe {
  private readonly seen = new Map<number, number>();

  constructor(
    private readonly ownClientId: number,
    private readonly onLatency: (latencyMs: number, sentAt: number) => void,
  ) {}

  receive(payload: Uint8Array, at: number): void {
    for (const entry of decodeAwarenessEntries(payload)) {
      if (entry.clientId === this.ownClientId || entry.json === 'null') continue;
      if ((this.seen.get(entry.clientId) ?? -1) >= entry.clock) continue;
      this.seen.set(entry.clientId, entry.clock);
      const state = JSON.parse(entry.json) as { sentAt?: number };
      if (typeof state.sentAt !== 'number') continue;
      this.onLatency(at - state.sentAt, state.sentAt);
    }
  }
}
