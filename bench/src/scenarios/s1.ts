import { sleep, withTimeout } from '../async.ts';
import { EditLog } from '../clients/editLog.ts';
import { watchClientLoad } from '../clients/load.ts';
import { stockClient } from '../clients/stock.ts';
import { cpuTimeMs } from '../proc.ts';
import { Samples, round } from '../stats.ts';
import type { Metrics, Scenario, ScenarioContext } from './types.ts';

/**
 * S1: 20 stock clients on one document; one edit at a time (each client in turn types one
 * character), and the next starts once every other client has it. The figure per edit is the
 * time until the last of the 19 others has applied it ("propagation to all").
 */
export const s1: Scenario = {
  id: 'S1',
  title: '20 clients, one edit at a time, propagation to all',
  implemented: true,
  headline: ['p50Ms', 'p99Ms', 'deliveryP50Ms', 'deliveryP99Ms', 'serverCpuPerEditUs', 'clientCpu'],
  targets: [
    {
      metric: 'p50Ms',
      label: 'p50 <= 1.25x relay',
      direction: 'atMost',
      relative: { system: 'relay', factor: 1.25 },
    },
    {
      metric: 'p99Ms',
      label: 'p99 <= 1.25x relay',
      direction: 'atMost',
      relative: { system: 'relay', factor: 1.25 },
    },
    {
      metric: 'p50Ms',
      label: 'p50 <= 0.7x Hocuspocus',
      direction: 'atMost',
      relative: { system: 'hocuspocus', factor: 0.7 },
    },
  ],
  run,
};

async function run({ system, quick, log }: ScenarioContext): Promise<Metrics> {
  const clientCount = 20;
  // Measured in the steady state of a server that has been running a while, as in a meeting.
  // V8 keeps compiling and re-optimizing hot code well after start: with 200 warm-up edits
  // that ran through the measurement on a background thread using a third of a core; after 3,000
  // (4-6 s into the server's life) Plenary's server still completed about 35 optimizing compiles
  // a second, on helper threads that took the CPU its main thread was woken on and delayed
  // frames by 1-3 ms (p99 1.6x the relay's); after 12,000, 1 to 4 a second (docs/benchmarks.md,
  // sixth round). The same warm-up for every system.
  const warmup = quick ? 20 : 12_000;
  const edits = warmup + (quick ? 130 : 3000);
  const [documentId] = await system.createDocuments(1, 'S1');
  const clients = Array.from({ length: clientCount }, () => stockClient(system.target, documentId!));
  await withTimeout(Promise.all(clients.map((c) => c.synced)), 30_000, 'S1 clients did not sync');
  // Let the join traffic (every client's presence reaching every other) die down.
  await sleep(500);

  const editLog = new EditLog();
  const toAll = new Samples();
  const deliveries = new Samples();
  let current: { clientId: number; clock: number; remaining: number; done(at: number): void } | undefined;
  let measuring = false;

  clients.forEach((client) => {
    client.doc.on('update', (update: Uint8Array, origin: unknown) => {
      if (origin !== client.origin) return;
      const at = performance.now();
      editLog.resolve(update, at, (latency, clientId, clock) => {
        if (measuring) deliveries.add(latency);
        if (current && current.clientId === clientId && current.clock === clock) {
          if (--current.remaining === 0) current.done(at);
        }
      });
    });
  });

  log(`${edits} edits (${warmup} warm-up) across ${clientCount} clients`);
  let load = watchClientLoad();
  let cpuBefore = 0;
  for (let i = 0; i < edits; i++) {
    if (i === warmup) {
      measuring = true;
      load = watchClientLoad();
      cpuBefore = cpuTimeMs(system.process.pid);
    }
    const writer = clients[i % clientCount]!;
    let done: (at: number) => void = () => {};
    const arrived = new Promise<number>((resolve) => (done = resolve));
    // Receipts are asynchronous (they come over the network), so `current` can be set after.
    const clock = editLog.type(writer.doc, writer.doc.getText(`p${i % clientCount}`));
    const clientId = writer.doc.clientID;
    current = { clientId, clock, remaining: clientCount - 1, done };
    const lastAt = await withTimeout(arrived, 10_000, `S1 edit ${i} did not reach every client`);
    if (measuring) toAll.add(lastAt - editLog.sentAt(clientId, clock)!);
  }
  const clientLoad = load.stop();
  const serverCpuMs = cpuTimeMs(system.process.pid) - cpuBefore;
  for (const client of clients) client.destroy();

  const all = toAll.summary();
  const each = deliveries.summary();
  return {
    edits: all.count,
    p50Ms: round(all.p50),
    p90Ms: round(all.p90),
    p99Ms: round(all.p99),
    maxMs: round(all.max),
    deliveryP50Ms: round(each.p50),
    deliveryP99Ms: round(each.p99),
    serverCpuPerEditUs: round((serverCpuMs * 1000) / all.count),
    clientCpu: round(clientLoad.clientCpu),
    clientLoopP99Ms: round(clientLoad.clientLoopP99Ms),
  };
}
