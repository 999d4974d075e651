import { useEffect, useId, useState } from 'react';
import { ApiError } from '../api.ts';
import { AppHeader } from '../AppHeader.tsx';
import {
  shortLabel,
  termLabel,
  type Vocabulary,
  type VocabularyList,
} from '../recommendations/vocabulary.ts';
import { useVocabulary } from '../recommendations/useVocabulary.ts';
import { RouteLink } from '../RouteLink.tsx';
import {
  fetchRegister,
  filtersFromSearch,
  groupByDocument,
  NO_REGISTER_FILTERS,
  registerQuery,
  registerUrl,
  type RegisterFilters,
  type RegisterRow,
} from './registerApi.ts';
import { RegisterFiltersForm } from './RegisterFiltersForm.tsx';

// Typing in the search field asks the server after a short pause, not on every keystroke.
const SEARCH_DELAY_MS = 250;

type Result =
  | { readonly status: 'loading'; readonly rows?: readonly RegisterRow[] }
  | { readonly status: 'ready'; readonly rows: readonly RegisterRow[] }
  | { readonly status: 'failed'; readonly message: string };

/**
 * `/register`: the recommendations of every summary, with meeting, dates, session and tags;
 * search, filters, CSV and JSON exports of what is shown, and a link from each into its
 * document. The filters live in the URL, so a filtered register can be shared.
 */
export function RegisterPage() {
  const [filters, setFilters] = useState<RegisterFilters>(() => filtersFromSearch(window.location.search));
  const query = useDebounced(filters, filters.q === '' ? 0 : SEARCH_DELAY_MS);
  const [result, setResult] = useState<Result>({ status: 'loading' });
  const [attempt, setAttempt] = useState(0);
  const { vocabulary } = useVocabulary();

  useEffect(() => {
    document.title = 'Recommendations register · Plenary';
  }, []);

  useEffect(() => {
    window.history.replaceState(null, '', `/register${registerQuery(query)}`);
    const abort = new AbortController();
    setResult((previous) => ({ status: 'loading', rows: 'rows' in previous ? previous.rows : undefined }));
    fetchRegister(query, abort.signal).then(
      (rows) => setResult({ status: 'ready', rows }),
      (error: unknown) => {
        if (abort.signal.aborted) return;
        setResult({
          status: 'failed',
          message:
            error instanceof ApiError
              ? `The server refused: ${error.message}`
              : 'The server cannot be reached. The register needs a connection.',
        });
      },
    );
    return () => abort.abort();
  }, [query, attempt]);

  const rows = 'rows' in result ? result.rows : undefined;
  const groups = rows ? groupByDocument(rows) : [];
  const filtering = Object.values(filters).some(Boolean);

  return (
    <div className="app-shell">
      <AppHeader />
      <main className="register" id="main">
        <div className="register__intro">
          <h1 className="register__title">Recommendations register</h1>
          <p className="register__lead">
            Every recommendation of every summary, with its tags, as the drafting teams wrote them. The
            register follows the documents a moment after each edit.
          </p>
        </div>

        <RegisterFiltersForm filters={filters} onChange={setFilters} vocabulary={vocabulary} />

        <div className="register__bar">
          <p className="register__count" role="status" aria-busy={result.status === 'loading'}>
            {rows
              ? countText(rows.length, groups.length, filtering)
              : result.status === 'loading'
                ? 'Loading…'
                : ''}
          </p>
          <div className="register__exports">
            <span className="register__exports-label">Export what is shown:</span>
            <a className="button button--small" href={registerUrl(query, 'csv')} download>
              CSV
            </a>
            <a
              className="button button--small"
              href={registerUrl(query, 'json')}
              download="recommendations-register.json"
            >
              JSON
            </a>
          </div>
        </div>

        {result.status === 'failed' && (
          <div className="notice notice--error" role="alert">
            <p className="notice__text">{result.message}</p>
            <button type="button" className="button button--small" onClick={() => setAttempt((n) => n + 1)}>
              Try again
            </button>
          </div>
        )}

        {rows && rows.length === 0 && (
          <div className="register__empty">
            {filtering ? (
              <>
                <p>No recommendation matches.</p>
                <button
                  type="button"
                  className="button button--small"
                  onClick={() => setFilters(NO_REGISTER_FILTERS)}
                >
                  Clear search and filters
                </button>
              </>
            ) : (
              <p>
                No recommendations yet. Mark them in a summary, or write them in its Recommendations section,
                and they appear here.
              </p>
            )}
          </div>
        )}

        {groups.map((group) => (
          <RegisterGroupTable key={group.documentId} group={group} vocabulary={vocabulary} />
        ))}
      </main>
    </div>
  );
}

