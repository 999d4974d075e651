import { describe, expect, it } from 'vitest';
import { newRecId } from './recId.ts';

describe('newRecId', () => {
  it('makes short ids that can be tag-map keys and URL fragments', () => {
    const id = newRecId();
    expect(id).toMatch(/^r[0-9a-f]{12}$/);
    expect(id).not.toContain('|');
  });

  it('does not repeat itself', () => {
    const ids = new Set(Array.from({ length: 2000 }, newRecId));
    expect(ids.size).toBe(2000);
  });
});
