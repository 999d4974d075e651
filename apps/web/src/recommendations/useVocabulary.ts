import { useCallback, useEffect, useState } from 'react';
import type { Vocabulary } from './vocabulary.ts';
import { cachedVocabulary, fetchVocabulary } from './vocabularyApi.ts';

export interface VocabularyLookup {
  /** The server's vocabulary, else this device's last copy, else null. */
  readonly vocabulary: Vocabulary | null;
  readonly status: 'loading' | 'ready' | 'unavailable';
  readonly reload: () => void;
  /** After a save: the vocabulary the server now has. */
  readonly replace: (vocabulary: Vocabulary) => void;
}

/** The workspace's tag vocabulary, for pages outside the editor (register, vocabulary admin). */
export function useVocabulary(): VocabularyLookup {
  const [vocabulary, setVocabulary] = useState<Vocabulary | null>(() => cachedVocabulary() ?? null);
  const [status, setStatus] = useState<VocabularyLookup['status']>('loading');
  const [attempt, setAttempt] = useState(0);

  useEffect(() => {
    const abort = new AbortController();
    setStatus('loading');
    fetchVocabulary(abort.signal).then(
      (fetched) => {
        setVocabulary(fetched);
        setStatus('ready');
      },
      () => {
        if (!abort.signal.aborted) setStatus('unavailable');
      },
    );
    return () => abort.abort();
  }, [attempt]);

  const reload = useCallback(() => setAttempt((n) => n + 1), []);
  const replace = useCallback((next: Vocabulary) => {
    setVocabulary(next);
    setStatus('ready');
  }, []);
  return { vocabulary, status, reload, replace };
}
