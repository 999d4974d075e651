import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { can, type Action, type DocumentState, type Role } from '@plenary/protocol';
import { ApiError, getDocument, type DocumentSummary } from '../api.ts';
import { cacheDocument } from '../documents/documentCache.ts';
import { getStatus, type DocumentStatus } from './accessApi.ts';

/** How often the open document's role and approval status are asked again: others approve. */
export const ACCESS_POLL_MS = 5_000;
const VERSION_RETRY_MS = 500;

export interface DocumentAccess {
  /** The role is known (from the server, or this device's copy while offline). */
  readonly known: boolean;
  readonly role: Role | null;
  readonly isAdmin: boolean;
  readonly state: DocumentState;
  /** The approval status; null until first fetched. */
  readonly status: DocumentStatus | null;
  /** The server says this user no longer has access (403). */
  readonly revoked: boolean;
  readonly can: (action: Action) => boolean;
  /** May change the text now: the `edit` right, and the document is not final. */
  readonly canEditText: boolean;
  /** May change the meeting details, sessions and settings now. */
  readonly canEditStructure: boolean;
  /** Ask the server again now (after an AccessChanged close, or an action of this user). */
  readonly refresh: () => void;
  /** Take a status the server just answered with (finalize, approve, reopen). */
  readonly setStatus: (status: DocumentStatus) => void;
}

/**
 * The signed-in user's rights on one document and where it stands in the approval process,
 * kept fresh: polled every few seconds and refreshed on demand. The server enforces all of
 * it; the app only shows what the user can do. Until the role is known the editor stays
 * read-only, so that nothing is written that the server would refuse.
 */
export function useDocumentAccess(
  documentId: string,
  isAdmin: boolean,
  initial: DocumentSummary | undefined,
): DocumentAccess {
  const [document, setDocument] = useState<DocumentSummary | undefined>(initial);
  const [status, setStatus] = useState<DocumentStatus | null>(null);
  const [revoked, setRevoked] = useState(false);
  const [tick, setTick] = useState(0);
  const refresh = useCallback(() => setTick((n) => n + 1), []);
  // Answers can arrive out of order (a poll sent before an approval, answered after it): each
  // status is numbered when asked for, and an older one never replaces a newer one.
  const asked = useRef(0);
  const shown = useRef(0);
  const showStatus = useCallback((next: DocumentStatus, number = ++asked.current) => {
    if (number < shown.current) return;
    shown.current = number;
    setStatus(next);
  }, []);

  // The page's lookup (this device's copy, then the server's) stands in until this hook's own.
  useEffect(() => {
    if (initial) setDocument((current) => current ?? initial);
  }, [initial]);

  useEffect(() => {
    const controller = new AbortController();
    const refused = (error: unknown) => {
      if (controller.signal.aborted) return;
      if (error instanceof ApiError && error.status === 403) setRevoked(true);
      // Anything else (offline, a server restart) keeps what is known; the next poll retries.
    };
    getDocument(documentId, controller.signal).then((fresh) => {
      cacheDocument(fresh);
      setDocument(fresh);
      setRevoked(false);
    }, refused);
    const number = ++asked.current;
    getStatus(documentId, controller.signal).then((next) => showStatus(next, number), refused);
    return () => controller.abort();
  }, [documentId, tick, showStatus]);

  // The server turns a document final a moment before its final version is stored: ask again
  // soon rather than show a final document without its version for a whole poll.
  const versionPending = status?.state === 'final' && status.finalVersion === null;
  useEffect(() => {
    if (!versionPending) return;
    const timer = setTimeout(refresh, VERSION_RETRY_MS);
    return () => clearTimeout(timer);
  }, [versionPending, tick, refresh]);

  useEffect(() => {
    const timer = setInterval(() => {
      if (!window.document.hidden) refresh();
    }, ACCESS_POLL_MS);
    return () => clearInterval(timer);
  }, [refresh]);

  return useMemo(() => {
    const role = document?.role ?? null;
    // The status endpoint is the fresher of the two: it is what approvals change.
    const state = status?.state ?? document?.state ?? 'draft';
    const allowed = (action: Action) => can({ role, isAdmin }, action);
    const known = document !== undefined;
    return {
      known,
      role,
      isAdmin,
      state,
      status,
      revoked,
      can: allowed,
      canEditText: known && state !== 'final' && allowed('edit'),
      canEditStructure: known && state !== 'final' && allowed('structure'),
      refresh,
      setStatus: (next: DocumentStatus) => showStatus(next),
    };
  }, [document, status, revoked, isAdmin, refresh, showStatus]);
}
