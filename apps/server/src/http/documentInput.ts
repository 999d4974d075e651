import type { MeetingDetails, Session } from '@plenary/schema';
import { HttpError } from './errors.ts';

export const MAX_TITLE_LENGTH = 200;
const MAX_FIELD_LENGTH = 1000;
const MAX_LIST_ITEMS = 50;
const MAX_SESSIONS = 60;

export interface CreateDocumentInput {
  title: string;
  template: unknown;
  meeting: Partial<MeetingDetails>;
  sessions: Array<Partial<Session> & { title: string }>;
}

type Json = Record<string, unknown>;

function isObject(value: unknown): value is Json {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Control characters have no place in these fields and would break logs and exports. */
function clean(value: string): string {
  return value.replace(/\p{Cc}+/gu, ' ').trim();
}

function optionalString(value: unknown, field: string, max = MAX_FIELD_LENGTH): string | undefined {
  if (value === undefined || value === null) return undefined;
  if (typeof value !== 'string')
    throw new HttpError(400, `${field} must be a string, got ${JSON.stringify(value)}`);
  const result = clean(value);
  if (result.length > max)
    throw new HttpError(400, `${field} is ${result.length} characters; the limit is ${max}`);
  return result;
}

function optionalStringList(value: unknown, field: string): string[] | undefined {
  if (value === undefined || value === null) return undefined;
  if (!Array.isArray(value)) throw new HttpError(400, `${field} must be a list of strings`);
  if (value.length > MAX_LIST_ITEMS)
    throw new HttpError(400, `${field} has ${value.length} items; the limit is ${MAX_LIST_ITEMS}`);
  return value.map((item, i) => optionalString(item, `${field}[${i}]`) ?? '').filter((s) => s !== '');
}

export function parseTitle(value: unknown): string {
  const title = optionalString(value, 'title', MAX_TITLE_LENGTH);
  return title || 'Untitled summary';
}

function parseMeeting(value: unknown): Partial<MeetingDetails> {
  if (value === undefined || value === null) return {};
  if (!isObject(value)) throw new HttpError(400, 'meeting must be an object');
  const meeting: Partial<MeetingDetails> = {};
  for (const field of [
    'title',
    'theme',
    'ministerial',
    'dates',
    'venue',
    'format',
    'participants',
  ] as const) {
    const v = optionalString(value[field], `meeting.${field}`);
    if (v !== undefined) meeting[field] = v;
  }
  for (const field of ['coHosts', 'chairs'] as const) {
    const v = optionalStringList(value[field], `meeting.${field}`);
    if (v !== undefined) meeting[field] = v;
  }
  return meeting;
}

function parseSessions(value: unknown): CreateDocumentInput['sessions'] {
  if (value === undefined || value === null) return [];
  if (!Array.isArray(value)) throw new HttpError(400, 'sessions must be a list');
  if (value.length > MAX_SESSIONS)
    throw new HttpError(400, `${value.length} sessions; the limit is ${MAX_SESSIONS}`);
  return value.map((raw, i) => {
    const at = `sessions[${i}]`;
    if (!isObject(raw)) throw new HttpError(400, `${at} must be an object`);
    const title = optionalString(raw.title, `${at}.title`, 300);
    if (!title) throw new HttpError(400, `${at}.title is required`);
    const day = raw.day;
    if (
      day !== undefined &&
      day !== null &&
      !(Number.isInteger(day) && (day as number) >= 1 && (day as number) <= 31)
    ) {
      throw new HttpError(400, `${at}.day must be a whole number from 1 to 31, got ${JSON.stringify(day)}`);
    }
    let speakers: Session['speakers'] | undefined;
    if (raw.speakers !== undefined && raw.speakers !== null) {
      if (!Array.isArray(raw.speakers) || raw.speakers.length > MAX_LIST_ITEMS) {
        throw new HttpError(
          400,
          `${at}.speakers must be a list of at most ${MAX_LIST_ITEMS} {name, affiliation}`,
        );
      }
      speakers = raw.speakers.map((s: unknown, j: number) => {
        if (!isObject(s)) throw new HttpError(400, `${at}.speakers[${j}] must be an object`);
        return {
          name: optionalString(s.name, `${at}.speakers[${j}].name`) ?? '',
          affiliation: optionalString(s.affiliation, `${at}.speakers[${j}].affiliation`) ?? '',
        };
      });
    }
    return {
      title,
      day: (day as number | undefined) ?? null,
      facilitator: optionalString(raw.facilitator, `${at}.facilitator`) ?? '',
      speakers: speakers ?? [],
      guidingQuestions: optionalStringList(raw.guidingQuestions, `${at}.guidingQuestions`) ?? [],
      description: optionalString(raw.description, `${at}.description`, 10_000) ?? '',
    };
  });
}

/** Validates the body of `POST /api/documents`; every problem is a 400 naming the field. */
export function parseCreateDocument(body: unknown): CreateDocumentInput {
  if (!isObject(body)) throw new HttpError(400, 'request body must be a JSON object like {"title": "..."}');
  return {
    title: parseTitle(body.title),
    template: body.template ?? 'blank',
    meeting: parseMeeting(body.meeting),
    sessions: parseSessions(body.sessions),
  };
}
