import { useId, useState } from 'react';
import type { RecommendationEntry, Session } from '@plenary/schema';
import { formatShortcut } from '../editor/shortcuts.ts';
import { chipsFor, isUntagged } from './chips.ts';
import {
  activeFilterCount,
  matchesFilters,
  nextUntagged,
  NO_FILTERS,
  NO_SESSION,
  themeCounts,
  type PanelFilters,
} from './panelFilters.ts';
import type { RecommendationsController } from './RecommendationsController.ts';
import { RECOMMENDATION_SHORTCUTS } from './shortcuts.ts';
import { useRecommendationList } from './tags.ts';
import { useCurrentRecommendation } from './useCurrentRecommendation.ts';
import { useRecommendationsState } from './useRecommendations.ts';
import { offeredTerms, type Vocabulary } from './vocabulary.ts';

const EXCERPT_CHARS = 90;

/**
 * Every recommendation of the document with its number, first words and chips: filters, counts
 * per theme, a click to jump to one, and "next untagged" for going through them in order.
 */
export function RecommendationsPanel({ controller }: { readonly controller: RecommendationsController }) {
  const { vocabulary } = useRecommendationsState(controller);
  const { recommendations, sessions } = useRecommendationList(controller.doc);
  const current = useCurrentRecommendation(controller);
  const [filters, setFilters] = useState<PanelFilters>(NO_FILTERS);
  const headingId = useId();
  const shown = recommendations.filter((entry) => matchesFilters(entry, filters));
  const untagged = recommendations.filter(isUntagged).length;
  const counts = themeCounts(recommendations, vocabulary);
  const filtering = activeFilterCount(filters) > 0;
  const set = (patch: Partial<PanelFilters>) => setFilters((previous) => ({ ...previous, ...patch }));

  const goToNextUntagged = () => {
    const at = recommendations.find((entry) => entry.id === current)?.number ?? 0;
    const next = nextUntagged(recommendations, at);
    // Straight into its tags: going through untagged ones is a tagging session.
    if (next && controller.jumpTo(next.id)) controller.openTags(next.id);
  };

  return (
    <section className="rec-panel" aria-labelledby={headingId}>
      {/* The side panel's tab names the panel; the heading is there for navigation by headings. */}
      <h2 id={headingId} className="rec-sr-only">
        Recommendations
      </h2>

      {recommendations.length === 0 ? (
        <p className="rec-panel__empty">
          None yet. Mark a paragraph or list item with {formatShortcut(RECOMMENDATION_SHORTCUTS.toggle)}, or
          write in a Recommendations section.
        </p>
      ) : (
        <>
          <div className="rec-panel__progress">
            <span className="rec-panel__untagged">
              {untagged === 0
                ? `All ${recommendations.length} tagged`
                : `${untagged} of ${recommendations.length} untagged`}
            </span>
            <button
              type="button"
              className="button button--small"
              disabled={untagged === 0}
              onClick={goToNextUntagged}
            >
              Next untagged
            </button>
          </div>

          <Filters
            filters={filters}
            set={set}
            vocabulary={vocabulary}
            sessions={sessions}
            entries={recommendations}
          />

          {counts.length > 0 && (
            <details className="rec-panel__themes" open>
              <summary>By theme</summary>
              <ul className="rec-panel__theme-list">
                {counts.map((theme) => (
                  <li key={theme.id}>
                    <button
                      type="button"
                      className="rec-panel__theme"
                      aria-pressed={filters.theme === theme.id}
                      onClick={() => set({ theme: filters.theme === theme.id ? '' : theme.id })}
                    >
                      <span className="rec-panel__theme-label">
                        {theme.label}
                        {theme.retired && <span className="rec-panel__retired"> (retired)</span>}
                      </span>
                      <span className="rec-panel__theme-count">{theme.count}</span>
                    </button>
                  </li>
                ))}
              </ul>
            </details>
          )}

          <p className="rec-panel__shown" role="status">
            {filtering
              ? `${shown.length} of ${recommendations.length} shown`
              : `${recommendations.length} in document order`}
            {filtering && (
              <button type="button" className="rec-panel__clear" onClick={() => setFilters(NO_FILTERS)}>
                Clear filters
              </button>
            )}
          </p>

          <ol className="rec-panel__list" aria-label="Recommendations">
            {shown.map((entry) => (
              <PanelItem
                key={entry.id}
                entry={entry}
                current={entry.id === current}
                vocabulary={vocabulary}
                sessions={sessions}
                onJump={() => controller.jumpTo(entry.id)}
              />
            ))}
          </ol>
        </>
      )}
    </section>
  );
}

interface FiltersProps {
  readonly filters: PanelFilters;
  readonly set: (patch: Partial<PanelFilters>) => void;
  readonly vocabulary: Vocabulary | null;
  readonly sessions: readonly Session[];
  readonly entries: readonly RecommendationEntry[];
}

