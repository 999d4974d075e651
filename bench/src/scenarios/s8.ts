import { spawn } from 'node:child_process';
import { sleep, withTimeout } from '../async.ts';
import { EditLog } from '../clients/editLog.ts';
import { LightClient } from '../clients/light.ts';
import { stockClient } from '../clients/stock.ts';
import { longSummaryUpdate } from '../fixtures.ts';
import { Samples, round } from '../stats.ts';
import type { Metrics, Scenario, ScenarioContext } from './types.ts';

/**
 * S8: collaboration while exports run (issue #6: "four exports at once do not stall
 * collaboration: edit propagation p99 stays under 20 ms while they run"). 10 stock clients edit a
 * 40-page summary one edit at a time, as in S1, first alone, then while four PDF exports of that
 * same summary are kept in flight (each one that finishes is replaced). Plenary only.
 */
export const s8: Scenario = {
  id: 'S8',
  title: 'edit propagation while 4 exports run',
  implemented: true,
  systems: ['plenary'],
  headline: ['p50Ms', 'p99Ms', 'aloneP50Ms', 'aloneP99Ms', 'exportsDone', 'exportP50Ms'],
  targets: [
    {
      metric: 'p99Ms',
      label: 'p99 <= 20 ms during 4 exports',
      direction: 'atMost',
      absolute: 20,
      relayFallback: false,
    },
  ],
  run,
};

const PARAGRAPHS = 580;

/**
 * The exporting process: keeps S8_IN_FLIGHT exports of S8_URL going until told to stop on stdin,
 * prints "started" once the first requests are out, then one JSON line of export times.
 */
const EXPORTER = `
const url = process.env.S8_URL;
const headers = JSON.parse(process.env.S8_HEADERS);
const times = [];
let stop = false;
process.stdin.on('data', () => { stop = true; });
async function loop() {
  while (!stop) {
    const started = performance.now();
    const response = await fetch(url, { headers });
    await response.arrayBuffer();
    if (!response.ok) throw new Error('export answered ' + response.status);
    times.push(performance.now() - started);
  }
}
const loops = Array.from({ length: Number(process.env.S8_IN_FLIGHT) }, loop);
process.stdout.write('started\\n');
await Promise.all(loops);
process.stdout.write(JSON.stringify({ times }) + '\\n');
`;
const EXPORTS_IN_FLIGHT = 4;

async function run({ system, quick, log }: ScenarioContext): Promise<Metrics> {
  const clientCount = 10;
  const edits = quick ? 60 : 600;
  const [documentId] = await system.createDocuments(1, 'S8');
  const content = longSummaryUpdate(PARAGRAPHS);
  const seeder = new LightClient(system.target, documentId!);
  await withTimeout(seeder.synced, 30_000, 'S8 seeder did not sync');
  seeder.sendUpdate(content);
  const clients = Array.from({ length: clientCount }, () => stockClient(system.target, documentId!));
  await withTimeout(Promise.all(clients.map((c) => c.synced)), 30_000, 'S8 clients did not sync');
  await seeder.close();
  await sleep(500);

  const editLog = new EditLog();
  let current: { clientId: number; clock: number; remaining: number; done(at: number): void } | undefined;
  clients.forEach((client) => {
    client.doc.on('update', (update: Uint8Array, origin: unknown) => {
      if (origin !== client.origin) return;
      const at = performance.now();
      editLog.resolve(update, at, (_latency, clientId, clock) => {
        if (
          current &&
          current.clientId === clientId &&
          current.clock === clock &&
          --current.remaining === 0
        ) {
          current.done(at);
        }
      });
    });
  });
  let n = 0;
  const measure = async (count: number): Promise<Samples> => {
    const samples = new Samples();
    for (let i = 0; i < count; i++, n++) {
      const writer = clients[n % clientCount]!;
      let done: (at: number) => void = () => {};
      const arrived = new Promise<number>((resolve) => (done = resolve));
      const clock = editLog.type(writer.doc, writer.doc.getText(`p${n % clientCount}`));
      const clientId = writer.doc.clientID;
      current = { clientId, clock, remaining: clientCount - 1, done };
      const lastAt = await withTimeout(arrived, 10_000, `S8 edit ${n} did not reach every client`);
      samples.add(lastAt - editLog.sentAt(clientId, clock)!);
      // About 20 edits a second: a room of people typing, not a flood.
      await sleep(50);
    }
    return samples;
  };

  log(`${edits} edits alone, then ${edits} while ${EXPORTS_IN_FLIGHT} PDF exports run`);
  const alone = (await measure(edits)).summary();

  // The exports are requested from a process of their own, as other users' browsers would: in
  // this one, downloading four PDFs would delay the measuring clients, not the server.
  const url = `http://127.0.0.1:${system.process.port}/api/documents/${documentId}/export.pdf`;
  const exporter = spawn(process.execPath, ['--input-type=module', '-e', EXPORTER], {
    env: {
      ...process.env,
      S8_URL: url,
      S8_HEADERS: JSON.stringify(system.target.headers ?? {}),
      S8_IN_FLIGHT: String(EXPORTS_IN_FLIGHT),
    },
    stdio: ['pipe', 'pipe', 'inherit'],
  });
  let report = '';
  exporter.stdout!.setEncoding('utf8').on('data', (chunk: string) => (report += chunk));
  const exited = new Promise<number | null>((resolve) => exporter.once('exit', resolve));
  // Let the four exports get going (worker busy) before measuring.
  await new Promise<void>((resolve) => exporter.stdout!.once('data', () => resolve()));
  await sleep(300);
  const during = (await measure(edits)).summary();
  exporter.stdin!.end('stop\n');
  if ((await exited) !== 0) throw new Error('S8: the export process failed');
  const exportTimes = (JSON.parse(report.trim().split('\n').pop()!) as { times: number[] }).times;
  const exportsSummary = new Samples();
  for (const t of exportTimes) exportsSummary.add(t);
  for (const client of clients) client.destroy();
  const exported = exportsSummary.summary();
  return {
    edits,
    p50Ms: round(during.p50),
    p99Ms: round(during.p99),
    maxMs: round(during.max),
    aloneP50Ms: round(alone.p50),
    aloneP99Ms: round(alone.p99),
    exportsDone: exported.count,
    exportP50Ms: round(exported.p50),
  };
}
