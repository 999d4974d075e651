/** Latency samples and their summary. */

/** A growable list of numbers (milliseconds), without per-sample objects. */
export class Samples {
  private data = new Float64Array(1024);
  private size = 0;

  add(value: number): void {
    if (this.size === this.data.length) {
      const bigger = new Float64Array(this.data.length * 2);
      bigger.set(this.data);
      this.data = bigger;
    }
    this.data[this.size++] = value;
  }

  get count(): number {
    return this.size;
  }

  /** Sorted copy of the samples. */
  sorted(): Float64Array {
    return this.data.slice(0, this.size).sort();
  }

  summary(): Summary {
    return summarize(this.sorted());
  }
}

export interface Summary {
  count: number;
  p50: number;
  p90: number;
  p99: number;
  max: number;
  mean: number;
}

/** Nearest-rank percentile of sorted values; NaN when there are none. */
export function percentile(sorted: ArrayLike<number>, p: number): number {
  if (sorted.length === 0) return NaN;
  const rank = Math.ceil((p / 100) * sorted.length);
  return sorted[Math.min(sorted.length - 1, Math.max(0, rank - 1))]!;
}

export function summarize(sorted: ArrayLike<number>): Summary {
  let total = 0;
  for (let i = 0; i < sorted.length; i++) total += sorted[i]!;
  return {
    count: sorted.length,
    p50: percentile(sorted, 50),
    p90: percentile(sorted, 90),
    p99: percentile(sorted, 99),
    max: sorted.length > 0 ? sorted[sorted.length - 1]! : NaN,
    mean: sorted.length > 0 ? total / sorted.length : NaN,
  };
}

/**
 * Percentile over the samples plus `missing` deliveries that never happened, counted as
 * infinitely late: "inf" once more than (100 - p)% are missing. A system that drops or stalls
 * must not look fast because only its lucky deliveries were timed.
 */
export function percentileWithMissing(sorted: ArrayLike<number>, missing: number, p: number): number | 'inf' {
  const total = sorted.length + Math.max(0, missing);
  if (total === 0) return NaN;
  const rank = Math.ceil((p / 100) * total);
  return rank > sorted.length ? 'inf' : sorted[Math.max(0, rank - 1)]!;
}

/** Rounds a figure that may be "inf" (see percentileWithMissing). */
export function roundOrInf(value: number | 'inf'): number | 'inf' {
  return value === 'inf' ? value : round(value);
}

/** Rounds for reports: 3 significant decimals below 10, 1 decimal below 1000, else integer. */
export function round(value: number): number {
  if (!Number.isFinite(value)) return value;
  const abs = Math.abs(value);
  if (abs < 10) return Math.round(value * 1000) / 1000;
  if (abs < 1000) return Math.round(value * 10) / 10;
  return Math.round(value);
}

/**
 * Each metric's median over repeated runs of one scenario and system (`--repeat`): numbers by
 * value (the mean of the middle two for an even count; an infinite figure counts as the largest),
 * anything else by the most frequent value (the first run's on a tie).
 */
export function medianMetrics(runs: ReadonlyArray<Record<string, number | string | boolean | null>>) {
  const result: Record<string, number | string | boolean | null> = {};
  for (const key of Object.keys(runs[0] ?? {})) {
    const values = runs.map((run) => run[key] ?? null);
    if (values.every((value) => typeof value === 'number')) {
      const sorted = (values as number[]).slice().sort((a, b) => a - b);
      const middle = sorted.length >> 1;
      result[key] =
        sorted.length % 2 === 1 ? sorted[middle]! : round((sorted[middle - 1]! + sorted[middle]!) / 2);
    } else {
      const counts = new Map<number | string | boolean | null, number>();
      for (const value of values) counts.set(value, (counts.get(value) ?? 0) + 1);
      let best = values[0] ?? null;
      for (const [value, count] of counts) if (count > counts.get(best)!) best = value;
      result[key] = best;
    }
  }
  return result;
}
