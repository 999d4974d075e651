import type { Duplex } from 'node:stream';
import type { Hono } from 'hono';
import type { UpgradeWebSocket } from 'hono/ws';
import type { WebSocket } from 'ws';
import { COLLAB_PATH, CloseCode, STRUCTURE_FIELDS, can, isDocumentId } from '@plenary/protocol';
import type { AccessControl } from '../auth/AccessControl.ts';
import type { AuditLog } from '../auth/AuditLog.ts';
import type { AuthService } from '../auth/AuthService.ts';
import type { ConnectionAccess } from '../collab/Connection.ts';
import type { CollabServer, ConnectionHandle } from '../collab/CollabServer.ts';
import type { Storage } from '../storage/Storage.ts';
import { fromSameOrigin, principalOf } from './authMiddleware.ts';
import type { AppEnv } from './context.ts';
import { HttpError } from './errors.ts';
import { sendBinary } from './wsFrames.ts';

/**
 * The thin adapter between Hono's websocket helper (on Node, `ws` underneath) and the
 * collaboration core: it checks the request before the upgrade, then forwards frames and close
 * events, and implements `CollabSocket` over the raw `ws` socket.
 */
export function mountCollabRoute(
  app: Hono<AppEnv>,
  deps: {
    collab: CollabServer;
    storage: Storage;
    auth: AuthService;
    access: AccessControl;
    audit: AuditLog;
    upgradeWebSocket: UpgradeWebSocket<WebSocket>;
  },
): void {
  const { collab, storage, auth, access, audit, upgradeWebSocket } = deps;
  // What the upgrade check decided, for the socket that follows it.
  const decided = new WeakMap<Request, ConnectionAccess>();

  // @hono/node-ws rebuilds the request URL with WHATWG rules, which resolve dot segments:
  // `/collab/%2e%2e` would arrive here as `/` and be answered by the web app. So a websocket
  // upgrade is judged by the raw request line first.
  app.use('*', async (c, next) => {
    if (c.req.header('upgrade')?.toLowerCase() !== 'websocket') return next();
    const rawUrl = (c.env as { incoming?: { url?: string } } | undefined)?.incoming?.url ?? c.req.path;
    const rawPath = rawUrl.split('?')[0]!;
    const prefix = `${COLLAB_PATH}/`;
    if (!rawPath.startsWith(prefix)) {
      throw new HttpError(404, `no websocket endpoint at ${JSON.stringify(rawPath)}`);
    }
    let id: string;
    try {
      id = decodeURIComponent(rawPath.slice(prefix.length));
    } catch {
      id = rawPath.slice(prefix.length);
    }
    if (!isDocumentId(id)) throw new HttpError(400, `invalid document id ${JSON.stringify(id)}`);
    return next();
  });

  app.get(
    `${COLLAB_PATH}/:id`,
    async (c, next) => {
      const id = c.req.param('id');
      // Refused before the upgrade, so a bad id never reaches storage or a room.
      if (!isDocumentId(id)) throw new HttpError(400, `invalid document id ${JSON.stringify(id)}`);
      if (c.req.header('upgrade')?.toLowerCase() !== 'websocket') {
        throw new HttpError(426, 'this endpoint speaks the y-websocket protocol over a websocket');
      }
      // Browsers attach cookies to a websocket handshake from any site: refuse other sites' pages
      // (cross-site websocket hijacking).
      if (!fromSameOrigin(c)) throw new HttpError(403, 'cross-site websocket refused');
      const principal = await principalOf(c, auth, c.req.query('token'));
      if (!principal) throw new HttpError(401, 'sign in, or pass an API token as ?token=');
      const { access: rights } = await access.require(principal, id, 'read');
      const final = (await storage.accounts.getStatus(id)).state === 'final';
      decided.set(c.req.raw, {
        userId: principal.user.id,
        userName: principal.user.name,
        role: rights.role,
        isAdmin: rights.isAdmin,
        readOnly: final || !can(rights, 'edit'),
        protectedRoots: can(rights, 'structure') ? [] : STRUCTURE_FIELDS,
        ...(principal.session ? { sessionIdHash: principal.session.idHash } : {}),
        ...(principal.token ? { tokenId: principal.token.id } : {}),
      });
      await next();
    },
    upgradeWebSocket((c) => {
      const id = c.req.param('id')!;
      const connectionAccess = decided.get(c.req.raw);
      let handle: ConnectionHandle | undefined;
      return {
        onOpen(_event, ws) {
          const raw = ws.raw!;
          // The TCP socket `ws` took over at the upgrade (the request's socket).
          const transport = (c.env as { incoming: { socket: Duplex } }).incoming.socket;
          // ws reports protocol violations (a frame over maxPayload, bad framing) as an error and
          // then closes the socket itself with 1009 or 1002; the close event follows. Listened to
          // on the raw socket: @hono/node-ws's onError builds an ErrorEvent, not a global on
          // Node 20, so it would throw instead of reaching us.
          raw.on('error', (error) => {
            handle?.connection.logger.warn({ reason: error.message }, 'websocket error');
          });
          // Frames are read from the raw socket too: @hono/node-ws's onMessage copies each frame
          // into a new ArrayBuffer inside a MessageEvent, a cost on every keystroke's path
          // (docs/benchmarks.md, S1). Nothing is missed: onOpen runs before any frame is handled.
          raw.on('message', (data, isBinary) => {
            if (!isBinary) handle?.receive(String(data));
            else if (Array.isArray(data)) handle?.receive(Buffer.concat(data));
            else handle?.receive(data instanceof ArrayBuffer ? new Uint8Array(data) : data);
          });
          if (!connectionAccess) {
            // Cannot happen (the check above ran first); refuse rather than trust.
            raw.close(CloseCode.Unauthenticated, 'not authenticated');
            return;
          }
          audit.joined(
            id,
            { id: connectionAccess.userId, name: connectionAccess.userName },
            {
              readOnly: connectionAccess.readOnly,
            },
          );
          handle = collab.connect(
            id,
            {
              send: (data, written) => sendBinary(raw, transport, data, written),
              close: (code, reason) => raw.close(code, reason),
              terminate: () => raw.terminate(),
              get bufferedAmount() {
                return raw.bufferedAmount;
              },
            },
            connectionAccess,
          );
        },
        onClose(event) {
          handle?.closed(event.code, event.reason);
        },
      };
    }),
  );
}
