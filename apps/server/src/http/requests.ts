import type { MiddlewareHandler } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { isDocumentId } from '@plenary/protocol';
import type { DocumentRecord, Storage } from '../storage/Storage.ts';
import { HttpError } from './errors.ts';

/** Largest JSON body a REST request may carry. */
export const MAX_JSON_BODY_BYTES = 256 * 1024;

/** Refuses a JSON body over the limit with 413, before reading it. */
export const jsonLimit: MiddlewareHandler = bodyLimit({
  maxSize: MAX_JSON_BODY_BYTES,
  onError: () => {
    throw new HttpError(413, `request body over ${MAX_JSON_BODY_BYTES} bytes`);
  },
});

/** The request's JSON body; 400 when it is not JSON. */
export async function readJson(request: Request): Promise<unknown> {
  try {
    return await request.json();
  } catch {
    throw new HttpError(400, 'request body is not valid JSON');
  }
}

/** The request's JSON body, which must be an object. */
export async function readJsonObject(request: Request): Promise<Record<string, unknown>> {
  const body = await readJson(request);
  if (typeof body !== 'object' || body === null || Array.isArray(body)) {
    throw new HttpError(400, 'request body must be a JSON object');
  }
  return body as Record<string, unknown>;
}

/** The document named in a route: 400 for a malformed id, 404 for an unknown one. */
export async function requireDocument(storage: Storage, id: string): Promise<DocumentRecord> {
  if (!isDocumentId(id)) throw new HttpError(400, `invalid document id ${JSON.stringify(id)}`);
  const record = await storage.getDocument(id);
  if (!record) throw new HttpError(404, `document ${JSON.stringify(id)} not found`);
  return record;
}
