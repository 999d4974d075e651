import * as Y from 'yjs';
import { describe, expect, it } from 'vitest';
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

function change(client: Y.Doc, edit: (doc: Y.Doc) => void): Uint8Array {
  const before = Y.encodeStateVector(client);
  edit(client);
  return Y.encodeStateAsUpdate(client, before);
}

describe('rootTypesTouched', () => {
  it('places text typed inside an existing paragraph under its root, through the origin chain', () => {
    const { server, client } = replicas();
    const update = change(client, (doc) => {
      const text = (doc.getXmlFragment('body').get(0) as Y.XmlElement).get(0) as Y.XmlText;
      text.insert(5, 'new ');
      text.insert(9, 'words ');
    });
    expect(rootTypesTouched(server, update)).toEqual(new Set(['body']));
  });

  it('sees a structure change, top-level or nested, and a mixed transaction', () => {
    const { server, client } = replicas();
    expect(
      rootTypesTouched(
        server,
        change(client, (doc) => doc.getMap('meeting').set('venue', 'Islamabad')),
      ),
    ).toEqual(new Set(['meeting']));
    const nested = change(client, (doc) =>
      (doc.getArray('sessions').get(0) as Y.Map<unknown>).set('title', 'Opening'),
    );
    expect(rootTypesTouched(server, nested)).toEqual(new Set(['sessions']));
    const both = change(client, (doc) =>
      doc.transact(() => {
        doc.getArray('sessions').delete(0, 1);
        doc.getXmlFragment('body').delete(0, 1);
      }),
    );
    expect(rootTypesTouched(server, both)).toEqual(new Set(['sessions', 'body']));
  });

  it('follows new content nested in new content within the same update', () => {
    const { server, client } = replicas();
    const update = change(client, (doc) => {
      const p = new Y.XmlElement('paragraph');
      p.insert(0, [new Y.XmlText('A new paragraph')]);
      doc.getXmlFragment('body').insert(1, [p]);
    });
    expect(rootTypesTouched(server, update)).toEqual(new Set(['body']));
  });

  it('says null when the update builds on content the server does not have', () => {
    const { server, client } = replicas();
    const unseen = change(client, (doc) => doc.getXmlFragment('body').insert(1, [new Y.XmlText('unseen')]));
    const onTop = change(client, (doc) =>
      (doc.getXmlFragment('body').get(1) as Y.XmlText).insert(0, 'more '),
    );
    void unseen; // never sent
    expect(rootTypesTouched(server, onTop)).toBeNull();
  });
});

describe('changesNothing', () => {
  it('is true for a sync step 2 with nothing new (its delete set included) and false for an edit', () => {
    const { server, client } = replicas();
    server.getXmlFragment('body').delete(0, 1);
    Y.applyUpdate(client, Y.encodeStateAsUpdate(server));
    const step2 = Y.encodeStateAsUpdate(client, Y.encodeStateVector(server));
    expect(step2.byteLength).toBeGreaterThan(2);
    expect(changesNothing(server, step2)).toBe(true);
    expect(
      changesNothing(
        server,
        change(client, (doc) => doc.getMap('meeting').set('venue', 'Seoul')),
      ),
    ).toBe(false);
    const deletion = change(client, (doc) => doc.getArray('sessions').delete(0, 1));
    expect(changesNothing(server, deletion)).toBe(false);
  });
});
