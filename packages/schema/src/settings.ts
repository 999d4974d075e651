import * as Y from 'yjs';

/**
 * Name of the Y.Map that holds a document's settings. It lives in the Y.Doc (not in a database
 * column) so that a change syncs, persists and undoes with the text, and so that the content
 * hash of an export covers it: a renumbered document is a different document.
 */
export const SETTINGS_FIELD = 'settings';

/**
 * How body paragraphs are numbered. "consecutive" is UN editorial practice: 1, 2, 3 ... through
 * the whole body, front matter (the title block) unnumbered. "none" leaves paragraphs bare.
 */
export const PARAGRAPH_NUMBERING = ['consecutive', 'none'] as const;
export type ParagraphNumbering = (typeof PARAGRAPH_NUMBERING)[number];

/** How headings are numbered: "un" is I. / A. / 1. / (a) by depth; "none" leaves them bare. */
export const HEADING_NUMBERING = ['un', 'none'] as const;
export type HeadingNumbering = (typeof HEADING_NUMBERING)[number];

export interface DocumentSettings {
  paragraphNumbering: ParagraphNumbering;
  headingNumbering: HeadingNumbering;
}

export const DEFAULT_SETTINGS: DocumentSettings = {
  paragraphNumbering: 'consecutive',
  headingNumbering: 'un',
};

function pick<T extends string>(allowed: readonly T[], value: unknown, fallback: T): T {
  return typeof value === 'string' && (allowed as readonly string[]).includes(value)
    ? (value as T)
    : fallback;
}

/** The document's settings (defaults for anything unset or unknown, e.g. written by a newer client). */
export function readSettings(doc: Y.Doc): DocumentSettings {
  const map = doc.getMap<unknown>(SETTINGS_FIELD);
  return {
    paragraphNumbering: pick(
      PARAGRAPH_NUMBERING,
      map.get('paragraphNumbering'),
      DEFAULT_SETTINGS.paragraphNumbering,
    ),
    headingNumbering: pick(HEADING_NUMBERING, map.get('headingNumbering'), DEFAULT_SETTINGS.headingNumbering),
  };
}

/** Changes settings in one transaction; throws a RangeError naming an unknown value. */
export function writeSettings(doc: Y.Doc, change: Partial<DocumentSettings>, origin?: unknown): void {
  const checks = [
    ['paragraphNumbering', PARAGRAPH_NUMBERING],
    ['headingNumbering', HEADING_NUMBERING],
  ] as const;
  for (const [field, allowed] of checks) {
    const value = change[field];
    if (value !== undefined && !(allowed as readonly string[]).includes(value)) {
      throw new RangeError(`unknown ${field} ${JSON.stringify(value)}; valid: ${allowed.join(', ')}`);
    }
  }
  const map = doc.getMap<unknown>(SETTINGS_FIELD);
  doc.transact(() => {
    for (const [field] of checks) {
      const value = change[field];
      if (value !== undefined && map.get(field) !== value) map.set(field, value);
    }
  }, origin);
}
