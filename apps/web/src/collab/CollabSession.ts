import { IndexeddbPersistence } from 'y-indexeddb';
import { removeAwarenessStates, type Awareness } from 'y-protocols/awareness';
import { WebsocketProvider } from 'y-websocket';
import * as Y from 'yjs';
import { CloseCode, COLLAB_PATH, FATAL_CLOSE_CODES } from '@plenary/protocol';
import { readJson, removeKey, writeJson } from '../localStore.ts';
import { jitteredWebSocket } from './jitteredWebSocket.ts';
import { JOURNAL_ORIGIN, UnloadJournal, type JournalStore } from './UnloadJournal.ts';
import { UnsavedChanges } from './UnsavedChanges.ts';

export type ConnectionState =
  /** First attempt, nothing has failed yet. */
  | 'connecting'
  /** Connected and synced: every edit reaches the server as it is made. */
  | 'connected'
  /** The connection dropped or attempts failed; retrying with backoff. */
  | 'reconnecting'
  /** The browser says there is no network; waiting for it to come back. */
  | 'offline'
  /** The server closed with a code after which retrying cannot help (see `stoppedBy`). */
  | 'stopped';

export interface SessionState {
  readonly connection: ConnectionState;
  /** Local edits the server has not received yet. */
  readonly unsavedChanges: number;
  /**
   * The document's content is known: from the server, or from this device's cache when the
   * server cannot be reached. Bind the editor only then: an editor bound to a still-empty
   * Y.Doc fills it with its own empty structure, which then merges with the real content as
   * stray empty blocks.
   */
  readonly loaded: boolean;
  /** The close code that stopped the session, when `connection` is 'stopped'. */
  readonly stoppedBy?: number;
}

export interface CollabSessionOptions {
  readonly documentId: string;
  /** e.g. `wss://plenary.example/collab`; the provider appends `/<documentId>`. */
  readonly collabUrl?: string;
  /**
   * Asked when the socket keeps failing before it ever opens: a refused upgrade (unknown
   * document, no role on it, no session) looks exactly like a network error to the browser
   * (close code 1006). Resolves with the close code that names the refusal (DocumentNotFound,
   * AccessRevoked, Unauthenticated), to stop with; undefined when there is none or the server
   * could not be asked.
   */
  readonly refusal?: () => Promise<number | undefined>;
  /**
   * Told of every close the server sent, with its code: AccessChanged (4509) means the user's
   * rights changed and the session is reconnecting to get the new ones.
   */
  readonly onServerClose?: (code: number) => void;
}

// Re-asking the server why it refuses the socket more often than this adds nothing.
const REFUSAL_CHECK_INTERVAL_MS = 10_000;
// The provider doubles its delay from 200 ms; past a few seconds a user wonders if it gave up.
const MAX_BACKOFF_MS = 5_000;
const ABNORMAL_CLOSURE = 1006;
const OFFLINE_PROBE_INTERVAL_MS = 30_000;
const LOAD_FALLBACK_MS = 4_000;

/**
 * One open document: its Y.Doc, the IndexedDB cache that keeps it across reloads and offline
 * periods, and the websocket provider that syncs it with the server and carries presence.
 * Framework-free; React reads it through `subscribe`/`getState`.
 */
export class CollabSession {
  readonly documentId: string;
  readonly doc = new Y.Doc();
  readonly provider: WebsocketProvider;
  readonly #persistence: IndexeddbPersistence;
  readonly #unsaved: UnsavedChanges;
  readonly #journal: UnloadJournal;
  readonly #listeners = new Set<() => void>();
  readonly #refusal: (() => Promise<number | undefined>) | undefined;
  readonly #onServerClose: ((code: number) => void) | undefined;
  #state: SessionState;
  #socket: 'connecting' | 'connected' | 'disconnected' = 'disconnected';
  #online = navigator.onLine;
  #failedAttempts = 0;
  #stoppedBy: number | undefined;
  #loaded = false;
  #cacheLoaded = false;
  #lastRefusalCheck = 0;
  #destroyed = false;
  #offlineProbe: ReturnType<typeof setTimeout> | undefined;
  #loadFallback: ReturnType<typeof setTimeout> | undefined;
  #presenceBeforeLeaving: Record<string, unknown> | null = null;

