import type { Connection } from './Connection.ts';
import type { Room } from './Room.ts';

/**
 * Extension points of the collaboration core, run in the order the extensions are given
 * (logging, metrics, access control ... each a separate extension rather than flags in the core).
 * Hooks are synchronous observers; they must not throw (a throwing hook is logged and skipped).
 */
export interface CollabExtension {
  readonly name: string;
  onConnect?(connection: Connection): void;
  onDisconnect?(connection: Connection, info: { code: number; reason: string }): void;
  onLoad?(room: Room, info: { durationMs: number; bytes: number }): void;
  onUnload?(room: Room): void;
  /** After an update was committed to storage and broadcast. */
  onUpdate?(room: Room, update: Uint8Array, origin: Connection | null): void;
}

export type HookName = Exclude<keyof CollabExtension, 'name'>;
