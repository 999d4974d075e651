/**
 * Keyboard shortcuts in ProseMirror's notation ("Mod-Shift-8"), rendered for people (tooltips)
 * and for assistive technology (aria-keyshortcuts).
 */
export function isApplePlatform(): boolean {
  return typeof navigator !== 'undefined' && /Mac|iPhone|iPad|iPod/.test(navigator.userAgent);
}

const APPLE_SYMBOLS: Record<string, string> = { Mod: '⌘', Shift: '⇧', Alt: '⌥', Ctrl: '⌃' };
const ARIA_NAMES: Record<string, string> = { Alt: 'Alt', Shift: 'Shift', Ctrl: 'Control' };

function parts(shortcut: string): string[] {
  return shortcut.split('-').map((part) => (part.length === 1 ? part.toUpperCase() : part));
}

export function formatShortcut(shortcut: string, apple = isApplePlatform()): string {
  const keys = parts(shortcut);
  if (apple) return keys.map((key) => APPLE_SYMBOLS[key] ?? key).join('');
  return keys.map((key) => (key === 'Mod' ? 'Ctrl' : key)).join('+');
}

export function ariaShortcut(shortcut: string, apple = isApplePlatform()): string {
  return parts(shortcut)
    .map((key) => (key === 'Mod' ? (apple ? 'Meta' : 'Control') : (ARIA_NAMES[key] ?? key)))
    .join('+');
}
