import type { Vocabulary } from '@plenary/vocabulary';
import type { ExportOptions } from '../model/toExportModel.ts';
import type { PdfStandard } from '../typst/engine.ts';

/**
 * A document to export, as it crosses to a worker thread: the document as Yjs updates (as stored:
 * a snapshot and the log after it, applied here, so that not even encoding the document is left
 * on the collaboration thread), plus what the model needs.
 */
export interface ExportJob {
  /** "hash" computes the content hash only (for verification). */
  format: 'pdf' | 'docx' | 'hash';
  /** The document as committed: one update (`Y.encodeStateAsUpdate`), or several applied in order. */
  update: Uint8Array | readonly Uint8Array[];
  vocabulary: Vocabulary;
  options: ExportOptions;
  /** PDF only: default "ua-1" (PDF/UA-1 where Typst accepts the content, else tagged PDF). */
  pdfStandard?: PdfStandard;
}

export interface RenderRequest {
  id: number;
  job: ExportJob;
}

export type RenderResponse =
  | {
      id: number;
      ok: true;
      /** Empty for a "hash" job. */
      bytes: Uint8Array<ArrayBuffer>;
      /** "native" or "wasm" for a PDF, "docx" for Word, "none" for a hash. */
      engine: 'native' | 'wasm' | 'docx' | 'none';
      title: string;
      sha256: string;
      versionId: string;
      standard?: PdfStandard;
      uaRefusal?: string;
      fallbackReason?: string;
    }
  | { id: number; ok: false; error: string; compileError: boolean };
