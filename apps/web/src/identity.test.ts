import { describe, expect, it } from 'vitest';
import { isHexColor, normalizeName, parseIdentity, USER_COLORS } from './identity.ts';

describe('identity', () => {
  it('normalizes whitespace and length of names', () => {
    expect(normalizeName('  Amina \n  Diallo ')).toBe('Amina Diallo');
    expect(normalizeName('x'.repeat(100))).toHaveLength(40);
  });

  it('accepts only stored identities with a name and a #rrggbb colour', () => {
    expect(parseIdentity({ name: ' Kenji ', color: '#1F5FA8' })).toEqual({ name: 'Kenji', color: '#1f5fa8' });
    expect(parseIdentity({ name: '   ', color: '#1f5fa8' })).toBeUndefined();
    expect(parseIdentity({ name: 'Kenji', color: 'red' })).toBeUndefined();
    expect(parseIdentity('Kenji')).toBeUndefined();
    expect(parseIdentity(null)).toBeUndefined();
  });

  it('offers only colours the caret extension will draw', () => {
    for (const color of USER_COLORS) expect(isHexColor(color.value)).toBe(true);
  });
});
