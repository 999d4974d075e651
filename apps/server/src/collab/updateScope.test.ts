import * as Y from 'yjs';
import { describe, expect, it } from 'vitest';
import { DeferredApply } from './DeferredApply.ts';
import { changesNothing, rootTypesTouched } from './updateScope.ts';

/** A server replica and a client replica that start in sync. */
function replicas() {
  const server = new Y.Doc();
  const body = server.getXmlFragment('body');
  const paragraph = new Y.XmlElement('paragraph');
  paragraph.insert(0, [new Y.XmlText('Recommendations of the session')]);
  body.insert(0, [paragraph]);
  server.getMap('meeting').set('title', 'Preparatory Meeting on Medical Capacity');
  server.getArray('sessions').insert(0, [new Y.Map([['title', 'Session 1']])]);
  const client = new Y.Doc();
  Y.applyUpdate(client, Y.encodeStateAsUpdate(server));
  return { server, client };
}

/** The update a client sends for `edit` (one transaction: its own deletions only). */
function change(client: Y.Doc, edit: (doc: Y.Doc) => void): Uint8Array {
  let update: Uint8Array | undefined;
  const keep = (u: Uint8Array) => (update = u);
  client.on('update', keep);
  client.transact(() => edit(client));
  client.off('update', keep);
  if (!update) throw new Error('the edit changed nothing');
  return update;
}

/** The decoded update of `edit` on `client`. */
function decodedChange(client: Y.Doc, edit: (doc: Y.Doc) => void) {
  return Y.decodeUpdate(change(client, edit));
}

