import { inBatches, sleep, waitUntil, withTimeout } from '../async.ts';
import { EditLog } from '../clients/editLog.ts';
import { watchClientLoad } from '../clients/load.ts';
import { LightWriter } from '../clients/writer.ts';
import { cpuTimeMs } from '../proc.ts';
import { Samples, percentileWithMissing, round, roundOrInf } from '../stats.ts';
import type { Metrics, Scenario, ScenarioContext } from './types.ts';

/**
 * S3: 200 writers on one document, each typing 2 characters a second at its own phase
 * (400 updates/s, each fanned out to 199 others). Measured: time from an edit to each other
 * writer (p99 target), and the server's CPU time per incoming update.
 */
export const s3: Scenario = {
  id: 'S3',
  title: '200 writers x 2 edits/s, one document',
  implemented: true,
  headline: ['p50Ms', 'p99Ms', 'undelivered', 'cpuPerUpdateUs', 'serverCpu', 'clientCpu'],
  targets: [{ metric: 'p99Ms', label: 'p99 <= 15 ms', direction: 'atMost', absolute: 15 }],
  run,
};

const EDITS_PER_SECOND = 2;

async function run({ system, quick, log }: ScenarioContext): Promise<Metrics> {
  const writerCount = quick ? 100 : 200;
  const warmupMs = quick ? 1000 : 3000;
  const durationMs = quick ? 2000 : 20_000;
  const graceMs = quick ? 3000 : 10_000;
  const [documentId] = await system.createDocuments(1, 'S3');

  const editLog = new EditLog();
  const latencies = new Samples();
  let windowStart = Infinity;
  let delivered = 0;
  log(`connecting ${writerCount} writers`);
  const writers = await inBatches(writerCount, 50, async (index) => {
    let ownClientId = -1;
    const writer = new LightWriter(system.target, documentId!, editLog, {
      onUpdate: (update, at) =>
        editLog.resolve(update, at, (latency, clientId) => {
          // Hocuspocus echoes an update to its sender too: that is not a delivery. Edits typed
          // during the warm-up are not counted.
          if (clientId === ownClientId || at - latency < windowStart) return;
          delivered++;
          latencies.add(latency);
        }),
    });
    ownClientId = writer.doc.clientID;
    await withTimeout(writer.client.synced, 60_000, `S3 writer ${index} did not sync`);
    return writer;
  });

  const started = performance.now();
  const periodMs = 1000 / EDITS_PER_SECOND;
  const nextAt = writers.map((_, i) => started + (i * periodMs) / writerCount);
  const timer = setInterval(() => {
    const now = performance.now();
    writers.forEach((writer, i) => {
      if (nextAt[i]! > now) return;
      nextAt[i]! += periodMs;
      writer.type();
    });
  }, 2);

  await sleep(warmupMs);
  log(`${writerCount * EDITS_PER_SECOND} edits/s for ${durationMs / 1000} s`);
  const editsBefore = editLog.edits;
  const cpuBefore = cpuTimeMs(system.process.pid);
  const load = watchClientLoad();
  windowStart = performance.now();
  await sleep(durationMs);
  clearInterval(timer);
  const windowMs = performance.now() - windowStart;
  const edits = editLog.edits - editsBefore;
  const serverCpuMs = cpuTimeMs(system.process.pid) - cpuBefore;
  const clientLoad = load.stop();

  // Every edit typed in the window must reach the other writers.
  const expected = edits * (writerCount - 1);
  await waitUntil(() => delivered >= expected, graceMs, 20);
  for (const writer of writers) writer.client.ws.terminate();

  const sorted = latencies.sorted();
  const undelivered = Math.max(0, expected - delivered);
  return {
    writers: writerCount,
    writerKind: 'real Yjs edits over a lightweight connection (no Y.Doc of others)',
    edits,
    editsPerSec: round((edits * 1000) / windowMs),
    deliveries: delivered,
    undelivered,
    // Undelivered edits count as infinitely late.
    p50Ms: roundOrInf(percentileWithMissing(sorted, undelivered, 50)),
    p99Ms: roundOrInf(percentileWithMissing(sorted, undelivered, 99)),
    maxMs: undelivered > 0 ? 'inf' : round(sorted[sorted.length - 1] ?? NaN),
    cpuPerUpdateUs: round((serverCpuMs * 1000) / edits),
    serverCpu: round(serverCpuMs / windowMs),
    clientCpu: round(clientLoad.clientCpu),
    clientLoopP99Ms: round(clientLoad.clientLoopP99Ms),
  };
}
