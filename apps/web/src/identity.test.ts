import { describe, expect, it } from 'vitest';
import { defaultColor, isHexColor, USER_COLORS } from './identity.ts';

describe('identity', () => {
  it('offers only colours the caret extension will draw', () => {
    for (const color of USER_COLORS) expect(isHexColor(color.value)).toBe(true);
  });

  it('gives each account a stable colour of the palette', () => {
    const colors = USER_COLORS.map((color) => color.value);
    expect(colors).toContain(defaultColor('u_amina'));
    expect(defaultColor('u_amina')).toBe(defaultColor('u_amina'));
    const spread = new Set(['a', 'b', 'c', 'd', 'e', 'f', 'g', 'h'].map(defaultColor));
    expect(spread.size).toBeGreaterThan(3);
  });
});
