import { foldForSearch } from '../termFilter.ts';
import { VOCABULARY_LISTS, type Term, type Vocabulary, type VocabularyList } from '../vocabulary.ts';

/** What the server accepts as a term id (packages/vocabulary). */
export const TERM_ID = /^[a-z0-9][a-z0-9-]{0,63}$/;
export const MAX_LABEL = 200;

/** An id for a new term, from its label: "Women, peace & security" → "women-peace-security". */
export function idFromLabel(label: string, taken: ReadonlySet<string>): string {
  const base =
    foldForSearch(label)
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-+|-+$/g, '')
      .slice(0, 56)
      .replace(/-+$/, '') || 'term';
  if (!taken.has(base)) return base;
  for (let n = 2; ; n++) if (!taken.has(`${base}-${n}`)) return `${base}-${n}`;
}

/** Why a label cannot be used in a list, or null. */
export function labelProblem(terms: readonly Term[], label: string, exceptId?: string): string | null {
  const trimmed = label.trim();
  if (!trimmed) return 'Give the term a label.';
  if (trimmed.length > MAX_LABEL) return `Keep the label under ${MAX_LABEL} characters.`;
  const twin = terms.find(
    (t) => t.id !== exceptId && foldForSearch(t.label.trim()) === foldForSearch(trimmed),
  );
  if (twin)
    return `“${twin.label}” is already in this list${twin.retired ? ' (retired: restore it instead)' : ''}.`;
  return null;
}

/** Why an id cannot be given to a new term, or null. */
export function idProblem(terms: readonly Term[], id: string): string | null {
  if (!TERM_ID.test(id))
    return 'Ids are lower-case letters, digits and dashes, starting with a letter or digit.';
  if (terms.some((t) => t.id === id)) return `The id “${id}” is taken in this list.`;
  return null;
}

function withList(vocabulary: Vocabulary, list: VocabularyList, terms: Term[]): Vocabulary {
  return { ...vocabulary, [list]: terms };
}

export function addTerm(
  vocabulary: Vocabulary,
  list: VocabularyList,
  term: { id: string; label: string },
): Vocabulary {
  return withList(vocabulary, list, [...vocabulary[list], { id: term.id, label: term.label.trim() }]);
}

export function renameTerm(
  vocabulary: Vocabulary,
  list: VocabularyList,
  id: string,
  label: string,
): Vocabulary {
  return withList(
    vocabulary,
    list,
    vocabulary[list].map((t) => (t.id === id ? { ...t, label } : t)),
  );
}

/** Retires a term (never removes it: recommendations that carry it keep its meaning), or restores it. */
export function setRetired(
  vocabulary: Vocabulary,
  list: VocabularyList,
  id: string,
  retired: boolean,
): Vocabulary {
  return withList(
    vocabulary,
    list,
    vocabulary[list].map((t) => {
      if (t.id !== id) return t;
      const { retired: _dropped, ...rest } = t;
      return retired ? { ...rest, retired: true } : rest;
    }),
  );
}

/** Terms added, renamed, retired or restored since `saved`. */
export function countChanges(saved: Vocabulary, draft: Vocabulary): number {
  let changes = 0;
  for (const list of VOCABULARY_LISTS) {
    const before = new Map(saved[list].map((t) => [t.id, t]));
    for (const term of draft[list]) {
      const old = before.get(term.id);
      if (!old) changes++;
      else if (old.label !== term.label.trim() || Boolean(old.retired) !== Boolean(term.retired)) changes++;
    }
  }
  return changes;
}

/** The first label in the draft the server would refuse, as "list: problem", or null. */
export function draftProblem(
  draft: Vocabulary,
): { list: VocabularyList; id: string; message: string } | null {
  for (const list of VOCABULARY_LISTS) {
    for (const term of draft[list]) {
      const message = labelProblem(draft[list], term.label, term.id);
      if (message) return { list, id: term.id, message };
    }
  }
  return null;
}

/** The draft as the server wants it: labels trimmed. */
export function forSaving(draft: Vocabulary): Vocabulary {
  const trim = (terms: readonly Term[]) => terms.map((t) => ({ ...t, label: t.label.trim() }));
  return {
    ...draft,
    themes: trim(draft.themes),
    addressees: trim(draft.addressees),
    a4pPlusPriorities: trim(draft.a4pPlusPriorities),
    statuses: trim(draft.statuses),
  };
}
