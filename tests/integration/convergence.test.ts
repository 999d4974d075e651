import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { autoCleanup } from './support/cleanup.ts';
import { appendParagraph, connectClient, contentOf, type TestClient } from './support/clients.ts';
import { createDocument } from './support/http.ts';
import { TestServer } from './support/server.ts';
import { waitFor } from './support/waitFor.ts';

const cleanup = autoCleanup();

async function setup(): Promise<{ server: TestServer; documentId: string }> {
  const server = await TestServer.start();
  cleanup(() => server.dispose());
  const { id } = await createDocument(server.url);
  return { server, documentId: id };
}

async function client(server: TestServer, documentId: string): Promise<TestClient> {
  const c = connectClient(server.url, documentId);
  cleanup(() => c.destroy());
  await c.synced;
  return c;
}

describe('two stock clients editing one document', () => {
  it('converge to the same state after concurrent edits, and a late joiner gets all of it', async () => {
    const { server, documentId } = await setup();
    const alice = await client(server, documentId);
    const bob = await client(server, documentId);
    // New documents start from a template: count paragraphs from there.
    const initialParagraphs = alice.doc.getXmlFragment('body').length;

    // Each burst is made without yielding, so neither side has seen the other's burst: the
    // server must merge truly concurrent edits to the same text and the same fragment.
    const rounds = 20;
    for (let round = 0; round < rounds; round++) {
      for (let i = 0; i < 5; i++) {
        const n = round * 5 + i;
        alice.doc.getText('text').insert(0, `a${n} `);
        bob.doc.getText('text').insert(bob.doc.getText('text').length, `b${n} `);
      }
      appendParagraph(alice.doc, `Alice's paragraph ${round}`);
      appendParagraph(bob.doc, `Bob's paragraph ${round}`);
      await new Promise((resolve) => setImmediate(resolve));
    }

    await waitFor(
      () => {
        expect(contentOf(bob.doc)).toEqual(contentOf(alice.doc));
        expect(bob.doc.getXmlFragment('body').length).toBe(initialParagraphs + 2 * rounds);
        return true;
      },
      { what: 'both clients to show the same summary' },
    );
    const words = alice.doc.getText('text').toString().trim().split(' ');
    expect(words).toHaveLength(2 * 5 * rounds);
    for (let n = 0; n < 5 * rounds; n++) {
      expect(words).toContain(`a${n}`);
      expect(words).toContain(`b${n}`);
    }
    expect(Y.encodeStateVector(bob.doc)).toEqual(Y.encodeStateVector(alice.doc));

    // The late joiner must have everything as soon as it reports synced: no second round trip.
    const carol = await client(server, documentId);
    expect(contentOf(carol.doc)).toEqual(contentOf(alice.doc));
    expect(Y.encodeStateVector(carol.doc)).toEqual(Y.encodeStateVector(alice.doc));
  });

  it('a client that edited offline merges its edits on connecting', async () => {
    const { server, documentId } = await setup();
    const alice = await client(server, documentId);
    alice.doc.getText('text').insert(0, 'online. ');

    const offline = new Y.Doc();
    offline.getText('text').insert(0, 'offline. ');
    const bob = connectClient(server.url, documentId, { doc: offline });
    cleanup(() => bob.destroy());
    await bob.synced;

    await waitFor(
      () => {
        expect(alice.doc.getText('text').toString()).toContain('offline. ');
        expect(contentOf(alice.doc)).toEqual(contentOf(bob.doc));
        return true;
      },
      { what: 'the offline edit to reach the other client' },
    );
    expect(bob.doc.getText('text').toString()).toContain('online. ');
  });
});

describe('presence (awareness)', () => {
  it('reaches the others, is shown to late joiners, and disappears when its client vanishes', async () => {
    const { server, documentId } = await setup();
    const alice = await client(server, documentId);
    const bob = await client(server, documentId);
    const aliceId = alice.doc.clientID;

    alice.provider.awareness.setLocalStateField('user', { name: 'Chair', color: '#1f77b4' });
    await waitFor(() => bob.provider.awareness.getStates().get(aliceId)?.user?.name === 'Chair', {
      what: "Alice's presence at Bob",
    });

    // Carol joins after Alice announced herself: the server tells her who is there.
    const carol = await client(server, documentId);
    await waitFor(() => carol.provider.awareness.getStates().get(aliceId)?.user?.name === 'Chair', {
      what: "Alice's presence at the late joiner",
    });

    carol.provider.awareness.setLocalStateField('user', { name: 'Secretary' });
    alice.provider.awareness.setLocalStateField('cursor', { index: 3 });
    await waitFor(
      () =>
        bob.provider.awareness.getStates().get(aliceId)?.cursor?.index === 3 &&
        bob.provider.awareness.getStates().get(carol.doc.clientID)?.user?.name === 'Secretary',
      { what: "Alice's cursor and Carol's presence at Bob" },
    );

    // Alice's connection dies without a goodbye: only the server can tell the others. (The
    // awareness protocol's own 30 s timeout is well past the deadline.)
    alice.crash();
    await waitFor(
      () =>
        !bob.provider.awareness.getStates().has(aliceId) &&
        !carol.provider.awareness.getStates().has(aliceId),
      { what: "Alice's presence to be removed after her connection dropped" },
    );
    // Only the client that vanished is gone.
    expect(bob.provider.awareness.getStates().get(carol.doc.clientID)?.user?.name).toBe('Secretary');
  });

  it('is removed when its client leaves politely', async () => {
    const { server, documentId } = await setup();
    const alice = await client(server, documentId);
    const bob = await client(server, documentId);
    alice.provider.awareness.setLocalStateField('user', { name: 'Rapporteur' });
    await waitFor(() => bob.provider.awareness.getStates().has(alice.doc.clientID), {
      what: "Alice's presence at Bob",
    });
    alice.destroy();
    await waitFor(() => !bob.provider.awareness.getStates().has(alice.doc.clientID), {
      what: "Alice's presence to be removed after she left",
    });
  });
});
