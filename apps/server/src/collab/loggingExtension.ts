import type { Logger } from 'pino';
import type { CollabExtension } from './hooks.ts';

/** Logs the life of connections and documents (joins, leaves, loads, unloads). */
export function loggingExtension(logger: Logger): CollabExtension {
  return {
    name: 'logging',
    onConnect: (connection) => connection.logger.info('client joined'),
    onDisconnect: (connection, { code, reason }) => connection.logger.info({ code, reason }, 'client left'),
    onLoad: (room, { durationMs, bytes }) =>
      logger.info({ doc: room.id, durationMs: Math.round(durationMs), bytes }, 'document loaded'),
    onUnload: (room) => logger.info({ doc: room.id }, 'document unloaded'),
  };
}
