import type { SystemHandle, SystemName, SystemOptions } from '../systems/types.ts';

/** What a scenario reports: flat, JSON-friendly figures (ms, MB, KB, counts, ratios). */
export type Metrics = Record<string, number | string | boolean | null>;

export interface ScenarioContext {
  system: SystemHandle;
  quick: boolean;
  /** Progress line on stderr, prefixed with the scenario and system. */
  log(message: string): void;
}

/**
 * A target of issue #8, checked against Plenary's figure. `absolute` targets fall back to
 * 1.25x the relay's figure where even the relay misses them on this machine (the issue's
 * rule); `relative` targets compare with another system in the same run.
 */
export interface TargetSpec {
  metric: string;
  label: string;
  direction: 'atMost' | 'atLeast' | 'isTrue';
  absolute?: number;
  relative?: { system: SystemName; factor: number };
  /** Whether the relay rule applies (not to "nothing undelivered"). Default true. */
  relayFallback?: boolean;
}

export interface Scenario {
  id: string;
  title: string;
  /** False for scenarios that wait on a feature (S7): listed, never faked. */
  implemented: boolean;
  /** Shown instead of figures when not implemented. */
  note?: string;
  /** The systems it applies to, when not all (S7: only Plenary exports). */
  systems?: SystemName[];
  /** Metrics printed in the table, in order (all metrics go to the JSON file). */
  headline: string[];
  targets: TargetSpec[];
  /** Per-run overrides of how the system is started (S5: inspector, unload delay). */
  systemOptions?(quick: boolean): Partial<SystemOptions>;
  run(context: ScenarioContext): Promise<Metrics>;
}
