import { inBatches, sleep, withTimeout } from '../async.ts';
import { LightClient } from '../clients/light.ts';
import { summaryUpdate } from '../fixtures.ts';
import { InspectorClient } from '../inspector.ts';
import { memoryStatus } from '../proc.ts';
import { round } from '../stats.ts';
import type { SystemHandle } from '../systems/types.ts';
import type { Metrics, Scenario, ScenarioContext } from './types.ts';

/**
 * S5: N small documents opened (one client each), then abandoned. The server's V8 heap is read
 * from outside, through the inspector protocol (the server runs with `--inspect=127.0.0.1:0`;
 * HeapProfiler.collectGarbage twice, then v8.getHeapSpaceStatistics() without the code spaces),
 * at four moments:
 *   baseline   (server restarted after the documents were stored, then every document opened,
 *              abandoned and unloaded once, so that code compiled on first use is in it),
 *   loaded     (every document open by its client),
 *   abandoned  (every client gone; Plenary keeps the rooms until its unload delay),
 *   after      (polled each second once the unload delay has passed, until back to baseline).
 * Heap per document = (abandoned - baseline) / N: the rooms alone. With clients = the same
 * while they are connected, which includes their sockets.
 */
export const s5: Scenario = {
  id: 'S5',
  title: '2,000 small documents loaded, then abandoned',
  implemented: true,
  headline: [
    'heapPerDocKB',
    'arrayBuffersPerDocKB',
    'heapPerDocWithClientKB',
    'residualKB',
    'backToBaseline',
  ],
  targets: [
    { metric: 'heapPerDocKB', label: 'heap per document <= 12 KB', direction: 'atMost', absolute: 12 },
    {
      metric: 'backToBaseline',
      label: 'back to baseline after unload',
      direction: 'isTrue',
      relayFallback: false,
    },
  ],
  systemOptions: (quick) => ({ inspect: true, unloadDelayMs: unloadDelayMs(quick) }),
  run,
};

const KB = 1024;
/** A short summary: six paragraphs, about 1.3 KB encoded (plus Plenary's template). */
const PARAGRAPHS = 6;
/** Long enough to measure the abandoned rooms before they go, short enough to wait for. */
const unloadDelayMs = (quick: boolean) => (quick ? 1500 : 8000);
/**
 * What "back to baseline" allows: a few hundred bytes per document, and at least 256 KB, the
 * noise between two readings of an idle server (the inspector session itself allocates).
 */
const RESIDUAL_PER_DOC_BYTES = 512;
const RESIDUAL_FLOOR_BYTES = 256 * KB;

async function run({ system, quick, log }: ScenarioContext): Promise<Metrics> {
  const count = quick ? 100 : 2000;
  const content = summaryUpdate(PARAGRAPHS);
  const ids = await system.createDocuments(count, 'S5');
  const delay = system.name === 'plenary' ? unloadDelayMs(quick) : 0;
  const open = (id: string) => {
    const client = new LightClient(system.target, id);
    return withTimeout(client.synced, 60_000, `S5 client of ${id} did not sync`).then(() => client);
  };

  // The relay keeps a document only while someone is connected: there, the clients of the
  // measurement bring the content themselves.
  if (system.name !== 'relay') {
    log(`storing ${count} documents of ${content.byteLength} bytes`);
    await inBatches(count, 50, async (i) => {
      const client = await open(ids[i]!);
      client.sendUpdate(content);
      await client.close();
    });
    await system.restart();
  }

  // A first, unmeasured cycle over the same documents: code compiled and optimised on first
  // use (bytecode, feedback, machine code) lives on the heap and stays, and would otherwise
  // read as a leak. The baseline is taken after it, once everything is unloaded again.
  const cycle = () =>
    inBatches(count, 100, async (i) => {
      const client = await open(ids[i]!);
      if (system.name === 'relay') client.sendUpdate(content);
      return client;
    });
  await Promise.all((await cycle()).map((c) => c.close()));
  const heap = await InspectorClient.connect(inspectorUrl(system));
  await sleep(delay);
  // Unloading (with its compaction) takes a while for thousands of rooms: wait until the heap
  // stops shrinking.
  let baselineReading = await heap.heapAfterGc();
  let baseline = baselineReading.data;
  for (let i = 0; i < 20; i++) {
    await sleep(1000);
    baselineReading = await heap.heapAfterGc();
    const now = baselineReading.data;
    const shrinking = baseline - now > 128 * KB;
    baseline = Math.min(baseline, now);
    if (!shrinking) break;
  }
  log(`baseline heap ${(baseline / (KB * KB)).toFixed(1)} MB; opening ${count} documents`);
  const clients = await cycle();
  const loaded = (await heap.heapAfterGc()).data;
  const rssLoaded = memoryStatus(system.process.pid).rss;
  const closedAt = performance.now();
  await Promise.all(clients.map((c) => c.close()));
  const abandonedReading = await heap.heapAfterGc();
  const abandoned = abandonedReading.data;
  const measuredWithinMs = performance.now() - closedAt;

  const tolerance = Math.max(RESIDUAL_FLOOR_BYTES, count * RESIDUAL_PER_DOC_BYTES);
  await sleep(Math.max(0, delay - (performance.now() - closedAt)));
  let after = (await heap.heapAfterGc()).data;
  const deadline = performance.now() + (quick ? 4000 : 10_000);
  while (after - baseline > tolerance && performance.now() < deadline) {
    await sleep(1000);
    after = (await heap.heapAfterGc()).data;
  }
  const backAfterS = (performance.now() - closedAt) / 1000;
  heap.close();

  return {
    documents: count,
    paragraphs: PARAGRAPHS,
    documentBytes: content.byteLength,
    clientKind: 'lightweight (syncs, no Y.Doc)',
    heapMethod: 'inspector: HeapProfiler.collectGarbage x2, then v8 heap spaces used, code spaces excluded',
    unloadDelayMs: system.name === 'plenary' ? delay : null,
    baselineHeapMB: round(baseline / (KB * KB)),
    heapPerDocWithClientKB: round((loaded - baseline) / count / KB),
    heapPerDocKB: round((abandoned - baseline) / count / KB),
    // Outside the V8 heap, so not in heapPerDocKB: reported so that bytes moved off the heap
    // (a dormant Plenary room keeps its document encoded) are not mistaken for bytes saved.
    arrayBuffersPerDocKB: round((abandonedReading.arrayBuffers - baselineReading.arrayBuffers) / count / KB),
    abandonedMeasuredWithinMs: round(measuredWithinMs),
    residualKB: round((after - baseline) / KB),
    backToBaseline: after - baseline <= tolerance,
    backAfterS: round(backAfterS),
    rssLoadedMB: round(rssLoaded / (KB * KB)),
  };
}

function inspectorUrl(system: SystemHandle): string {
  const url = system.process.inspectorUrl;
  if (!url) throw new Error('S5 needs the server started with --inspect');
  return url;
}
