import * as Y from 'yjs';
import { describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS, SETTINGS_FIELD, readSettings, writeSettings } from './settings.ts';

describe('document settings', () => {
  it('default to UN numbering and keep what was written', () => {
    const doc = new Y.Doc();
    expect(readSettings(doc)).toEqual(DEFAULT_SETTINGS);
    writeSettings(doc, { paragraphNumbering: 'none' });
    expect(readSettings(doc)).toEqual({ paragraphNumbering: 'none', headingNumbering: 'un' });
  });

  it('refuse an unknown value by name, and read one a newer client wrote as the default', () => {
    const doc = new Y.Doc();
    expect(() => writeSettings(doc, { headingNumbering: 'legal' as 'un' })).toThrow(
      'unknown headingNumbering "legal"; valid: un, none',
    );
    doc.getMap(SETTINGS_FIELD).set('paragraphNumbering', 'per-chapter');
    expect(readSettings(doc).paragraphNumbering).toBe('consecutive');
  });
});
