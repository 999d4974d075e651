import WebSocket from 'ws';
import * as Y from 'yjs';
import { WebsocketProvider } from 'y-websocket';
import { COLLAB_PATH } from '@plenary/protocol';
import { tokenFor } from '../../support/credentials.ts';
import { nextEvent } from './waitFor.ts';

/** ws://host:port/collab, the `serverUrl` a WebsocketProvider appends the document id to. */
export function collabUrl(baseUrl: string): string {
  return `${baseUrl.replace(/^http/, 'ws')}${COLLAB_PATH}`;
}

/** A stock y-websocket client, as the web app uses it, with what tests need to observe. */
export interface TestClient {
  readonly doc: Y.Doc;
  readonly provider: WebsocketProvider;
  /** Resolves at the first sync with the server (its answer to our sync step 1 arrived). */
  readonly synced: Promise<void>;
  /** Close codes of every connection the server closed, in order. */
  readonly closeCodes: number[];
  /** Disconnects politely (the provider announces it is leaving) and stops reconnecting. */
  destroy(): void;
  /**
   * Drops the connection the way a crashed tab or a lost network does: no goodbye message, no
   * closing handshake; the provider does not reconnect.
   */
  crash(): void;
}

export function connectClient(
  baseUrl: string,
  documentId: string,
  {
    doc = new Y.Doc(),
    timeoutMs = 10_000,
    token = tokenFor(baseUrl),
  }: { doc?: Y.Doc; timeoutMs?: number; token?: string } = {},
): TestClient {
  const provider = new WebsocketProvider(collabUrl(baseUrl), documentId, doc, {
    params: { token },
    WebSocketPolyfill: WebSocket as unknown as typeof globalThis.WebSocket,
    // Providers in one process would otherwise also sync through a BroadcastChannel, behind the
    // server's back, and hide whatever the server got wrong.
    disableBc: true,
    maxBackoffTime: 500,
  });
  const closeCodes: number[] = [];
  provider.on('connection-close', (event) => {
    if (event) closeCodes.push(event.code);
  });
  const synced = new Promise<void>((resolve, reject) => {
    const timer = setTimeout(
      () => reject(new Error(`client of ${documentId} did not sync within ${timeoutMs} ms`)),
      timeoutMs,
    );
    provider.on('sync', (isSynced: boolean) => {
      if (!isSynced) return;
      clearTimeout(timer);
      resolve();
    });
  });
  synced.catch(() => {}); // reported to whoever awaits it
  let destroyed = false;
  return {
    doc,
    provider,
    synced,
    closeCodes,
    destroy() {
      if (destroyed) return;
      destroyed = true;
      provider.destroy();
      doc.destroy();
    },
    crash() {
      provider.shouldConnect = false;
      (provider.ws as unknown as WebSocket | null)?.terminate();
    },
  };
}

/** A bare websocket on a document, for sending what no stock client would send. */
export interface RawSocket {
  readonly ws: WebSocket;
  /** Resolves with the first frame from the server (its sync step 1: we are in the room). */
  readonly joined: Promise<Uint8Array>;
  /** Resolves when the connection closes, with the code and reason the client saw. */
  readonly closed: Promise<{ code: number; reason: string }>;
}

export async function openRawSocket(
  baseUrl: string,
  documentId: string,
  token = tokenFor(baseUrl),
): Promise<RawSocket> {
  const ws = new WebSocket(`${collabUrl(baseUrl)}/${documentId}?token=${encodeURIComponent(token)}`);
  const joined = nextEvent<[Buffer]>(ws, 'message').then(([data]) => new Uint8Array(data));
  joined.catch(() => {}); // reported to whoever awaits it
  const closed = new Promise<{ code: number; reason: string }>((resolve) => {
    ws.once('close', (code, reason) => resolve({ code, reason: reason.toString() }));
  });
  // An error (e.g. reading from a peer that reset) is followed by 'close'; that is what tests see.
  ws.on('error', () => {});
  await nextEvent(ws, 'open');
  return { ws, joined, closed };
}

/**
 * What a user sees of a document: the rich-text body (as XML), the meeting details and sessions
 * (the shared types the web app binds), and a plain 'text' the tests edit.
 */
export function contentOf(doc: Y.Doc) {
  return {
    text: doc.getText('text').toString(),
    body: doc.getXmlFragment('body').toString(),
    meeting: doc.getMap('meeting').toJSON(),
    sessions: doc.getArray('sessions').toJSON(),
  };
}

/** Appends a paragraph `<paragraph>text</paragraph>` to the 'body' fragment. */
export function appendParagraph(doc: Y.Doc, text: string): void {
  const paragraph = new Y.XmlElement('paragraph');
  paragraph.insert(0, [new Y.XmlText(text)]);
  const body = doc.getXmlFragment('body');
  body.insert(body.length, [paragraph]);
}
