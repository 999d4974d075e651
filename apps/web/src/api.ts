/** The document metadata the server keeps; the text itself travels over the collab websocket. */
export interface DocumentSummary {
  readonly id: string;
  readonly title: string;
  /** ISO 8601. */
  readonly createdAt: string;
  /** ISO 8601. */
  readonly updatedAt: string;
}

/** The server answered, with an error status. `message` is the server's own `{error}` text. */
export class ApiError extends Error {
  override readonly name = 'ApiError';
  constructor(
    readonly status: number,
    message: string,
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
  return request(
    '/api/documents',
    { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ title }) },
    toDocumentSummary,
  );
}

/** A JSON request: ApiError with the server's message on an error status, NetworkError without an answer. */
export async function request<T>(path: string, init: RequestInit, parse: (body: unknown) => T): Promise<T> {
  let response: Response;
  try {
    response = await fetch(path, { ...init, headers: { accept: 'application/json', ...init.headers } });
  } catch (error) {
    if (error instanceof DOMException && error.name === 'AbortError') throw error;
    throw new NetworkError(`Could not reach the server (${path})`, { cause: error });
  }
  const body: unknown = await response.json().catch(() => undefined);
  if (!response.ok) {
    throw new ApiError(response.status, errorMessage(body) ?? `${response.status} ${response.statusText}`);
  }
  return parse(body);
}

function errorMessage(body: unknown): string | undefined {
  if (isRecord(body) && typeof body.error === 'string' && body.error !== '') return body.error;
  return undefined;
}

function toDocumentSummary(value: unknown): DocumentSummary {
  if (
    isRecord(value) &&
    typeof value.id === 'string' &&
    typeof value.title === 'string' &&
    typeof value.createdAt === 'string' &&
    typeof value.updatedAt === 'string'
  ) {
    return { id: value.id, title: value.title, createdAt: value.createdAt, updatedAt: value.updatedAt };
  }
  throw new TypeError(`Not a document: ${JSON.stringify(value)}`);
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null;
}
