/**
 * The workspace's tag vocabulary as the web app reads it from `GET /api/vocabulary`: four lists
 * of terms whose ids never change. A retired term is offered for nothing new, but stays (shown
 * as retired) on the recommendations that have it.
 */
export interface Term {
  readonly id: string;
  readonly label: string;
  readonly retired?: boolean;
}

export const VOCABULARY_LISTS = ['themes', 'addressees', 'a4pPlusPriorities', 'statuses'] as const;
export type VocabularyList = (typeof VOCABULARY_LISTS)[number];

export interface Vocabulary {
  readonly version: number;
  readonly themes: readonly Term[];
  readonly addressees: readonly Term[];
  readonly a4pPlusPriorities: readonly Term[];
  readonly statuses: readonly Term[];
}

export const LIST_LABELS: Record<VocabularyList, { plural: string; singular: string }> = {
  themes: { plural: 'Themes', singular: 'Theme' },
  addressees: { plural: 'Addressees', singular: 'Addressee' },
  a4pPlusPriorities: { plural: 'A4P+ priorities', singular: 'A4P+ priority' },
  statuses: { plural: 'Statuses', singular: 'Status' },
};

/** Reads a vocabulary from JSON, or throws a TypeError naming what is wrong. */
export function parseVocabulary(value: unknown): Vocabulary {
  if (typeof value !== 'object' || value === null) throw new TypeError('Not a vocabulary');
  const record = value as Record<string, unknown>;
  const list = (name: VocabularyList): Term[] => {
    const terms = record[name];
    if (!Array.isArray(terms)) throw new TypeError(`Vocabulary without a ${name} list`);
    return terms.map((term: unknown) => {
      const t = term as Partial<Term> | null;
      if (!t || typeof t.id !== 'string' || typeof t.label !== 'string') {
        throw new TypeError(`Not a term of ${name}: ${JSON.stringify(term)}`);
      }
      return { id: t.id, label: t.label, ...(t.retired === true && { retired: true }) };
    });
  };
  return {
    version: typeof record.version === 'number' ? record.version : 0,
    themes: list('themes'),
    addressees: list('addressees'),
    a4pPlusPriorities: list('a4pPlusPriorities'),
    statuses: list('statuses'),
  };
}

export interface TermLabel {
  readonly id: string;
  readonly label: string;
  readonly retired: boolean;
  /** False when the vocabulary has no such id (not loaded yet, or edited elsewhere). */
  readonly known: boolean;
}

/** How to show a term id; falls back to the id itself while the vocabulary is unknown. */
export function termLabel(vocabulary: Vocabulary | null, list: VocabularyList, id: string): TermLabel {
  const term = vocabulary?.[list].find((t) => t.id === id);
  return term
    ? { id, label: term.label, retired: term.retired === true, known: true }
    : { id, label: id, retired: false, known: false };
}

/**
 * A short form for chips, where space is tight: the abbreviation a label ends with in brackets
 * ("Troop- and police-contributing countries (T/PCCs)" → "T/PCCs"), or else the label itself.
 */
export function shortLabel(label: string): string {
  // One token with a capital, like "T/PCCs" or "DPO": not "(DPO, DOS)", which qualifies the label.
  const match = /\(([A-Z][\w/+.-]{1,15})\)\s*$/.exec(label);
  return match ? match[1]! : label;
}

/** The terms to offer for a new choice: the current ones plus any retired one already chosen. */
export function offeredTerms(terms: readonly Term[], chosen: readonly string[]): Term[] {
  return terms.filter((term) => !term.retired || chosen.includes(term.id));
}
