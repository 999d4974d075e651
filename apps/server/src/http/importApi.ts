import { randomBytes } from 'node:crypto';
import { Hono } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { encodeSeed } from '@plenary/templates';
import { NotAWordFileError } from '../import/docx.ts';
import { UnsupportedFileError, importDraft, importKindOf } from '../import/importDocument.ts';
import type { Storage } from '../storage/Storage.ts';
import { newDocumentId } from './documentsApi.ts';
import { MAX_TITLE_LENGTH, parseTitle } from './documentInput.ts';
import { HttpError } from './errors.ts';

export const MAX_UPLOAD_BYTES = 10 * 1024 * 1024;

export const uploadLimit = bodyLimit({
  maxSize: MAX_UPLOAD_BYTES,
  onError: () => {
    throw new HttpError(413, `upload over ${MAX_UPLOAD_BYTES / 1024 / 1024} MiB`);
  },
});

/** The `file` field of a multipart upload, as bytes with its name. */
export async function uploadedFile(request: Request): Promise<{ name: string; bytes: Uint8Array }> {
  let form: FormData;
  try {
    form = await request.formData();
  } catch {
    throw new HttpError(400, 'expected a multipart/form-data upload with a "file" field');
  }
  const file = form.get('file');
  if (!(file instanceof File)) throw new HttpError(400, 'the upload has no "file" field');
  return { name: file.name, bytes: new Uint8Array(await file.arrayBuffer()) };
}

/** `POST /api/documents/import`: a new summary from a Word or Markdown draft. */
export function documentImportApi(storage: Storage, onCreated: (documentId: string) => void): Hono {
  const api = new Hono();
  api.post('/', uploadLimit, async (c) => {
    const { name, bytes } = await uploadedFile(c.req.raw);
    let result;
    try {
      result = await importDraft(bytes, importKindOf(name), () => randomBytes(6).toString('base64url'));
    } catch (error) {
      if (error instanceof UnsupportedFileError || error instanceof NotAWordFileError) throw new HttpError(400, error.message);
      throw error;
    }
    const title = parseTitle((result.title ?? name.replace(/\.[^.]+$/, '')).slice(0, MAX_TITLE_LENGTH));
    // Encoding validates against the schema before anything is stored: a failure creates nothing.
    const seed = encodeSeed(result.built);
    const record = await storage.createDocument({ id: newDocumentId(), title }, seed);
    onCreated(record.id);
    return c.json({ ...record, sessions: result.built.sessions.length, warnings: result.warnings }, 201);
  });
  return api;
}
