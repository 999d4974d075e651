import type { RecommendationEntry } from '@plenary/schema';
import { isUntagged } from './chips.ts';
import { termLabel, type Vocabulary } from './vocabulary.ts';

/** The panel's filters; an empty string means "any". */
export interface PanelFilters {
  readonly theme: string;
  readonly addressee: string;
  /** A session id, NO_SESSION, or '' for any. */
  readonly session: string;
  readonly status: string;
  readonly untaggedOnly: boolean;
}

export const NO_SESSION = '(none)';

export const NO_FILTERS: PanelFilters = {
  theme: '',
  addressee: '',
  session: '',
  status: '',
  untaggedOnly: false,
};

export function activeFilterCount(filters: PanelFilters): number {
  return (
    [filters.theme, filters.addressee, filters.session, filters.status].filter(Boolean).length +
    (filters.untaggedOnly ? 1 : 0)
  );
}

export function matchesFilters(entry: RecommendationEntry, filters: PanelFilters): boolean {
  if (filters.theme && !entry.themes.includes(filters.theme)) return false;
  if (filters.addressee && !entry.addressees.includes(filters.addressee)) return false;
  if (
    filters.session === NO_SESSION
      ? entry.sessionId !== null
      : filters.session && entry.sessionId !== filters.session
  ) {
    return false;
  }
  if (filters.status && entry.status !== filters.status) return false;
  if (filters.untaggedOnly && !isUntagged(entry)) return false;
  return true;
}

export interface ThemeCount {
  readonly id: string;
  readonly label: string;
  readonly retired: boolean;
  readonly count: number;
}

/** How many recommendations carry each theme, most used first (themes nobody used left out). */
export function themeCounts(
  entries: readonly RecommendationEntry[],
  vocabulary: Vocabulary | null,
): ThemeCount[] {
  const counts = new Map<string, number>();
  for (const entry of entries)
    for (const theme of entry.themes) counts.set(theme, (counts.get(theme) ?? 0) + 1);
  const order = (id: string) => {
    const index = vocabulary?.themes.findIndex((t) => t.id === id) ?? -1;
    return index < 0 ? Number.MAX_SAFE_INTEGER : index;
  };
  return [...counts]
    .map(([id, count]) => {
      const label = termLabel(vocabulary, 'themes', id);
      return { id, label: label.label, retired: label.retired, count };
    })
    .sort((a, b) => b.count - a.count || order(a.id) - order(b.id));
}

/**
 * The next recommendation still without tags after the one numbered `after` (0: from the top),
 * wrapping around to the first; null when all are tagged.
 */
export function nextUntagged(
  entries: readonly RecommendationEntry[],
  after: number,
): RecommendationEntry | null {
  const untagged = entries.filter(isUntagged);
  return untagged.find((entry) => entry.number > after) ?? untagged[0] ?? null;
}
