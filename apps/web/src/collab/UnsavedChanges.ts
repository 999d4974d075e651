import type * as Y from 'yjs';

/** Where the count survives a reload; localStorage in the app, a Map in tests. */
export interface CountStore {
  load(): number;
  save(count: number): void;
}

/**
 * Counts this person's edits that the server has not received: every update to the Y.Doc made
 * while the connection is not live, except those that came from elsewhere (the websocket
 * provider, the IndexedDB cache replaying what is already counted). The count is reset once the
 * provider reports it is synced again, since the sync exchange sends the server everything it
 * lacks.
 *
 * It counts Yjs transactions, which is what "a change" is to the user: typing a word is one
 * change per keystroke, pasting a paragraph is one.
 *
 * The count is persisted because the edits are: after a reload while offline the edits come back
 * from IndexedDB, and "nothing unsaved" would then be a lie.
 */
export class UnsavedChanges {
  #count: number;
  #live = false;
  readonly #doc: Y.Doc;
  readonly #isRemote: (origin: unknown) => boolean;
  readonly #store: CountStore | undefined;
  readonly #onChange: (count: number) => void;

  constructor(
    doc: Y.Doc,
    options: {
      /** True for origins whose updates are not this person's new edits. */
      isRemote: (origin: unknown) => boolean;
      store?: CountStore;
      onChange?: (count: number) => void;
    },
  ) {
    this.#doc = doc;
    this.#isRemote = options.isRemote;
    this.#store = options.store;
    this.#onChange = options.onChange ?? (() => {});
    this.#count = Math.max(0, Math.floor(options.store?.load() ?? 0));
    doc.on('update', this.#handleUpdate);
  }

  get count(): number {
    return this.#count;
  }

  /** Live: connected and synced, so each local update reaches the server as it happens. */
  setLive(live: boolean): void {
    if (live === this.#live) return;
    this.#live = live;
    if (live) this.#set(0);
  }

  destroy(): void {
    this.#doc.off('update', this.#handleUpdate);
  }

  readonly #handleUpdate = (_update: Uint8Array, origin: unknown): void => {
    if (this.#live || this.#isRemote(origin)) return;
    this.#set(this.#count + 1);
  };

  #set(count: number): void {
    if (count === this.#count) return;
    this.#count = count;
    this.#store?.save(count);
    this.#onChange(count);
  }
}
