/**
 * localStorage with the failures it really has: Safari in private mode and full quotas throw on
 * write, and another version of the app may have left a value we cannot read. Losing a
 * preference is acceptable; crashing the editor over one is not.
 */
export function readJson<T>(key: string, parse: (value: unknown) => T | undefined): T | undefined {
  try {
    const raw = window.localStorage.getItem(key);
    return raw === null ? undefined : parse(JSON.parse(raw));
  } catch {
    return undefined;
  }
}

export function writeJson(key: string, value: unknown): boolean {
  try {
    window.localStorage.setItem(key, JSON.stringify(value));
    return true;
  } catch {
    return false;
  }
}

export function removeKey(key: string): void {
  try {
    window.localStorage.removeItem(key);
  } catch {
    // Nothing to do: the value stays, and is harmless.
  }
}
