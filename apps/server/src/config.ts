import path from 'node:path';
import { DEFAULT_FSYNC_MODE, FSYNC_MODES, type FsyncMode } from './storage/sqliteDisk.ts';
import { DEFAULT_MAX_MESSAGE_BYTES } from '@plenary/protocol';
import type { LogLevel } from './logger.ts';

export interface ServerConfig {
  host: string;
  port: number;
  dataDir: string;
  /** PostgreSQL instead of SQLite when set (postgres://...). */
  databaseUrl: string | undefined;
  /** Redis, so that several instances can serve the same documents (redis://...). */
  redisUrl: string | undefined;
  logLevel: LogLevel;
  maxMessageBytes: number;
  unloadDelayMs: number;
  /** Believe X-Forwarded-* headers (set only behind a reverse proxy that sets them). */
  trustProxy: boolean;
  /** Mail invitation links through this SMTP server (smtp://user:pass@host:587). */
  smtpUrl: string | undefined;
  /** The From: of those mails. */
  mailFrom: string;
  /** SQLite: fsync each commit before its broadcast, or after it, at most every 10 ms (docs/protocol.md). */
  fsync: FsyncMode;
}

const LOG_LEVELS: readonly LogLevel[] = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'];

/** Reads the configuration from environment variables (documented in README.md). */
export function configFromEnv(env: NodeJS.ProcessEnv = process.env): ServerConfig {
  const logLevel = (env.PLENARY_LOG_LEVEL ?? 'info') as LogLevel;
  if (!LOG_LEVELS.includes(logLevel)) {
    throw new Error(
      `PLENARY_LOG_LEVEL must be one of ${LOG_LEVELS.join(', ')}; got ${JSON.stringify(logLevel)}`,
    );
  }
  return {
    host: env.HOST || '127.0.0.1',
    port: integer(env, 'PORT', 8080, 0, 65535),
    dataDir: path.resolve(env.PLENARY_DATA_DIR || './data'),
    databaseUrl: databaseUrl(env.PLENARY_DATABASE_URL),
    redisUrl: redisUrl(env.PLENARY_REDIS_URL),
    logLevel,
    maxMessageBytes: integer(env, 'PLENARY_MAX_MESSAGE_BYTES', DEFAULT_MAX_MESSAGE_BYTES, 1024, 2 ** 30),
    unloadDelayMs: integer(env, 'PLENARY_UNLOAD_DELAY_MS', 30_000, 0, 24 * 3600 * 1000),
    trustProxy: boolean(env, 'PLENARY_TRUST_PROXY'),
    smtpUrl: smtpUrl(env.PLENARY_SMTP_URL),
    mailFrom: env.PLENARY_MAIL_FROM || 'Plenary <plenary@localhost>',
    fsync: fsyncMode(env.PLENARY_FSYNC),
  };
}

function fsyncMode(raw: string | undefined): FsyncMode {
  if (!raw) return DEFAULT_FSYNC_MODE;
  if (!(FSYNC_MODES as readonly string[]).includes(raw)) {
    throw new Error(`PLENARY_FSYNC must be one of ${FSYNC_MODES.join(', ')}; got ${JSON.stringify(raw)}`);
  }
  return raw as FsyncMode;
}

function smtpUrl(raw: string | undefined): string | undefined {
  if (!raw) return undefined;
  if (!/^smtps?:\/\/[^/]+/.test(raw))
    throw new Error('PLENARY_SMTP_URL must be a URL like smtp://user:password@host:587');
  return raw;
}

function boolean(env: NodeJS.ProcessEnv, name: string): boolean {
  const raw = env[name];
  if (raw === undefined || raw === '' || raw === '0' || raw === 'false') return false;
  if (raw === '1' || raw === 'true') return true;
  throw new Error(`${name} must be 1 or 0; got ${JSON.stringify(raw)}`);
}

function integer(env: NodeJS.ProcessEnv, name: string, fallback: number, min: number, max: number): number {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < min || value > max) {
    throw new Error(`${name} must be an integer from ${min} to ${max}; got ${JSON.stringify(raw)}`);
  }
  return value;
}

function databaseUrl(raw: string | undefined): string | undefined {
  if (!raw) return undefined;
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new Error('PLENARY_DATABASE_URL must be a URL like postgres://user@host:5432/database');
  }
  if (url.protocol !== 'postgres:' && url.protocol !== 'postgresql:') {
    throw new Error(`PLENARY_DATABASE_URL must start with postgres://, got ${url.protocol}//`);
  }
  return raw;
}

function redisUrl(raw: string | undefined): string | undefined {
  if (!raw) return undefined;
  if (!/^rediss?:\/\//.test(raw)) throw new Error('PLENARY_REDIS_URL must be a URL like redis://host:6379');
  return raw;
}
