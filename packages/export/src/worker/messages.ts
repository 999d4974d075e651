import type { ExportModel } from '../model/types.ts';
import type { PdfStandard } from '../typst/engine.ts';

/** What the pool asks a render worker for (structured-cloned across the thread boundary). */
export interface RenderRequest {
  id: number;
  format: 'pdf' | 'docx';
  model: ExportModel;
  /** PDF only: try PDF/UA-1 (falls back to tagged PDF if Typst refuses the content). */
  pdfStandard: PdfStandard;
}

export type RenderResponse =
  | {
      id: number;
      ok: true;
      bytes: Uint8Array<ArrayBuffer>;
      /** "native" or "wasm" for a PDF, "docx" for Word. */
      engine: 'native' | 'wasm' | 'docx';
      standard?: PdfStandard;
      uaRefusal?: string;
      fallbackReason?: string;
    }
  | { id: number; ok: false; error: string; compileError: boolean };
