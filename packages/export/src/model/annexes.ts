import type { RecommendationEntry } from '@plenary/schema';
import type { Vocabulary, VocabularyList } from '@plenary/vocabulary';
import { termLabel } from './labels.ts';
import type { Block, TableModel } from './types.ts';

/** Annexes an export can add: recommendations listed by theme, by addressee. */
export const ANNEX_KINDS = ['theme', 'addressee'] as const;
export type AnnexKind = (typeof ANNEX_KINDS)[number];

export interface GeneratedAnnex {
  title: string;
  blocks: Block[];
}

/** "3 (para. 27)", or "3" where paragraphs are not numbered. */
function reference(entry: RecommendationEntry, locations: Map<string, string | null>): string {
  const where = locations.get(entry.id);
  return where ? `${entry.number} (para. ${where})` : String(entry.number);
}

/**
 * One row per term that some recommendation carries, in the vocabulary's order (terms the
 * vocabulary no longer lists come after, by id), then the untagged ones, so every recommendation
 * appears at least once.
 */
function table(
  heading: string,
  list: VocabularyList,
  ids: (e: RecommendationEntry) => string[],
  entries: readonly RecommendationEntry[],
  vocabulary: Vocabulary,
  locations: Map<string, string | null>,
): TableModel {
  const byTerm = new Map<string, RecommendationEntry[]>();
  const untagged: RecommendationEntry[] = [];
  for (const entry of entries) {
    const terms = ids(entry);
    if (!terms.length) untagged.push(entry);
    for (const id of terms) byTerm.set(id, [...(byTerm.get(id) ?? []), entry]);
  }
  const known = vocabulary[list].map((t) => t.id).filter((id) => byTerm.has(id));
  const unknown = [...byTerm.keys()].filter((id) => !known.includes(id)).sort();
  const rows = [...known, ...unknown].map((id) => [
    termLabel(vocabulary, list, id),
    byTerm
      .get(id)!
      .map((e) => reference(e, locations))
      .join(', '),
  ]);
  if (untagged.length)
    rows.push([`No ${heading.toLowerCase()}`, untagged.map((e) => reference(e, locations)).join(', ')]);
  return { type: 'table', columns: [heading, 'Recommendations'], rows };
}

export function recommendationAnnex(
  kind: AnnexKind,
  entries: readonly RecommendationEntry[],
  vocabulary: Vocabulary,
  locations: Map<string, string | null>,
): GeneratedAnnex {
  const intro: Block = {
    type: 'paragraph',
    label: null,
    runs: [
      {
        text: 'Recommendations are listed by number, with the paragraph in which each stands where paragraphs are numbered.',
      },
    ],
  };
  const body: Block = entries.length
    ? kind === 'theme'
      ? table('Theme', 'themes', (e) => e.themes, entries, vocabulary, locations)
      : table('Addressee', 'addressees', (e) => e.addressees, entries, vocabulary, locations)
    : { type: 'paragraph', label: null, runs: [{ text: 'The document contains no recommendations.' }] };
  return {
    title: kind === 'theme' ? 'Recommendations by theme' : 'Recommendations by addressee',
    blocks: [intro, body],
  };
}
