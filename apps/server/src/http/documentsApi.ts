import { randomBytes } from 'node:crypto';
import { Hono } from 'hono';
import { UnknownTemplateError, buildDocument, encodeSeed, readContent } from '@plenary/templates';
import type { CollabServer } from '../collab/CollabServer.ts';
import type { Role } from '@plenary/protocol';
import type { AccessControl } from '../auth/AccessControl.ts';
import type { DocumentRecord, Storage } from '../storage/Storage.ts';
import { requirePrincipal, type AppEnv } from './context.ts';
import { parseCreateDocument } from './documentInput.ts';
import { HttpError } from './errors.ts';
import { jsonLimit, readJson } from './requests.ts';

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
  access: AccessControl,
  onCreated: (documentId: string) => void,
): Hono<AppEnv> {
  const api = new Hono<AppEnv>();

  /** A document as listed: its record, the user's role on it and its approval state. */
  const withAccess = async (record: DocumentRecord, role: Role | null) => ({
    ...record,
    role,
    state: (await storage.accounts.getStatus(record.id)).state,
  });

  // Only the documents where the user has a role (an admin sees all of them).
  api.get('/', async (c) => {
    const principal = requirePrincipal(c);
    const { all, roles } = await access.readableDocuments(principal);
    const records = (await storage.listDocuments()).filter((d) => all || roles.has(d.id));
    return c.json(await Promise.all(records.map((d) => withAccess(d, roles.get(d.id) ?? null))));
  });

  api.post('/', jsonLimit, async (c) => {
    const principal = access.requireCreator(c.get('principal'));
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
    // Whoever creates a document is its co-host: they can then add the others.
    const record = await storage.createDocument(
      { id: newDocumentId(), title: input.title },
      encodeSeed(built),
      {
        userId: principal.user.id,
        role: 'co-host',
      },
    );
    onCreated(record.id);
    return c.json({ ...record, template: built.templateId }, 201);
  });

  api.get('/:id', async (c) => {
    const { record, access: rights } = await access.require(c.get('principal'), c.req.param('id'), 'read');
    return c.json({ ...(await withAccess(record, rights.role)), isAdmin: rights.isAdmin });
  });

  // The content as the server holds it (committed): meeting details, sessions, ProseMirror JSON.
  api.get('/:id/content', async (c) => {
    const { record } = await access.require(c.get('principal'), c.req.param('id'), 'read');
    return c.json(await collab.readDocument(record.id, readContent));
  });

  return api;
}
