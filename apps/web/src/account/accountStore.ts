import { useSyncExternalStore } from 'react';
import { ApiError, NetworkError, onSignedOut } from '../api.ts';
import { forgetDocuments } from '../documents/documentCache.ts';
import { readJson, removeKey, writeJson } from '../localStore.ts';
import { getAuthState, getMe, signOut as signOutRequest, toMe, type Me } from './accountApi.ts';

export type AccountState =
  | { readonly status: 'loading' }
  /** No account exists yet: the first one is made on the setup page, and is an admin. */
  | { readonly status: 'setup' }
  | {
      readonly status: 'signedOut';
      /** Why: the server ended the session (expired, password changed elsewhere), or it cannot be reached. */
      readonly reason?: 'ended' | 'unreachable';
    }
  /** `offline`: the server could not be asked; this is the account this device last saw. */
  | { readonly status: 'signedIn'; readonly me: Me; readonly offline?: boolean };

// The account survives a reload without a network (the editor works offline, issue #2): the
// server still checks the session when the connection is back.
const CACHE_KEY = 'plenary:me';

let state: AccountState = { status: 'loading' };
const listeners = new Set<() => void>();

function set(next: AccountState): void {
  state = next;
  for (const listener of listeners) listener();
}

/** Asks the server who is signed in, once at start-up. */
export async function loadAccount(): Promise<void> {
  try {
    signedIn(await getMe());
  } catch (error) {
    if (error instanceof ApiError && error.status === 401) {
      removeKey(CACHE_KEY);
      await loadSignedOut();
    } else {
      const cached = readJson(CACHE_KEY, toMeOrUndefined);
      set(
        cached && error instanceof NetworkError
          ? { status: 'signedIn', me: cached, offline: true }
          : { status: 'signedOut', reason: 'unreachable' },
      );
    }
  }
}

async function loadSignedOut(): Promise<void> {
  try {
    const { setupRequired } = await getAuthState();
    set(setupRequired ? { status: 'setup' } : { status: 'signedOut' });
  } catch {
    set({ status: 'signedOut', reason: 'unreachable' });
  }
}

/** The server accepted a sign-in, a setup or an invitation. */
export function signedIn(me: Me): void {
  writeJson(CACHE_KEY, me);
  set({ status: 'signedIn', me });
}

/** Ends the session on the server, then forgets this device's copy of the account. */
export async function signOut(): Promise<void> {
  try {
    await signOutRequest();
  } finally {
    forget();
    set({ status: 'signedOut' });
  }
}

function forget(): void {
  removeKey(CACHE_KEY);
  // The next person at this device must not see this one's document titles.
  forgetDocuments();
}

function toMeOrUndefined(value: unknown): Me | undefined {
  try {
    return toMe(value);
  } catch {
    return undefined;
  }
}

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

// Any request answered 401 while signed in: the session ended on the server (signed out in
// another tab, password changed, expired). The sign-in page brings the person back here.
onSignedOut(() => sessionEnded());

/** The server's session ended while the page was open (a 401, or a websocket closed with 4401). */
export function sessionEnded(): void {
  if (state.status !== 'signedIn') return;
  forget();
  set({ status: 'signedOut', reason: 'ended' });
}

const getState = () => state;

export function useAccount(): AccountState {
  return useSyncExternalStore(subscribe, getState);
}

/** The signed-in account; for components that only render once someone is signed in. */
export function useMe(): Me {
  const account = useAccount();
  if (account.status !== 'signedIn') throw new Error('useMe() outside a signed-in page');
  return account.me;
}
