import http from 'node:http';
import { WebSocketServer, type RawData, type WebSocket } from 'ws';
import { MessageKind, SyncType, emptySyncStep2Frame, peekYWebsocketType } from '../clients/wire.ts';

/**
 * The bare relay: the physical limit of a y-websocket server on this machine. No CRDT, no
 * storage: each frame is forwarded, byte for byte, to the other sockets on the same path.
 *
 * Two departures from "forward everything", both needed for stock clients and both cheaper
 * than anything a real server does:
 * - Sync step 1 is not forwarded (with N clients every join would make N peers answer with
 *   their whole state, to everyone); the relay answers it itself by replaying every update
 *   frame it relayed on that path, then an empty sync step 2, which marks the client synced.
 * - Update frames are kept (as received, shared, never decoded) for that replay, until the
 *   last socket of the path leaves: the relay stores nothing beyond a session.
 *
 * Run as a child process: `PORT=<port> node --import tsx relayServer.ts`.
 */
interface Room {
  sockets: Set<WebSocket>;
  log: Buffer[];
}

const rooms = new Map<string, Room>();
const SYNC_DONE = Buffer.from(emptySyncStep2Frame());

const server = http.createServer((_request, response) => {
  response.writeHead(200, { 'content-type': 'text/plain' });
  response.end('relay');
});
const wss = new WebSocketServer({ server, maxPayload: 64 * 1024 * 1024 });

wss.on('connection', (socket, request) => {
  const path = request.url ?? '/';
  let room = rooms.get(path);
  if (!room) {
    room = { sockets: new Set(), log: [] };
    rooms.set(path, room);
  }
  const own = room;
  own.sockets.add(socket);
  socket.on('message', (data: RawData, isBinary: boolean) => {
    if (!isBinary || !Buffer.isBuffer(data)) return;
    const { type, syncType } = peekYWebsocketType(data);
    if (type === MessageKind.Sync && syncType === SyncType.Step1) {
      for (const frame of own.log) socket.send(frame);
      socket.send(SYNC_DONE);
      return;
    }
    if (type === MessageKind.Sync) own.log.push(data);
    for (const peer of own.sockets) {
      if (peer !== socket && peer.readyState === peer.OPEN) peer.send(data);
    }
  });
  socket.on('close', () => {
    own.sockets.delete(socket);
    if (own.sockets.size === 0 && rooms.get(path) === own) rooms.delete(path);
  });
  socket.on('error', () => socket.terminate());
});

const port = Number(process.env.PORT ?? 0);
server.listen(port, '127.0.0.1');

for (const signal of ['SIGTERM', 'SIGINT'] as const) {
  process.on(signal, () => {
    for (const client of wss.clients) client.terminate();
    server.close(() => process.exit(0));
    server.closeAllConnections();
  });
}
