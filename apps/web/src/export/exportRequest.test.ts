import { describe, expect, it } from 'vitest';
import { exportUrl, filenameFrom } from './exportRequest.ts';

describe('exportUrl', () => {
  it('carries the options as the API expects them', () => {
    expect(exportUrl('abc', 'pdf', { tags: 'hide', annexes: ['theme', 'addressee'] }, true)).toBe(
      '/api/documents/abc/export.pdf?tags=hide&annex=theme%2Caddressee&disposition=inline',
    );
    expect(exportUrl('abc', 'docx', { tags: 'show', annexes: [] })).toBe('/api/documents/abc/export.docx?tags=show');
  });
});

describe('filenameFrom', () => {
  it('prefers the UTF-8 name, then the plain one, then the fallback', () => {
    expect(filenameFrom(`attachment; filename="Co-Chairs-Summary.pdf"; filename*=UTF-8''C%C3%B4te%20d%E2%80%99Ivoire.pdf`, 'x.pdf')).toBe('Côte d’Ivoire.pdf');
    expect(filenameFrom('attachment; filename="summary.docx"', 'x.docx')).toBe('summary.docx');
    expect(filenameFrom(null, 'x.pdf')).toBe('x.pdf');
  });
});
