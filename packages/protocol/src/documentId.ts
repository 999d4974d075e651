/**
 * Document ids are URL path segments and storage keys: 1 to 64 characters of ASCII letters,
 * digits, `_` and `-`. Nothing else reaches storage or a room (no dots, so no `..`).
 */
export const DOCUMENT_ID_PATTERN = /^[A-Za-z0-9_-]{1,64}$/;

export function isDocumentId(value: unknown): value is string {
  return typeof value === 'string' && DOCUMENT_ID_PATTERN.test(value);
}

/** Path prefix of the per-document collaboration websocket. */
export const COLLAB_PATH = '/collab';
