import { afterEach } from 'vitest';

/**
 * Registers an `afterEach` that undoes, in reverse order, everything the test registered with
 * the returned function (clients, servers, child processes, temp folders), so that a failing
 * test still leaves nothing running and vitest exits.
 */
export function autoCleanup(): (dispose: () => unknown) => void {
  const stack: Array<() => unknown> = [];
  afterEach(async () => {
    const errors: unknown[] = [];
    while (stack.length > 0) {
      try {
        await stack.pop()!();
      } catch (error) {
        errors.push(error);
      }
    }
    if (errors.length > 0) throw new AggregateError(errors, 'cleanup failed');
  });
  return (dispose) => {
    stack.push(dispose);
  };
}
