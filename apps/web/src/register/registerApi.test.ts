import { describe, expect, it } from 'vitest';
import {
  filtersFromSearch,
  groupByDocument,
  NO_REGISTER_FILTERS,
  registerQuery,
  registerUrl,
  type RegisterRow,
} from './registerApi.ts';

describe('registerQuery', () => {
  it('leaves out empty filters and round-trips through the URL', () => {
    expect(registerQuery(NO_REGISTER_FILTERS)).toBe('');
    const filters = { q: ' Côte d’Ivoire ', theme: 'medical', addressee: '', status: 'agreed' };
    const query = registerQuery(filters);
    expect(query).toBe('?q=C%C3%B4te+d%E2%80%99Ivoire&theme=medical&status=agreed');
    expect(filtersFromSearch(query)).toEqual({ ...filters, q: 'Côte d’Ivoire' });
  });

  it('adds the export format, for the download links', () => {
    expect(registerUrl({ ...NO_REGISTER_FILTERS, theme: 'wps' }, 'csv')).toBe(
      '/api/recommendations?theme=wps&format=csv',
    );
  });
});

describe('groupByDocument', () => {
  const row = (documentId: string, number: number): RegisterRow => ({
    documentId,
    documentTitle: `Summary ${documentId}`,
    meetingTitle: '',
    meetingDates: '',
    id: `${documentId}-${number}`,
    number,
    text: '',
    sessionId: null,
    sessionTitle: null,
    themes: [],
    addressees: [],
    priority: null,
    status: 'proposed',
    note: '',
    link: '',
  });

  it('keeps the server order of summaries and of their recommendations', () => {
    const groups = groupByDocument([row('a', 1), row('a', 2), row('b', 1)]);
    expect(groups.map((g) => [g.documentId, g.rows.map((r) => r.number)])).toEqual([
      ['a', [1, 2]],
      ['b', [1]],
    ]);
  });
});
