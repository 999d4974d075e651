import { describe, expect, it } from 'vitest';
import { ariaShortcut, formatShortcut } from './shortcuts.ts';

describe('shortcuts', () => {
  it('renders for Windows and Linux', () => {
    expect(formatShortcut('Mod-Shift-8', false)).toBe('Ctrl+Shift+8');
    expect(formatShortcut('Mod-b', false)).toBe('Ctrl+B');
  });

  it('renders with Apple symbols', () => {
    expect(formatShortcut('Mod-Alt-1', true)).toBe('⌘⌥1');
  });

  it('renders aria-keyshortcuts', () => {
    expect(ariaShortcut('Mod-k', false)).toBe('Control+K');
    expect(ariaShortcut('Mod-Shift-z', true)).toBe('Meta+Shift+Z');
  });
});
