import { useSyncExternalStore } from 'react';
import { readJson, writeJson } from './localStore.ts';

/** Who this person is to the others in a document: shown on their caret and in "Who is here". */
export interface Identity {
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

export const MAX_NAME_LENGTH = 40;

const STORAGE_KEY = 'plenary:identity';
// The storage event only reaches other tabs; this one tells the tab that saved.
const CHANGE_EVENT = 'plenary:identity';

export function normalizeName(input: string): string {
  return input.replace(/\s+/g, ' ').trim().slice(0, MAX_NAME_LENGTH);
}

export function isHexColor(value: unknown): value is string {
  return typeof value === 'string' && /^#[0-9a-f]{6}$/i.test(value);
}

export function randomUserColor(): string {
  const index = Math.floor(Math.random() * USER_COLORS.length);
  return (USER_COLORS[index] ?? USER_COLORS[0]!).value;
}

export function parseIdentity(value: unknown): Identity | undefined {
  if (typeof value !== 'object' || value === null) return undefined;
  const { name, color } = value as Record<string, unknown>;
  if (typeof name !== 'string' || !isHexColor(color)) return undefined;
  const normalized = normalizeName(name);
  return normalized === '' ? undefined : { name: normalized, color: color.toLowerCase() };
}

export function saveIdentity(identity: Identity): void {
  writeJson(STORAGE_KEY, identity);
  snapshot = loadIdentity();
  window.dispatchEvent(new Event(CHANGE_EVENT));
}

function loadIdentity(): Identity | undefined {
  return readJson(STORAGE_KEY, parseIdentity);
}

// useSyncExternalStore needs the same object back until something changed.
let snapshot: Identity | undefined;
let loaded = false;

function getSnapshot(): Identity | undefined {
  if (!loaded) {
    snapshot = loadIdentity();
    loaded = true;
  }
  return snapshot;
}

function subscribe(onChange: () => void): () => void {
  const onStorage = (event: StorageEvent) => {
    if (event.key !== STORAGE_KEY && event.key !== null) return;
    snapshot = loadIdentity();
    onChange();
  };
  window.addEventListener('storage', onStorage);
  window.addEventListener(CHANGE_EVENT, onChange);
  return () => {
    window.removeEventListener('storage', onStorage);
    window.removeEventListener(CHANGE_EVENT, onChange);
  };
}

/** This device's identity, or undefined before the first-visit dialog was answered. */
export function useIdentity(): Identity | undefined {
  return useSyncExternalStore(subscribe, getSnapshot);
}
