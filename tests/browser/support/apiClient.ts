/**
 * One person talking to the API from the test process, as the browser would: it keeps the
 * cookies the server sets (the session and the CSRF token) and repeats the CSRF token on every
 * state-changing request (docs/access.md).
 */
export class ApiClient {
  readonly #cookies = new Map<string, string>();

  constructor(readonly baseUrl: string) {}

  /** The cookies, as a browser context would be given them (`context.addCookies`). */
  cookies(): Array<{ name: string; value: string; url: string }> {
    return [...this.#cookies].map(([name, value]) => ({ name, value, url: this.baseUrl }));
  }

  async request(method: string, path: string, body?: unknown): Promise<Response> {
    const headers: Record<string, string> = { accept: 'application/json' };
    if (this.#cookies.size > 0) {
      headers.cookie = [...this.#cookies].map(([name, value]) => `${name}=${value}`).join('; ');
    }
    const csrf = this.#cookies.get('plenary_csrf');
    if (method !== 'GET' && csrf !== undefined) headers['x-csrf-token'] = decodeURIComponent(csrf);
    // A form (a file upload) goes as it is, with the boundary fetch chooses; anything else as JSON.
    const form = body instanceof FormData;
    if (body !== undefined && !form) headers['content-type'] = 'application/json';
    const response = await fetch(`${this.baseUrl}${path}`, {
      method,
      headers,
      body: body === undefined ? undefined : form ? body : JSON.stringify(body),
    });
    for (const line of response.headers.getSetCookie()) {
      const [pair = ''] = line.split(';');
      const separator = pair.indexOf('=');
      if (separator > 0) this.#cookies.set(pair.slice(0, separator).trim(), pair.slice(separator + 1).trim());
    }
    return response;
  }

  /** A request that must succeed with `status`; its JSON body. */
  async expect<T>(status: number, method: string, path: string, body?: unknown): Promise<T> {
    const response = await this.request(method, path, body);
    const text = await response.text();
    if (response.status !== status) throw new Error(`${method} ${path}: ${response.status} ${text}`);
    return (text ? JSON.parse(text) : undefined) as T;
  }
}