function RegisterGroupTable({
  group,
  vocabulary,
}: {
  readonly group: ReturnType<typeof groupByDocument>[number];
  readonly vocabulary: Vocabulary | null;
}) {
  const headingId = useId();
  const meeting = group.meetingTitle && group.meetingTitle !== group.documentTitle ? group.meetingTitle : '';
  return (
    <section className="register__group" aria-labelledby={headingId}>
      <div className="register__group-head">
        <h2 id={headingId} className="register__group-title">
          <RouteLink to={`/d/${encodeURIComponent(group.documentId)}`}>
            {group.documentTitle || 'Untitled document'}
          </RouteLink>
        </h2>
        {(meeting || group.meetingDates) && (
          <p className="register__meeting">{[meeting, group.meetingDates].filter(Boolean).join(' · ')}</p>
        )}
      </div>
      <table className="register__table">
        <thead>
          <tr>
            <th scope="col" className="register__col-number">
              No.
            </th>
            <th scope="col">Recommendation</th>
            <th scope="col" className="register__col-session">
              Session
            </th>
            <th scope="col" className="register__col-tags">
              Tags
            </th>
          </tr>
        </thead>
        <tbody>
          {group.rows.map((row) => (
            <tr key={row.id}>
              <td className="register__col-number">
                <RouteLink
                  to={row.link}
                  className="register__number"
                  aria-label={`Open recommendation ${row.number} in its document`}
                >
                  R{row.number}
                </RouteLink>
              </td>
              <td>
                <RouteLink
                  to={row.link}
                  className={`register__text${row.status === 'withdrawn' ? ' register__text--withdrawn' : ''}`}
                >
                  {row.text || 'Empty recommendation'}
                </RouteLink>
                {row.note && <p className="register__note">Note: {row.note}</p>}
              </td>
              <td className="register__col-session">
                {row.sessionTitle ?? <span className="register__none">None</span>}
              </td>
              <td className="register__col-tags">
                <Tags row={row} vocabulary={vocabulary} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}

function Tags({ row, vocabulary }: { readonly row: RegisterRow; readonly vocabulary: Vocabulary | null }) {
  const chip = (kind: string, list: VocabularyList, id: string, prefix: string) => {
    const term = termLabel(vocabulary, list, id);
    return (
      <span
        key={`${kind}-${id}`}
        className={`rec-chip rec-chip--${kind}${term.retired ? ' rec-chip--retired' : ''}`}
        data-value={kind === 'status' ? id : undefined}
        title={`${prefix}: ${term.label}${term.retired ? ' (retired term)' : ''}`}
      >
        {shortLabel(term.label)}
      </span>
    );
  };
  const chips = [
    ...row.themes.map((id) => chip('theme', 'themes', id, 'Theme')),
    ...row.addressees.map((id) => chip('addressee', 'addressees', id, 'Addressee')),
    ...(row.priority ? [chip('priority', 'a4pPlusPriorities', row.priority, 'A4P+ priority')] : []),
    chip('status', 'statuses', row.status, 'Status'),
  ];
  return <div className="register__chips">{chips}</div>;
}

function countText(rows: number, summaries: number, filtering: boolean): string {
  if (rows === 0) return filtering ? 'No recommendation matches' : 'No recommendations yet';
  const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;
  return `${plural(rows, 'recommendation', 'recommendations')} in ${plural(summaries, 'summary', 'summaries')}${filtering ? (rows === 1 ? ' matches' : ' match') : ''}`;
}

/** `value`, once it has stopped changing for `delay` ms. */
function useDebounced<T>(value: T, delay: number): T {
  const [settled, setSettled] = useState(value);
  useEffect(() => {
    if (delay === 0) {
      setSettled(value);
      return;
    }
    const timer = setTimeout(() => setSettled(value), delay);
    return () => clearTimeout(timer);
  }, [value, delay]);
  return settled;
}
