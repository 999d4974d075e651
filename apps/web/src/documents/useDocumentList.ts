import { useCallback, useEffect, useState } from 'react';
import { listDocuments, type DocumentSummary } from '../api.ts';
import { cacheDocumentList, cachedDocumentList } from './documentCache.ts';

export type DocumentList =
  | { readonly status: 'loading' }
  | { readonly status: 'ready'; readonly documents: readonly DocumentSummary[] }
  /** The server could not be reached; `documents` is this device's last copy, if any. */
  | {
      readonly status: 'unavailable';
      readonly documents?: readonly DocumentSummary[];
      readonly savedAt?: string;
    };

/** The documents on the server, newest first, with the device's last copy while offline. */
export function useDocumentList(): { list: DocumentList; reload: () => void } {
  const [list, setList] = useState<DocumentList>({ status: 'loading' });
  const [attempt, setAttempt] = useState(0);

  useEffect(() => {
    const controller = new AbortController();
    listDocuments(controller.signal).then(
      (documents) => {
        cacheDocumentList(documents);
        setList({ status: 'ready', documents });
      },
      () => {
        if (controller.signal.aborted) return;
        const cached = cachedDocumentList();
        setList(
          cached
            ? { status: 'unavailable', documents: cached.documents, savedAt: cached.savedAt }
            : { status: 'unavailable' },
        );
      },
    );
    return () => controller.abort();
  }, [attempt]);

  // Back online: the list on screen may be stale.
  useEffect(() => {
    const retry = () => setAttempt((n) => n + 1);
    window.addEventListener('online', retry);
    return () => window.removeEventListener('online', retry);
  }, []);

  const reload = useCallback(() => setAttempt((n) => n + 1), []);
  return { list, reload };
}
