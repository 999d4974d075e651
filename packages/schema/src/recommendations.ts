import * as Y from 'yjs';
import { DocFields } from './fields.ts';
import { readSessions } from './meeting.ts';

/** Tags of one recommendation, as plain data. Themes and addressees are sets of vocabulary ids. */
export interface RecommendationTags {
  themes: string[];
  addressees: string[];
  /** An A4P+ priority id, or null. */
  priority: string | null;
  /** A status id: proposed (default), agreed or withdrawn. */
  status: string;
  /** Set only when a rapporteur chose a session other than the one the item stands in. */
  sessionId: string | null;
  note: string;
}

export interface RecommendationEntry extends Omit<RecommendationTags, 'sessionId'> {
  id: string;
  /** 1, 2, 3 ... in document order: computed, never stored. */
  number: number;
  text: string;
  /** The tagged session, or else the session whose part the item stands in. */
  sessionId: string | null;
  sessionTitle: string | null;
}

export const DEFAULT_STATUS = 'proposed';

/**
 * Tags live in ONE flat Y.Map, a key per fact: `<recId>|theme|<themeId>` → true,
 * `<recId>|status` → "agreed" ... A nested Y.Map per recommendation would lose tags: two
 * replicas that each create the nested map for the same recommendation at the same moment
 * conflict on the parent key, and only one map (with its tags) survives. Flat keys never
 * conflict unless two people set the same scalar, where the last writer rightly wins.
 * (Recommendation ids contain no "|".)
 */
function tagsMap(doc: Y.Doc): Y.Map<unknown> {
  return doc.getMap<unknown>(DocFields.recommendations);
}

const SET_KEYS = { themes: 'theme', addressees: 'addressee' } as const;
const SCALAR_KEYS = ['priority', 'status', 'sessionId', 'note'] as const;

function emptyTags(): RecommendationTags {
  return { themes: [], addressees: [], priority: null, status: DEFAULT_STATUS, sessionId: null, note: '' };
}

/** Every recommendation's tags, read in one pass over the map. */
export function readAllTags(doc: Y.Doc): Map<string, RecommendationTags> {
  const all = new Map<string, RecommendationTags>();
  for (const [key, value] of tagsMap(doc).entries()) {
    const [recId, field, term] = key.split('|');
    if (!recId || !field) continue;
    let tags = all.get(recId);
    if (!tags) all.set(recId, (tags = emptyTags()));
    if (field === 'theme' && term && value === true) tags.themes.push(term);
    else if (field === 'addressee' && term && value === true) tags.addressees.push(term);
    else if (typeof value === 'string' && value) {
      if (field === 'priority') tags.priority = value;
      else if (field === 'status') tags.status = value;
      else if (field === 'sessionId') tags.sessionId = value;
      else if (field === 'note') tags.note = value;
    }
  }
  for (const tags of all.values()) {
    tags.themes.sort();
    tags.addressees.sort();
  }
  return all;
}

/** A recommendation's tags (defaults where none were set). */
export function readTags(doc: Y.Doc, recId: string): RecommendationTags {
  return readAllTags(doc).get(recId) ?? emptyTags();
}

export interface TagChange {
  /** Replace the whole set. */
  themes?: string[];
  addressees?: string[];
  /** Add to or remove from a set, leaving other people's concurrent changes alone. */
  addThemes?: string[];
  removeThemes?: string[];
  addAddressees?: string[];
  removeAddressees?: string[];
  priority?: string | null;
  status?: string;
  sessionId?: string | null;
  note?: string;
}

/**
 * Changes a recommendation's tags in one transaction. Two rapporteurs who tag the same
 * recommendation at the same moment both keep their tags: adding "medical" here and "training"
 * there yields both, never the last writer's list.
 */
