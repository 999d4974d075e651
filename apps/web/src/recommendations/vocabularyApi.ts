import { jsonBody, request } from '../api.ts';
import { readJson, writeJson } from '../localStore.ts';
import { parseVocabulary, type Vocabulary } from './vocabulary.ts';

const CACHE_KEY = 'plenary:vocabulary';

export function fetchVocabulary(signal?: AbortSignal): Promise<Vocabulary> {
  return request('/api/vocabulary', { signal }, parseVocabulary).then((vocabulary) => {
    cacheVocabulary(vocabulary);
    return vocabulary;
  });
}

/** Saves an edited vocabulary; the server checks it (ids kept, terms retired, never removed). */
export function saveVocabulary(vocabulary: Vocabulary): Promise<Vocabulary> {
  return request('/api/vocabulary', jsonBody('PUT', vocabulary), parseVocabulary).then((saved) => {
    cacheVocabulary(saved);
    return saved;
  });
}

/**
 * The vocabulary as last fetched on this device: chips and the tag popover work offline too
 * (tags are written to the local Y.Doc and sync later), they just need the labels.
 */
export function cachedVocabulary(): Vocabulary | undefined {
  return readJson(CACHE_KEY, (value) => {
    try {
      return parseVocabulary(value);
    } catch {
      return undefined;
    }
  });
}

function cacheVocabulary(vocabulary: Vocabulary): void {
  writeJson(CACHE_KEY, vocabulary);
}
