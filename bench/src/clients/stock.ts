import { HocuspocusProvider, HocuspocusProviderWebsocket } from '@hocuspocus/provider';
import WebSocket from 'ws';
import { WebsocketProvider } from 'y-websocket';
import * as Y from 'yjs';
import type { Awareness } from 'y-protocols/awareness';
import type { Target } from '../systems/types.ts';

/**
 * A client as an application runs it: a Y.Doc behind each system's stock provider
 * (y-websocket's WebsocketProvider for Plenary and the relay, HocuspocusProvider for
 * Hocuspocus), with `ws` as the WebSocket of Node 20.
 */
export interface StockClient {
  readonly doc: Y.Doc;
  readonly awareness: Awareness;
  /** The provider; remote updates are applied with it as their transaction origin. */
  readonly origin: unknown;
  /** Resolves at the first sync with the server. */
  readonly synced: Promise<void>;
  destroy(): void;
}

export function stockClient(target: Target, documentId: string, doc = new Y.Doc()): StockClient {
  if (target.dialect === 'hocuspocus') {
    // One socket per client, as a browser tab has; passed in because Node 20 has no WebSocket.
    const socket = new HocuspocusProviderWebsocket({ url: target.serverUrl, WebSocketPolyfill: WebSocket });
    const provider = new HocuspocusProvider({ websocketProvider: socket, name: documentId, document: doc });
    provider.attach();
    const synced = new Promise<void>((resolve) => {
      if (provider.isSynced) resolve();
      else provider.on('synced', () => resolve());
    });
    return {
      doc,
      awareness: provider.awareness!,
      origin: provider,
      synced,
      destroy: () => {
        provider.destroy();
        socket.destroy();
      },
    };
  }
  const provider = new WebsocketProvider(target.serverUrl, documentId, doc, {
    WebSocketPolyfill: WebSocket as unknown as typeof globalThis.WebSocket,
    disableBc: true,
    params: target.params ?? {},
  });
  const synced = new Promise<void>((resolve) => {
    provider.on('sync', (isSynced: boolean) => {
      if (isSynced) resolve();
    });
  });
  return {
    doc,
    awareness: provider.awareness,
    origin: provider,
    synced,
    destroy: () => provider.destroy(),
  };
}
