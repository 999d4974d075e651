import * as Y from 'yjs';
import { describe, expect, it } from 'vitest';
import { writeMeeting, writeSettings, writeTags } from '@plenary/schema';
import { canonicalContent, canonicalJson, contentHash, isSha256Hex } from './hash.ts';
import { readExportSource } from './model/source.ts';
import { sampleSummary } from './testing/sampleSummary.ts';

const hashOf = (ydoc: Y.Doc) => {
  const { content, recommendations } = readExportSource(ydoc);
  return contentHash(content, recommendations);
};

describe('content hash', () => {
  it('serialises canonically: keys sorted, no whitespace, undefined dropped', () => {
    expect(canonicalJson({ b: 1, a: [true, null, 'é'], c: undefined, A: { z: 'x', y: 2 } })).toBe(
      '{"A":{"y":2,"z":"x"},"a":[true,null,"é"],"b":1}',
    );
  });

  it('is the same for two replicas of one document, whatever their history', () => {
    const a = sampleSummary();
    const b = new Y.Doc();
    Y.applyUpdate(b, Y.encodeStateAsUpdate(a));
    expect(hashOf(b)).toBe(hashOf(a));
    expect(isSha256Hex(hashOf(a))).toBe(true);
  });

  it('changes with the text, the meeting, a tag and the numbering setting', () => {
    const ydoc = sampleSummary();
    const seen = new Set([hashOf(ydoc)]);
    writeTags(ydoc, 'r1', { addThemes: ['training'] });
    seen.add(hashOf(ydoc));
    writeMeeting(ydoc, { venue: 'Dakar' });
    seen.add(hashOf(ydoc));
    writeSettings(ydoc, { paragraphNumbering: 'none' });
    seen.add(hashOf(ydoc));
    ydoc.getXmlFragment('body').insert(0, [new Y.XmlElement('paragraph')]);
    seen.add(hashOf(ydoc));
    expect(seen.size).toBe(5);
  });

  it('covers meeting, sessions, settings, body and recommendations under a versioned scheme', () => {
    const { content, recommendations } = readExportSource(sampleSummary());
    const parsed = JSON.parse(canonicalContent(content, recommendations)) as Record<string, unknown>;
    expect(Object.keys(parsed)).toEqual([
      'body',
      'meeting',
      'recommendations',
      'scheme',
      'sessions',
      'settings',
    ]);
    expect(parsed.scheme).toBe('plenary-content/1');
    expect((parsed.recommendations as Array<{ id: string; themes: string[] }>)[3]).toMatchObject({
      id: 'r1',
      themes: ['medical'],
    });
  });
});
