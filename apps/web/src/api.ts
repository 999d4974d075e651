import { isRole, type DocumentState, type Role } from '@plenary/protocol';
import { changesState, CSRF_HEADER, csrfToken } from './account/csrf.ts';

/** The document metadata the server keeps; the text itself travels over the collab websocket. */
export interface DocumentSummary {
  readonly id: string;
  readonly title: string;
  /** ISO 8601. */
  readonly createdAt: string;
  /** ISO 8601. */
  readonly updatedAt: string;
  /** The signed-in user's role on it; null for an admin without one (docs/access.md). */
  readonly role: Role | null;
  readonly state: DocumentState;
}

/** The server answered, with an error status. `message` is the server's own `{error}` text. */
export class ApiError extends Error {
  override readonly name = 'ApiError';
  constructor(
    readonly status: number,
    message: string,
    /** Seconds to wait, from a 429's Retry-After. */
    readonly retryAfter?: number,
  ) {
    super(message);
  }
}

/**
 * The request never got an answer (offline, server down, DNS). Kept apart from ApiError because
 * the app treats it differently: it falls back to what this device already has.
 */
export class NetworkError extends Error {
  override readonly name = 'NetworkError';
}

export function listDocuments(signal?: AbortSignal): Promise<DocumentSummary[]> {
  return request('/api/documents', { signal }, (body) => {
    if (!Array.isArray(body)) throw new TypeError('Expected an array of documents');
    return body.map(toDocumentSummary);
  });
}

export function getDocument(id: string, signal?: AbortSignal): Promise<DocumentSummary> {
  return request(`/api/documents/${encodeURIComponent(id)}`, { signal }, toDocumentSummary);
}

export function createDocument(title: string): Promise<DocumentSummary> {
  return request('/api/documents', jsonBody('POST', { title }), toDocumentSummary);
}

/** A JSON request: ApiError with the server's message on an error status, NetworkError without an answer. */
export async function request<T>(path: string, init: RequestInit, parse: (body: unknown) => T): Promise<T> {
  const response = await apiFetch(path, {
    ...init,
    headers: { accept: 'application/json', ...init.headers },
  });
  const body: unknown = await response.json().catch(() => undefined);
  if (!response.ok) {
    throw new ApiError(
      response.status,
      errorMessage(body) ?? `${response.status} ${response.statusText}`,
      retryAfterSeconds(response.headers.get('retry-after')),
    );
  }
  return parse(body);
}

/**
 * Every call to the API goes through here: a state-changing request carries the CSRF token, and
 * a 401 tells the app the session is gone (it shows the sign-in page). NetworkError when no
 * answer came.
 */
export async function apiFetch(path: string, init: RequestInit = {}): Promise<Response> {
  const headers = new Headers(init.headers);
  const token = csrfToken();
  if (changesState(init.method) && token !== undefined) headers.set(CSRF_HEADER, token);
  let response: Response;
  try {
    response = await fetch(path, { ...init, headers });
  } catch (error) {
    if (error instanceof DOMException && error.name === 'AbortError') throw error;
    throw new NetworkError(`Could not reach the server (${path})`, { cause: error });
  }
  if (response.status === 401 && !CREDENTIAL_CHECKS.has(path))
    window.dispatchEvent(new Event(SIGNED_OUT_EVENT));
  return response;
}

// On these a 401 answers the credentials typed into the form, not the session.
const CREDENTIAL_CHECKS: ReadonlySet<string> = new Set([
  '/api/auth/login',
  '/api/auth/setup',
  '/api/me/password',
]);
const SIGNED_OUT_EVENT = 'plenary:signed-out';

/** Calls `listener` whenever the server answers 401 to a request of the signed-in user. */
export function onSignedOut(listener: () => void): () => void {
  window.addEventListener(SIGNED_OUT_EVENT, listener);
  return () => window.removeEventListener(SIGNED_OUT_EVENT, listener);
}

/** The JSON body of a state-changing request. */
export function jsonBody(method: 'POST' | 'PUT' | 'PATCH' | 'DELETE', body: unknown): RequestInit {
  return { method, headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) };
}

function retryAfterSeconds(header: string | null): number | undefined {
  if (header === null) return undefined;
  const seconds = Number(header);
  if (Number.isFinite(seconds)) return Math.max(0, Math.ceil(seconds));
  const date = Date.parse(header);
  return Number.isNaN(date) ? undefined : Math.max(0, Math.ceil((date - Date.now()) / 1000));
}

function errorMessage(body: unknown): string | undefined {
  if (isRecord(body) && typeof body.error === 'string' && body.error !== '') return body.error;
  return undefined;
}

/** A document as the server (or this device's cache) describes it; undefined when it is not one. */
export function parseDocumentSummary(value: unknown): DocumentSummary | undefined {
  if (
    !isRecord(value) ||
    typeof value.id !== 'string' ||
    typeof value.title !== 'string' ||
    typeof value.createdAt !== 'string' ||
    typeof value.updatedAt !== 'string'
  ) {
    return undefined;
  }
  return {
    id: value.id,
    title: value.title,
    createdAt: value.createdAt,
    updatedAt: value.updatedAt,
    role: isRole(value.role) ? value.role : null,
    state: isDocumentState(value.state) ? value.state : 'draft',
  };
}

function toDocumentSummary(value: unknown): DocumentSummary {
  const document = parseDocumentSummary(value);
  if (!document) throw new TypeError(`Not a document: ${JSON.stringify(value)}`);
  return document;
}

export function isDocumentState(value: unknown): value is DocumentState {
  return value === 'draft' || value === 'pending' || value === 'final';
}

export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null;
}
