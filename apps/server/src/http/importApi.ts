import { randomBytes } from 'node:crypto';
import { Hono } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { ConceptNoteError, NoSessionsFoundError, extractConceptNote } from '@plenary/import';
import { encodeSeed } from '@plenary/templates';
import { NotAWordFileError, docxToText } from '../import/docx.ts';
import { UnsupportedFileError, importDraft, importKindOf } from '../import/importDocument.ts';
import type { AccessControl } from '../auth/AccessControl.ts';
import type { Storage } from '../storage/Storage.ts';
import { requirePrincipal, type AppEnv } from './context.ts';
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
export function documentImportApi(
  storage: Storage,
  access: AccessControl,
  onCreated: (documentId: string) => void,
): Hono<AppEnv> {
  const api = new Hono<AppEnv>();
  api.post('/', uploadLimit, async (c) => {
    const principal = access.requireCreator(c.get('principal'));
    const { name, bytes } = await uploadedFile(c.req.raw);
    let result;
    try {
      result = await importDraft(bytes, importKindOf(name), () => randomBytes(6).toString('base64url'));
    } catch (error) {
      if (error instanceof UnsupportedFileError || error instanceof NotAWordFileError)
        throw new HttpError(400, error.message);
      throw error;
    }
    const title = parseTitle((result.title ?? name.replace(/\.[^.]+$/, '')).slice(0, MAX_TITLE_LENGTH));
    // Encoding validates against the schema before anything is stored: a failure creates nothing.
    const seed = encodeSeed(result.built);
    const record = await storage.createDocument({ id: newDocumentId(), title }, seed, {
      userId: principal.user.id,
      role: 'co-host',
    });
    onCreated(record.id);
    return c.json({ ...record, sessions: result.built.sessions.length, warnings: result.warnings }, 201);
  });
  return api;
}

const TEXT_FILE = /\.(txt|md|markdown)$/i;

/**
 * `POST /api/import/concept-note`: the meeting details and sessions found in a concept note,
 * for the user to check before the summary is built. Body: the text itself (text/plain), or a
 * multipart upload of a .docx, .txt or .md `file`.
 */
export function conceptNoteApi(): Hono<AppEnv> {
  const api = new Hono<AppEnv>();
  api.post('/', uploadLimit, async (c) => {
    requirePrincipal(c);
    const type = c.req.header('content-type') ?? '';
    let text: string;
    if (type.startsWith('multipart/form-data')) {
      const { name, bytes } = await uploadedFile(c.req.raw);
      if (name.toLowerCase().endsWith('.docx')) {
        try {
          text = await docxToText(bytes);
        } catch (error) {
          if (error instanceof NotAWordFileError) throw new HttpError(400, error.message);
          throw error;
        }
      } else if (TEXT_FILE.test(name)) {
        text = new TextDecoder('utf-8').decode(bytes);
      } else {
        throw new HttpError(
          400,
          `cannot read ${JSON.stringify(name)}: upload a .docx, .txt or .md concept note`,
        );
      }
    } else if (type.startsWith('text/plain') || type === '') {
      text = await c.req.text();
    } else {
      throw new HttpError(
        415,
        'send the concept note as text/plain, or as a multipart upload with a "file" field',
      );
    }
    try {
      return c.json(extractConceptNote(text));
    } catch (error) {
      if (error instanceof NoSessionsFoundError) throw new HttpError(422, error.message);
      if (error instanceof ConceptNoteError && error.code === 'too-large')
        throw new HttpError(413, error.message);
      throw error;
    }
  });
  return api;
}
