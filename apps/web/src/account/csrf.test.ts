import { describe, expect, it } from 'vitest';
import { changesState, readCookie } from './csrf.ts';

describe('readCookie', () => {
  it('finds a cookie among others, whatever the spacing', () => {
    const cookies = 'theme=dark; plenary_csrf=abc123;other=1';
    expect(readCookie(cookies, 'plenary_csrf')).toBe('abc123');
    expect(readCookie(cookies, 'other')).toBe('1');
  });

  it('does not match a cookie whose name only ends with the one asked for', () => {
    expect(readCookie('xplenary_csrf=evil', 'plenary_csrf')).toBeUndefined();
    expect(readCookie('', 'plenary_csrf')).toBeUndefined();
  });

  it('decodes escapes and keeps "=" inside the value', () => {
    expect(readCookie('plenary_csrf=a%2Bb==', 'plenary_csrf')).toBe('a+b==');
    expect(readCookie('plenary_csrf=%E0%A4%A', 'plenary_csrf')).toBe('%E0%A4%A');
  });
});

describe('changesState', () => {
  it('asks for the header on every method but the safe ones', () => {
    expect(changesState(undefined)).toBe(false);
    expect(changesState('get')).toBe(false);
    expect(changesState('HEAD')).toBe(false);
    for (const method of ['POST', 'put', 'PATCH', 'DELETE']) expect(changesState(method)).toBe(true);
  });
});
