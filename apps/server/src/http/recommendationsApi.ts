import { Hono } from 'hono';
import {
  listRecommendations,
  readSessions,
  writeTags,
  type RecommendationEntry,
  type TagChange,
} from '@plenary/schema';
import { VocabularyError, findTerm, type Vocabulary, type VocabularyList } from '@plenary/vocabulary';
import type { AccessControl } from '../auth/AccessControl.ts';
import type { CollabServer } from '../collab/CollabServer.ts';
import { toCsv } from '../recommendations/csv.ts';
import type { VocabularyStore } from '../recommendations/vocabularyStore.ts';
import type { RegisterRow, Storage } from '../storage/Storage.ts';
import { requirePrincipal, type AppEnv } from './context.ts';
import { HttpError } from './errors.ts';
import { jsonLimit, readJsonObject } from './requests.ts';

function labels(vocabulary: Vocabulary, list: VocabularyList, ids: readonly string[]): string {
  return ids
    .map((id) => {
      const term = findTerm(vocabulary, list, id);
      return term ? `${term.label}${term.retired ? ' (retired)' : ''}` : id;
    })
    .join('; ');
}

const CSV_HEADER = [
  'Document',
  'Meeting',
  'Dates',
  'No.',
  'Recommendation',
  'Session',
  'Themes',
  'Addressees',
  'A4P+ priority',
  'Status',
  'Note',
  'Link',
];

function csvRow(vocabulary: Vocabulary, r: RegisterRow, origin: string): Array<string | number | null> {
  return [
    r.documentTitle,
    r.meetingTitle,
    r.meetingDates,
    r.number,
    r.text,
    r.sessionTitle,
    labels(vocabulary, 'themes', r.themes),
    labels(vocabulary, 'addressees', r.addressees),
    r.priority ? labels(vocabulary, 'a4pPlusPriorities', [r.priority]) : '',
    labels(vocabulary, 'statuses', [r.status]),
    r.note,
    `${origin}${linkTo(r.documentId, r.id)}`,
  ];
}

/** Where the web app shows a recommendation in its document. */
export function linkTo(documentId: string, recId: string): string {
  return `/d/${documentId}#rec-${encodeURIComponent(recId)}`;
}

function stringList(value: unknown, field: string): string[] | undefined {
  if (value === undefined) return undefined;
  if (!Array.isArray(value) || value.some((v) => typeof v !== 'string'))
    throw new HttpError(400, `${field} must be a list of ids`);
  return [...new Set(value as string[])];
}

/** Checks a tag change against the vocabulary and the document; names the first bad id. */
function parseTagChange(
  body: Record<string, unknown>,
  vocabulary: Vocabulary,
  current: RecommendationEntry,
  sessionIds: string[],
): TagChange {
  const checkTerms = (
    list: VocabularyList,
    field: string,
    ids: string[] | undefined,
    had: readonly string[],
  ) => {
    for (const id of ids ?? []) {
      const term = findTerm(vocabulary, list, id);
      if (!term)
        throw new HttpError(400, `unknown ${field} ${JSON.stringify(id)}`, {
          field,
          validIds: vocabulary[list].filter((t) => !t.retired).map((t) => t.id),
        });
      // A retired term stays where it was, but is not given to anything new.
      if (term.retired && !had.includes(id))
        throw new HttpError(400, `${field} ${JSON.stringify(id)} is retired`);
    }
  };
  const change: TagChange = {};
  const themes = stringList(body.themes, 'themes');
  checkTerms('themes', 'theme', themes, current.themes);
  if (themes) change.themes = themes;
  const addressees = stringList(body.addressees, 'addressees');
  checkTerms('addressees', 'addressee', addressees, current.addressees);
  if (addressees) change.addressees = addressees;
  if (body.priority !== undefined) {
    if (body.priority !== null && typeof body.priority !== 'string')
      throw new HttpError(400, 'priority must be an id or null');
    if (body.priority)
      checkTerms(
        'a4pPlusPriorities',
        'priority',
        [body.priority],
        current.priority ? [current.priority] : [],
      );
    change.priority = (body.priority as string | null) || null;
  }
  if (body.status !== undefined) {
    if (typeof body.status !== 'string') throw new HttpError(400, 'status must be an id');
    checkTerms('statuses', 'status', [body.status], [current.status]);
    change.status = body.status;
  }
  if (body.sessionId !== undefined) {
    if (
      body.sessionId !== null &&
      (typeof body.sessionId !== 'string' || !sessionIds.includes(body.sessionId))
    ) {
      throw new HttpError(400, `unknown session ${JSON.stringify(body.sessionId)}`, { validIds: sessionIds });
    }
    change.sessionId = body.sessionId as string | null;
  }
  if (body.note !== undefined) {
    if (typeof body.note !== 'string' || body.note.length > 5000)
      throw new HttpError(400, 'note must be text of at most 5000 characters');
    change.note = body.note;
  }
  return change;
}

