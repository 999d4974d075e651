import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { serve, type ServerType } from '@hono/node-server';
import { createNodeWebSocket } from '@hono/node-ws';
import { Hono } from 'hono';
import { TEMPLATES } from '@plenary/templates';
import type { DestinationStream, Logger } from 'pino';
import { CollabServer, type CollabOptions } from './collab/CollabServer.ts';
import type { CollabExtension } from './collab/hooks.ts';
import { loggingExtension } from './collab/loggingExtension.ts';
import { AccessControl } from './auth/AccessControl.ts';
import { Approvals } from './auth/Approvals.ts';
import { AuditLog } from './auth/AuditLog.ts';
import { AuthService, type AuthOptions } from './auth/AuthService.ts';
import { Mailer } from './auth/Mailer.ts';
import { Members } from './auth/Members.ts';
import { SessionSweeper } from './auth/SessionSweeper.ts';
import { authApi } from './http/authApi.ts';
import { authenticate } from './http/authMiddleware.ts';
import { mountCollabRoute } from './http/collabRoute.ts';
import type { AppEnv } from './http/context.ts';
import { membersApi } from './http/membersApi.ts';
import { documentsApi } from './http/documentsApi.ts';
import { conceptNoteApi, documentImportApi } from './http/importApi.ts';
import { exportApi } from './http/exportApi.ts';
import { ExportService } from './export/exportService.ts';
import { HttpError, errorHandler } from './http/errors.ts';
import { createMetrics } from './http/metrics.ts';
import { recommendationsApi } from './http/recommendationsApi.ts';
import { mountWebApp } from './http/webApp.ts';
import { RecommendationIndexer } from './recommendations/indexer.ts';
import { VocabularyStore } from './recommendations/vocabularyStore.ts';
import { createLogger, type LogLevel } from './logger.ts';
import { RedisBroker } from './scale/redisBroker.ts';
import { PostgresStorage } from './storage/postgres.ts';
import type { FsyncMode } from './storage/sqliteDisk.ts';
import { SqliteStorage } from './storage/sqlite.ts';
import type { Storage } from './storage/Storage.ts';

const DEFAULT_WEB_ROOT = path.resolve(fileURLToPath(import.meta.url), '../../../web/dist');

export interface StartOptions
  extends Partial<
    Pick<CollabOptions, 'maxMessageBytes' | 'maxSendBufferBytes' | 'unloadDelayMs' | 'compactAfterUpdates'>
  > {
  host?: string;
  /** 0 picks a free port (tests). */
  port?: number;
  /** Folder of the SQLite database; ignored when `storage` or `databaseUrl` is given. */
  dataDir?: string;
  /** SQLite only: when a commit is fsynced relative to its broadcast (default after). */
  fsync?: FsyncMode;
  /** PostgreSQL connection URL: store everything there instead of SQLite. */
  databaseUrl?: string;
  /** Redis URL: share documents live with other instances (needs shared storage: PostgreSQL). */
  redisUrl?: string;
  storage?: Storage;
  logLevel?: LogLevel;
  /** Where log lines go (default stdout); tests pass a stream to read them. */
  logDestination?: DestinationStream;
  /** Folder of the built web app. Default apps/web/dist. */
  webRoot?: string;
  extensions?: CollabExtension[];
  /** Behind a reverse proxy: believe X-Forwarded-For/-Proto/-Host (PLENARY_TRUST_PROXY=1). */
  trustProxy?: boolean;
  /** SMTP server for invitation mails; without it, links are only shown to copy. */
  smtpUrl?: string;
  mailFrom?: string;
  /** How often open websockets are checked against ended sessions and revoked tokens (30 s). */
  sessionSweepMs?: number;
  /** Sign-in failures allowed (tests lower them). */
  authLimits?: AuthOptions['limits'];
}

export interface PlenaryServer {
  /** e.g. http://127.0.0.1:8080 */
  readonly url: string;
  readonly port: number;
  readonly collab: CollabServer;
  readonly storage: Storage;
  readonly logger: Logger;
  /** Keeps the recommendations register up to date (tests flush it). */
  readonly indexer: RecommendationIndexer;
  readonly auth: AuthService;
  /** Graceful stop: refuse new work, flush every update, close sockets with 1001, close storage. */
  close(): Promise<void>;
}

