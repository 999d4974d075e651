import fs from 'node:fs';
import path from 'node:path';
import { SCENARIOS } from './scenarios/index.ts';
import type { Metrics } from './scenarios/types.ts';
import { startSystem } from './systems/index.ts';
import type { PlenaryUser, SystemName } from './systems/types.ts';

/**
 * One scenario against one system, in a process of its own (started by cli.ts): it starts the
 * server as a child process, runs the clients here, and sends the metrics back over IPC. A
 * fresh process per run keeps one run's client memory and sockets out of the next.
 */
export interface Job {
  scenario: string;
  system: SystemName;
  quick: boolean;
  /** Parent folder of the run's data folder (the system's database lives there). */
  dataRoot: string;
  /** Extra node flags for the server (e.g. --cpu-prof for profiling). */
  serverNodeFlags: string[];
  /** Another working copy of Plenary to run instead of this one. */
  plenaryRoot?: string;
  /** Whom Plenary's clients connect as. */
  plenaryUser?: PlenaryUser;
}

export type JobResult = { ok: true; metrics: Metrics } | { ok: false; error: string };

async function runJob(job: Job): Promise<Metrics> {
  const scenario = SCENARIOS.find((s) => s.id === job.scenario);
  if (!scenario) throw new Error(`unknown scenario ${job.scenario}`);
  const dataDir = fs.mkdtempSync(path.join(job.dataRoot, `plenary-bench-${job.system}-`));
  const log = (message: string) => process.stderr.write(`  [${job.scenario} ${job.system}] ${message}\n`);
  try {
    const system = await startSystem(job.system, {
      dataDir,
      nodeFlags: job.serverNodeFlags,
      plenaryRoot: job.plenaryRoot,
      plenaryUser: job.plenaryUser,
      ...scenario.systemOptions?.(job.quick),
    });
    try {
      return await scenario.run({ system, quick: job.quick, log });
    } catch (error) {
      log(`server output before the failure:\n${system.process.recentOutput()}`);
      throw error;
    } finally {
      await system.stop();
    }
  } finally {
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
}

// Every stock y-websocket provider adds a process 'exit' listener; hundreds are expected here.
process.setMaxListeners(1000);
const job = JSON.parse(process.argv[2] ?? '{}') as Job;
let result: JobResult;
try {
  result = { ok: true, metrics: await runJob(job) };
} catch (error) {
  result = { ok: false, error: error instanceof Error ? (error.stack ?? error.message) : String(error) };
}
if (process.send) {
  process.send(result, () => process.exit(0));
} else {
  process.stdout.write(`${JSON.stringify(result)}\n`);
  process.exit(0);
}
