import { parentPort, workerData } from 'node:worker_threads';
import { renderDocx } from '../docx/render.ts';
import { TypstCompileError, loadTypstEngine, type LoadedEngine } from '../typst/engine.ts';
import type { RenderRequest, RenderResponse } from './messages.ts';

/**
 * A render worker: one job at a time (the pool never sends a second before the first is
 * answered), so the compiler's virtual files are never shared between two exports.
 */
const port = parentPort;
if (!port) throw new Error('renderWorker.ts runs in a worker thread (see pool.ts)');
const prefer = (workerData as { engine?: 'native' | 'wasm' } | undefined)?.engine;

// The Typst engine loads on the first PDF (about 0.2 s native, 1 s WASM) and stays loaded.
let engine: Promise<LoadedEngine> | undefined;

async function render(request: RenderRequest): Promise<RenderResponse> {
  if (request.format === 'docx') {
    return { id: request.id, ok: true, bytes: await renderDocx(request.model), engine: 'docx' };
  }
  engine ??= loadTypstEngine(prefer);
  let loaded: LoadedEngine;
  try {
    loaded = await engine;
  } catch (error) {
    engine = undefined; // try again on the next export rather than failing forever
    throw error;
  }
  const out = await loaded.engine.compile(JSON.stringify(request.model), request.pdfStandard);
  return {
    id: request.id,
    ok: true,
    // A copy of our own (napi buffers may not be transferable), transferred back without a copy.
    bytes: new Uint8Array(out.bytes),
    engine: loaded.engine.name,
    standard: out.standard,
    ...(out.uaRefusal ? { uaRefusal: out.uaRefusal } : {}),
    ...(loaded.fallbackReason ? { fallbackReason: loaded.fallbackReason } : {}),
  };
}

port.on('message', (request: RenderRequest) => {
  render(request).then(
    (response) => {
      port.postMessage(response, response.ok ? [response.bytes.buffer] : []);
    },
    (error: unknown) => {
      const message = error instanceof Error ? error.message : String(error);
      port.postMessage({ id: request.id, ok: false, error: message, compileError: error instanceof TypstCompileError } satisfies RenderResponse);
    },
  );
});
