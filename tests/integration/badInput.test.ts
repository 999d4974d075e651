import { describe, expect, it } from 'vitest';
import { CloseCode } from '@plenary/protocol';
import { autoCleanup } from './support/cleanup.ts';
import { connectClient, contentOf, openRawSocket, type TestClient } from './support/clients.ts';
import { awarenessFrame, textInsertUpdate, updateFrame } from './support/frames.ts';
import { createDocument, upgradeStatus } from './support/http.ts';
import { captureLogs, LogLevel } from './support/logs.ts';
import { TestServer, type TestServerOptions } from './support/server.ts';
import { waitFor } from './support/waitFor.ts';
import { authedFetch } from '../support/credentials.ts';

const cleanup = autoCleanup();

/** A server, a document, and two well-behaved stock clients on it with some shared content. */
async function roomWithTwoClients(options: TestServerOptions = {}) {
  const logs = captureLogs();
  const server = await TestServer.start({ logLevel: 'warn', logDestination: logs, ...options });
  cleanup(() => server.dispose());
  const { id } = await createDocument(server.url);
  const connect = async (): Promise<TestClient> => {
    const c = connectClient(server.url, id);
    cleanup(() => c.destroy());
    await c.synced;
    return c;
  };
  const writer = await connect();
  const reader = await connect();
  writer.doc.getText('text').insert(0, 'Agreed text. ');
  await waitFor(() => reader.doc.getText('text').toString() === 'Agreed text. ', {
    what: 'the first edit to propagate',
  });
  return { server, logs, id, writer, reader, connect };
}

/** An edit by `writer` still reaches `reader` (the room survived), and neither was disconnected. */
async function stillCollaborating(writer: TestClient, reader: TestClient, token: string) {
  writer.doc.getText('text').insert(writer.doc.getText('text').length, token);
  await waitFor(() => reader.doc.getText('text').toString().includes(token), {
    what: `"${token}" to reach the other client`,
  });
  expect(writer.closeCodes).toEqual([]);
  expect(reader.closeCodes).toEqual([]);
}

/** After a restart, the document holds exactly what the good clients had: nothing of the bad frame. */
async function persistedContentIs(server: TestServer, id: string, expected: ReturnType<typeof contentOf>) {
  await server.restart();
  const fresh = connectClient(server.url, id);
  cleanup(() => fresh.destroy());
  await fresh.synced;
  expect(contentOf(fresh.doc)).toEqual(expected);
}

const malformed: Array<[string, Uint8Array | string, string]> = [
  ['an update whose length runs past the frame', new Uint8Array([0, 2, 250, 1, 2]), 'truncated update'],
  // Y.applyUpdate would insert the text before failing on the missing delete set: the server must
  // check the whole update before applying any of it.
  [
    'an update whose delete set is cut off',
    updateFrame(textInsertUpdate('INJECTED').slice(0, -1)),
    'update does not decode',
  ],
  ['an unknown message type', new Uint8Array([7, 1, 2, 3]), 'unexpected message type 7'],
  ['an auth message (server-to-client only)', new Uint8Array([2, 0]), 'unexpected message type 2'],
  ['an unknown sync message type', new Uint8Array([0, 9, 0]), 'unknown sync message type 9'],
  ['an awareness update that is not JSON', awarenessFrame(4242, 1, '{"user": INJECTED'), 'awareness'],
  ['an empty frame', new Uint8Array([]), 'empty frame'],
  ['a text frame', '{"type":"update","text":"INJECTED"}', 'text frames'],
];

