import { createRequire } from 'node:module';
import { readFonts, readTemplate } from './assets.ts';

/** How a PDF is asked for: PDF/UA-1 (Typst checks conformance as it exports) or plain tagged PDF. */
export type PdfStandard = 'ua-1' | 'tagged';

export interface PdfResult {
  bytes: Uint8Array;
  /** What the engine actually produced (the WASM engine cannot be asked for PDF/UA-1). */
  standard: PdfStandard;
  /** Why PDF/UA-1 was not produced, when it was asked for and refused. */
  uaRefusal?: string;
}

/** A loaded Typst compiler that turns an export model (as JSON) into a PDF. */
export interface TypstEngine {
  readonly name: 'native' | 'wasm';
  compile(modelJson: string, standard: PdfStandard): Promise<PdfResult>;
}

export class TypstCompileError extends Error {
  constructor(readonly diagnostics: string) {
    super(`Typst could not compile the summary: ${diagnostics}`);
    this.name = 'TypstCompileError';
  }
}

const MODEL_PATH = '/model.json';
const require = createRequire(import.meta.url);

function describe(error: unknown): string {
  if (error instanceof Error) return error.message;
  if (typeof error === 'object' && error !== null && 'shortDiagnostics' in error) {
    return JSON.stringify((error as { shortDiagnostics: unknown }).shortDiagnostics);
  }
  return String(error);
}

/**
 * The native compiler (napi-rs; published for Linux x64, macOS, Windows). The model goes in as a
 * shadow file, the template as the main file: the template reads the model with `json()`.
 */
async function loadNative(): Promise<TypstEngine> {
  const { NodeCompiler } = (await import(
    '@myriaddreamin/typst-ts-node-compiler'
  )) as typeof import('@myriaddreamin/typst-ts-node-compiler');
  const template = readTemplate();
  // The workspace is a virtual root: the template can read only the files mapped into it.
  const root = '/plenary-export';
  const compiler = NodeCompiler.create({ workspace: root, fontArgs: [{ fontBlobs: readFonts() }] });
  return {
    name: 'native',
    async compile(modelJson, standard) {
      compiler.mapShadow(`${root}${MODEL_PATH}`, Buffer.from(modelJson, 'utf8'));
      try {
        const result = compiler.compile({ mainFileContent: template });
        const doc = result.result;
        if (result.hasError() || !doc) {
          const error = result.takeError();
          throw new TypstCompileError(error ? JSON.stringify(error.shortDiagnostics) : 'unknown error');
        }
        if (standard === 'ua-1') {
          try {
            return { bytes: compiler.pdf(doc, { pdfStandard: 'ua-1' }), standard: 'ua-1' };
          } catch (error) {
            // PDF/UA-1 refuses some content (Typst checks as it exports); a tagged PDF is
            // still better than no PDF. The caller logs the refusal.
            return {
              bytes: compiler.pdf(doc, { pdfTags: true }),
              standard: 'tagged',
              uaRefusal: describe(error),
            };
          }
        }
        return { bytes: compiler.pdf(doc, { pdfTags: true }), standard: 'tagged' };
      } finally {
        compiler.unmapShadow(`${root}${MODEL_PATH}`);
        // Keep memory flat across many exports: drop memoized results older than a few compiles.
        compiler.evictCache(10);
      }
    },
  };
}

/**
 * The WebAssembly compiler: same Typst, no native binary, much slower (for a 40-page summary
 * 0.5 s to start, 6 s for the first compile, 1-3 s after an edit, against 0.45 s native). It
 * exports tagged PDF (Typst's default) but takes no PDF standard option, so it never claims
 * PDF/UA-1.
 */
async function loadWasm(): Promise<TypstEngine> {
  const fs = await import('node:fs');
  const { createTypstCompiler, CompileFormatEnum } = await import('@myriaddreamin/typst.ts/compiler');
  const { loadFonts } = await import('@myriaddreamin/typst.ts');
  const wasm = fs.readFileSync(
    require.resolve('@myriaddreamin/typst-ts-web-compiler/pkg/typst_ts_web_compiler_bg.wasm'),
  );
  const compiler = createTypstCompiler();
  await compiler.init({
    // wasm-bindgen's current form of the init argument: a bare module still works but prints a
    // deprecation warning on every start. typst.ts 0.7 passes the value through untouched but
    // types only the old form, hence the cast.
    getModule: () => ({ module_or_path: wasm }) as unknown as Uint8Array,
    // `assets: false`: no default fonts from a CDN (this server may have no internet).
    beforeBuild: [
      loadFonts(
        readFonts().map((b) => new Uint8Array(b)),
        { assets: false },
      ),
    ],
  });
  compiler.addSource('/main.typ', readTemplate());
  return {
    name: 'wasm',
    async compile(modelJson) {
      compiler.mapShadow(MODEL_PATH, new TextEncoder().encode(modelJson));
      try {
        const out = await compiler.compile({
          mainFilePath: '/main.typ',
          format: CompileFormatEnum.pdf,
          diagnostics: 'unix',
        });
        if (!out.result) throw new TypstCompileError((out.diagnostics ?? []).join('\n') || 'unknown error');
        return { bytes: out.result, standard: 'tagged' };
      } finally {
        compiler.unmapShadow(MODEL_PATH);
      }
    },
  };
}

export interface LoadedEngine {
  engine: TypstEngine;
  /** Why the native engine could not be used, when the WASM one was loaded instead. */
  fallbackReason?: string;
}

/** The native engine where it loads, else the WASM one (`prefer` forces one, for tests). */
export async function loadTypstEngine(prefer?: 'native' | 'wasm'): Promise<LoadedEngine> {
  if (prefer === 'wasm') return { engine: await loadWasm(), fallbackReason: 'WASM engine requested' };
  try {
    return { engine: await loadNative() };
  } catch (error) {
    if (prefer === 'native') throw error;
    return {
      engine: await loadWasm(),
      fallbackReason: `native Typst compiler unavailable: ${describe(error)}`,
    };
  }
}
