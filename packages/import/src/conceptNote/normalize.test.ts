import { describe, expect, it } from 'vitest';
import { normalizeText } from './normalize.ts';

describe('normalizeText', () => {
  it('turns CRLF, CR, tabs and non-breaking spaces into plain lines and spaces', () => {
    expect(normalizeText('Session 1:\u00a0Title\r\n\tText\u202fhere.\rEnd')).toBe(
      'Session 1: Title\nText here.\nEnd',
    );
  });

  it('removes invisible characters and keeps quotes and dashes as written', () => {
    expect(normalizeText('\ufeffSes\u00adsion\u200b 2 – “Women’s participation”')).toBe(
      'Session 2 – “Women’s participation”',
    );
  });

  it('removes inline HTML left by converters and decodes entities', () => {
    expect(normalizeText('the <u>UN pledging guide</u> on 25<sup>th</sup> October &amp; after&nbsp;it')).toBe(
      'the UN pledging guide on 25th October & after it',
    );
  });

  it('keeps a "<" that is not one of the known tags', () => {
    expect(normalizeText('fewer than <5 per cent')).toBe('fewer than <5 per cent');
  });

  it('drops page numbers and running headers around form feeds', () => {
    const text =
      'Concept Note – Dialogue\nIntro text\nPage 1 of 2\n\fConcept Note – Dialogue\nmore text\n- 2 -';
    expect(normalizeText(text)).toBe('Intro text\n\nmore text');
  });

  it('keeps a line that repeats when it is not at a page edge', () => {
    const text = 'Guiding questions:\n- A?\n\fTop\nGuiding questions:\n- B?\nBottom';
    expect(normalizeText(text)).toContain('Guiding questions:\n- B?');
  });

  it('collapses runs of blank lines to one', () => {
    expect(normalizeText('a\n\n\n\n b \n\n\nc')).toBe('a\n\nb\n\nc');
  });
});
