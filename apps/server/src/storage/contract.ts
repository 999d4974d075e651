import * as Y from 'yjs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DocumentExistsError, UnknownDocumentError, type Storage } from './Storage.ts';

/**
 * The storage contract: every Storage implementation runs this same suite
 * (`runStorageContract('sqlite', () => ...)`), so SQLite and PostgreSQL cannot drift apart.
 */
export function runStorageContract(name: string, open: () => Promise<Storage>): void {
  describe(`storage contract: ${name}`, () => {
    let storage: Storage;
    beforeEach(async () => {
      storage = await open();
    });
    afterEach(async () => {
      await storage.close();
    });

    const textUpdate = (doc: Y.Doc, at: number, text: string): Uint8Array => {
      const before = Y.encodeStateVector(doc);
      doc.getText('t').insert(at, text);
      return Y.encodeStateAsUpdate(doc, before);
    };
    const contentOf = (stored: { snapshot: Uint8Array | null; updates: Uint8Array[] }): string => {
      const doc = new Y.Doc();
      if (stored.snapshot) Y.applyUpdate(doc, stored.snapshot);
      for (const update of stored.updates) Y.applyUpdate(doc, update);
      return doc.getText('t').toString();
    };

    it('creates, gets and lists documents', async () => {
      const a = await storage.createDocument({ id: 'doc-a', title: 'Côte d’Ivoire — Session 1' });
      expect(a).toMatchObject({ id: 'doc-a', title: 'Côte d’Ivoire — Session 1' });
      expect(Date.parse(a.createdAt)).not.toBeNaN();
      await storage.createDocument({ id: 'doc-b', title: 'B' });
      expect(await storage.getDocument('doc-a')).toEqual(a);
      expect(await storage.getDocument('missing')).toBeNull();
      expect((await storage.listDocuments()).map((d) => d.id).sort()).toEqual(['doc-a', 'doc-b']);
    });

    it('refuses a duplicate id', async () => {
      await storage.createDocument({ id: 'dup', title: 'first' });
      await expect(storage.createDocument({ id: 'dup', title: 'second' })).rejects.toBeInstanceOf(
        DocumentExistsError,
      );
      expect((await storage.getDocument('dup'))?.title).toBe('first');
    });

    it('creates a document with its initial content in one step', async () => {
      const seed = textUpdate(new Y.Doc(), 0, 'Chair’s Summary');
      await storage.createDocument({ id: 'seeded', title: 's' }, seed);
      const content = await storage.loadContent('seeded');
      expect(contentOf(content)).toBe('Chair’s Summary');
      expect(content.lastSeq).toBeGreaterThan(0);
      await expect(storage.createDocument({ id: 'seeded', title: 'again' }, seed)).rejects.toBeInstanceOf(
        DocumentExistsError,
      );
      expect((await storage.loadContent('seeded')).updates).toHaveLength(1);
    });

    it('loads an empty log for a new document and refuses unknown ones', async () => {
      await storage.createDocument({ id: 'empty', title: 'e' });
      expect(await storage.loadContent('empty')).toEqual({ snapshot: null, updates: [], lastSeq: 0 });
      await expect(storage.loadContent('nope')).rejects.toBeInstanceOf(UnknownDocumentError);
    });

    it('appends a batch across documents atomically, in order, with increasing seqs', async () => {
      await storage.createDocument({ id: 'x', title: 'x' });
      await storage.createDocument({ id: 'y', title: 'y' });
      const dx = new Y.Doc();
      const dy = new Y.Doc();
      const seqs = await storage.appendUpdates([
        { documentId: 'x', update: textUpdate(dx, 0, 'Hello') },
        { documentId: 'y', update: textUpdate(dy, 0, 'Other') },
        { documentId: 'x', update: textUpdate(dx, 5, ' world') },
      ]);
      expect(seqs).toHaveLength(3);
      expect(seqs[0]!).toBeLessThan(seqs[1]!);
      expect(seqs[1]!).toBeLessThan(seqs[2]!);
      const x = await storage.loadContent('x');
      expect(x.updates).toHaveLength(2);
      expect(x.lastSeq).toBe(seqs[2]);
      expect(contentOf(x)).toBe('Hello world');
      expect(contentOf(await storage.loadContent('y'))).toBe('Other');
    });

    it('commits nothing of a batch that names an unknown document', async () => {
      await storage.createDocument({ id: 'real', title: 'r' });
      const doc = new Y.Doc();
      await expect(
        storage.appendUpdates([
          { documentId: 'real', update: textUpdate(doc, 0, 'kept?') },
          { documentId: 'ghost', update: textUpdate(doc, 0, 'no') },
        ]),
      ).rejects.toThrow();
      expect((await storage.loadContent('real')).updates).toHaveLength(0);
    });

    it('moves updatedAt forward on append', async () => {
      const created = await storage.createDocument({ id: 'u', title: 'u' });
      await new Promise((resolve) => setTimeout(resolve, 5));
      await storage.appendUpdates([{ documentId: 'u', update: textUpdate(new Y.Doc(), 0, 'a') }]);
      const after = await storage.getDocument('u');
      expect(Date.parse(after!.updatedAt)).toBeGreaterThan(Date.parse(created.updatedAt));
    });

    it('compacts into a snapshot, keeping later updates, and never goes backwards', async () => {
      await storage.createDocument({ id: 'c', title: 'c' });
      const doc = new Y.Doc();
      const [s1] = await storage.appendUpdates([{ documentId: 'c', update: textUpdate(doc, 0, 'one ') }]);
      const [s2] = await storage.appendUpdates([{ documentId: 'c', update: textUpdate(doc, 4, 'two ') }]);
      const snapshotAt2 = Y.encodeStateAsUpdate(doc);
      const [s3] = await storage.appendUpdates([{ documentId: 'c', update: textUpdate(doc, 8, 'three') }]);
      expect(s1! < s2! && s2! < s3!).toBe(true);

      expect(await storage.lastSeq('c')).toBe(s3);
      await storage.compact('c', snapshotAt2, s2!);
      const loaded = await storage.loadContent('c');
      expect(loaded.snapshot).not.toBeNull();
      expect(loaded.updates).toHaveLength(1);
      expect(loaded.lastSeq).toBe(s3);
      expect(contentOf(loaded)).toBe('one two three');
      expect(await storage.countUpdates('c')).toBe(1);
      expect(await storage.lastSeq('c')).toBe(s3);
      await storage.compact('c', Y.encodeStateAsUpdate(doc), s3!);
      expect(await storage.lastSeq('c')).toBe(s3);
      expect(await storage.lastSeq('missing')).toBe(0);

      // An older compaction arriving late must not replace the newer snapshot.
      const stale = new Y.Doc();
      Y.applyUpdate(stale, textUpdate(new Y.Doc(), 0, 'stale'));
      await storage.compact('c', Y.encodeStateAsUpdate(stale), s1!);
      expect(contentOf(await storage.loadContent('c'))).toBe('one two three');
    });

    it('keeps a snapshot’s state vector with it, and drops it with the next snapshot without one', async () => {
      await storage.createDocument({ id: 'sv', title: 'sv' });
      const doc = new Y.Doc();
      const [s1] = await storage.appendUpdates([{ documentId: 'sv', update: textUpdate(doc, 0, 'Agenda.') }]);
      expect((await storage.loadContent('sv')).snapshotStateVector).toBeUndefined();
      await storage.compact('sv', Y.encodeStateAsUpdate(doc), s1!, Y.encodeStateVector(doc));
      expect((await storage.loadContent('sv')).snapshotStateVector).toEqual(Y.encodeStateVector(doc));
      const [s2] = await storage.appendUpdates([
        { documentId: 'sv', update: textUpdate(doc, 7, ' Item 1.') },
      ]);
      await storage.compact('sv', Y.encodeStateAsUpdate(doc), s2!);
      const loaded = await storage.loadContent('sv');
      expect(loaded.snapshotStateVector).toBeUndefined();
      expect(contentOf(loaded)).toBe('Agenda. Item 1.');
    });

    it('replaces and queries the recommendations index', async () => {
      await storage.createDocument({ id: 'm1', title: 'Islamabad summary' });
      await storage.createDocument({ id: 'm2', title: 'Abidjan summary' });
      const row = (
        id: string,
        number: number,
        text: string,
        themes: string[],
        addressees: string[],
        status = 'proposed',
      ) => ({
        id,
        number,
        text,
        sessionId: null,
        sessionTitle: null,
        themes,
        addressees,
        priority: null,
        status,
        note: '',
      });
      await storage.replaceRecommendations(
        'm1',
        { meetingTitle: 'Prep 1', meetingDates: '15-16 April 2025' },
        [
          row('a', 1, 'Member States should pledge medical units.', ['medical'], ['member-states']),
          row('b', 2, 'Côte d’Ivoire will host training.', ['training'], ['tpccs'], 'agreed'),
        ],
      );
      await storage.replaceRecommendations('m2', { meetingTitle: 'Prep 2', meetingDates: '3 March 2026' }, [
        row(
          'c',
          1,
          'The Secretariat should report on MEDICAL evacuation.',
          ['medical', 'technology'],
          ['secretariat'],
        ),
      ]);
      const all = await storage.queryRecommendations();
      expect(all.map((r) => `${r.documentId}/${r.id}`)).toEqual(['m1/a', 'm1/b', 'm2/c']);
      expect(all[1]).toMatchObject({
        documentTitle: 'Islamabad summary',
        meetingDates: '15-16 April 2025',
        themes: ['training'],
        status: 'agreed',
      });
      expect((await storage.queryRecommendations({ theme: 'medical' })).map((r) => r.id)).toEqual(['a', 'c']);
      expect((await storage.queryRecommendations({ addressee: 'tpccs' })).map((r) => r.id)).toEqual(['b']);
      expect((await storage.queryRecommendations({ status: 'agreed' })).map((r) => r.id)).toEqual(['b']);
      expect((await storage.queryRecommendations({ q: 'medical' })).map((r) => r.id)).toEqual(['a', 'c']);
      expect(
        (await storage.queryRecommendations({ theme: 'medical', addressee: 'secretariat' })).map((r) => r.id),
      ).toEqual(['c']);
      // Replacing a document's rows drops the ones it no longer has.
      await storage.replaceRecommendations('m1', { meetingTitle: 'Prep 1', meetingDates: '' }, [
        row('b', 1, 'Renumbered.', [], []),
      ]);
      expect(
        (await storage.queryRecommendations({ documentId: 'm1' })).map((r) => [r.id, r.number, r.text]),
      ).toEqual([['b', 1, 'Renumbered.']]);
    });

    it('keeps settings as JSON values', async () => {
      expect(await storage.getSetting('vocabulary')).toBeNull();
      await storage.putSetting('vocabulary', { version: 2, themes: [{ id: 'x', label: 'São Tomé' }] });
      await storage.putSetting('vocabulary', { version: 3, themes: [] });
      expect(await storage.getSetting('vocabulary')).toEqual({ version: 3, themes: [] });
    });

    it('loads what was committed after a watermark, snapshot included once compacted', async () => {
      await storage.createDocument({ id: 'since', title: 's' });
      const doc = new Y.Doc();
      const [s1] = await storage.appendUpdates([{ documentId: 'since', update: textUpdate(doc, 0, 'a') }]);
      const [s2] = await storage.appendUpdates([{ documentId: 'since', update: textUpdate(doc, 1, 'b') }]);
      const tail = await storage.loadContentSince('since', s1!);
      expect(tail).toMatchObject({ snapshot: null, lastSeq: s2 });
      expect(tail.updates).toHaveLength(1);
      expect(await storage.loadContentSince('since', s2!)).toEqual({
        snapshot: null,
        updates: [],
        lastSeq: s2,
      });
      // Once compacted past the watermark, the snapshot carries what the log no longer has.
      await storage.compact('since', Y.encodeStateAsUpdate(doc), s2!);
      const [s3] = await storage.appendUpdates([{ documentId: 'since', update: textUpdate(doc, 2, 'c') }]);
      const after = await storage.loadContentSince('since', s1!);
      expect(after.snapshot).not.toBeNull();
      expect(after.lastSeq).toBe(s3);
      expect(contentOf(after)).toBe('abc');
    });

    it('keeps binary updates byte for byte', async () => {
      await storage.createDocument({ id: 'bin', title: 'b' });
      const update = textUpdate(new Y.Doc(), 0, 'São Tomé and Príncipe, Türkiye, Việt Nam, باكستان');
      await storage.appendUpdates([{ documentId: 'bin', update }]);
      const [stored] = (await storage.loadContent('bin')).updates;
      expect(Buffer.from(stored!).equals(Buffer.from(update))).toBe(true);
    });
  });
}
