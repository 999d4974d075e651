import { sleep, withTimeout } from '../async.ts';
import { LightClient } from '../clients/light.ts';
import { watchClientLoad } from '../clients/load.ts';
import { containsAll, summaryUpdateOfSize } from '../fixtures.ts';
import { memoryStatus, resetPeakRss, watchRss } from '../proc.ts';
import { percentile, round } from '../stats.ts';
import type { Metrics, Scenario, ScenarioContext } from './types.ts';

/**
 * S4: 150 clients open a 4 MB document at the same moment. The document is stored first, then
 * the server is restarted, so the join finds it cold (loaded from storage, as at the start of
 * a meeting); the relay keeps nothing, so there the seeding client stays connected instead.
 * Measured: time from opening the socket to the end of the sync step 2 at each client, and the
 * server's peak RSS during the join.
 */
export const s4: Scenario = {
  id: 'S4',
  title: '150 clients join a 4 MB document at once',
  implemented: true,
  headline: ['syncP50Ms', 'syncP99Ms', 'peakRssMB', 'clientCpu'],
  targets: [
    { metric: 'syncP50Ms', label: 'sync p50 <= 0.5 s', direction: 'atMost', absolute: 500 },
    { metric: 'peakRssMB', label: 'peak RSS <= 400 MB', direction: 'atMost', absolute: 400 },
  ],
  run,
};

const MB = 1024 * 1024;

async function run({ system, quick, log }: ScenarioContext): Promise<Metrics> {
  const clientCount = quick ? 30 : 150;
  const documentBytes = quick ? 1 * MB : 4 * MB;
  const content = summaryUpdateOfSize(documentBytes);
  const [documentId] = await system.createDocuments(1, 'S4');

  log(`seeding a ${(content.byteLength / MB).toFixed(2)} MB document`);
  const seeder = new LightClient(system.target, documentId!);
  await withTimeout(seeder.synced, 30_000, 'S4 seeder did not sync');
  seeder.sendUpdate(content);
  // Stored once a new client is served all of it (Plenary serves only what is durable).
  for (let attempt = 0; ; attempt++) {
    const check = new LightClient(system.target, documentId!);
    await withTimeout(check.synced, 60_000, 'S4 check client did not sync');
    await check.close();
    if (check.syncBytes >= content.byteLength) break;
    if (attempt === 100) throw new Error('S4: the seeded document never reached the server');
    await sleep(100);
  }
  if (system.name !== 'relay') {
    await seeder.close();
    await system.restart();
  }

  const pid = system.process.pid;
  const rssBefore = memoryStatus(pid).rss;
  const peakReset = resetPeakRss(pid);
  const rssWatch = watchRss(pid);
  const load = watchClientLoad();
  log(`${clientCount} clients join at once`);
  const joiners = Array.from(
    { length: clientCount },
    (_, i) => new LightClient(system.target, documentId!, { keepSyncPayload: i === 0 }),
  );
  const syncedAt = await withTimeout(
    Promise.all(joiners.map((j) => j.synced)),
    180_000,
    'S4 joiners did not all sync',
  );
  const clientLoad = load.stop();
  const sampledPeak = rssWatch.stop();
  const peakRss = Math.max(peakReset ? memoryStatus(pid).peakRss : 0, sampledPeak);
  const durations = syncedAt.map((at, i) => at - joiners[i]!.openedAt).sort((a, b) => a - b);
  const minBytes = Math.min(...joiners.map((j) => j.syncBytes));

  // The first joiner's sync, applied to a Y.Doc, must hold the whole document.
  const complete = containsAll(joiners[0]!.syncPayload, content);
  for (const joiner of joiners) joiner.ws.terminate();
  seeder.ws.terminate();
  if (!complete) throw new Error('S4: a joiner did not receive the whole document');

  return {
    clients: clientCount,
    clientKind: 'lightweight (receives the sync, applies none; the first one is verified)',
    documentMB: round(content.byteLength / MB),
    minBytesPerClient: minBytes,
    syncP50Ms: round(percentile(durations, 50)),
    syncP99Ms: round(percentile(durations, 99)),
    syncMaxMs: round(durations[durations.length - 1]!),
    rssBeforeMB: round(rssBefore / MB),
    peakRssMB: round(peakRss / MB),
    peakRssMethod: peakReset ? 'VmHWM reset before the join, and 20 ms sampling' : '20 ms sampling of VmRSS',
    clientCpu: round(clientLoad.clientCpu),
  };
}
