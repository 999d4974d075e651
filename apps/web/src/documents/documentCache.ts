import { isRecord, parseDocumentSummary, type DocumentSummary } from '../api.ts';
import { readJson, removeKey, writeJson } from '../localStore.ts';

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
    const documents = value.documents.flatMap((entry: unknown) => parseDocumentSummary(entry) ?? []);
    return { savedAt: value.savedAt, documents };
  });
}

export function cacheDocument(document: DocumentSummary): void {
  writeJson(documentKey(document.id), document);
}

export function cachedDocument(id: string): DocumentSummary | undefined {
  return readJson(documentKey(id), (value) => {
    const document = parseDocumentSummary(value);
    return document?.id === id ? document : undefined;
  });
}

/** Forgets every document this device listed: they belong to whoever signed out. */
export function forgetDocuments(): void {
  const list = cachedDocumentList();
  for (const document of list?.documents ?? []) removeKey(documentKey(document.id));
  removeKey(LIST_KEY);
}
