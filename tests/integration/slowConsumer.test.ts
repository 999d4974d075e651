import { describe, expect, it } from 'vitest';
import type { Socket } from 'node:net';
import { CloseCode } from '@plenary/protocol';
import { autoCleanup } from './support/cleanup.ts';
import { connectClient, openRawSocket, type TestClient } from './support/clients.ts';
import { createDocument } from './support/http.ts';
import { captureLogs } from './support/logs.ts';
import { TestServer } from './support/server.ts';
import { waitFor } from './support/waitFor.ts';

const cleanup = autoCleanup();
const maxSendBufferBytes = 256 * 1024;

async function roomWithTwoClients() {
  const logs = captureLogs();
  const server = await TestServer.start({ maxSendBufferBytes, logLevel: 'warn', logDestination: logs });
  cleanup(() => server.dispose());
  const { id } = await createDocument(server.url);
  const connect = async (): Promise<TestClient> => {
    const c = connectClient(server.url, id);
    cleanup(() => c.destroy());
    await c.synced;
    return c;
  };
  return { server, logs, id, connect, writer: await connect(), reader: await connect() };
}

/** Sets a `size`-character value (replacing, so deleting, the previous one) and waits for `reader`. */
async function replaceAnnex(writer: TestClient, reader: TestClient, label: string, size: number) {
  const value = `${label}:`.padEnd(size, label.slice(-1));
  writer.doc.getMap('attachments').set('annex', value);
  await waitFor(() => reader.doc.getMap('attachments').get('annex') === value, {
    what: `${label} to reach the healthy reader`,
  });
}

describe('a client that stops reading', () => {
  it('is disconnected with 4508 once its unread data passes the bound; the others carry on', async () => {
    const { server, logs, id, writer, reader } = await roomWithTwoClients();
    const slow = await openRawSocket(server.url, id);
    cleanup(() => slow.ws.terminate());
    await slow.joined;
    // From now on this client reads nothing: what the server sends piles up in the kernel's
    // socket buffers, then in the server's own send buffer.
    const socket = (slow.ws as unknown as { _socket: Socket })._socket;
    socket.pause();
    expect(server.server.collab.connectionCount).toBe(3);

    const slowDropped = () => logs.lines.find((l) => l.code === CloseCode.SlowConsumer && l.doc === id);
    // Loopback socket buffers hold a few MiB; 1000 edits of 64 KiB is 64 MiB, far past them.
    let edits = 0;
    while (!slowDropped() && edits < 1000) {
      edits++;
      await replaceAnnex(writer, reader, `edit ${edits}`, 64 * 1024);
    }
    expect(slowDropped(), `no slow-consumer close after ${edits} edits of 64 KiB`).toMatchObject({
      conn: expect.any(String),
      reason: expect.stringContaining(`${maxSendBufferBytes}`),
    });
    // Only the slow client was dropped.
    expect(logs.lines.filter((l) => l.code === CloseCode.SlowConsumer)).toHaveLength(1);

    // Once it reads again, the slow client drains what was queued and finds the close frame.
    socket.resume();
    expect((await slow.closed).code).toBe(CloseCode.SlowConsumer);
    await waitFor(() => server.server.collab.connectionCount === 2, {
      what: 'the server to forget the slow client',
    });

    // The writer and the reader were never disturbed and still collaborate.
    await replaceAnnex(writer, reader, 'after', 10);
    expect(writer.closeCodes).toEqual([]);
    expect(reader.closeCodes).toEqual([]);
  });
});

describe('a message larger than the send-buffer bound', () => {
  it('still reaches clients that keep up, and a document that large can still be opened', async () => {
    const { server, logs, connect, writer, reader } = await roomWithTwoClients();
    // One edit bigger than the bound: nobody is behind, so nobody may be dropped for it.
    await replaceAnnex(writer, reader, 'big annex', maxSendBufferBytes + 64 * 1024);
    expect(writer.closeCodes).toEqual([]);
    expect(reader.closeCodes).toEqual([]);

    // The whole document is now over the bound: a new client's first sync reply is too.
    const newcomer = await connect();
    expect(newcomer.doc.getMap('attachments').get('annex')).toBe(
      writer.doc.getMap('attachments').get('annex'),
    );
    expect(newcomer.closeCodes).toEqual([]);
    expect(logs.lines.filter((l) => l.code === CloseCode.SlowConsumer)).toEqual([]);
    expect(server.server.collab.connectionCount).toBe(3);
  });
});
