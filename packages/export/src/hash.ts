import { createHash } from 'node:crypto';
import type { RecommendationEntry } from '@plenary/schema';
import type { ExportContent } from './model/source.ts';

/**
 * Version of the canonical form below. It is part of what is hashed, so a hash made under one
 * version never matches content serialised under another by accident; bump it whenever the
 * shape of `canonicalContent` changes (and keep the old form if old copies must still verify).
 */
export const HASH_SCHEME = 'plenary-content/1';

/**
 * JSON with object keys sorted by UTF-16 code units and no whitespace: the ordering of RFC 8785
 * (JCS). Our values are strings, integers, booleans, null, arrays and objects, for which this is
 * the JCS form. `undefined` members are dropped, as JSON.stringify drops them.
 *
 * The native JSON.stringify does the writing (a hand-written serialiser took 45 ms for a 40-page
 * summary); the replacer only hands it each object with its keys in order. That relies on
 * insertion order, which JavaScript keeps for every key except array-index-like ones ("0",
 * "12"), which it would put first: objects with such keys are refused rather than misordered.
 */
export function canonicalJson(value: unknown): string {
  return (
    JSON.stringify(value, (_key, v: unknown) => {
      if (typeof v === 'number' && !Number.isFinite(v)) throw new RangeError(`cannot hash the number ${v}`);
      if (v === null || typeof v !== 'object' || Array.isArray(v)) return v;
      const keys = Object.keys(v).sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
      if (keys.some((k) => /^(0|[1-9]\d*)$/.test(k)))
        throw new RangeError(
          `cannot hash an object with the key ${JSON.stringify(keys.find((k) => /^\d+$/.test(k)))}`,
        );
      const sorted: Record<string, unknown> = {};
      for (const k of keys) sorted[k] = (v as Record<string, unknown>)[k];
      return sorted;
    }) ?? 'null'
  );
}

/**
 * What is hashed: the meeting details, the sessions, the document settings, the body as
 * ProseMirror JSON and every recommendation with its number and tags. Not hashed: export options
 * (tags shown or hidden, annexes, draft or final), the date of issue, and anything outside the
 * Y.Doc (the document's title in the list of documents). docs/export.md says the same.
 */
export function canonicalContent(
  content: ExportContent,
  recommendations: readonly RecommendationEntry[],
): string {
  return canonicalJson({
    scheme: HASH_SCHEME,
    meeting: content.meeting,
    sessions: content.sessions,
    settings: content.settings,
    body: content.doc,
    recommendations: recommendations.map((r) => ({
      id: r.id,
      number: r.number,
      text: r.text,
      themes: r.themes,
      addressees: r.addressees,
      priority: r.priority,
      status: r.status,
      note: r.note,
      sessionId: r.sessionId,
    })),
  });
}

/** Hex SHA-256 of the canonical content, UTF-8 encoded. */
export function contentHash(content: ExportContent, recommendations: readonly RecommendationEntry[]): string {
  return createHash('sha256').update(canonicalContent(content, recommendations), 'utf8').digest('hex');
}

/**
 * The version id of content that has no final version yet: derived from its hash, so the same
 * content always gets the same id. Issue #5 (finalization) replaces it with the id of the
 * frozen version.
 */
export function contentVersionId(sha256: string): string {
  return `content-${sha256.slice(0, 12)}`;
}

const SHA256_HEX = /^[0-9a-f]{64}$/i;

export function isSha256Hex(value: unknown): value is string {
  return typeof value === 'string' && SHA256_HEX.test(value);
}