export function writeTags(doc: Y.Doc, recId: string, change: TagChange, origin?: unknown): void {
  if (recId.includes('|')) throw new RangeError(`invalid recommendation id ${JSON.stringify(recId)}`);
  const map = tagsMap(doc);
  doc.transact(() => {
    const apply = (field: keyof typeof SET_KEYS, replace?: string[], add?: string[], remove?: string[]) => {
      const prefix = `${recId}|${SET_KEYS[field]}|`;
      if (replace) {
        for (const key of [...map.keys()]) {
          if (key.startsWith(prefix) && !replace.includes(key.slice(prefix.length))) map.delete(key);
        }
        for (const term of replace) if (map.get(prefix + term) !== true) map.set(prefix + term, true);
      }
      for (const term of add ?? []) if (map.get(prefix + term) !== true) map.set(prefix + term, true);
      for (const term of remove ?? []) map.delete(prefix + term);
    };
    apply('themes', change.themes, change.addThemes, change.removeThemes);
    apply('addressees', change.addressees, change.addAddressees, change.removeAddressees);
    for (const field of SCALAR_KEYS) {
      const value = change[field];
      if (value === undefined) continue;
      const key = `${recId}|${field}`;
      if (value === null || value === '') map.delete(key);
      else if (map.get(key) !== value) map.set(key, value);
    }
  }, origin);
}

/** The plain text of a Y.XmlElement or Y.XmlText (formatting dropped, blocks separated by spaces). */
function plainText(node: Y.XmlElement | Y.XmlText | Y.XmlHook): string {
  if (node instanceof Y.XmlText) {
    return (node.toDelta() as Array<{ insert: unknown }>).map((op) => (typeof op.insert === 'string' ? op.insert : '')).join('');
  }
  if (node instanceof Y.XmlElement) {
    return node
      .toArray()
      .map((child) => plainText(child as Y.XmlElement | Y.XmlText))
      .filter((t) => t !== '')
      .join(' ');
  }
  return '';
}

interface Found {
  id: string;
  text: string;
  /** Session of the per-session findings part the item stands in. */
  partSessionId: string | null;
}

/** Recommendations in document order, by walking the body (no editor needed). */
function findRecommendations(doc: Y.Doc): Found[] {
  const found: Found[] = [];
  const walk = (node: Y.XmlElement | Y.XmlText | Y.XmlFragment, sessionId: string | null) => {
    if (node instanceof Y.XmlText) return;
    let partSessionId = sessionId;
    if (node instanceof Y.XmlElement) {
      if (node.nodeName === 'section') {
        const id = node.getAttribute('sessionId');
        partSessionId = typeof id === 'string' && id ? id : null;
      }
      const recId = node.getAttribute('recId');
      if ((node.nodeName === 'paragraph' || node.nodeName === 'listItem') && typeof recId === 'string' && recId) {
        found.push({ id: recId, text: plainText(node).trim(), partSessionId });
        return; // a recommendation's own sub-items are part of its text
      }
    }
    for (const child of node.toArray()) walk(child as Y.XmlElement | Y.XmlText, partSessionId);
  };
  walk(doc.getXmlFragment(DocFields.body), null);
  return found;
}

/** Every recommendation with its number, text, effective session and tags. */
export function listRecommendations(doc: Y.Doc): RecommendationEntry[] {
  const sessions = new Map(readSessions(doc).map((s, i) => [s.id, { title: s.title, number: i + 1 }]));
  const allTags = readAllTags(doc);
  const seen = new Set<string>();
  const entries: RecommendationEntry[] = [];
  for (const item of findRecommendations(doc)) {
    // A duplicate id (two replicas that pasted the same item) counts once: the first in order.
    if (seen.has(item.id)) continue;
    seen.add(item.id);
    const tags = allTags.get(item.id) ?? emptyTags();
    const sessionId = tags.sessionId ?? item.partSessionId;
    entries.push({
      id: item.id,
      number: entries.length + 1,
      text: item.text,
      themes: tags.themes,
      addressees: tags.addressees,
      priority: tags.priority,
      status: tags.status,
      note: tags.note,
      sessionId,
      sessionTitle: sessionId ? (sessions.get(sessionId)?.title ?? null) : null,
    });
  }
  return entries;
}
