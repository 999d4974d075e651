/**
 * The CSRF defence of docs/access.md: a state-changing request authenticated by the session
 * cookie must repeat the session's token in a header. The token sits in a cookie scripts of
 * this origin can read (another site cannot), so the header proves the request came from here.
 */
export const CSRF_COOKIE = 'plenary_csrf';
export const CSRF_HEADER = 'X-CSRF-Token';

const SAFE_METHODS: ReadonlySet<string> = new Set(['GET', 'HEAD', 'OPTIONS']);

/** Whether a request with this method changes something, and so needs the CSRF header. */
export function changesState(method: string | undefined): boolean {
  return !SAFE_METHODS.has((method ?? 'GET').toUpperCase());
}

/** A cookie's value from a `document.cookie` string; undefined when it is not set. */
export function readCookie(cookies: string, name: string): string | undefined {
  for (const pair of cookies.split(';')) {
    const separator = pair.indexOf('=');
    if (separator === -1) continue;
    if (pair.slice(0, separator).trim() !== name) continue;
    const value = pair.slice(separator + 1).trim();
    try {
      return decodeURIComponent(value);
    } catch {
      return value;
    }
  }
  return undefined;
}

/** This page's CSRF token, read fresh each time: signing in again replaces it. */
export function csrfToken(): string | undefined {
  return typeof document === 'undefined' ? undefined : readCookie(document.cookie, CSRF_COOKIE);
}
