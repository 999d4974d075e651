import defaults from './defaultVocabulary.json' with { type: 'json' };

/** One term of a tag list. Ids never change; labels may; a retired term stays on old tags. */
export interface Term {
  id: string;
  label: string;
  retired?: boolean;
}

export const VOCABULARY_LISTS = ['themes', 'addressees', 'a4pPlusPriorities', 'statuses'] as const;
export type VocabularyList = (typeof VOCABULARY_LISTS)[number];

export interface Vocabulary {
  version: number;
  themes: Term[];
  addressees: Term[];
  a4pPlusPriorities: Term[];
  statuses: Term[];
}

const TERM_ID = /^[a-z0-9][a-z0-9-]{0,63}$/;

/** The vocabulary a workspace starts from. */
export function defaultVocabulary(): Vocabulary {
  return {
    version: defaults.version,
    themes: defaults.themes.map((t) => ({ ...t })),
    addressees: defaults.addressees.map((t) => ({ ...t })),
    a4pPlusPriorities: defaults.a4pPlusPriorities.map((t) => ({ ...t })),
    statuses: defaults.statuses.map((t) => ({ ...t })),
  };
}

export class VocabularyError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'VocabularyError';
  }
}

/**
 * Checks an edited vocabulary against the current one: well-formed terms, no duplicate ids, and
 * no term removed (a term is retired instead, so tags that use it keep their meaning).
 */
export function validateVocabularyEdit(current: Vocabulary, next: unknown): Vocabulary {
  if (typeof next !== 'object' || next === null) throw new VocabularyError('vocabulary must be an object');
  const input = next as Record<string, unknown>;
  const result: Vocabulary = { version: current.version + 1, themes: [], addressees: [], a4pPlusPriorities: [], statuses: [] };
  for (const list of VOCABULARY_LISTS) {
    const terms = input[list];
    if (!Array.isArray(terms)) throw new VocabularyError(`${list} must be a list of {id, label, retired?}`);
    const seen = new Set<string>();
    for (const [i, term] of terms.entries()) {
      const t = term as Partial<Term> | null;
      if (!t || typeof t.id !== 'string' || !TERM_ID.test(t.id)) {
        throw new VocabularyError(`${list}[${i}].id must be lower-case letters, digits and dashes, got ${JSON.stringify(t?.id)}`);
      }
      if (typeof t.label !== 'string' || !t.label.trim() || t.label.length > 200) {
        throw new VocabularyError(`${list}[${i}].label must be 1 to 200 characters`);
      }
      if (seen.has(t.id)) throw new VocabularyError(`${list} has the id ${JSON.stringify(t.id)} twice`);
      seen.add(t.id);
      result[list].push({ id: t.id, label: t.label.trim(), ...(t.retired ? { retired: true } : {}) });
    }
    for (const old of current[list]) {
      if (!seen.has(old.id)) {
        throw new VocabularyError(`${list} term ${JSON.stringify(old.id)} cannot be removed: mark it retired instead`);
      }
    }
  }
  return result;
}

/** The term of a list with that id (retired ones included), if any. */
export function findTerm(vocabulary: Vocabulary, list: VocabularyList, id: string): Term | undefined {
  return vocabulary[list].find((t) => t.id === id);
}