function wantsCsv(format: string | undefined): boolean {
  if (format === undefined || format === 'json') return false;
  if (format === 'csv') return true;
  throw new HttpError(400, `unknown format ${JSON.stringify(format)}; use json or csv`);
}

function csvResponse(csv: string, filename: string): Response {
  return new Response(csv, {
    headers: {
      'Content-Type': 'text/csv; charset=utf-8',
      'Content-Disposition': `attachment; filename="${filename}"`,
    },
  });
}

/** Recommendations of one document, tagging, the cross-meeting register and the vocabulary. */
export function recommendationsApi(deps: {
  storage: Storage;
  collab: CollabServer;
  vocabulary: VocabularyStore;
  access: AccessControl;
}): Hono<AppEnv> {
  const { storage, collab, vocabulary, access } = deps;
  const api = new Hono<AppEnv>();

  api.get('/documents/:id/recommendations', async (c) => {
    const csv = wantsCsv(c.req.query('format'));
    const { record } = await access.require(c.get('principal'), c.req.param('id'), 'read');
    const entries = await collab.readDocument(record.id, listRecommendations);
    if (!csv) return c.json(entries.map((e) => ({ ...e, link: linkTo(record.id, e.id) })));
    const vocab = await vocabulary.get();
    const origin = new URL(c.req.url).origin;
    const rows = entries.map((e) =>
      csvRow(
        vocab,
        { ...e, documentId: record.id, documentTitle: record.title, meetingTitle: '', meetingDates: '' },
        origin,
      ),
    );
    return csvResponse(toCsv(CSV_HEADER, rows), `recommendations-${record.id}.csv`);
  });

  api.put('/documents/:id/recommendations/:recId/tags', jsonLimit, async (c) => {
    const { record } = await access.require(c.get('principal'), c.req.param('id'), 'edit');
    const recId = c.req.param('recId');
    const body = await readJsonObject(c.req.raw);
    const vocab = await vocabulary.get();
    const updated = await collab.changeDocument(record.id, (doc) => {
      const current = listRecommendations(doc).find((e) => e.id === recId);
      if (!current)
        throw new HttpError(
          404,
          `recommendation ${JSON.stringify(recId)} not found in document ${record.id}`,
        );
      writeTags(
        doc,
        recId,
        parseTagChange(
          body,
          vocab,
          current,
          readSessions(doc).map((s) => s.id),
        ),
      );
      return listRecommendations(doc).find((e) => e.id === recId)!;
    });
    return c.json({ ...updated, link: linkTo(record.id, updated.id) });
  });

  api.get('/recommendations', async (c) => {
    const csv = wantsCsv(c.req.query('format'));
    const readable = await access.readableDocuments(requirePrincipal(c));
    const all = await storage.queryRecommendations({
      theme: c.req.query('theme') || undefined,
      addressee: c.req.query('addressee') || undefined,
      status: c.req.query('status') || undefined,
      q: c.req.query('q')?.slice(0, 200) || undefined,
    });
    // The register shows only documents the user has a role on.
    const rows = readable.all ? all : all.filter((r) => readable.roles.has(r.documentId));
    if (!csv) return c.json(rows.map((r) => ({ ...r, link: linkTo(r.documentId, r.id) })));
    const vocab = await vocabulary.get();
    const origin = new URL(c.req.url).origin;
    return csvResponse(
      toCsv(
        CSV_HEADER,
        rows.map((r) => csvRow(vocab, r, origin)),
      ),
      'recommendations-register.csv',
    );
  });

  api.get('/vocabulary', async (c) => {
    requirePrincipal(c);
    return c.json(await vocabulary.get());
  });

  api.put('/vocabulary', jsonLimit, async (c) => {
    if (!requirePrincipal(c).user.isAdmin)
      throw new HttpError(403, 'only an admin can change the vocabulary');
    try {
      return c.json(await vocabulary.put(await readJsonObject(c.req.raw)));
    } catch (error) {
      if (error instanceof VocabularyError) throw new HttpError(400, error.message);
      throw error;
    }
  });

  return api;
}
