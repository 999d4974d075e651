import { describe, expect, it } from 'vitest';
import { documentPath, parseRoute } from './routes.ts';

describe('parseRoute', () => {
  it('maps / to the documents list', () => {
    expect(parseRoute('/')).toEqual({ name: 'documents' });
  });

  it('maps /d/<id> to that document, with or without a trailing slash', () => {
    expect(parseRoute('/d/abc_123-X')).toEqual({ name: 'document', documentId: 'abc_123-X' });
    expect(parseRoute('/d/abc/')).toEqual({ name: 'document', documentId: 'abc' });
  });

  it('rejects ids the server would never issue', () => {
    expect(parseRoute('/d/..')).toEqual({ name: 'notFound', path: '/d/..' });
    expect(parseRoute('/d/a%2Fb')).toEqual({ name: 'notFound', path: '/d/a%2Fb' });
    expect(parseRoute('/d/%E0%A4%A')).toEqual({ name: 'notFound', path: '/d/%E0%A4%A' });
    expect(parseRoute(`/d/${'x'.repeat(65)}`).name).toBe('notFound');
  });

  it('maps /register and /vocabulary to their pages', () => {
    expect(parseRoute('/register')).toEqual({ name: 'register' });
    expect(parseRoute('/vocabulary/')).toEqual({ name: 'vocabulary' });
  });

  it('maps /account and /invite/<token> to their pages', () => {
    expect(parseRoute('/account')).toEqual({ name: 'account' });
    expect(parseRoute('/invite/Zm9v_bar-1/')).toEqual({ name: 'invite', token: 'Zm9v_bar-1' });
    expect(parseRoute('/invite/')).toEqual({ name: 'notFound', path: '/invite/' });
    expect(parseRoute('/invite/a/b')).toEqual({ name: 'notFound', path: '/invite/a/b' });
  });

  it('round-trips documentPath', () => {
    expect(parseRoute(documentPath('Doc-42'))).toEqual({ name: 'document', documentId: 'Doc-42' });
  });
});
