import * as Y from 'yjs';

/** Where journals wait between a page's end and the next load: localStorage in the app. */
export interface JournalStore {
  /** Every journal kept for this document, by key. */
  entries(): Array<[key: string, value: string]>;
  /** False when it could not be written (a full quota, private mode). */
  set(key: string, value: string): boolean;
  remove(key: string): void;
}

export interface UnloadJournalOptions {
  /** This tab's key in the store; keys of other tabs of the same document may sit beside it. */
  key: string;
  store: JournalStore;
  /** True for updates that are this person's new edits (not the server's, not the cache's). */
  isLocal(origin: unknown): boolean;
  /**
   * Resolves once every write the IndexedDB cache had started before the call has committed
   * (rejects if one was aborted); null while the cache is not open, when nothing can be confirmed.
   */
  cacheWritten(): Promise<void> | null;
}

/** The origin of updates replayed from a journal. */
export const JOURNAL_ORIGIN = Symbol('unload journal');

/**
 * Keeps this person's edits that the IndexedDB cache may not hold yet, so that a reload or a
 * closed tab right after typing loses nothing. y-indexeddb writes each update in a transaction of
 * its own, asynchronously; when the page goes away first, the browser aborts the transactions
 * still running, and the last keystrokes made offline were gone after a reload. localStorage is
 * written synchronously, so `save()` (on pagehide, and when the page is hidden, which is often the
 * last moment a mobile browser gives) puts the edits not yet confirmed in the cache there, merged
 * into one update; the next load replays them (`replay()`), and drops the journal once the cache
 * holds them. Yjs updates are idempotent: replaying what the cache did store changes nothing.
 */
export class UnloadJournal {
  readonly #doc: Y.Doc;
  readonly #options: UnloadJournalOptions;
  /** Local updates not yet known to be in the cache, oldest first. */
  #pending: Uint8Array[] = [];
  /** Journals of earlier pages replayed here, removed once the cache holds them. */
  #replayed: string[] = [];
  #confirming = false;
  #saved = false;
  #destroyed = false;

  constructor(doc: Y.Doc, options: UnloadJournalOptions) {
    this.#doc = doc;
    this.#options = options;
    doc.on('update', this.#handleUpdate);
  }

  /** Edits kept here that the cache has not confirmed. */
  get pending(): number {
    return this.#pending.length;
  }

  /**
   * Applies the journals that earlier pages of this document left (this tab's own, after a reload,
   * and any other tab's); they count as unconfirmed until the cache has them. Returns how many.
   */
  replay(): number {
    let applied = 0;
    for (const [key, value] of this.#options.store.entries()) {
      const update = decode(value);
      if (update) {
        try {
          Y.applyUpdate(this.#doc, update, JOURNAL_ORIGIN);
          this.#pending.push(update);
          applied++;
        } catch {
          // Not a Yjs update (another version of the app, a damaged value): nothing to recover.
        }
      }
      if (key !== this.#options.key) this.#replayed.push(key);
    }
    this.confirm();
    return applied;
  }

  /** Writes what the cache has not confirmed to the store, now (the page may be going away). */
  save(): void {
    if (this.#destroyed) return;
    if (this.#pending.length === 0) {
      if (this.#saved) this.#clearOwn();
      return;
    }
    const merged = this.#pending.length === 1 ? this.#pending[0]! : Y.mergeUpdates(this.#pending);
    this.#pending = [merged];
    this.#saved = this.#options.store.set(this.#options.key, encode(merged));
  }

  /**
   * Asks the cache to confirm what is pending; called after each local edit and once the cache
   * opens. One confirmation runs at a time; edits made meanwhile wait for the next.
   */
  confirm(): void {
    if (this.#confirming || this.#destroyed) return;
    if (this.#pending.length === 0 && this.#replayed.length === 0) return;
    const written = this.#options.cacheWritten();
    if (!written) return;
    this.#confirming = true;
    const upto = this.#pending.length;
    const replayed = this.#replayed.length;
    written.then(
      () => {
        this.#confirming = false;
        if (this.#destroyed) return;
        this.#pending.splice(0, upto);
        for (const key of this.#replayed.splice(0, replayed)) this.#options.store.remove(key);
        if (this.#pending.length === 0) {
          if (this.#saved) this.#clearOwn();
        } else {
          this.confirm();
        }
      },
      () => {
        // An aborted write: the edits stay pending, and the next edit asks again.
        this.#confirming = false;
      },
    );
  }

  /** Stops listening; the store keeps what `save()` last wrote. */
  destroy(): void {
    this.#destroyed = true;
    this.#doc.off('update', this.#handleUpdate);
  }

  #clearOwn(): void {
    this.#options.store.remove(this.#options.key);
    this.#saved = false;
  }

  readonly #handleUpdate = (update: Uint8Array, origin: unknown): void => {
    if (origin === JOURNAL_ORIGIN || !this.#options.isLocal(origin)) return;
    this.#pending.push(update);
    this.confirm();
  };
}

function encode(update: Uint8Array): string {
  let binary = '';
  for (let i = 0; i < update.length; i += 0x8000) {
    binary += String.fromCharCode(...update.subarray(i, i + 0x8000));
  }
  return btoa(binary);
}

function decode(value: string): Uint8Array | undefined {
  try {
    const binary = atob(value);
    const bytes = new Uint8Array(binary.length);
    for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
    return bytes;
  } catch {
    return undefined;
  }
}
