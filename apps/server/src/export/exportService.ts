import { RenderPool, type AnnexKind, type RenderPoolEvent } from '@plenary/export';
import type { Logger } from 'pino';
import { contentParts, type Storage } from '../storage/Storage.ts';
import type { VocabularyStore } from '../recommendations/vocabularyStore.ts';

export type ExportFormat = 'pdf' | 'docx';

/** Documents whose stored content the export service keeps between exports. */
const CONTENT_CACHE_DOCUMENTS = 8;

export interface ExportRequest {
  tags: 'show' | 'hide';
  annexes: AnnexKind[];
  /** A final copy: no DRAFT mark, the final version's id and hash printed. */
  final?: boolean;
  versionId?: string;
  /** The content to export (a frozen final version) instead of the stored document. */
  content?: Uint8Array;
}

export interface ExportResult {
  bytes: Uint8Array<ArrayBuffer>;
  /** The title the file is named after. */
  title: string;
  sha256: string;
  versionId: string;
  engine: string;
  ms: number;
}

/** Finds a frozen final version of a document by the hash of its content. */
export type FinalVersionLookup = (
  documentId: string,
  sha256: string,
) => Promise<{ versionId: string } | null>;

/** Called after each export (metrics, logs). */
export type ExportObserver = (event: {
  documentId: string;
  format: ExportFormat;
  final: boolean;
  versionId: string;
  sha256: string;
}) => void;

export interface ExportServiceOptions {
  storage: Storage;
  vocabulary: VocabularyStore;
  logger: Logger;
  /** Render workers (default: a pool sized for the machine). */
  pool?: RenderPool;
  finalVersions?: FinalVersionLookup;
  observers?: ExportObserver[];
}

export type VerifyResult =
  | { match: true; documentId: string; sha256: string; versionId: string; current: boolean }
  | { match: false; documentId: string };

/**
 * Exports documents as stored on the server (never the browser's HTML): reads the committed
 * content from storage and hands it to a worker thread, which applies, reads, models and renders it.
 */
export class ExportService {
  private readonly pool: RenderPool;
  private readonly logger: Logger;
  /** The stored parts of recently exported documents, least recently used first. */
  private readonly contentCache = new Map<string, { lastSeq: number; parts: Uint8Array[] }>();

  constructor(private readonly options: ExportServiceOptions) {
    this.logger = options.logger.child({ component: 'export' });
    this.pool = options.pool ?? new RenderPool({ onEvent: (event) => this.log(event) });
  }

  async export(
    document: { id: string; title: string },
    format: ExportFormat,
    request: ExportRequest,
  ): Promise<ExportResult> {
    const started = performance.now();
    const update = request.content ?? (await this.snapshot(document.id));
    const vocabulary = await this.options.vocabulary.get();
    const output = await this.pool.render({
      format,
      update,
      vocabulary,
      options: {
        tags: request.tags,
        annexes: request.annexes,
        final: request.final ?? false,
        ...(request.versionId ? { versionId: request.versionId } : {}),
        fallbackTitle: document.title,
      },
    });
    const ms = performance.now() - started;
    this.logger.info(
      {
        doc: document.id,
        format,
        bytes: output.bytes.length,
        ms: Math.round(ms),
        engine: output.engine,
        standard: output.standard,
      },
      'exported',
    );
    for (const observe of this.options.observers ?? []) {
      observe({
        documentId: document.id,
        format,
        final: request.final ?? false,
        versionId: output.versionId,
        sha256: output.sha256,
      });
    }
    return {
      bytes: output.bytes,
      title: output.title,
      sha256: output.sha256,
      versionId: output.versionId,
      engine: output.engine,
      ms,
    };
  }

  /** The SHA-256 an export of `update` would print (what a final version is identified by). */
  async hash(update: Uint8Array): Promise<string> {
    const { sha256 } = await this.pool.render({
      format: 'hash',
      update,
      vocabulary: await this.options.vocabulary.get(),
      options: { tags: 'show', annexes: [], final: false },
    });
    return sha256;
  }

  /** Does `sha256` (lower-case hex) match this document's current content, or a final version of it? */
  async verify(documentId: string, sha256: string): Promise<VerifyResult> {
    const vocabulary = await this.options.vocabulary.get();
    const { sha256: current, versionId } = await this.pool.render({
      format: 'hash',
      update: await this.snapshot(documentId),
      vocabulary,
      options: { tags: 'show', annexes: [], final: false },
    });
    // A frozen final version names itself; otherwise the current content has an id from its hash.
    const final = await this.options.finalVersions?.(documentId, sha256);
    if (final)
      return { match: true, documentId, sha256, versionId: final.versionId, current: current === sha256 };
    if (current === sha256) return { match: true, documentId, sha256, versionId, current: true };
    return { match: false, documentId };
  }

  /**
   * The document as committed, read from storage as its snapshot and the updates after it: the
   * worker applies them. Encoding the live Y.Doc here instead cost a few milliseconds of the
   * collaboration thread per export, which showed as edit latency spikes while four exports ran
   * (docs/benchmarks.md, S8). Storage holds exactly what was committed, by every instance.
   *
   * Reading the whole log again for every export cost about 12 ms of the collaboration thread
   * for a 40-page summary (and the garbage of it): the parts read last time are kept for a few
   * documents, and only the updates committed since are read.
   */
  private async snapshot(documentId: string): Promise<readonly Uint8Array[]> {
    const cached = this.contentCache.get(documentId);
    const read = cached
      ? await this.options.storage.loadContentSince(documentId, cached.lastSeq)
      : await this.options.storage.loadContent(documentId);
    // A snapshot comes back when the log was folded past what is cached: start from it.
    const parts = cached && !read.snapshot ? cached.parts.concat(read.updates) : contentParts(read);
    const current = this.contentCache.get(documentId);
    if (!current || current.lastSeq <= read.lastSeq) {
      this.contentCache.delete(documentId);
      this.contentCache.set(documentId, { lastSeq: read.lastSeq, parts });
      for (const id of this.contentCache.keys()) {
        if (this.contentCache.size <= CONTENT_CACHE_DOCUMENTS) break;
        this.contentCache.delete(id);
      }
    }
    return parts;
  }

  close(): Promise<void> {
    return this.pool.close();
  }

  private log(event: RenderPoolEvent): void {
    if (event.type === 'engine') {
      if (event.fallbackReason)
        this.logger.warn(
          { engine: event.engine, reason: event.fallbackReason },
          'Typst: using the WASM compiler',
        );
      else this.logger.info({ engine: event.engine }, 'Typst: using the native compiler');
    } else if (event.type === 'ua-refused') {
      this.logger.warn({ reason: event.reason }, 'PDF/UA-1 refused this document; exported as tagged PDF');
    } else {
      this.logger.error({ reason: event.reason }, 'export worker lost');
    }
  }
}
