import { useMemo, useSyncExternalStore } from 'react';
import { readJson, writeJson } from './localStore.ts';

/** Who this person is to the others in a document: shown on their caret and in "Who is here". */
export interface Identity {
  /** The account's name: people are who they signed in as, not what they type on arrival. */
  readonly name: string;
  /** `#rrggbb`: the caret extension ignores any other form. */
  readonly color: string;
}

/**
 * Colours for carets and presence. Each carries white label text at WCAG AA contrast (4.5:1 or
 * better) and they stay distinguishable from each other and from the UN-blue accent.
 */
export const USER_COLORS: ReadonlyArray<{ readonly value: string; readonly label: string }> = [
  { value: '#1f5fa8', label: 'Blue' },
  { value: '#0f766e', label: 'Teal' },
  { value: '#2e7d32', label: 'Green' },
  { value: '#8a5a00', label: 'Ochre' },
  { value: '#b3401f', label: 'Terracotta' },
  { value: '#b0234f', label: 'Raspberry' },
  { value: '#7b3fa0', label: 'Plum' },
  { value: '#4a4fb3', label: 'Indigo' },
  { value: '#5b6470', label: 'Slate' },
];

// The colour is a preference of this device; the name comes from the account.
const STORAGE_KEY = 'plenary:color';
// The storage event only reaches other tabs; this one tells the tab that saved.
const CHANGE_EVENT = 'plenary:color';

export function isHexColor(value: unknown): value is string {
  return typeof value === 'string' && /^#[0-9a-f]{6}$/i.test(value);
}

/** A colour of the palette picked by the account's id: the same person, the same colour, everywhere. */
export function defaultColor(accountId: string): string {
  let hash = 0;
  for (const char of accountId) hash = (hash * 31 + char.charCodeAt(0)) >>> 0;
  return USER_COLORS[hash % USER_COLORS.length]!.value;
}

export function saveColor(color: string): void {
  if (!isHexColor(color)) return;
  writeJson(STORAGE_KEY, color.toLowerCase());
  window.dispatchEvent(new Event(CHANGE_EVENT));
}

function loadColor(): string | null {
  return readJson(STORAGE_KEY, (value) => (isHexColor(value) ? value.toLowerCase() : undefined)) ?? null;
}

function subscribe(onChange: () => void): () => void {
  const onStorage = (event: StorageEvent) => {
    if (event.key === STORAGE_KEY || event.key === null) onChange();
  };
  window.addEventListener('storage', onStorage);
  window.addEventListener(CHANGE_EVENT, onChange);
  return () => {
    window.removeEventListener('storage', onStorage);
    window.removeEventListener(CHANGE_EVENT, onChange);
  };
}

/** The colour chosen on this device, or null for the account's default. */
export function useChosenColor(): string | null {
  return useSyncExternalStore(subscribe, loadColor);
}

/** How the signed-in account appears to the others. */
export function useIdentity(account: { readonly id: string; readonly name: string }): Identity {
  const color = useChosenColor() ?? defaultColor(account.id);
  // The same object while nothing changed: the editor re-announces the caret on every new one.
  return useMemo(() => ({ name: account.name, color }), [account.name, color]);
}
