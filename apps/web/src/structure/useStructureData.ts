import { useSyncExternalStore } from 'react';
import * as Y from 'yjs';
import { DocFields, readMeeting, readSessions, type MeetingDetails, type Session } from '@plenary/schema';
import type { BodyPart } from './bodyParts.ts';
import { readSummaryHeading } from './meetingOps.ts';
import { readBodyParts } from './sessionOps.ts';

/**
 * React views of the Y.Doc's meeting details, sessions and body outline. Each is a store over
 * one shared type (observed deeply, so a colleague's change re-renders too) whose snapshot
 * only changes when the data it reads does: typing in the text re-reads the outline of the
 * body, which is a few dozen top-level parts, and re-renders nothing unless a part came or went.
 */
interface Store<T> {
  subscribe(listener: () => void): () => void;
  getSnapshot(): T;
}

/** Any shared type (map, array, fragment), as far as observing it goes. */
interface Observable {
  observeDeep(handler: () => void): void;
  unobserveDeep(handler: () => void): void;
}

function observedStore<T>(type: Observable, read: () => T): Store<T> {
  let snapshot = read();
  let serialized = JSON.stringify(snapshot);
  const listeners = new Set<() => void>();
  const refresh = (): boolean => {
    const next = read();
    const nextSerialized = JSON.stringify(next);
    if (nextSerialized === serialized) return false;
    snapshot = next;
    serialized = nextSerialized;
    return true;
  };
  const onChange = () => {
    if (refresh()) for (const listener of [...listeners]) listener();
  };
  return {
    subscribe(listener) {
      if (listeners.size === 0) {
        refresh();
        type.observeDeep(onChange);
      }
      listeners.add(listener);
      return () => {
        listeners.delete(listener);
        if (listeners.size === 0) type.unobserveDeep(onChange);
      };
    },
    getSnapshot() {
      // Unobserved, the snapshot may be stale: read again (same object back if nothing changed).
      if (listeners.size === 0) refresh();
      return snapshot;
    },
  };
}

export interface BodyOutline {
  readonly parts: readonly BodyPart[];
  /** The title block's heading, or null without a title block. */
  readonly heading: string | null;
}

interface Stores {
  meeting: Store<MeetingDetails>;
  sessions: Store<Session[]>;
  outline: Store<BodyOutline>;
}

const storesByDoc = new WeakMap<Y.Doc, Stores>();

function storesOf(doc: Y.Doc): Stores {
  let stores = storesByDoc.get(doc);
  if (!stores) {
    stores = {
      meeting: observedStore(doc.getMap(DocFields.meeting), () => readMeeting(doc)),
      sessions: observedStore(doc.getArray(DocFields.sessions), () => readSessions(doc)),
      outline: observedStore(doc.getXmlFragment(DocFields.body), () => ({
        parts: readBodyParts(doc),
        heading: readSummaryHeading(doc),
      })),
    };
    storesByDoc.set(doc, stores);
  }
  return stores;
}

function useStore<T>(store: Store<T>): T {
  return useSyncExternalStore(store.subscribe, store.getSnapshot);
}

/** The meeting details, live. */
export function useMeeting(doc: Y.Doc): MeetingDetails {
  return useStore(storesOf(doc).meeting);
}

/** The sessions in programme order (a session's number is its position plus one), live. */
export function useSessions(doc: Y.Doc): Session[] {
  return useStore(storesOf(doc).sessions);
}

/** The body's top-level parts and title block heading, live. */
export function useBodyOutline(doc: Y.Doc): BodyOutline {
  return useStore(storesOf(doc).outline);
}
