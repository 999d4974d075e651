import { randomBytes } from 'node:crypto';
import { Hono } from 'hono';
import { UnknownTemplateError, buildDocument, encodeSeed, readContent } from '@plenary/templates';
import type { CollabServer } from '../collab/CollabServer.ts';
import type { Storage } from '../storage/Storage.ts';
import { parseCreateDocument } from './documentInput.ts';
import { HttpError } from './errors.ts';
import { jsonLimit, readJson, requireDocument } from './requests.ts';

/** 16 characters of base64url: 96 random bits, within the documented id pattern. */
export function newDocumentId(): string {
  return randomBytes(12).toString('base64url');
}

/** Session ids: short, random, unique within a document. */
function newSessionId(): string {
  return randomBytes(6).toString('base64url');
}

/** `/api/documents`: list, create and look up documents, and read their content. */
export function documentsApi(
  storage: Storage,
  collab: CollabServer,
  onCreated: (documentId: string) => void,
): Hono {
  const api = new Hono();

  api.get('/', async (c) => c.json(await storage.listDocuments()));

  api.post('/', jsonLimit, async (c) => {
    const input = parseCreateDocument(await readJson(c.req.raw));
    let built;
    try {
      built = buildDocument(input.template, {
        meeting: input.meeting,
        sessions: input.sessions,
        newId: newSessionId,
      });
    } catch (error) {
      if (error instanceof UnknownTemplateError) {
        throw new HttpError(400, error.message, { validTemplates: error.validIds });
      }
      throw error;
    }
    const record = await storage.createDocument(
      { id: newDocumentId(), title: input.title },
      encodeSeed(built),
    );
    onCreated(record.id);
    return c.json({ ...record, template: built.templateId }, 201);
  });

  api.get('/:id', async (c) => c.json(await requireDocument(storage, c.req.param('id'))));

  // The content as the server holds it (committed): meeting details, sessions, ProseMirror JSON.
  api.get('/:id/content', async (c) => {
    const record = await requireDocument(storage, c.req.param('id'));
    return c.json(await collab.readDocument(record.id, readContent));
  });

  return api;
}
