import { spawn } from 'node:child_process';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { machineInfo } from './machine.ts';
import { failures, figuresTable, targetsTable, writeResults, type RunRecord } from './report.ts';
import type { Job, JobResult } from './runner.ts';
import { SCENARIOS } from './scenarios/index.ts';
import { medianMetrics } from './stats.ts';
import type { Metrics } from './scenarios/types.ts';
import { SYSTEM_NAMES, type PlenaryUser, type SystemName } from './systems/types.ts';
import { evaluateTargets } from './targets.ts';

const USAGE = `Usage: npm run bench -- [options]

Runs issue #8's scenarios against Plenary, Hocuspocus 4.7 and a bare relay, each server in its
own process and the clients in another, on 127.0.0.1 only. Prints the figures and targets and
writes bench/results/<timestamp>.json.

  --quick               smaller, shorter runs (CI smoke test; under 2 minutes)
  --scenario S2         run only these scenarios (repeat, or comma-separate)
  --system plenary      run only these systems: plenary, hocuspocus, relay
  --data-root DIR       where the servers' databases go (default: the OS temp folder)
  --profile DIR         run the servers with --cpu-prof, profiles written to DIR
  --plenary-root DIR    run the Plenary server of another working copy (a branch, a fix)
  --plenary-as admin    Plenary's clients connect as the admin (default: as a co-host, whose
                        edits are checked against the structure as in a meeting)
  --repeat N            run each scenario N times, the systems taking turns, and judge every
                        metric's median (each run is kept in the results file)
  --out FILE            results file (default bench/results/<timestamp>.json)
  --help`;

const BENCH_ROOT = path.resolve(fileURLToPath(import.meta.url), '../..');

function parseOptions() {
  const { values } = parseArgs({
    options: {
      quick: { type: 'boolean', default: false },
      scenario: { type: 'string', multiple: true },
      system: { type: 'string', multiple: true },
      'data-root': { type: 'string' },
      profile: { type: 'string' },
      'plenary-root': { type: 'string' },
      'plenary-as': { type: 'string', default: 'co-host' },
      repeat: { type: 'string', default: '1' },
      out: { type: 'string' },
      help: { type: 'boolean', default: false },
    },
  });
  if (values.help) {
    process.stdout.write(`${USAGE}\n`);
    process.exit(0);
  }
  const list = (items: string[] | undefined) =>
    (items ?? [])
      .flatMap((item) => item.split(','))
      .map((item) => item.trim())
      .filter(Boolean);
  const scenarioIds = list(values.scenario).map((id) => id.toUpperCase());
  for (const id of scenarioIds) {
    if (!SCENARIOS.some((s) => s.id === id)) {
      throw new Error(
        `unknown scenario ${JSON.stringify(id)}; known: ${SCENARIOS.map((s) => s.id).join(', ')}`,
      );
    }
  }
  const repeat = Number(values.repeat);
  if (!Number.isInteger(repeat) || repeat < 1 || repeat > 50) {
    throw new Error(`--repeat takes a whole number from 1 to 50, not ${JSON.stringify(values.repeat)}`);
  }
  const plenaryUser = values['plenary-as'];
  if (plenaryUser !== 'co-host' && plenaryUser !== 'admin') {
    throw new Error(`--plenary-as takes co-host or admin, not ${JSON.stringify(plenaryUser)}`);
  }
  const systems = list(values.system);
  for (const system of systems) {
    if (!SYSTEM_NAMES.includes(system as SystemName)) {
      throw new Error(`unknown system ${JSON.stringify(system)}; known: ${SYSTEM_NAMES.join(', ')}`);
    }
  }
  return {
    quick: values.quick,
    scenarios: scenarioIds.length > 0 ? SCENARIOS.filter((s) => scenarioIds.includes(s.id)) : SCENARIOS,
    systems: systems.length > 0 ? (systems as SystemName[]) : [...SYSTEM_NAMES],
    dataRoot: path.resolve(values['data-root'] ?? os.tmpdir()),
    serverNodeFlags: values.profile ? ['--cpu-prof', `--cpu-prof-dir=${path.resolve(values.profile)}`] : [],
    plenaryRoot: values['plenary-root'] ? path.resolve(values['plenary-root']) : undefined,
    plenaryUser: plenaryUser as PlenaryUser,
    repeat,
    out: values.out,
  };
}

let current: ReturnType<typeof spawn> | undefined;

/** Runs one job in a runner process of its own; kills it (and its server) past `timeoutMs`. */
function runJob(job: Job, timeoutMs: number): Promise<JobResult> {
  return new Promise((resolve) => {
    // Its own process group, so that a timeout also ends the server it started.
    const child = spawn(
      process.execPath,
      ['--import', 'tsx', path.join(BENCH_ROOT, 'src/runner.ts'), JSON.stringify(job)],
      {
        cwd: BENCH_ROOT,
        stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
        detached: true,
      },
    );
    current = child;
    let result: JobResult | undefined;
    child.on('message', (message) => (result = message as JobResult));
    const timer = setTimeout(() => {
      result = { ok: false, error: `timed out after ${timeoutMs / 1000} s` };
      killGroup(child.pid);
    }, timeoutMs);
    child.on('exit', (code) => {
      clearTimeout(timer);
      current = undefined;
      resolve(result ?? { ok: false, error: `runner exited with ${code} without a result` });
    });
  });
}

