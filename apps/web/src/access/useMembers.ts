import { useCallback, useEffect, useState } from 'react';
import { problemText } from '../form/problem.ts';
import { getMembers, type Members } from './accessApi.ts';

/**
 * A document's members and pending invitations, fetched again with `reload` or a new `key` (the
 * page passes its polled status, so others' changes show within seconds).
 */
export function useMembers(documentId: string, key: unknown) {
  const [members, setMembers] = useState<Members | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const [attempt, setAttempt] = useState(0);
  const reload = useCallback(() => setAttempt((n) => n + 1), []);

  useEffect(() => {
    const controller = new AbortController();
    getMembers(documentId, controller.signal).then(
      (fresh) => {
        setMembers(fresh);
        setProblem(null);
      },
      (error: unknown) => {
        if (!controller.signal.aborted) setProblem(problemText(error, 'see the members'));
      },
    );
    return () => controller.abort();
  }, [documentId, key, attempt]);

  return { members, problem, reload };
}
