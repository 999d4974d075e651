import * as Y from 'yjs';
import { DocFields } from './fields.ts';

/**
 * The meeting details, kept in the Y.Doc's `meeting` map so they sync, persist and undo with the
 * text. Every field is optional while a summary is being set up.
 */
export interface MeetingDetails {
  title: string;
  theme: string;
  /** The ministerial the meeting prepares, e.g. "UN Peacekeeping Ministerial, Berlin 2025". */
  ministerial: string;
  coHosts: string[];
  /** As written in the document: "15-16 April 2025". */
  dates: string;
  /** A city, or "virtual". */
  venue: string;
  format: string;
  participants: string;
  /** Chairs, or day facilitators. */
  chairs: string[];
}

export interface Speaker {
  name: string;
  affiliation: string;
}

export interface Session {
  /** Stable id: per-session findings parts refer to it. */
  id: string;
  day: number | null;
  title: string;
  facilitator: string;
  speakers: Speaker[];
  guidingQuestions: string[];
  description: string;
}

export const EMPTY_MEETING: MeetingDetails = {
  title: '',
  theme: '',
  ministerial: '',
  coHosts: [],
  dates: '',
  venue: '',
  format: '',
  participants: '',
  chairs: [],
};

const STRING_FIELDS = ['title', 'theme', 'ministerial', 'dates', 'venue', 'format', 'participants'] as const;
const LIST_FIELDS = ['coHosts', 'chairs'] as const;

function asString(value: unknown): string {
  return typeof value === 'string' ? value : '';
}

function asStringList(value: unknown): string[] {
  if (value instanceof Y.Array) return value.toArray().filter((v): v is string => typeof v === 'string');
  if (Array.isArray(value)) return value.filter((v): v is string => typeof v === 'string');
  return [];
}

/** The meeting details as plain data (missing or malformed fields read as empty). */
export function readMeeting(doc: Y.Doc): MeetingDetails {
  const map = doc.getMap<unknown>(DocFields.meeting);
  const meeting = { ...EMPTY_MEETING };
  for (const field of STRING_FIELDS) meeting[field] = asString(map.get(field));
  for (const field of LIST_FIELDS) meeting[field] = asStringList(map.get(field));
  return meeting;
}

/** Writes the given fields (lists as plain arrays, replaced whole). */
export function writeMeeting(doc: Y.Doc, details: Partial<MeetingDetails>): void {
  const map = doc.getMap<unknown>(DocFields.meeting);
  doc.transact(() => {
    for (const field of STRING_FIELDS) {
      const value = details[field];
      if (value !== undefined && map.get(field) !== value) map.set(field, value);
    }
    for (const field of LIST_FIELDS) {
      const value = details[field];
      if (value !== undefined) map.set(field, [...value]);
    }
  });
}

function readSpeakers(value: unknown): Speaker[] {
  const list = value instanceof Y.Array ? value.toArray() : Array.isArray(value) ? value : [];
  return list
    .filter((s): s is Record<string, unknown> => typeof s === 'object' && s !== null)
    .map((s) => ({ name: asString(s.name), affiliation: asString(s.affiliation) }));
}

/** Reads one session map. */
export function readSession(map: Y.Map<unknown>): Session {
  const day = map.get('day');
  return {
    id: asString(map.get('id')),
    day: typeof day === 'number' && Number.isInteger(day) ? day : null,
    title: asString(map.get('title')),
    facilitator: asString(map.get('facilitator')),
    speakers: readSpeakers(map.get('speakers')),
    guidingQuestions: asStringList(map.get('guidingQuestions')),
    description: asString(map.get('description')),
  };
}

/** The sessions in programme order. Their numbers are positions (1-based), never stored. */
export function readSessions(doc: Y.Doc): Session[] {
  return doc
    .getArray<Y.Map<unknown>>(DocFields.sessions)
    .toArray()
    .filter((item): item is Y.Map<unknown> => item instanceof Y.Map)
    .map(readSession);
}

/** A Y.Map for a new session, ready to insert into the sessions array. */
export function sessionToYMap(session: Session): Y.Map<unknown> {
  const map = new Y.Map<unknown>();
  map.set('id', session.id);
  map.set('day', session.day);
  map.set('title', session.title);
  map.set('facilitator', session.facilitator);
  map.set('speakers', session.speakers.map((s) => ({ ...s })));
  map.set('guidingQuestions', [...session.guidingQuestions]);
  map.set('description', session.description);
  return map;
}