function killGroup(pid: number | undefined): void {
  if (pid === undefined) return;
  try {
    process.kill(-pid, 'SIGKILL');
  } catch {
    // already gone
  }
}

async function main(): Promise<void> {
  const options = parseOptions();
  process.on('SIGINT', () => {
    killGroup(current?.pid);
    process.exit(130);
  });
  const started = new Date();
  const startedMs = performance.now();
  const machine = machineInfo(options.dataRoot, options.quick ? 200 : 1000);
  process.stderr.write(
    `Plenary bench${options.quick ? ' (quick)' : ''}: ${machine.cores} x ${machine.cpu}, ${machine.node}, ` +
      `data on ${machine.dataFilesystem}, fsync p50 ${machine.fsyncP50Ms} ms / p99 ${machine.fsyncP99Ms} ms, ` +
      `load average ${machine.loadAverageAtStart}\n`,
  );
  if (machine.loadAverageAtStart > 0.5) {
    process.stderr.write('warning: the machine is busy with other work; figures will be noisy\n');
  }

  const records: RunRecord[] = [];
  /** With --repeat: every run, as a run record with its round. */
  const runs: Array<RunRecord & { round: number }> = [];
  const timeoutMs = options.quick ? 90_000 : 600_000;
  for (const scenario of options.scenarios) {
    if (!scenario.implemented) {
      records.push({ id: scenario.id, status: scenario.note ?? 'not implemented' });
      continue;
    }
    const systems = options.systems.filter((s) => !scenario.systems || scenario.systems.includes(s));
    const bySystem = new Map<SystemName, RunRecord[]>(systems.map((system) => [system, []]));
    // Round by round, each system in turn: a drift of the machine reaches every system alike.
    for (let round = 1; round <= options.repeat; round++) {
      for (const system of systems) {
        const of = options.repeat > 1 ? ` (round ${round} of ${options.repeat})` : '';
        process.stderr.write(`${scenario.id} ${scenario.title} -- ${system}${of}\n`);
        const jobStarted = performance.now();
        const result = await runJob(
          {
            scenario: scenario.id,
            system,
            quick: options.quick,
            dataRoot: options.dataRoot,
            serverNodeFlags: options.serverNodeFlags,
            plenaryRoot: options.plenaryRoot,
            plenaryUser: options.plenaryUser,
          },
          timeoutMs,
        );
        const wallS = Math.round((performance.now() - jobStarted) / 100) / 10;
        const record: RunRecord = result.ok
          ? { id: scenario.id, system, metrics: result.metrics, wallS }
          : { id: scenario.id, system, error: result.error, wallS };
        bySystem.get(system)!.push(record);
        if (options.repeat > 1) runs.push({ ...record, round });
        if (!result.ok) process.stderr.write(`  failed: ${result.error}\n`);
      }
    }
    for (const [system, list] of bySystem) records.push(combine(scenario.id, system, list));
  }

  const targets = options.scenarios.flatMap((scenario) => {
    const figures: Partial<Record<SystemName, Metrics>> = {};
    for (const record of records) {
      if (record.id === scenario.id && 'metrics' in record) figures[record.system] = record.metrics;
    }
    return evaluateTargets(scenario, figures);
  });
  const durationS = Math.round((performance.now() - startedMs) / 100) / 10;
  const out =
    options.out ?? path.join(BENCH_ROOT, 'results', `${started.toISOString().replace(/[:.]/g, '-')}.json`);
  writeResults(out, {
    machine,
    command: ['npm run bench', ...(process.argv.length > 2 ? ['--', ...process.argv.slice(2)] : [])].join(
      ' ',
    ),
    quick: options.quick,
    ...(options.repeat > 1 ? { repeat: options.repeat, runs } : {}),
    startedAt: started.toISOString(),
    durationS,
    scenarios: records,
    targets,
  });

  if (options.repeat > 1) {
    process.stdout.write(
      `\nEach figure is the median of ${options.repeat} runs, the systems taking turns.\n`,
    );
  }
  process.stdout.write(`\n${figuresTable(options.scenarios, records)}\n\n${targetsTable(targets)}\n\n`);
  for (const failure of failures(records)) process.stdout.write(`failed: ${failure}\n`);
  process.stdout.write(`${durationS} s; results in ${path.relative(process.cwd(), out)}\n`);
  // A run where a system failed is not a benchmark result: CI must notice.
  if (failures(records).length > 0) process.exitCode = 1;
}

/** One record for a scenario and system: the run itself, or its runs' medians; a failure wins. */
function combine(id: string, system: SystemName, list: RunRecord[]): RunRecord {
  const failed = list.find((record) => 'error' in record);
  if (failed || list.length === 1) return failed ?? list[0]!;
  const metrics = list.flatMap((record) => ('metrics' in record ? [record.metrics] : []));
  const wallS = list.reduce((sum, record) => sum + ('wallS' in record ? record.wallS : 0), 0);
  return { id, system, metrics: medianMetrics(metrics), wallS: Math.round(wallS * 10) / 10 };
}

await main();
