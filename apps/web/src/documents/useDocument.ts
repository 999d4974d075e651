import { useEffect, useState } from 'react';
import { ApiError, getDocument, type DocumentSummary } from '../api.ts';
import { cacheDocument, cachedDocument } from './documentCache.ts';

export type DocumentLookup =
  | { readonly status: 'loading'; readonly document?: DocumentSummary }
  | { readonly status: 'ready'; readonly document: DocumentSummary }
  | { readonly status: 'missing' }
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
 * Whether the server knows the document: true/false when it answered, undefined when it could
 * not be asked. For the session, which cannot tell a refused upgrade from a dead network.
 */
export async function documentExists(id: string): Promise<boolean | undefined> {
  try {
    await getDocument(id);
    return true;
  } catch (error) {
    return error instanceof ApiError && error.status === 404 ? false : undefined;
  }
}
