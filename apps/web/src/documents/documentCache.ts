import type { DocumentSummary } from '../api.ts';
import { readJson, writeJson } from '../localStore.ts';

/**
 * What this device last heard from the server about documents, so that the list and the
 * editor's title still make sense while offline. Only metadata: the text lives in IndexedDB.
 */
const LIST_KEY = 'plenary:documents';
const documentKey = (id: string) => `plenary:document:${id}`;

interface CachedList {
  readonly savedAt: string;
  readonly documents: readonly DocumentSummary[];
}

export function cacheDocumentList(documents: readonly DocumentSummary[]): void {
  writeJson(LIST_KEY, { savedAt: new Date().toISOString(), documents } satisfies CachedList);
  for (const document of documents) cacheDocument(document);
}

export function cachedDocumentList(): CachedList | undefined {
  return readJson(LIST_KEY, (value) => {
    if (!isRecord(value) || typeof value.savedAt !== 'string' || !Array.isArray(value.documents))
      return undefined;
    const documents = value.documents.filter(isDocumentSummary);
    return { savedAt: value.savedAt, documents };
  });
}

export function cacheDocument(document: DocumentSummary): void {
  writeJson(documentKey(document.id), document);
}

export function cachedDocument(id: string): DocumentSummary | undefined {
  return readJson(documentKey(id), (value) =>
    isDocumentSummary(value) && value.id === id ? value : undefined,
  );
}

function isDocumentSummary(value: unknown): value is DocumentSummary {
  return (
    isRecord(value) &&
    typeof value.id === 'string' &&
    typeof value.title === 'string' &&
    typeof value.createdAt === 'string' &&
    typeof value.updatedAt === 'string'
  );
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null;
}
