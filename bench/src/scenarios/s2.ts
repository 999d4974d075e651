import { inBatches, sleep, waitUntil, withTimeout } from '../async.ts';
import { EditLog } from '../clients/editLog.ts';
import { LightClient } from '../clients/light.ts';
import { watchClientLoad } from '../clients/load.ts';
import { PresenceProbe, presenceUpdate } from '../clients/presence.ts';
import { stockClient } from '../clients/stock.ts';
import { cpuTimeMs } from '../proc.ts';
import { Samples, percentileWithMissing, round, roundOrInf } from '../stats.ts';
import type { Metrics, Scenario, ScenarioContext } from './types.ts';

/**
 * S2: one stock writer and N lightweight observers on one document. Every observer sends its
 * presence once a second (staggered); the writer types 10 characters a second. Measured: the
 * time from each edit to each observer (p99 target), the edits that never arrived, and, at a
 * few probe observers that decode presence, how long presence takes.
 */
export const s2: Scenario = {
  id: 'S2',
  title: '1 writer, 1,000 observers sending presence at 1 Hz',
  implemented: true,
  headline: ['p50Ms', 'p99Ms', 'undelivered', 'presenceP99Ms', 'serverCpu', 'clientCpu'],
  targets: [
    { metric: 'p99Ms', label: 'p99 <= 100 ms', direction: 'atMost', absolute: 100 },
    {
      metric: 'undelivered',
      label: 'nothing undelivered',
      direction: 'atMost',
      absolute: 0,
      relayFallback: false,
    },
  ],
  run,
};

const EDITS_PER_SECOND = 10;
const PROBES = 10;

async function run({ system, quick, log }: ScenarioContext): Promise<Metrics> {
  const observerCount = quick ? 100 : 1000;
  const warmupMs = quick ? 1000 : 4000;
  const durationMs = quick ? 2000 : 20_000;
  const graceMs = quick ? 5000 : 10_000;
  const [documentId] = await system.createDocuments(1, 'S2');

  const writer = stockClient(system.target, documentId!);
  await withTimeout(writer.synced, 30_000, 'S2 writer did not sync');
  // A root of its own: Plenary's `body` is the summary's XML fragment.
  const text = writer.doc.getText('bench');
  const editLog = new EditLog();
  const latencies = new Samples();
  const presenceLatencies = new Samples();
  let delivered = 0;
  let measured = { start: Infinity, end: Infinity };
  const inWindow = (t: number) => t >= measured.start && t <= measured.end;

  log(`connecting ${observerCount} observers`);
  const observers = await inBatches(observerCount, 50, async (index) => {
    const clientId = 1_000_000 + index;
    const probe =
      index < PROBES
        ? new PresenceProbe(clientId, (latency, sentAt) => {
            if (inWindow(sentAt)) presenceLatencies.add(latency);
          })
        : undefined;
    const client = new LightClient(system.target, documentId!, {
      onUpdate: (update, at) =>
        editLog.resolve(update, at, (latency) => {
          delivered++;
          latencies.add(latency);
        }),
      onAwareness: probe ? (payload, at) => probe.receive(payload, at) : undefined,
    });
    await withTimeout(client.synced, 60_000, `S2 observer ${index} did not sync`);
    return { client, clientId, clock: 0, sentInWindow: 0 };
  });

  // Presence: every observer once a second, at its own phase; counted for the probes' check.
  const started = performance.now();
  const nextAt = observers.map((_, i) => started + (i * 1000) / observerCount);
  let presenceSentInWindow = 0;
  const presenceTimer = setInterval(() => {
    const now = performance.now();
    observers.forEach((observer, i) => {
      if (nextAt[i]! > now) return;
      nextAt[i]! += 1000;
      observer.clock++;
      const update = presenceUpdate(observer.clientId, observer.clock, `Observer ${i}`, now);
      observer.client.sendAwareness(update);
      if (inWindow(now)) {
        presenceSentInWindow++;
        observer.sentInWindow++;
      }
    });
  }, 5);

  await sleep(warmupMs);
  log(`presence running; ${EDITS_PER_SECOND} edits/s for ${durationMs / 1000} s`);
  const load = watchClientLoad();
  const cpuBefore = cpuTimeMs(system.process.pid);
  measured = { start: performance.now(), end: Infinity };
  const editTimer = setInterval(() => editLog.type(writer.doc, text), 1000 / EDITS_PER_SECOND);
  await sleep(durationMs);
  clearInterval(editTimer);
  measured = { ...measured, end: performance.now() };
  const serverCpu = (cpuTimeMs(system.process.pid) - cpuBefore) / (measured.end - measured.start);
  const clientLoad = load.stop();

  const expected = editLog.edits * observerCount;
  await waitUntil(() => delivered >= expected, graceMs, 20);
  clearInterval(presenceTimer);
  // Presence sent at the end of the window may still be on its way.
  await sleep(quick ? 500 : 2000);

  for (const observer of observers) observer.client.ws.terminate();
  writer.destroy();

  const edits = latencies.sorted();
  const undelivered = expected - delivered;
  const presence = presenceLatencies.summary();
  // Each probe should have received every presence update the others sent in the window.
  let presenceExpected = 0;
  for (let p = 0; p < PROBES; p++) presenceExpected += presenceSentInWindow - observers[p]!.sentInWindow;
  return {
    observers: observerCount,
    observerKind: 'lightweight (decodes frames, no Y.Doc)',
    edits: editLog.edits,
    deliveries: delivered,
    undelivered,
    // Undelivered edits count as infinitely late.
    p50Ms: roundOrInf(percentileWithMissing(edits, undelivered, 50)),
    p99Ms: roundOrInf(percentileWithMissing(edits, undelivered, 99)),
    maxMs: undelivered > 0 ? 'inf' : round(edits[edits.length - 1] ?? NaN),
    presenceP50Ms: round(presence.p50),
    presenceP99Ms: round(presence.p99),
    presenceMissedAtProbes: Math.max(0, presenceExpected - presence.count),
    serverCpu: round(serverCpu),
    clientCpu: round(clientLoad.clientCpu),
    clientLoopP99Ms: round(clientLoad.clientLoopP99Ms),
  };
}
