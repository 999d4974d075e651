import { useEffect, useState } from 'react';
import { CloseCode } from '@plenary/protocol';
import { ApiError, getDocument, type DocumentSummary } from '../api.ts';
import { cacheDocument, cachedDocument } from './documentCache.ts';

export type DocumentLookup =
  | { readonly status: 'loading'; readonly document?: DocumentSummary }
  | { readonly status: 'ready'; readonly document: DocumentSummary }
  | { readonly status: 'missing' }
  /** The server refuses: the user has no role on it (it answers 403 whether or not it exists). */
  | { readonly status: 'forbidden' }
  /** The server could not be asked (offline): `document` is what this device remembers. */
  | { readonly status: 'unavailable'; readonly document?: DocumentSummary };

/** A document's metadata from the server, falling back to this device's copy while offline. */
export function useDocument(id: string): DocumentLookup {
  const [lookup, setLookup] = useState<DocumentLookup>(() => initial(id));

  useEffect(() => {
    const controller = new AbortController();
    setLookup(initial(id));
    getDocument(id, controller.signal).then(
      (document) => {
        cacheDocument(document);
        setLookup({ status: 'ready', document });
      },
      (error: unknown) => {
        if (controller.signal.aborted) return;
        if (error instanceof ApiError && error.status === 404) setLookup({ status: 'missing' });
        else if (error instanceof ApiError && error.status === 403) setLookup({ status: 'forbidden' });
        else setLookup(withCache('unavailable', id));
      },
    );
    return () => controller.abort();
  }, [id]);

  return lookup;
}

function initial(id: string): DocumentLookup {
  return withCache('loading', id);
}

function withCache(status: 'loading' | 'unavailable', id: string): DocumentLookup {
  const document = cachedDocument(id);
  return document ? { status, document } : { status };
}

/**
 * Why the server refuses the document's socket, as the close code that says it (no such
 * document, no access, no session); undefined when it answered fine or could not be asked.
 * For the session, which cannot tell a refused upgrade from a dead network.
 */
export async function refusal(id: string): Promise<number | undefined> {
  try {
    await getDocument(id);
    return undefined;
  } catch (error) {
    if (!(error instanceof ApiError)) return undefined;
    return REFUSALS[error.status];
  }
}

const REFUSALS: Partial<Record<number, number>> = {
  401: CloseCode.Unauthenticated,
  403: CloseCode.AccessRevoked,
  404: CloseCode.DocumentNotFound,
};
