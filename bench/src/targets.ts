import type { Metrics, Scenario, TargetSpec } from './scenarios/types.ts';
import type { SystemName } from './systems/types.ts';

export interface TargetResult {
  scenario: string;
  label: string;
  metric: string;
  plenary: number | boolean | 'inf' | null;
  /** The figure Plenary had to meet in this run (after the relay rule, for absolute targets). */
  required: number | boolean | null;
  /** How `required` was arrived at, e.g. "absolute" or "1.25x relay (relay: 180 > 100)". */
  basis: string;
  /** null when a figure is missing (system not run, or failed). */
  met: boolean | null;
  /** For absolute targets: whether the absolute figure itself was met (reported beside `met`). */
  absoluteMet: boolean | null;
}

type Figures = Partial<Record<SystemName, Metrics>>;

const RELAY_FACTOR = 1.25;

/** Checks Plenary's figures of one scenario against its targets (issue #8's rules). */
export function evaluateTargets(scenario: Scenario, figures: Figures): TargetResult[] {
  return scenario.targets.map((spec) => evaluate(scenario.id, spec, figures));
}

function evaluate(scenarioId: string, spec: TargetSpec, figures: Figures): TargetResult {
  const value = (system: SystemName) => {
    const v = figures[system]?.[spec.metric];
    return typeof v === 'number' && Number.isFinite(v) ? v : typeof v === 'boolean' ? v : null;
  };
  const raw = figures.plenary?.[spec.metric];
  // "inf": some deliveries never happened (see percentileWithMissing).
  const plenary = raw === 'inf' ? Infinity : value('plenary');
  const base = { scenario: scenarioId, label: spec.label, metric: spec.metric, plenary };

  if (spec.direction === 'isTrue') {
    const met = plenary === null ? null : plenary === true;
    return { ...base, required: true, basis: 'absolute', met, absoluteMet: met };
  }
  let required: number | null = null;
  let basis = 'absolute';
  if (spec.relative) {
    const other = value(spec.relative.system);
    if (typeof other === 'number') required = other * spec.relative.factor;
    basis = `${spec.relative.factor}x ${spec.relative.system}`;
  } else if (spec.absolute !== undefined) {
    required = spec.absolute;
    const relay = value('relay');
    if (spec.relayFallback !== false && figures.relay?.[spec.metric] === 'inf') {
      basis = 'absolute (the relay did not deliver everything: it has no figure)';
    } else if (
      spec.relayFallback !== false &&
      typeof relay === 'number' &&
      !meets(spec, relay, spec.absolute)
    ) {
      // Issue #8: where even the bare relay misses an absolute figure on this machine, the
      // target becomes 1.25x the relay's figure (for a throughput: the relay's / 1.25).
      required = spec.direction === 'atMost' ? relay * RELAY_FACTOR : relay / RELAY_FACTOR;
      basis = `relay misses ${spec.absolute} (${relay}): ${spec.direction === 'atMost' ? '1.25x' : '1/1.25x'} relay`;
    }
  }
  const met = typeof plenary === 'number' && required !== null ? meets(spec, plenary, required) : null;
  const absoluteMet =
    spec.absolute !== undefined && typeof plenary === 'number' ? meets(spec, plenary, spec.absolute) : null;
  return {
    ...base,
    plenary: plenary === Infinity ? 'inf' : plenary,
    required: required === null ? null : Math.round(required * 1000) / 1000,
    basis,
    met,
    absoluteMet,
  };
}

function meets(spec: TargetSpec, value: number, required: number): boolean {
  return spec.direction === 'atLeast' ? value >= required : value <= required;
}
