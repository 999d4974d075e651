import { useEffect, useMemo, useSyncExternalStore } from 'react';
import type { CollabSession } from '../collab/CollabSession.ts';
import {
  recIdFromHash,
  RecommendationsController,
  type RecommendationsState,
} from './RecommendationsController.ts';
import { cachedVocabulary, fetchVocabulary } from './vocabularyApi.ts';

/**
 * The recommendations of the open document: a controller shared by the editor, the tag popover
 * and the panel, with the vocabulary (this device's copy at once, the server's when it answers,
 * again when the window regains focus, since an admin may have renamed a term meanwhile), and
 * `#rec-<id>` links followed.
 */
export function useRecommendations(session: CollabSession | null): RecommendationsController | null {
  const controller = useMemo(
    () => (session ? new RecommendationsController(session.doc, cachedVocabulary() ?? null) : null),
    [session],
  );

  useEffect(() => {
    if (!controller) return;
    const abort = new AbortController();
    const load = () => {
      fetchVocabulary(abort.signal).then(
        (vocabulary) => controller.setVocabulary(vocabulary),
        // Offline or failing: keep the cached lists; the next focus tries again.
        () => {},
      );
    };
    load();
    window.addEventListener('focus', load);
    return () => {
      abort.abort();
      window.removeEventListener('focus', load);
    };
  }, [controller]);

  useEffect(() => {
    if (!controller) return;
    const follow = () => {
      const recId = recIdFromHash(window.location.hash);
      if (recId) controller.reveal(recId);
    };
    follow();
    window.addEventListener('hashchange', follow);
    return () => window.removeEventListener('hashchange', follow);
  }, [controller]);

  return controller;
}

/** The controller's state (vocabulary, open popover), re-rendering when it changes. */
export function useRecommendationsState(controller: RecommendationsController): RecommendationsState {
  return useSyncExternalStore(controller.subscribe, controller.getState);
}