describe('a malformed frame', () => {
  it.each(malformed)(
    '(%s) closes only its own connection with 4400 and is not kept',
    async (_name, frame, reason) => {
      const { server, logs, id, writer, reader } = await roomWithTwoClients();
      const bad = await openRawSocket(server.url, id);
      cleanup(() => bad.ws.terminate());
      await bad.joined;

      bad.ws.send(frame);
      const closed = await bad.closed;
      expect(closed.code).toBe(CloseCode.MalformedMessage);
      expect(closed.reason).toContain(reason);

      await stillCollaborating(writer, reader, 'Still editing.');
      // The log tells an operator which document, which connection, and why.
      const line = logs.lines.find(
        (l) => l.msg === 'closing connection' && l.code === CloseCode.MalformedMessage,
      );
      expect(line).toMatchObject({ level: LogLevel.warn, doc: id, conn: expect.any(String) });
      expect(String(line!.reason)).toContain(reason);
      expect(server.server.collab.peekRoom(id)?.awareness.getStates().has(4242)).toBe(false);

      const expected = contentOf(writer.doc);
      expect(expected.text).toBe('Agreed text. Still editing.');
      writer.destroy();
      reader.destroy();
      await persistedContentIs(server, id, expected);
    },
  );

  it('sent before the document has loaded is refused the same way', async () => {
    const { server, id, writer, reader } = await roomWithTwoClients();
    const expected = contentOf(writer.doc);
    writer.destroy();
    reader.destroy();
    await server.restart();
    expect(server.server.collab.loadedDocuments).toBe(0);

    const bad = await openRawSocket(server.url, id);
    cleanup(() => bad.ws.terminate());
    bad.ws.send(updateFrame(textInsertUpdate('INJECTED').slice(0, -1)));
    expect((await bad.closed).code).toBe(CloseCode.MalformedMessage);
    await persistedContentIs(server, id, expected);
  });
});

describe('a frame over maxMessageBytes', () => {
  const maxMessageBytes = 64 * 1024;

  it('closes its connection with 1009 and is not kept, while a frame under the limit is accepted', async () => {
    const { server, logs, id, writer, reader } = await roomWithTwoClients({ maxMessageBytes });

    // Just under the limit: a real (large) edit, which everybody must receive.
    const fits = await openRawSocket(server.url, id);
    cleanup(() => fits.ws.terminate());
    await fits.joined;
    const large = `LARGE${'x'.repeat(maxMessageBytes - 200)}`;
    const fitting = updateFrame(textInsertUpdate(large));
    expect(fitting.byteLength).toBeLessThanOrEqual(maxMessageBytes);
    fits.ws.send(fitting);
    await waitFor(() => reader.doc.getText('text').toString().includes(large), {
      what: 'the large edit to reach the other clients',
    });

    const big = await openRawSocket(server.url, id);
    cleanup(() => big.ws.terminate());
    await big.joined;
    const oversized = updateFrame(textInsertUpdate(`OVERSIZED${'y'.repeat(maxMessageBytes)}`));
    expect(oversized.byteLength).toBeGreaterThan(maxMessageBytes);
    big.ws.send(oversized);
    expect((await big.closed).code).toBe(CloseCode.MessageTooBig);

    await stillCollaborating(writer, reader, 'Still editing.');
    expect(fits.ws.readyState).toBe(fits.ws.OPEN);
    // The log names the document, the connection and the reason.
    const line = await waitFor(() => logs.lines.find((l) => l.msg === 'websocket error'), {
      what: 'a warning about the oversized frame',
    });
    expect(line).toMatchObject({ level: LogLevel.warn, doc: id, conn: expect.any(String) });
    expect(String(line.reason)).toMatch(/max payload size exceeded/i);

    const expected = contentOf(writer.doc);
    expect(expected.text).not.toContain('OVERSIZED');
    writer.destroy();
    reader.destroy();
    fits.ws.close();
    await persistedContentIs(server, id, expected);
  });
});

