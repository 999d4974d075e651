import { inBatches, sleep, waitUntil, withTimeout } from '../async.ts';
import type * as Y from 'yjs';
import { EditLog } from '../clients/editLog.ts';
import { LightClient } from '../clients/light.ts';
import { watchClientLoad } from '../clients/load.ts';
import { stockClient, type StockClient } from '../clients/stock.ts';
import { cpuTimeMs } from '../proc.ts';
import { Samples, round } from '../stats.ts';
import type { Metrics, Scenario, ScenarioContext } from './types.ts';

/**
 * S6: sustained updates across many documents. Each document has one stock writer and one
 * lightweight observer; a writer keeps up to WINDOW edits in flight, typing the next as soon as
 * the observer has received an earlier one (closed loop), so the figure is the most the server
 * sustains, counted where it matters: updates delivered to another client.
 *
 * For Plenary an update reaches the observer only once committed (fsynced) to SQLite.
 * Hocuspocus broadcasts at once and saves later (debounced 2 s, at most 10 s), and the relay
 * stores nothing: their figures are for updates that are not yet durable.
 */
export const s6: Scenario = {
  id: 'S6',
  title: 'sustained durable updates, many writers across documents',
  implemented: true,
  headline: ['updatesPerSec', 'p50Ms', 'p99Ms', 'cpuPerUpdateUs', 'serverCpu', 'clientCpu'],
  targets: [
    { metric: 'updatesPerSec', label: '>= 5,000 durable updates/s', direction: 'atLeast', absolute: 5000 },
  ],
  run,
};

const WINDOW = 8;

async function run({ system, quick, log }: ScenarioContext): Promise<Metrics> {
  const documentCount = quick ? 40 : 100;
  const warmupMs = quick ? 1000 : 3000;
  const durationMs = quick ? 2000 : 15_000;
  const ids = await system.createDocuments(documentCount, 'S6');
  const editLog = new EditLog();
  const latencies = new Samples();
  let windowStart = Infinity;
  let running = true;
  let confirmedInWindow = 0;

  interface Lane {
    writer: StockClient;
    text: Y.Text;
    sent: number;
    confirmed: number;
  }
  const lanes = new Map<number, Lane>();
  const topUp = (lane: Lane) => {
    while (running && lane.sent - lane.confirmed < WINDOW) {
      lane.sent++;
      editLog.type(lane.writer.doc, lane.text);
    }
  };

  log(`connecting ${documentCount} writers and observers`);
  const observers = await inBatches(documentCount, 25, async (i) => {
    const writer = stockClient(system.target, ids[i]!);
    // A root of its own: Plenary's `body` is the summary's XML fragment.
    const lane: Lane = { writer, text: writer.doc.getText('bench'), sent: 0, confirmed: 0 };
    lanes.set(writer.doc.clientID, lane);
    const observer = new LightClient(system.target, ids[i]!, {
      onUpdate: (update, at) =>
        editLog.resolve(update, at, (latency, clientId) => {
          const confirmedLane = lanes.get(clientId);
          if (!confirmedLane) return;
          confirmedLane.confirmed++;
          if (at - latency >= windowStart) {
            confirmedInWindow++;
            latencies.add(latency);
          }
          topUp(confirmedLane);
        }),
    });
    await withTimeout(Promise.all([writer.synced, observer.synced]), 60_000, `S6 document ${i} did not sync`);
    return observer;
  });

  log(`closed loop, ${WINDOW} edits in flight per writer, ${durationMs / 1000} s`);
  for (const lane of lanes.values()) topUp(lane);
  await sleep(warmupMs);
  const cpuBefore = cpuTimeMs(system.process.pid);
  const load = watchClientLoad();
  windowStart = performance.now();
  await sleep(durationMs);
  // Confirmations of edits typed in the window, counted until the window closes.
  const counted = confirmedInWindow;
  const windowMs = performance.now() - windowStart;
  const serverCpuMs = cpuTimeMs(system.process.pid) - cpuBefore;
  const clientLoad = load.stop();
  running = false;

  const all = [...lanes.values()];
  const drained = await waitUntil(() => all.every((l) => l.confirmed >= l.sent), quick ? 3000 : 10_000, 20);
  const undelivered = all.reduce((n, l) => n + l.sent - l.confirmed, 0);
  for (const observer of observers) observer.ws.terminate();
  for (const lane of all) lane.writer.destroy();

  const summary = latencies.summary();
  return {
    documents: documentCount,
    writersPerDocument: 1,
    inFlightPerWriter: WINDOW,
    observerKind: 'lightweight (decodes frames, no Y.Doc)',
    updatesPerSec: round((counted * 1000) / windowMs),
    p50Ms: round(summary.p50),
    p99Ms: round(summary.p99),
    undelivered: drained ? 0 : undelivered,
    cpuPerUpdateUs: round((serverCpuMs * 1000) / counted),
    serverCpu: round(serverCpuMs / windowMs),
    clientCpu: round(clientLoad.clientCpu),
    // Plenary commits every update (it survives kill -9) before broadcasting it; whether the disk
    // also has it by then is PLENARY_FSYNC's choice (docs/protocol.md).
    committedBeforeBroadcast: system.name === 'plenary',
    fsyncBeforeBroadcast: system.name === 'plenary' && process.env.PLENARY_FSYNC === 'before-broadcast',
  };
}
