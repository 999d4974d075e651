import { useEffect, useRef, useState, useSyncExternalStore } from 'react';
import { CollabSession, type CollabSessionOptions, type SessionState } from './CollabSession.ts';

/**
 * The collaboration session for one document, alive while the component is mounted. Null on the
 * first render: the session opens IndexedDB and a websocket, which belongs in an effect (and
 * StrictMode's mount-unmount-mount must close the first one cleanly).
 */
export function useCollaboration(options: CollabSessionOptions): CollabSession | null {
  const [session, setSession] = useState<CollabSession | null>(null);
  const { documentId, collabUrl } = options;
  // A new callback identity on each render must not reopen the document; read the latest.
  const latest = useRef(options);
  useEffect(() => {
    latest.current = options;
  });

  useEffect(() => {
    const created = new CollabSession({
      documentId,
      collabUrl,
      refusal: () => latest.current.refusal?.() ?? Promise.resolve(undefined),
      onServerClose: (code) => latest.current.onServerClose?.(code),
    });
    setSession(created);
    return () => {
      created.destroy();
      setSession(null);
    };
  }, [documentId, collabUrl]);

  return session;
}

const OPENING: SessionState = { connection: 'connecting', unsavedChanges: 0, loaded: false };
const noSubscription = () => () => {};
const openingState = () => OPENING;

/** The session's connection state, re-rendering when it changes. */
export function useSessionState(session: CollabSession | null): SessionState {
  return useSyncExternalStore(session?.subscribe ?? noSubscription, session?.getState ?? openingState);
}
