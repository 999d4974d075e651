export interface WaitOptions {
  /** Give up after this long. Default 10 s: generous on a loaded 2-core machine. */
  timeoutMs?: number;
  /** What is being waited for, for the timeout message. */
  what?: string;
}

/**
 * Retries `check` until it returns a truthy value (which is returned) or stops throwing, and
 * fails with the last assertion error once the deadline passes. This is how integration tests
 * wait for something that happens over the network: never a fixed sleep.
 */
export async function waitFor<T>(
  check: () => T | Promise<T>,
  { timeoutMs = 10_000, what = 'condition' }: WaitOptions = {},
): Promise<NonNullable<T>> {
  const deadline = Date.now() + timeoutMs;
  let lastError: unknown;
  for (;;) {
    try {
      const value = await check();
      if (value !== undefined && value !== null && (value as unknown) !== false) {
        return value as NonNullable<T>;
      }
      lastError = undefined;
    } catch (error) {
      lastError = error;
    }
    if (Date.now() > deadline) {
      const detail = lastError instanceof Error ? `: ${lastError.message}` : '';
      throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}${detail}`, {
        cause: lastError,
      });
    }
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

/** Resolves with the first emission of `event`, or rejects after `timeoutMs`. */
export function nextEvent<T extends unknown[]>(
  emitter: { once(event: string, listener: (...args: T) => void): unknown },
  event: string,
  timeoutMs = 10_000,
): Promise<T> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(
      () => reject(new Error(`timed out after ${timeoutMs} ms waiting for '${event}'`)),
      timeoutMs,
    );
    emitter.once(event, (...args: T) => {
      clearTimeout(timer);
      resolve(args);
    });
  });
}
