import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import type { DocumentRecord } from '@plenary/server';
import { autoCleanup } from './support/cleanup.ts';
import { appendParagraph, connectClient, contentOf, type TestClient } from './support/clients.ts';
import { createDocument } from './support/http.ts';
import { TestServer } from './support/server.ts';
import { waitFor } from './support/waitFor.ts';
import { authedFetch } from '../support/credentials.ts';

const cleanup = autoCleanup();

async function client(server: TestServer, documentId: string): Promise<TestClient> {
  const c = connectClient(server.url, documentId);
  cleanup(() => c.destroy());
  await c.synced;
  return c;
}

/** Waits until `observer` shows what `editor` shows: the server has committed all of it. */
async function seenBy(observer: TestClient, editor: TestClient): Promise<void> {
  await waitFor(
    () => {
      expect(contentOf(observer.doc)).toEqual(contentOf(editor.doc));
      return true;
    },
    { what: 'the observer to show the editor’s content' },
  );
}

describe('a server restart', () => {
  it('keeps every document, its title and its exact content', async () => {
    const server = await TestServer.start();
    cleanup(() => server.dispose());
    const title = 'Chair’s summary — 12th session of the Committee';
    const { id } = await createDocument(server.url, title);
    const other = await createDocument(server.url, 'Another meeting');

    const editor = await client(server, id);
    const observer = await client(server, id);
    const text = editor.doc.getText('text');
    text.insert(0, 'The Committee met on 3 March.');
    text.insert(0, 'Summary. ');
    text.delete(0, 'Summary. '.length);
    text.format(4, 9, { bold: true });
    for (let i = 1; i <= 30; i++)
      appendParagraph(editor.doc, `Paragraph ${i}: delegations welcomed the report.`);
    editor.doc.getXmlFragment('body').delete(0, 1);
    await seenBy(observer, editor);
    const before = contentOf(editor.doc);
    const stateVector = Y.encodeStateVector(editor.doc);
    const delta = JSON.stringify(text.toDelta());
    editor.destroy();
    observer.destroy();

    await server.restart();

    const fresh = await client(server, id);
    expect(contentOf(fresh.doc)).toEqual(before);
    expect(JSON.stringify(fresh.doc.getText('text').toDelta())).toBe(delta);
    expect(Y.encodeStateVector(fresh.doc)).toEqual(stateVector);
    // The other document is untouched, not given this one's content.
    const stranger = await client(server, other.id);
    expect(stranger.doc.getText('text').toString()).toBe('');
    expect(contentOf(stranger.doc).body).not.toContain('delegations welcomed');

    const list = (await (await authedFetch(`${server.url}/api/documents`)).json()) as DocumentRecord[];
    expect(list.map((d) => ({ id: d.id, title: d.title }))).toEqual(
      expect.arrayContaining([
        { id, title },
        { id: other.id, title: 'Another meeting' },
      ]),
    );
    expect(list).toHaveLength(2);
    const one = await authedFetch(`${server.url}/api/documents/${id}`);
    expect(one.status).toBe(200);
    expect(await one.json()).toMatchObject({ id, title });
  });

  it('keeps edits made after an earlier restart, on top of the compacted state', async () => {
    const server = await TestServer.start();
    cleanup(() => server.dispose());
    const { id } = await createDocument(server.url);

    const first = await client(server, id);
    const watcher = await client(server, id);
    first.doc.getText('text').insert(0, 'before the first restart.');
    await seenBy(watcher, first);
    first.destroy();
    watcher.destroy();
    await server.restart();

    const second = await client(server, id);
    const watcher2 = await client(server, id);
    second.doc.getText('text').insert(0, 'after it. ');
    appendParagraph(second.doc, 'Added after the first restart.');
    await seenBy(watcher2, second);
    const expected = contentOf(second.doc);
    expect(expected.text).toBe('after it. before the first restart.');
    second.destroy();
    watcher2.destroy();
    await server.restart();

    const third = await client(server, id);
    expect(contentOf(third.doc)).toEqual(expected);
  });
});
