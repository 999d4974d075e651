import type * as Y from 'yjs';
import type { Logger } from 'pino';
import { listRecommendations, readMeeting } from '@plenary/schema';
import type { CollabExtension } from '../collab/hooks.ts';
import type { IndexedDocumentInfo, IndexedRecommendation, Storage } from '../storage/Storage.ts';

type ReadDocument = <T>(documentId: string, read: (doc: Y.Doc) => T) => Promise<T>;

/**
 * Keeps the recommendations index (an SQL table the register reads) equal to the documents:
 * rebuilt when a document loads, and again after each burst of edits settles (debounced), from
 * the document as committed. The index is derived data: losing it loses nothing, since every
 * load rebuilds it.
 */
export class RecommendationIndexer {
  /** Scheduled rebuilds: when each is due (performance.now()) and the timer that will check. */
  private readonly timers = new Map<string, { due: number; timer: NodeJS.Timeout }>();
  private readonly running = new Map<string, Promise<void>>();

  constructor(
    private readonly storage: Storage,
    private readonly logger: Logger,
    private readonly readDocument: ReadDocument,
    private readonly debounceMs = 500,
    private readonly loadDelayMs = 3000,
  ) {}

  readonly extension: CollabExtension = {
    name: 'recommendation-index',
    // Not at once on load: reading the document builds it, which blocks the event loop for
    // 0.1-0.4 s for a 4 MB one, and a join storm is served from the stored bytes without it
    // (docs/benchmarks.md, S4). The index is kept in the database, so it is only re-derived here.
    onLoad: (room) => this.schedule(room.id, this.loadDelayMs),
    onUpdate: (room) => this.schedule(room.id, this.debounceMs),
  };

  /**
   * Rebuilds `documentId`'s rows once `delayMs` have passed without another call. Called for
   * every committed update: a later deadline only moves the due time, and the timer, when it
   * fires early, waits for the rest (re-arming a timer per keystroke showed in S1's profile).
   */
  schedule(documentId: string, delayMs: number): void {
    const due = performance.now() + delayMs;
    const pending = this.timers.get(documentId);
    if (pending) {
      if (due >= pending.due) {
        pending.due = due;
        return;
      }
      clearTimeout(pending.timer);
    }
    const entry = { due, timer: undefined as unknown as NodeJS.Timeout };
    const fire = () => {
      const wait = entry.due - performance.now();
      if (wait > 1) {
        entry.timer = setTimeout(fire, wait);
        return;
      }
      this.timers.delete(documentId);
      void this.reindex(documentId);
    };
    entry.timer = setTimeout(fire, delayMs);
    this.timers.set(documentId, entry);
  }

  /** Rebuilds one document's rows now (after any rebuild already running for it). */
  async reindex(documentId: string): Promise<void> {
    const previous = this.running.get(documentId) ?? Promise.resolve();
    const next = previous.then(async () => {
      try {
        const { info, rows } = await this.readDocument(documentId, (doc) => extract(doc));
        await this.storage.replaceRecommendations(documentId, info, rows);
      } catch (error) {
        this.logger.error({ err: error, doc: documentId }, 'recommendations index not updated');
      }
    });
    this.running.set(documentId, next);
    await next;
    if (this.running.get(documentId) === next) this.running.delete(documentId);
  }

  /** Runs every scheduled rebuild now (shutdown, tests). */
  async flush(): Promise<void> {
    const pending = [...this.timers.keys()];
    for (const id of pending) clearTimeout(this.timers.get(id)?.timer);
    this.timers.clear();
    await Promise.all([...pending.map((id) => this.reindex(id)), ...this.running.values()]);
  }
}

function extract(doc: Y.Doc): { info: IndexedDocumentInfo; rows: IndexedRecommendation[] } {
  const meeting = readMeeting(doc);
  return {
    info: { meetingTitle: meeting.title, meetingDates: meeting.dates },
    rows: listRecommendations(doc),
  };
}
