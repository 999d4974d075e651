import { request } from '../api.ts';

/** The register's filters, as in its URL and the API's query string; '' means "any". */
export interface RegisterFilters {
  readonly q: string;
  readonly theme: string;
  readonly addressee: string;
  readonly status: string;
}

export const NO_REGISTER_FILTERS: RegisterFilters = { q: '', theme: '', addressee: '', status: '' };

const KEYS = ['q', 'theme', 'addressee', 'status'] as const;
// The server reads at most this much of the search text.
const MAX_QUERY = 200;

/** One recommendation of the register, as `GET /api/recommendations` returns it. */
export interface RegisterRow {
  readonly documentId: string;
  readonly documentTitle: string;
  readonly meetingTitle: string;
  readonly meetingDates: string;
  readonly id: string;
  readonly number: number;
  readonly text: string;
  readonly sessionId: string | null;
  readonly sessionTitle: string | null;
  readonly themes: readonly string[];
  readonly addressees: readonly string[];
  readonly priority: string | null;
  readonly status: string;
  readonly note: string;
  /** Where the web app shows it: `/d/<documentId>#rec-<id>`. */
  readonly link: string;
}

/** The query string for these filters (and a download format), without empty values. */
export function registerQuery(filters: RegisterFilters, format?: 'csv' | 'json'): string {
  const params = new URLSearchParams();
  for (const key of KEYS) {
    const value = key === 'q' ? filters.q.trim().slice(0, MAX_QUERY) : filters[key];
    if (value) params.set(key, value);
  }
  if (format) params.set('format', format);
  const query = params.toString();
  return query ? `?${query}` : '';
}

export function filtersFromSearch(search: string): RegisterFilters {
  const params = new URLSearchParams(search);
  return {
    q: params.get('q') ?? '',
    theme: params.get('theme') ?? '',
    addressee: params.get('addressee') ?? '',
    status: params.get('status') ?? '',
  };
}

export function registerUrl(filters: RegisterFilters, format?: 'csv' | 'json'): string {
  return `/api/recommendations${registerQuery(filters, format)}`;
}

export function fetchRegister(filters: RegisterFilters, signal?: AbortSignal): Promise<RegisterRow[]> {
  return request(registerUrl(filters), { signal }, (body) => {
    if (!Array.isArray(body)) throw new TypeError('Expected a list of recommendations');
    return body.map(toRow);
  });
}

function toRow(value: unknown): RegisterRow {
  const r = value as Record<string, unknown> | null;
  const text = (v: unknown) => (typeof v === 'string' ? v : '');
  const orNull = (v: unknown) => (typeof v === 'string' && v !== '' ? v : null);
  const list = (v: unknown) => (Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : []);
  if (!r || typeof r.documentId !== 'string' || typeof r.id !== 'string' || typeof r.number !== 'number') {
    throw new TypeError(`Not a register row: ${JSON.stringify(value)}`);
  }
  return {
    documentId: r.documentId,
    documentTitle: text(r.documentTitle),
    meetingTitle: text(r.meetingTitle),
    meetingDates: text(r.meetingDates),
    id: r.id,
    number: r.number,
    text: text(r.text),
    sessionId: orNull(r.sessionId),
    sessionTitle: orNull(r.sessionTitle),
    themes: list(r.themes),
    addressees: list(r.addressees),
    priority: orNull(r.priority),
    status: text(r.status) || 'proposed',
    note: text(r.note),
    link:
      typeof r.link === 'string'
        ? r.link
        : `/d/${encodeURIComponent(r.documentId)}#rec-${encodeURIComponent(r.id)}`,
  };
}

export interface RegisterGroup {
  readonly documentId: string;
  readonly documentTitle: string;
  readonly meetingTitle: string;
  readonly meetingDates: string;
  readonly rows: readonly RegisterRow[];
}

/** Rows grouped by summary, in the order the server sent them (oldest summary first). */
export function groupByDocument(rows: readonly RegisterRow[]): RegisterGroup[] {
  const groups = new Map<string, RegisterGroup & { rows: RegisterRow[] }>();
  for (const row of rows) {
    let group = groups.get(row.documentId);
    if (!group) {
      group = {
        documentId: row.documentId,
        documentTitle: row.documentTitle,
        meetingTitle: row.meetingTitle,
        meetingDates: row.meetingDates,
        rows: [],
      };
      groups.set(row.documentId, group);
    }
    group.rows.push(row);
  }
  return [...groups.values()];
}
