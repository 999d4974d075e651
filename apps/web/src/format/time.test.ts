import { describe, expect, it } from 'vitest';
import { formatRelative } from './time.ts';

describe('formatRelative', () => {
  const now = new Date('2025-06-10T12:00:00Z');

  it('says "just now" for the last few seconds', () => {
    expect(formatRelative('2025-06-10T11:59:30Z', now, 'en')).toBe('just now');
  });

  it('picks the largest whole unit', () => {
    expect(formatRelative('2025-06-10T11:55:00Z', now, 'en')).toBe('5 minutes ago');
    expect(formatRelative('2025-06-10T09:00:00Z', now, 'en')).toBe('3 hours ago');
    expect(formatRelative('2025-06-09T12:00:00Z', now, 'en')).toBe('yesterday');
  });

  it('returns input it cannot parse unchanged', () => {
    expect(formatRelative('soon', now, 'en')).toBe('soon');
  });
});
