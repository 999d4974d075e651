import type { Term } from './vocabulary.ts';

/** Lower case without accents, so "cote" finds "Côte d'Ivoire" and "securite" finds "Sécurité". */
export function foldForSearch(text: string): string {
  return text
    .normalize('NFD')
    .replace(/\p{Diacritic}/gu, '')
    .toLowerCase();
}

/**
 * The terms matching what was typed: every typed word must start a word of the label or of the
 * id, so "med sup" finds "Medical support and capacity" but "cal" does not.
 */
export function filterTerms(terms: readonly Term[], query: string): Term[] {
  const words = foldForSearch(query).split(/\s+/).filter(Boolean);
  if (words.length === 0) return [...terms];
  return terms.filter((term) => {
    const termWords = [
      ...foldForSearch(term.label).split(/[^\p{L}\p{N}]+/u),
      ...term.id.toLowerCase().split('-'),
    ];
    return words.every((word) => termWords.some((w) => w.startsWith(word)));
  });
}
