import { describe, expect, it } from 'vitest';
import type * as Y from 'yjs';
import { CloseCode } from '@plenary/protocol';
import { spawnServer, type ChildServer } from './support/childServer.ts';
import { autoCleanup } from './support/cleanup.ts';
import { appendParagraph, connectClient, contentOf, type TestClient } from './support/clients.ts';
import { createDocument } from './support/http.ts';
import { makeTempDir, removeDir } from './support/server.ts';
import { waitFor } from './support/waitFor.ts';

const cleanup = autoCleanup();

async function startChild(dataDir: string): Promise<ChildServer> {
  const server = await spawnServer(dataDir);
  cleanup(() => server.kill());
  return server;
}

async function client(baseUrl: string, documentId: string): Promise<TestClient> {
  const c = connectClient(baseUrl, documentId);
  cleanup(() => c.destroy());
  await c.synced;
  return c;
}

/** Records every token that appears in a client's 'tokens' array, and lets you wait for one. */
function watchTokens(doc: Y.Doc) {
  const seen = new Set<string>();
  const waiters = new Map<string, () => void>();
  const listeners: Array<() => void> = [];
  doc.getArray<string>('tokens').observe((event) => {
    for (const change of event.changes.delta) {
      for (const token of (change.insert as string[] | undefined) ?? []) {
        seen.add(token);
        waiters.get(token)?.();
        waiters.delete(token);
      }
    }
    for (const listener of listeners) listener();
  });
  return {
    seen,
    /** Resolves once `token` has been seen. */
    sighting(token: string): Promise<void> {
      if (seen.has(token)) return Promise.resolve();
      return new Promise((resolve) => waiters.set(token, resolve));
    },
    onChange(listener: () => void) {
      listeners.push(listener);
    },
  };
}

/**
 * One life of the server: an observer and two writers connect, the writers stream tokens (each
 * keeping some in flight, so the server always has work queued), and once the observer has seen
 * `killAfterSeen` new tokens the server is SIGKILLed. Returns every token the observer saw.
 */
async function writeUntilKilled(server: ChildServer, documentId: string, life: number): Promise<string[]> {
  const observer = await client(server.url, documentId);
  const writers = [await client(server.url, documentId), await client(server.url, documentId)];
  const tokens = watchTokens(observer.doc);
  const alreadyThere = tokens.seen.size;

  const tokensPerWriter = 400;
  const killAfterSeen = 200;
  let killed = false;
  let signalKill!: () => void;
  const killedPromise = new Promise<void>((resolve) => (signalKill = resolve));
  tokens.onChange(() => {
    if (!killed && tokens.seen.size - alreadyThere >= killAfterSeen) {
      killed = true;
      server.child.kill('SIGKILL');
      signalKill();
    }
  });

  // Some tokens go in pairs in one transaction, some in the middle, so the two writers' edits
  // interleave; each writer keeps up to `window` tokens sent but not yet seen by the observer.
  const window = 12;
  const write = async (writer: TestClient, name: string): Promise<number> => {
    const array = writer.doc.getArray<string>('tokens');
    for (let i = 0; i < tokensPerWriter; i++) {
      if (killed) return i;
      const token = `${name}-${i}`;
      if (i % 7 === 3) {
        writer.doc.transact(() => array.push([token, `${token}b`]));
      } else if (i % 5 === 1) {
        array.insert(Math.floor(array.length / 2), [token]);
      } else {
        array.push([token]);
      }
      if (i >= window) await Promise.race([tokens.sighting(`${name}-${i - window}`), killedPromise]);
      else await new Promise((resolve) => setImmediate(resolve));
    }
    return tokensPerWriter;
  };
  const written = await Promise.all([
    write(writers[0]!, `life${life}-a`),
    write(writers[1]!, `life${life}-b`),
  ]);

  expect(await server.exited).toEqual({ code: null, signal: 'SIGKILL' });
  // Mid-stream: both writers were still writing when the server died.
  expect(written[0]).toBeLessThan(tokensPerWriter);
  expect(written[1]).toBeLessThan(tokensPerWriter);
  // Everything the server had sent is read by now (the observer noticed the connection drop).
  await waitFor(() => !observer.provider.wsconnected, { what: 'the observer to see the connection drop' });
  // The old clients still hold every edit; they must not hand them to the next server.
  observer.destroy();
  for (const writer of writers) writer.destroy();
  return [...tokens.seen];
}

describe('the server process', () => {
  it('killed with SIGKILL mid-stream loses nothing that any client had already received', async () => {
    const dataDir = makeTempDir();
    cleanup(() => removeDir(dataDir));
    const first = await startChild(dataDir);
    const { id } = await createDocument(first.url);

    // A kill lands at a random point of the server's work, so one crash may miss a window in
    // which a broadcast update is not yet durable; three lives (each recovering from the last
    // crash) make such a regression far more likely to show.
    const seen = new Set(await writeUntilKilled(first, id, 1));
    for (const life of [2, 3]) {
      for (const token of await writeUntilKilled(await startChild(dataDir), id, life)) seen.add(token);
    }

    const last = await startChild(dataDir);
    const fresh = await client(last.url, id);
    const recovered = fresh.doc.getArray<string>('tokens').toArray();
    const missing = [...seen].filter((token) => !recovered.includes(token));
    expect(missing, `${missing.length} of ${seen.size} seen tokens lost`).toEqual([]);
    expect(new Set(recovered).size).toBe(recovered.length);

    // The recovered document is a working one.
    const other = await client(last.url, id);
    fresh.doc.getArray<string>('tokens').push(['after-restart']);
    await waitFor(() => other.doc.getArray<string>('tokens').toArray().includes('after-restart'), {
      what: 'an edit after the restart to propagate',
    });
  });

  it('stopped with SIGTERM closes clients with 1001, keeps their edits and exits 0', async () => {
    const dataDir = makeTempDir();
    cleanup(() => removeDir(dataDir));
    const first = await startChild(dataDir);
    const { id } = await createDocument(first.url);
    const alice = await client(first.url, id);
    const bob = await client(first.url, id);
    alice.doc.getText('text').insert(0, 'The session was closed at 18:00.');
    appendParagraph(alice.doc, 'Closing remarks.');
    await waitFor(
      () => {
        expect(contentOf(bob.doc)).toEqual(contentOf(alice.doc));
        return true;
      },
      { what: "Alice's edits to reach Bob" },
    );
    const expected = contentOf(alice.doc);

    const stopping = Date.now();
    first.child.kill('SIGTERM');
    const deadline = new Promise<'still running'>((resolve) => {
      const timer = setTimeout(() => resolve('still running'), 5_000);
      void first.exited.then(() => clearTimeout(timer));
    });
    expect(await Promise.race([first.exited, deadline])).toEqual({ code: 0, signal: null });
    expect(Date.now() - stopping).toBeLessThan(5_000);
    expect(first.logs.some((l) => l.msg === 'Plenary stopped')).toBe(true);
    await waitFor(() => alice.closeCodes.length > 0 && bob.closeCodes.length > 0, {
      what: 'both clients to be disconnected',
    });
    expect(alice.closeCodes[0]).toBe(CloseCode.GoingAway);
    expect(bob.closeCodes[0]).toBe(CloseCode.GoingAway);
    alice.destroy();
    bob.destroy();

    const second = await startChild(dataDir);
    const fresh = await client(second.url, id);
    expect(contentOf(fresh.doc)).toEqual(expected);
  });
});
