import * as Y from 'yjs';

/**
 * When each edit was made, keyed the way it travels: by Yjs client id and clock. Every edit of
 * the benchmark inserts exactly one character, i.e. takes exactly one clock, so any update
 * (a single edit, or several merged by a server) tells which edits it carries through
 * `Y.parseUpdateMeta`, without a Y.Doc.
 */
export class EditLog {
  private readonly sent = new Map<number, number[]>();
  edits = 0;

  /** Types one character at the end of `text` and records when. Returns its clock. */
  type(doc: Y.Doc, text: Y.Text, char = 'x'): number {
    const clock = Y.getState(doc.store, doc.clientID);
    const at = performance.now();
    text.insert(text.length, char);
    this.record(doc.clientID, clock, at);
    return clock;
  }

  record(clientId: number, clock: number, at: number): void {
    let times = this.sent.get(clientId);
    if (!times) this.sent.set(clientId, (times = []));
    times[clock] = at;
    this.edits++;
  }

  /** Send time of an edit, or undefined if it is not one of ours. */
  sentAt(clientId: number, clock: number): number | undefined {
    return this.sent.get(clientId)?.[clock];
  }

  /** Calls `fn` with the latency of every recorded edit contained in `update`. */
  resolve(
    update: Uint8Array,
    at: number,
    fn: (latencyMs: number, clientId: number, clock: number) => void,
  ): void {
    const { from, to } = Y.parseUpdateMeta(update);
    for (const [clientId, end] of to) {
      const times = this.sent.get(clientId);
      if (!times) continue;
      for (let clock = from.get(clientId) ?? 0; clock < end; clock++) {
        const sentAt = times[clock];
        if (sentAt !== undefined) fn(at - sentAt, clientId, clock);
      }
    }
  }
}
