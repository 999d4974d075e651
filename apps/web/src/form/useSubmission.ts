import { useCallback, useEffect, useRef, useState } from 'react';
import { problemText } from './problem.ts';

/**
 * One form's request in flight: `busy` while it runs, `problem` in words when it failed. `doing`
 * completes "you could not …" ("sign in", "change your password").
 */
export function useSubmission(doing: string) {
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const mounted = useRef(true);
  useEffect(() => {
    mounted.current = true;
    return () => {
      mounted.current = false;
    };
  }, []);

  const run = useCallback(
    async (action: () => Promise<void>): Promise<boolean> => {
      setBusy(true);
      setProblem(null);
      try {
        await action();
        return true;
      } catch (error) {
        if (mounted.current) setProblem(problemText(error, doing));
        return false;
      } finally {
        if (mounted.current) setBusy(false);
      }
    },
    [doing],
  );

  return { busy, problem, setProblem, run };
}
