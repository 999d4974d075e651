import type { Dialect } from '../clients/wire.ts';
import type { ServerProcess } from './process.ts';

export type SystemName = 'plenary' | 'hocuspocus' | 'relay';

export const SYSTEM_NAMES: readonly SystemName[] = ['plenary', 'hocuspocus', 'relay'];

/** Where and how clients reach a running system. */
export interface Target {
  readonly system: SystemName;
  readonly dialect: Dialect;
  /**
   * The first argument of the stock provider: y-websocket's `serverUrl` (the document id is
   * appended as a path segment) or Hocuspocus' `url` (the name travels in every frame).
   */
  readonly serverUrl: string;
  /** The websocket URL a lightweight client opens for `documentId` (credentials included). */
  socketUrl(documentId: string): string;
  /** Query parameters the stock provider adds (Plenary: the API token). */
  readonly params?: Record<string, string>;
  /** Headers for REST requests (Plenary: `Authorization: Bearer`). */
  readonly headers?: Record<string, string>;
}

export interface SystemOptions {
  /** Folder for the system's database (a fresh temp folder per run). */
  dataDir: string;
  /** Start the server with the inspector open and `--expose-gc` (S5). */
  inspect?: boolean;
  /** Plenary: PLENARY_UNLOAD_DELAY_MS. */
  unloadDelayMs?: number;
  /** Extra node flags for the server process (profiling). */
  nodeFlags?: string[];
  /** Plenary: the working copy whose apps/server is run (default: this repository). */
  plenaryRoot?: string;
  /** Plenary: whom the clients connect as (default: a co-host, who may not change the structure). */
  plenaryUser?: PlenaryUser;
}

/** Plenary's clients: a co-host of the documents, or the admin (no structure check). */
export type PlenaryUser = 'co-host' | 'admin';

/** A system under test, running in its own process. */
export interface SystemHandle {
  readonly name: SystemName;
  /** Changes on `restart` (a new port). */
  readonly target: Target;
  readonly process: ServerProcess;
  /** Creates `count` empty documents and returns their ids (Plenary: POST /api/documents). */
  createDocuments(count: number, prefix: string): Promise<string[]>;
  /** Graceful stop, then a new process over the same data folder. */
  restart(): Promise<void>;
  stop(): Promise<void>;
}