  constructor(options: CollabSessionOptions) {
    this.documentId = options.documentId;
    this.#refusal = options.refusal;
    this.#onServerClose = options.onServerClose;
    this.#persistence = new IndexeddbPersistence(`plenary-doc-${options.documentId}`, this.doc);
    this.provider = new WebsocketProvider(
      options.collabUrl ?? defaultCollabUrl(),
      options.documentId,
      this.doc,
      {
        // One attempt even when the browser claims to be offline: navigator.onLine is false on
        // some machines that can still reach a local server. The close handler stops the retries.
        connect: true,
        maxBackoffTime: MAX_BACKOFF_MS,
        // Reconnects wait a random share of the backoff window, so that a server restart does
        // not bring every editor back in the same instant.
        WebSocketPolyfill: jitteredWebSocket({
          attempts: () => this.provider?.wsUnsuccessfulReconnects ?? 0,
        }),
        // The provider's default treats 4400-4499 as final (as we do) but keeps retrying after
        // 1009, which would resend the same oversized frame forever. Ask the shared list instead.
        shouldReconnect: (event) => !FATAL_CLOSE_CODES.has(event.code),
      },
    );
    const persistence = this.#persistence;
    const provider = this.provider;
    this.#unsaved = new UnsavedChanges(this.doc, {
      // A journal replays edits counted before the reload.
      isRemote: (origin) => origin === provider || origin === persistence || origin === JOURNAL_ORIGIN,
      store: unsavedCountStore(options.documentId),
      onChange: () => this.#update(),
    });
    this.#journal = new UnloadJournal(this.doc, {
      key: `${JOURNAL_PREFIX}${options.documentId}:${this.doc.clientID}`,
      store: journalStore(`${JOURNAL_PREFIX}${options.documentId}:`),
      isLocal: (origin) => origin !== provider && origin !== persistence,
      cacheWritten: () => cacheWritten(persistence),
    });
    this.#journal.replay();

    void persistence.whenSynced.then(() => {
      this.#cacheLoaded = true;
      this.#journal.confirm();
      // A document this device has seen can be shown at once; the server's changes merge in.
      // An empty cache says nothing: wait for the server, unless it is out of reach.
      if (this.doc.store.clients.size > 0 || !this.#online || this.#failedAttempts > 0) this.#markLoaded();
    });
    // IndexedDB can fail to open (some private browsing modes) and then never reports, and a
    // server can accept the socket but never answer: neither may keep the editor away forever.
    this.#loadFallback = setTimeout(this.#markLoaded, LOAD_FALLBACK_MS);
    provider.on('status', this.#handleStatus);
    provider.on('sync', this.#handleSync);
    provider.on('connection-close', this.#handleClose);
    provider.on('closed', this.#handleFatalClose);
    window.addEventListener('online', this.#handleOnline);
    window.addEventListener('offline', this.#handleOffline);
    // Tell the others right away that we left, rather than leaving a ghost caret until the
    // awareness timeout (30 s) removes it; and come back if the page returns from the
    // back-forward cache.
    window.addEventListener('pagehide', this.#leave);
    window.addEventListener('pageshow', this.#return);
    // Edits the cache may not hold yet go to the journal while the page can still write.
    window.addEventListener('pagehide', this.#saveJournal);
    document.addEventListener('visibilitychange', this.#saveJournalIfHidden);
    this.#state = this.#computeState();
  }

  get awareness(): Awareness {
    return this.provider.awareness;
  }

  getState = (): SessionState => this.#state;

  subscribe = (listener: () => void): (() => void) => {
    this.#listeners.add(listener);
    return () => this.#listeners.delete(listener);
  };

  /** Try again after the server stopped the session, or right now instead of after the backoff. */
  reconnect(): void {
    this.#stoppedBy = undefined;
    this.#failedAttempts = 0;
    this.provider.disconnect();
    this.provider.connect();
    this.#update();
  }

  destroy(): void {
    if (this.#destroyed) return;
    this.#destroyed = true;
    window.removeEventListener('online', this.#handleOnline);
    window.removeEventListener('offline', this.#handleOffline);
    window.removeEventListener('pagehide', this.#leave);
    window.removeEventListener('pageshow', this.#return);
    window.removeEventListener('pagehide', this.#saveJournal);
    document.removeEventListener('visibilitychange', this.#saveJournalIfHidden);
    clearTimeout(this.#offlineProbe);
    clearTimeout(this.#loadFallback);
    this.#leave();
    this.provider.destroy();
    this.#unsaved.destroy();
    // Closing the cache lets its running writes finish: nothing for the journal to keep.
    this.#journal.destroy();
    void this.#persistence.destroy();
    this.doc.destroy();
    this.#listeners.clear();
  }

  readonly #leave = (): void => {
    this.#presenceBeforeLeaving = this.awareness.getLocalState();
    removeAwarenessStates(this.awareness, [this.doc.clientID], 'left');
  };

  readonly #saveJournal = (): void => this.#journal.save();

  readonly #saveJournalIfHidden = (): void => {
    if (document.visibilityState === 'hidden') this.#journal.save();
  };

  readonly #return = (event: PageTransitionEvent): void => {
    if (!event.persisted || this.#presenceBeforeLeaving === null) return;
    this.awareness.setLocalState(this.#presenceBeforeLeaving);
    this.#presenceBeforeLeaving = null;
  };

  readonly #handleStatus = ({ status }: { status: 'connected' | 'disconnected' | 'connecting' }): void => {
    this.#socket = status;
    if (status === 'connected') {
      // Re-announce with a new awareness clock: peers that saw us leave kept our old clock and
      // would ignore the same state again until the 15 s renewal (docs/protocol.md).
      const local = this.awareness.getLocalState();
      if (local !== null) this.awareness.setLocalState({ ...local });
    } else if (status === 'disconnected') {
      // The provider has removed the others' states; forget their clocks too, or the server's
      // snapshot of them on reconnect would be ignored as "not newer" and they would stay
      // missing from "who is here" for up to 15 s.
      for (const clientId of [...this.awareness.meta.keys()]) {
        if (clientId !== this.doc.clientID && !this.awareness.states.has(clientId))
          this.awareness.meta.delete(clientId);
      }
    }
    this.#update();
  };

  readonly #markLoaded = (): void => {
    clearTimeout(this.#loadFallback);
    this.#loaded = true;
    this.#update();
  };

  readonly #handleSync = (synced: boolean): void => {
    if (synced) {
      this.#failedAttempts = 0;
      this.#markLoaded();
    } else {
      this.#update();
    }
  };

  readonly #handleClose = (event: CloseEvent | null): void => {
    // A null event is our own disconnect() (going offline, reconnect()): not a failure.
    if (event === null) return;
    this.#onServerClose?.(event.code);
    // A change of rights is no failure: the provider reconnects at once, with the new rights.
    if (event.code !== CloseCode.AccessChanged) this.#failedAttempts += 1;
    if (this.#cacheLoaded) this.#markLoaded();
    if (!navigator.onLine) {
      // No point retrying into a dead network every few seconds: the 'online' event resumes.
      // (Not disconnect(): we are inside the provider's close handling, and the cross-tab
      // channel should keep working offline.) A slow probe covers machines whose
      // navigator.onLine stays false although the server is reachable.
      this.provider.shouldConnect = false;
      this.#scheduleOfflineProbe();
    } else if (event.code === ABNORMAL_CLOSURE) {
      void this.#checkRefusal();
    }
    this.#update();
  };

  readonly #handleFatalClose = ({ code }: { code: number }): void => {
    this.#stoppedBy = code;
    this.#update();
  };

  readonly #handleOnline = (): void => {
    this.#online = true;
    clearTimeout(this.#offlineProbe);
    if (this.#stoppedBy === undefined) {
      // Reconnect now: the provider's backoff timer may be seconds away.
      this.provider.connect();
    }
    this.#update();
  };

  readonly #handleOffline = (): void => {
    this.#online = false;
    if (this.#cacheLoaded) this.#markLoaded();
    this.#scheduleOfflineProbe();
    // An open websocket can take up to 30 s to notice a dead network (the provider's
    // watchdog); the browser knows now. Closing counts our edits as unsaved from this moment.
    this.provider.disconnect();
    // disconnect() also leaves the cross-tab channel, but tabs of this browser can still
    // share edits without a network.
    this.provider.connectBc();
    this.#update();
  };

  #scheduleOfflineProbe(): void {
    clearTimeout(this.#offlineProbe);
    this.#offlineProbe = setTimeout(() => {
      if (this.#destroyed || this.#stoppedBy !== undefined || this.provider.ws !== null) return;
      this.provider.connect();
    }, OFFLINE_PROBE_INTERVAL_MS);
  }

  async #checkRefusal(): Promise<void> {
    const now = Date.now();
    if (!this.#refusal || now - this.#lastRefusalCheck < REFUSAL_CHECK_INTERVAL_MS) return;
    this.#lastRefusalCheck = now;
    const code = await this.#refusal();
    if (code !== undefined && !this.#destroyed) {
      this.provider.disconnect();
      this.#handleFatalClose({ code });
    }
  }

  #computeState(): SessionState {
    const live = this.#socket === 'connected' && this.provider.synced;
    const connection: ConnectionState =
      this.#stoppedBy !== undefined
        ? 'stopped'
        : live
          ? 'connected'
          : !this.#online
            ? 'offline'
            : this.#failedAttempts > 0
              ? 'reconnecting'
              : 'connecting';
    return {
      connection,
      unsavedChanges: this.#unsaved.count,
      loaded: this.#loaded,
      ...(this.#stoppedBy !== undefined && { stoppedBy: this.#stoppedBy }),
    };
  }

  #update(): void {
    if (this.#destroyed) return;
    this.#unsaved.setLive(this.#socket === 'connected' && this.provider.synced);
    const next = this.#computeState();
    const previous = this.#state;
    if (
      previous.connection === next.connection &&
      previous.unsavedChanges === next.unsavedChanges &&
      previous.loaded === next.loaded &&
      previous.stoppedBy === next.stoppedBy
    ) {
      return;
    }
    this.#state = next;
    for (const listener of this.#listeners) listener();
  }
}

function defaultCollabUrl(): string {
  const scheme = window.location.protocol === 'https:' ? 'wss:' : 'ws:';
  return `${scheme}//${window.location.host}${COLLAB_PATH}`;
}

const JOURNAL_PREFIX = 'plenary:journal:';

/** localStorage keys starting with `prefix`: one journal per tab that wrote one. */
function journalStore(prefix: string): JournalStore {
  const text = (value: unknown) => (typeof value === 'string' ? value : undefined);
  return {
    entries: () => {
      const found: Array<[string, string]> = [];
      for (const key of storedKeys()) {
        const value = key.startsWith(prefix) ? readJson(key, text) : undefined;
        if (value !== undefined) found.push([key, value]);
      }
      return found;
    },
    set: writeJson,
    remove: removeKey,
  };
}

function storedKeys(): string[] {
  try {
    return Array.from({ length: window.localStorage.length }, (_, i) => window.localStorage.key(i) ?? '');
  } catch {
    // No localStorage: no journal was written either.
    return [];
  }
}

/**
 * Resolves once every write y-indexeddb started before the call has committed: a read-only
 * transaction on its store starts only after the read-write ones created before it are done.
 */
function cacheWritten(persistence: IndexeddbPersistence): Promise<void> | null {
  const db = persistence.db;
  if (!db) return null;
  return new Promise((resolve, reject) => {
    try {
      const transaction = db.transaction(['updates'], 'readonly');
      transaction.objectStore('updates').get(0);
      transaction.oncomplete = () => resolve();
      transaction.onabort = () => reject(transaction.error ?? new Error('cache transaction aborted'));
    } catch (error) {
      // The database is closing (the session ended) or was deleted.
      reject(error as Error);
    }
  });
}

function unsavedCountStore(documentId: string) {
  const key = `plenary:unsaved:${documentId}`;
  return {
    load: () => readJson(key, (value) => (typeof value === 'number' ? value : undefined)) ?? 0,
    save: (count: number) => (count === 0 ? removeKey(key) : void writeJson(key, count)),
  };
}