function Filters({ filters, set, vocabulary, sessions, entries }: FiltersProps) {
  const id = useId();
  const used = (pick: (e: RecommendationEntry) => readonly string[]) => entries.flatMap(pick);
  // Retired terms still on some recommendation stay filterable.
  const themes = vocabulary
    ? offeredTerms(
        vocabulary.themes,
        used((e) => e.themes),
      )
    : [];
  const addressees = vocabulary
    ? offeredTerms(
        vocabulary.addressees,
        used((e) => e.addressees),
      )
    : [];
  const statuses = vocabulary
    ? offeredTerms(
        vocabulary.statuses,
        used((e) => [e.status]),
      )
    : [];
  return (
    <fieldset className="rec-panel__filters">
      <legend className="rec-sr-only">Filter the recommendations</legend>
      <TermFilter
        id={`${id}-theme`}
        label="Theme"
        allLabel="All themes"
        terms={themes}
        value={filters.theme}
        onChange={(theme) => set({ theme })}
      />
      <TermFilter
        id={`${id}-addressee`}
        label="Addressee"
        allLabel="All addressees"
        terms={addressees}
        value={filters.addressee}
        onChange={(addressee) => set({ addressee })}
      />
      <label className="rec-panel__filter" htmlFor={`${id}-session`}>
        <span className="rec-panel__filter-label">Session</span>
        <select
          id={`${id}-session`}
          value={filters.session}
          onChange={(e) => set({ session: e.target.value })}
        >
          <option value="">All sessions</option>
          {sessions.map((s, index) => (
            <option key={s.id} value={s.id}>
              Session {index + 1}: {s.title || 'Untitled'}
            </option>
          ))}
          <option value={NO_SESSION}>No session</option>
        </select>
      </label>
      <TermFilter
        id={`${id}-status`}
        label="Status"
        allLabel="All statuses"
        terms={statuses}
        value={filters.status}
        onChange={(status) => set({ status })}
      />
      <label className="rec-panel__check">
        <input
          type="checkbox"
          checked={filters.untaggedOnly}
          onChange={(e) => set({ untaggedOnly: e.target.checked })}
        />
        Untagged only
      </label>
    </fieldset>
  );
}

interface TermFilterProps {
  readonly id: string;
  readonly label: string;
  readonly allLabel: string;
  readonly terms: ReadonlyArray<{ id: string; label: string; retired?: boolean }>;
  readonly value: string;
  readonly onChange: (value: string) => void;
}

/** One vocabulary filter: "all", then the terms in use or offered, retired ones marked. */
function TermFilter({ id, label, allLabel, terms, value, onChange }: TermFilterProps) {
  return (
    <label className="rec-panel__filter" htmlFor={id}>
      <span className="rec-panel__filter-label">{label}</span>
      <select id={id} value={value} onChange={(e) => onChange(e.target.value)}>
        <option value="">{allLabel}</option>
        {terms.map((t) => (
          <option key={t.id} value={t.id}>
            {t.label}
            {t.retired ? ' (retired)' : ''}
          </option>
        ))}
      </select>
    </label>
  );
}

interface PanelItemProps {
  readonly entry: RecommendationEntry;
  readonly current: boolean;
  readonly vocabulary: Vocabulary | null;
  readonly sessions: readonly Session[];
  readonly onJump: () => void;
}

function PanelItem({ entry, current, vocabulary, sessions, onJump }: PanelItemProps) {
  // Here the session chip shows the effective session (chosen, or the part it stands in): the
  // panel has no page around it to say where each item stands.
  const chips = chipsFor(entry, vocabulary, sessions);
  const text =
    entry.text.length > EXCERPT_CHARS ? `${entry.text.slice(0, EXCERPT_CHARS).trimEnd()}…` : entry.text;
  return (
    <li className="rec-panel__item">
      <button
        type="button"
        className={`rec-item${entry.status === 'withdrawn' ? ' rec-item--withdrawn' : ''}`}
        aria-current={current ? 'true' : undefined}
        onClick={onJump}
      >
        <span className="rec-item__number">R{entry.number}</span>
        <span className="rec-item__body">
          <span className="rec-item__text">{text || <em>Empty</em>}</span>
          <span className="rec-item__chips">
            {chips.map((chip, index) => (
              <span
                key={`${chip.kind}-${index}`}
                className={`rec-chip rec-chip--${chip.kind}${chip.retired ? ' rec-chip--retired' : ''}`}
                data-value={chip.value}
                title={chip.title}
              >
                {chip.kind === 'untagged' ? 'Untagged' : chip.label}
              </span>
            ))}
          </span>
        </span>
      </button>
    </li>
  );
}