describe('rootTypesTouched', () => {
  it('places text typed inside an existing paragraph under its root, through the origin chain', () => {
    const { server, client } = replicas();
    const update = change(client, (doc) => {
      const text = (doc.getXmlFragment('body').get(0) as Y.XmlElement).get(0) as Y.XmlText;
      text.insert(5, 'new ');
      text.insert(9, 'words ');
    });
    expect(rootTypesTouched(server, Y.decodeUpdate(update))).toEqual(new Set(['body']));
  });

  it('sees a structure change, top-level or nested, and a mixed transaction', () => {
    const { server, client } = replicas();
    expect(
      rootTypesTouched(
        server,
        decodedChange(client, (doc) => doc.getMap('meeting').set('venue', 'Islamabad')),
      ),
    ).toEqual(new Set(['meeting']));
    const nested = change(client, (doc) =>
      (doc.getArray('sessions').get(0) as Y.Map<unknown>).set('title', 'Opening'),
    );
    expect(rootTypesTouched(server, Y.decodeUpdate(nested))).toEqual(new Set(['sessions']));
    const both = change(client, (doc) =>
      doc.transact(() => {
        doc.getArray('sessions').delete(0, 1);
        doc.getXmlFragment('body').delete(0, 1);
      }),
    );
    expect(rootTypesTouched(server, Y.decodeUpdate(both))).toEqual(new Set(['sessions', 'body']));
  });

  it('follows new content nested in new content within the same update', () => {
    const { server, client } = replicas();
    const update = change(client, (doc) => {
      const p = new Y.XmlElement('paragraph');
      p.insert(0, [new Y.XmlText('A new paragraph')]);
      doc.getXmlFragment('body').insert(1, [p]);
    });
    expect(rootTypesTouched(server, Y.decodeUpdate(update))).toEqual(new Set(['body']));
  });

  it('places an edit that builds on content still waiting to be applied, typed or deleted', () => {
    const { server, client } = replicas();
    const pending = new DeferredApply(() => {}, 60_000);
    const text = () => (client.getXmlFragment('body').get(0) as Y.XmlElement).get(0) as Y.XmlText;
    const session = () => client.getArray('sessions').get(0) as Y.Map<unknown>;
    // Waiting: two keystrokes in the body and a new session title.
    for (const edit of [
      () => text().insert(0, 'a'),
      () => text().insert(1, 'b'),
      () => session().set('title', 'Opening session'),
    ]) {
      pending.add(new Uint8Array(), decodedChange(client, edit).structs);
    }
    const typed = decodedChange(client, () => text().insert(2, 'c'));
    const erased = decodedChange(client, () => text().delete(0, 2));
    const retitled = decodedChange(client, () => session().set('title', 'Opening'));
    // Without what waits, none of them can be placed.
    for (const update of [typed, retitled]) expect(rootTypesTouched(server, update)).toBeNull();
    expect(rootTypesTouched(server, typed, pending)).toEqual(new Set(['body']));
    expect(rootTypesTouched(server, erased, pending)).toEqual(new Set(['body']));
    expect(rootTypesTouched(server, retitled, pending)).toEqual(new Set(['sessions']));
    pending.cancel();
  });

  it('counts only what is new in a sync step 2: not deletions made already, not structs received', () => {
    const { server, client } = replicas();
    // The secretariat renamed the meeting and the session: the structure has deletions.
    const secretariat = new Y.Doc();
    Y.applyUpdate(secretariat, Y.encodeStateAsUpdate(server));
    const beforeRenaming = Y.encodeStateVector(server);
    const renamed = change(secretariat, (doc) => {
      doc.getMap('meeting').set('title', 'Preparatory Meeting, Accra');
      (doc.getArray('sessions').get(0) as Y.Map<unknown>).set('title', 'Opening');
    });
    Y.applyUpdate(server, renamed);
    Y.applyUpdate(client, renamed);
    // The client typed offline; it answers an older state vector, so the step 2 carries the
    // renaming again too, and its whole delete set.
    const text = (client.getXmlFragment('body').get(0) as Y.XmlElement).get(0) as Y.XmlText;
    text.insert(0, 'Offline: ');
    const step2 = Y.encodeStateAsUpdate(client, Y.encodeStateVector(server));
    const stale = Y.encodeStateAsUpdate(client, beforeRenaming);
    expect(rootTypesTouched(server, Y.decodeUpdate(step2))).toEqual(new Set(['body']));
    expect(rootTypesTouched(server, Y.decodeUpdate(stale))).toEqual(new Set(['body']));
    // A structure deletion not made yet still counts.
    const removed = decodedChange(client, (doc) => doc.getArray('sessions').delete(0, 1));
    expect(rootTypesTouched(server, removed)).toEqual(new Set(['sessions']));
  });

  it('counts nothing for an item inside content the document has collected', () => {
    const { server, client } = replicas();
    const paragraph = () => client.getXmlFragment('body').get(0) as Y.XmlElement;
    const typed = decodedChange(client, () => (paragraph().get(0) as Y.XmlText).insert(0, 'Late: '));
    // Meanwhile the paragraph was deleted on the server, and its text collected with it.
    server.getXmlFragment('body').delete(0, 1);
    expect(rootTypesTouched(server, typed)).toEqual(new Set());
  });

  it('places a long offline session: thousands of items, each built on the one before', () => {
    const { server, client } = replicas();
    const before = Y.encodeStateVector(client);
    const text = (client.getXmlFragment('body').get(0) as Y.XmlElement).get(0) as Y.XmlText;
    // Typing at the start, one character a transaction, makes items that do not merge.
    for (let i = 0; i < 3000; i++) text.insert(0, String(i % 10));
    const update = Y.decodeUpdate(Y.encodeStateAsUpdate(client, before));
    expect(update.structs.length).toBeGreaterThan(2000);
    expect(rootTypesTouched(server, update)).toEqual(new Set(['body']));
  });

  it('says null when the update builds on content the server does not have', () => {
    const { server, client } = replicas();
    const unseen = change(client, (doc) => doc.getXmlFragment('body').insert(1, [new Y.XmlText('unseen')]));
    const onTop = change(client, (doc) =>
      (doc.getXmlFragment('body').get(1) as Y.XmlText).insert(0, 'more '),
    );
    void unseen; // never sent
    expect(rootTypesTouched(server, Y.decodeUpdate(onTop))).toBeNull();
  });
});

describe('changesNothing', () => {
  it('is true for a sync step 2 with nothing new (its delete set included) and false for an edit', () => {
    const { server, client } = replicas();
    server.getXmlFragment('body').delete(0, 1);
    Y.applyUpdate(client, Y.encodeStateAsUpdate(server));
    const step2 = Y.encodeStateAsUpdate(client, Y.encodeStateVector(server));
    expect(step2.byteLength).toBeGreaterThan(2);
    expect(changesNothing(server, Y.decodeUpdate(step2))).toBe(true);
    expect(
      changesNothing(
        server,
        decodedChange(client, (doc) => doc.getMap('meeting').set('venue', 'Seoul')),
      ),
    ).toBe(false);
    const deletion = change(client, (doc) => doc.getArray('sessions').delete(0, 1));
    expect(changesNothing(server, Y.decodeUpdate(deletion))).toBe(false);
  });
});