/** Starts Plenary: REST API, collaboration websocket and web app on one HTTP server. */
export async function startServer(options: StartOptions = {}): Promise<PlenaryServer> {
  const logger = createLogger(options.logLevel ?? 'info', options.logDestination);
  const storage =
    options.storage ??
    (options.databaseUrl
      ? await PostgresStorage.open(options.databaseUrl)
      : SqliteStorage.open(options.dataDir ?? path.resolve('data'), { fsync: options.fsync, logger }));
  if (options.redisUrl && !options.databaseUrl && !options.storage) {
    throw new Error('PLENARY_REDIS_URL needs PLENARY_DATABASE_URL: instances must share one database');
  }
  const broker = options.redisUrl ? new RedisBroker(options.redisUrl, logger) : undefined;
  // The indexer reads documents through the collaboration server, created just below.
  const indexer = new RecommendationIndexer(storage, logger, (id, read) => collab.readDocument(id, read));
  const collab: CollabServer = new CollabServer({
    storage,
    broker,
    logger,
    extensions: [
      loggingExtension(logger),
      indexer.extension,
      // Approvals are created below (they need the collaboration server); this forwards to them.
      { name: 'approvals', onUpdate: (...args) => approvals.extension.onUpdate!(...args) },
      ...(options.extensions ?? []),
    ],
    maxMessageBytes: options.maxMessageBytes,
    maxSendBufferBytes: options.maxSendBufferBytes,
    unloadDelayMs: options.unloadDelayMs,
    compactAfterUpdates: options.compactAfterUpdates,
  });

  const trust = { trustProxy: options.trustProxy ?? false };
  const auth = new AuthService({ accounts: storage.accounts, collab, logger, limits: options.authLimits });
  const audit = new AuditLog(storage.accounts, logger);
  const access = new AccessControl(storage);
  const vocabulary = new VocabularyStore(storage);
  // PDF and Word are rendered in worker threads, off the collaboration event loop.
  const exports = new ExportService({
    storage,
    vocabulary,
    logger,
    finalVersions: async (id, sha256) => {
      const version = await storage.accounts.findFinalVersion(id, sha256);
      return version ? { versionId: version.id } : null;
    },
  });
  const approvals: Approvals = new Approvals(
    storage,
    collab,
    audit,
    (update) => exports.hash(update),
    logger,
  );
  const members = new Members(storage, collab, auth, audit);
  const sweeper = new SessionSweeper(storage.accounts, collab, logger, options.sessionSweepMs);
  const mailer = options.smtpUrl
    ? new Mailer(options.smtpUrl, options.mailFrom ?? 'Plenary <plenary@localhost>', logger)
    : undefined;

  const app = new Hono<AppEnv>();
  const { upgradeWebSocket, injectWebSocket, wss } = createNodeWebSocket({ app });
  // ws enforces the frame limit while reading, before buffering a whole oversized frame; it
  // then closes with 1009. The core checks again for adapters that do not.
  (wss.options as { maxPayload?: number }).maxPayload = collab.maxMessageBytes;

  app.onError(errorHandler(logger));
  app.get('/api/health', (c) => c.json({ status: 'ok' }));
  const metrics = createMetrics(collab);
  app.get('/metrics', async (c) =>
    c.text(await metrics.metrics(), 200, { 'Content-Type': metrics.contentType }),
  );
  app.use('/api/*', authenticate(auth));
  app.route('/api', authApi({ auth, access, audit, trust, mailer }));
  app.route('/api', recommendationsApi({ storage, collab, vocabulary, access }));
  // A new document may come with recommendations (an import): index it straight away.
  const onCreated = (id: string) => indexer.schedule(id, 0);
  app.route('/api/documents/import', documentImportApi(storage, access, onCreated));
  app.route('/api/import/concept-note', conceptNoteApi());
  app.route('/api/documents', documentsApi(storage, collab, access, onCreated));
  app.route('/api/documents', exportApi({ storage, exports, access, approvals, audit }));
  app.route('/api/documents', membersApi({ access, members, approvals, audit, trust, mailer }));
  app.get('/api/templates', (c) =>
    c.json(TEMPLATES.map(({ id, label, description, kind }) => ({ id, label, description, kind }))),
  );
  app.all('/api/*', (c) => {
    throw new HttpError(404, `no API route ${c.req.method} ${c.req.path}`);
  });
  mountCollabRoute(app, { collab, storage, auth, access, audit, upgradeWebSocket });
  mountWebApp(app, options.webRoot ?? DEFAULT_WEB_ROOT);

  const server: ServerType = await new Promise((resolve, reject) => {
    const s = serve(
      { fetch: app.fetch, hostname: options.host ?? '127.0.0.1', port: options.port ?? 8080 },
      () => resolve(s),
    );
    s.once('error', reject);
  });
  injectWebSocket(server);
  const address = server.address() as AddressInfo;
  const host = address.family === 'IPv6' ? `[${address.address}]` : address.address;
  const url = `http://${host}:${address.port}`;
  logger.info({ url }, 'Plenary is listening');

  let closing: Promise<void> | undefined;
  return {
    url,
    port: address.port,
    collab,
    storage,
    logger,
    indexer,
    auth,
    close() {
      closing ??= (async () => {
        const stopped = new Promise<void>((resolve) => server.close(() => resolve()));
        sweeper.stop();
        await collab.shutdown();
        await indexer.flush();
        await exports.close();
        mailer?.close();
        for (const client of wss.clients) client.terminate();
        // Keep-alive HTTP connections would hold server.close() open.
        (server as { closeAllConnections?: () => void }).closeAllConnections?.();
        await stopped;
        await broker?.close();
        await storage.close();
        logger.info('Plenary stopped');
      })();
      return closing;
    },
  };
}
