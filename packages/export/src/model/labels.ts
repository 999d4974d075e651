import type { RecommendationEntry } from '@plenary/schema';
import { findTerm, type Vocabulary, type VocabularyList } from '@plenary/vocabulary';
import type { RecommendationTagsModel } from './types.ts';

/**
 * A tag's printed label: the workspace vocabulary's current label (a retired term keeps its label,
 * as old recommendations keep their tags), or the bare id of a term the vocabulary lacks.
 */
export function termLabel(vocabulary: Vocabulary, list: VocabularyList, id: string): string {
  return findTerm(vocabulary, list, id)?.label ?? id;
}

export function tagLabels(vocabulary: Vocabulary, entry: RecommendationEntry): RecommendationTagsModel {
  return {
    themes: entry.themes.map((id) => termLabel(vocabulary, 'themes', id)),
    addressees: entry.addressees.map((id) => termLabel(vocabulary, 'addressees', id)),
    priority: entry.priority ? termLabel(vocabulary, 'a4pPlusPriorities', entry.priority) : null,
    status: entry.status ? termLabel(vocabulary, 'statuses', entry.status) : null,
  };
}

/** "Recommendation 3 · Themes: Medical support · Addressees: Member States · Status: Agreed". */
export function tagLine(number: number, tags: RecommendationTagsModel): string {
  const parts = [`Recommendation ${number}`];
  if (tags.themes.length)
    parts.push(`${tags.themes.length > 1 ? 'Themes' : 'Theme'}: ${tags.themes.join('; ')}`);
  if (tags.addressees.length)
    parts.push(`${tags.addressees.length > 1 ? 'Addressees' : 'Addressee'}: ${tags.addressees.join('; ')}`);
  if (tags.priority) parts.push(`A4P+ priority: ${tags.priority}`);
  if (tags.status) parts.push(`Status: ${tags.status}`);
  return parts.join(' · ');
}
