import fs from 'node:fs';
import path from 'node:path';
import type { MachineInfo } from './machine.ts';
import type { Metrics, Scenario } from './scenarios/types.ts';
import { round } from './stats.ts';
import type { SystemName } from './systems/types.ts';
import type { TargetResult } from './targets.ts';

/** One scenario against one system: its figures, or why there are none. */
export type RunRecord =
  | { id: string; system: SystemName; metrics: Metrics; wallS: number }
  | { id: string; system: SystemName; error: string; wallS: number }
  | { id: string; status: string };

export interface Results {
  machine: MachineInfo;
  command: string;
  quick: boolean;
  /** With --repeat: how many runs each figure is the median of, and every run. */
  repeat?: number;
  runs?: Array<RunRecord & { round: number }>;
  startedAt: string;
  durationS: number;
  scenarios: RunRecord[];
  targets: TargetResult[];
}

const NAMES: Record<SystemName, string> = { plenary: 'Plenary', hocuspocus: 'Hocuspocus', relay: 'relay' };

/** The figures table, markdown, with Plenary/Hocuspocus and Plenary/relay ratios. */
export function figuresTable(scenarios: readonly Scenario[], records: readonly RunRecord[]): string {
  const rows = [
    '| scenario | metric | Plenary | Hocuspocus | relay | Plenary/Hocuspocus | Plenary/relay |',
    '|---|---|---:|---:|---:|---:|---:|',
  ];
  for (const scenario of scenarios) {
    if (!scenario.implemented) {
      rows.push(`| ${scenario.id} | ${scenario.title} | ${scenario.note ?? 'not implemented'} | | | | |`);
      continue;
    }
    const of = (system: SystemName) =>
      records.find((r) => r.id === scenario.id && 'system' in r && r.system === system);
    for (const metric of scenario.headline) {
      const cell = (system: SystemName) => {
        if (scenario.systems && !scenario.systems.includes(system)) return 'n/a';
        const record = of(system);
        if (!record) return '';
        if ('error' in record) return 'failed';
        return 'metrics' in record ? format(record.metrics[metric]) : '';
      };
      const ratio = (other: SystemName) => {
        const p = figure(of('plenary'), metric);
        const o = figure(of(other), metric);
        return p !== null && o !== null && o !== 0 ? `${round(p / o)}` : '';
      };
      rows.push(
        `| ${scenario.id} | ${metric} | ${cell('plenary')} | ${cell('hocuspocus')} | ${cell('relay')} | ${ratio('hocuspocus')} | ${ratio('relay')} |`,
      );
    }
  }
  return rows.join('\n');
}

/** Targets table: each of issue #8's targets, the figure Plenary had to meet, met or missed. */
export function targetsTable(targets: readonly TargetResult[]): string {
  const rows = [
    '| scenario | target | Plenary | required | basis | result | absolute figure |',
    '|---|---|---:|---:|---|---|---|',
  ];
  const word = (met: boolean | null) => (met === null ? 'n/a' : met ? 'met' : '**missed**');
  for (const t of targets) {
    const absolute = t.basis === 'absolute' || t.absoluteMet === null ? '' : word(t.absoluteMet);
    rows.push(
      `| ${t.scenario} | ${t.label} | ${format(t.plenary)} | ${format(t.required)} | ${t.basis} | ${word(t.met)} | ${absolute} |`,
    );
  }
  return rows.join('\n');
}

export function failures(records: readonly RunRecord[]): string[] {
  return records.flatMap((r) =>
    'error' in r ? [`${r.id} ${NAMES[r.system]}: ${r.error.split('\n')[0]}`] : [],
  );
}

export function writeResults(file: string, results: Results): void {
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, `${JSON.stringify(results, null, 2)}\n`);
}

function figure(record: RunRecord | undefined, metric: string): number | null {
  if (!record || !('metrics' in record)) return null;
  const v = record.metrics[metric];
  return typeof v === 'number' && Number.isFinite(v) ? v : null;
}

function format(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'number') return Number.isFinite(value) ? String(round(value)) : String(value);
  return String(value);
}
