import http from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Duplex } from 'node:stream';
import { afterEach, describe, expect, it } from 'vitest';
import WebSocket, { WebSocketServer } from 'ws';
import { binaryFrame, sendBinary } from './wsFrames.ts';

const cleanups: Array<() => Promise<void> | void> = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

/** A ws server whose sockets are handed to the test with their transport, and a client of it. */
async function pair(): Promise<{
  server: WebSocket;
  transport: Duplex;
  client: WebSocket;
  received: Buffer[];
}> {
  const httpServer = http.createServer();
  const wss = new WebSocketServer({ noServer: true });
  const accepted = new Promise<{ server: WebSocket; transport: Duplex }>((resolve) => {
    httpServer.on('upgrade', (request, socket, head) => {
      wss.handleUpgrade(request, socket, head, (ws) => resolve({ server: ws, transport: socket }));
    });
  });
  await new Promise<void>((resolve) => httpServer.listen(0, '127.0.0.1', resolve));
  const { port } = httpServer.address() as AddressInfo;
  const client = new WebSocket(`ws://127.0.0.1:${port}/`);
  const received: Buffer[] = [];
  client.on('message', (data, isBinary) => {
    expect(isBinary).toBe(true);
    received.push(data as Buffer);
  });
  await new Promise((resolve) => client.once('open', resolve));
  const { server, transport } = await accepted;
  cleanups.push(async () => {
    client.terminate();
    server.terminate();
    await new Promise((resolve) => httpServer.close(resolve));
  });
  return { server, transport, client, received };
}

async function until(predicate: () => boolean): Promise<void> {
  const deadline = Date.now() + 5000;
  while (!predicate()) {
    if (Date.now() > deadline) throw new Error('timed out');
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
}

function payload(length: number, seed: number): Uint8Array {
  return Uint8Array.from({ length }, (_, i) => (i * 31 + seed) & 0xff);
}

describe('shared binary frames', () => {
  it('frames each length class as RFC 6455 says, and once per message', () => {
    for (const [length, header] of [
      [0, 2],
      [125, 2],
      [126, 4],
      [65535, 4],
      [65536, 10],
    ] as const) {
      const data = payload(length, 1);
      const frame = binaryFrame(data);
      expect(frame[0]).toBe(0x82);
      expect(frame.byteLength).toBe(header + length);
      const declared =
        header === 2 ? frame[1]! : header === 4 ? frame.readUInt16BE(2) : Number(frame.readBigUInt64BE(2));
      expect(declared).toBe(length);
      if (header > 2) expect(frame[1]).toBe(header === 4 ? 126 : 127);
      expect(Buffer.from(frame.subarray(header)).equals(Buffer.from(data))).toBe(true);
      expect(binaryFrame(data)).toBe(frame);
    }
  });

  it('reaches a ws client intact and in order, mixed with frames ws writes itself', async () => {
    const { server, transport, received } = await pair();
    const sent: Uint8Array[] = [];
    for (let i = 0; i < 200; i++) {
      // Small (shared frames), medium and large (through ws), interleaved with ws's own sends.
      const data = payload(i % 3 === 0 ? 3 + i : i % 3 === 1 ? 200 + i * 300 : 20_000 + i, i);
      sent.push(data);
      if (i % 7 === 0) server.send(data);
      else sendBinary(server, transport, data);
    }
    await until(() => received.length === sent.length);
    received.forEach((data, i) => expect(data.equals(Buffer.from(sent[i]!))).toBe(true));
  });

  it('counts what it writes in the socket’s buffered amount, and writes nothing once closing', async () => {
    const { server, transport, client, received } = await pair();
    client.pause(); // the client stops reading: the server's buffers fill
    const data = payload(10_000, 7);
    for (let i = 0; i < 2000; i++) sendBinary(server, transport, data);
    expect(server.bufferedAmount).toBeGreaterThan(0);
    client.resume();
    await until(() => received.length === 2000);
    server.close(1000, 'bye');
    const written: Buffer[] = [];
    const write = transport.write.bind(transport) as (chunk: Buffer) => boolean;
    transport.write = ((chunk: Buffer) => {
      written.push(chunk);
      return write(chunk);
    }) as typeof transport.write;
    sendBinary(server, transport, payload(10, 1)); // after the close frame: must not be written
    await new Promise((resolve) => client.once('close', resolve));
    expect(written.filter((chunk) => chunk[0] === 0x82)).toEqual([]);
    expect(received).toHaveLength(2000);
  });
});