describe('invalid requests', () => {
  async function serverWithDocument() {
    const server = await TestServer.start();
    cleanup(() => server.dispose());
    const doc = await createDocument(server.url, 'Real');
    return { server, doc };
  }

  it('refuses a websocket upgrade for an invalid document id with 400 and an unknown one with 404', async () => {
    const { server, doc } = await serverWithDocument();
    const invalid = [
      '/collab/bad.id',
      '/collab/%2e%2e',
      '/collab/..%2F..%2Fetc',
      '/collab/a%2Fb',
      `/collab/${'a'.repeat(65)}`,
    ];
    for (const path of invalid) {
      expect({ path, status: await upgradeStatus(server.url, path) }).toEqual({ path, status: 400 });
    }
    expect(await upgradeStatus(server.url, '/collab/')).toBe(400);
    // Only /collab/<id> speaks websocket; elsewhere the upgrade is refused, not served the app.
    expect(await upgradeStatus(server.url, '/')).toBe(404);
    expect(await upgradeStatus(server.url, `/collab/${'a'.repeat(64)}`)).toBe(404);
    expect(await upgradeStatus(server.url, '/collab/unknownDocument')).toBe(404);
    // None of it reached a room or storage.
    expect(server.server.collab.loadedDocuments).toBe(0);
    expect(server.server.collab.connectionCount).toBe(0);
    expect(await server.server.storage.listDocuments()).toHaveLength(1);
    // The control: the same request for the real document is accepted.
    expect(await upgradeStatus(server.url, `/collab/${doc.id}`)).toBe(101);
  });

  it('answers bad REST requests with a clear JSON error and the right status', async () => {
    const { server, doc } = await serverWithDocument();
    // One connection per request: after refusing a body it did not read, the server may close
    // the connection, and a reused keep-alive socket would fail the next request.
    const post = (body: string | ReadableStream<Uint8Array>) =>
      authedFetch(`${server.url}/api/documents`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', connection: 'close' },
        body,
        duplex: 'half',
      } as RequestInit);
    const expectError = async (response: Response, status: number, message: RegExp) => {
      expect(response.status).toBe(status);
      expect(response.headers.get('content-type')).toMatch(/^application\/json/);
      const body = (await response.json()) as { error: unknown };
      expect(body.error).toMatch(message);
    };

    await expectError(await post('{"title": "unterminated'), 400, /not valid JSON/);
    await expectError(await post('{"title": 42}'), 400, /title must be a string.*42/);
    await expectError(await post('["title"]'), 400, /JSON object/);
    await expectError(await post(JSON.stringify({ title: 'x'.repeat(201) })), 400, /201 characters.*200/);
    const tooLarge = await post(JSON.stringify({ title: 'x'.repeat(1024 * 1024) }));
    expect(tooLarge.status).toBe(413);
    const { error } = (await tooLarge.json()) as { error: string };
    const limit = Number(/request body over (\d+) bytes/.exec(error)?.[1]);
    expect(limit).toBeGreaterThanOrEqual(64 * 1024);
    // Without a Content-Length (chunked), the limit still holds. (Just over it: a client that is
    // still sending when the server answers may see the connection close instead of the 413.)
    const chunked = new ReadableStream<Uint8Array>({
      start(controller) {
        controller.enqueue(new TextEncoder().encode(JSON.stringify({ title: 'x'.repeat(limit) })));
        controller.close();
      },
    });
    await expectError(await post(chunked), 413, /request body over \d+ bytes/);
    // A title of exactly 200 characters is fine: the limit is not off by one.
    expect((await post(JSON.stringify({ title: 't'.repeat(200) }))).status).toBe(201);

    await expectError(
      await authedFetch(`${server.url}/api/documents/unknownId`),
      404,
      /"unknownId" not found/,
    );
    await expectError(
      await authedFetch(`${server.url}/api/documents/bad.id`),
      400,
      /invalid document id "bad.id"/,
    );
    expect((await authedFetch(`${server.url}/api/documents/${doc.id}`)).status).toBe(200);
    // Only the document created on purpose and the 200-character one exist.
    expect(await server.server.storage.listDocuments()).toHaveLength(2);
  });
});
