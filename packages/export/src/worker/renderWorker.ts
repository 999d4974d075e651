import os from 'node:os';
import { parentPort, workerData } from 'node:worker_threads';
import * as Y from 'yjs';
import { renderDocx } from '../docx/render.ts';
import { contentHash, contentVersionId } from '../hash.ts';
import { readExportSource } from '../model/source.ts';
import { toExportModel } from '../model/toExportModel.ts';
import { TypstCompileError, loadTypstEngine, type LoadedEngine } from '../typst/engine.ts';
import type { ExportJob, RenderRequest, RenderResponse } from './messages.ts';

/**
 * A render worker. Everything after encoding the document happens here: decoding it, reading
 * it into plain data, hashing it, building the model, and rendering (for a 40-page summary about
 * 50 ms of reading and modelling plus 0.5 s of Typst), so the collaboration thread stays free.
 * One job at a time (the pool never sends a second before the first is answered), so the
 * compiler's virtual files are never shared between two exports.
 */
const port = parentPort;
if (!port) throw new Error('renderWorker.ts runs in a worker thread (see pool.ts)');

// An export may take longer; an edit must not wait. On Linux a thread's nice value is its own
// (setpriority on the calling thread), so this puts only this worker, and the threads it starts
// (the compiler's), below the collaboration event loop when the cores are busy. Elsewhere the call
// would lower the whole server, so it is Linux only; refused, it is skipped, never fatal.
lowerPriority();

function lowerPriority(): void {
  if (process.platform !== 'linux') return;
  try {
    os.setPriority(10);
  } catch {
    // Not permitted here: exports run at normal priority.
  }
}
const prefer = (workerData as { engine?: 'native' | 'wasm' } | undefined)?.engine;

// The Typst engine loads on the first PDF (about 0.2 s native, 0.5 s WASM) and stays loaded.
let engine: Promise<LoadedEngine> | undefined;

async function typst(): Promise<LoadedEngine> {
  engine ??= loadTypstEngine(prefer);
  try {
    return await engine;
  } catch (error) {
    engine = undefined; // try again on the next export rather than failing forever
    throw error;
  }
}

async function run(id: number, job: ExportJob): Promise<RenderResponse> {
  const ydoc = new Y.Doc();
  try {
    const updates = job.update instanceof Uint8Array ? [job.update] : job.update;
    ydoc.transact(() => {
      for (const update of updates) Y.applyUpdate(ydoc, update);
    });
    const { content, recommendations } = readExportSource(ydoc);
    if (job.format === 'hash') {
      const sha256 = contentHash(content, recommendations);
      return {
        id,
        ok: true,
        bytes: new Uint8Array(0),
        engine: 'none',
        title: '',
        sha256,
        versionId: contentVersionId(sha256),
      };
    }
    const model = toExportModel(content, recommendations, job.vocabulary, job.options);
    const done = {
      id,
      ok: true as const,
      title: model.meta.title,
      sha256: model.identity.sha256,
      versionId: model.identity.versionId,
    };
    if (job.format === 'docx') return { ...done, bytes: await renderDocx(model), engine: 'docx' };
    const loaded = await typst();
    const out = await loaded.engine.compile(JSON.stringify(model), job.pdfStandard ?? 'ua-1');
    return {
      ...done,
      // A copy of our own (napi buffers may not be transferable), transferred back without a copy.
      bytes: new Uint8Array(out.bytes),
      engine: loaded.engine.name,
      standard: out.standard,
      ...(out.uaRefusal ? { uaRefusal: out.uaRefusal } : {}),
      ...(loaded.fallbackReason ? { fallbackReason: loaded.fallbackReason } : {}),
    };
  } finally {
    ydoc.destroy();
  }
}

port.on('message', ({ id, job }: RenderRequest) => {
  run(id, job).then(
    (response) => port.postMessage(response, response.ok ? [response.bytes.buffer] : []),
    (error: unknown) => {
      const message = error instanceof Error ? error.message : String(error);
      port.postMessage({
        id,
        ok: false,
        error: message,
        compileError: error instanceof TypstCompileError,
      } satisfies RenderResponse);
    },
  );
});
